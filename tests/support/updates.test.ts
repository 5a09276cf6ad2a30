import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFakeBotApi } from './fake-bot-api.js';
import { createUpdateFactory } from './updates.js';

const ANNA = { id: 5550001, first_name: 'Анна', language_code: 'ru' };
const api = createFakeBotApi();
const TOKEN = '7001234567:AAF-patient-bot-token';

beforeAll(() => api.listen());
afterEach(() => api.reset());
afterAll(() => api.close());

describe('createUpdateFactory', () => {
  it('builds private-chat messages with increasing update ids and dates in seconds', () => {
    const updates = createUpdateFactory({ now: () => 1_700_000_000_500 });
    const first = updates.text(ANNA, 'Добрый день');
    const second = updates.text(ANNA, 'Ещё вопрос');
    expect(second.update_id).toBe(first.update_id + 1);
    expect(first.message).toEqual({
      message_id: 1,
      from: { id: ANNA.id, is_bot: false, first_name: 'Анна', language_code: 'ru' },
      chat: { id: ANNA.id, type: 'private', first_name: 'Анна' },
      date: 1_700_000_000,
      text: 'Добрый день',
    });
    expect(second.message!.message_id).toBe(2);
  });

  it('marks commands with bot_command entities, as Telegram does for typed text too', () => {
    const updates = createUpdateFactory();
    expect(updates.command(ANNA, 'start', 'abc').message).toMatchObject({ text: '/start abc', entities: [{ type: 'bot_command', offset: 0, length: 6 }] });
    expect(updates.text(ANNA, 'see /help@clinic_bot, please').message!.entities).toEqual([{ type: 'bot_command', offset: 4, length: 16 }]);
    expect(updates.text(ANNA, 'a/b is not a command').message!.entities).toBeUndefined();
  });

  it('sends a photo as PhotoSizes of increasing size, the given file the largest', () => {
    const updates = createUpdateFactory();
    const file = api.addFile(Buffer.from('jpeg'), { fileSize: 250_000 });
    const { message } = updates.photo(ANNA, file, { caption: 'УЗИ', media_group_id: '1357', forward: true });
    const sizes = message!.photo!;
    expect(sizes.map((s) => s.width)).toEqual([90, 320, 800, 1280]);
    expect(sizes.map((s) => s.file_size)).toEqual([...sizes.map((s) => s.file_size)].sort((a, b) => a! - b!));
    expect(sizes.at(-1)).toMatchObject({ file_id: file.file_id, file_size: 250_000 });
    expect(message).toMatchObject({ caption: 'УЗИ', media_group_id: '1357', forward_origin: { type: 'user' } });
  });

  it('builds documents, contacts and stickers', () => {
    const updates = createUpdateFactory();
    const file = api.addFile(Buffer.from('%PDF'));
    expect(updates.document(ANNA, file, { file_name: 'эпикриз.pdf', mime_type: 'application/pdf' }).message!.document).toEqual({
      file_name: 'эпикриз.pdf',
      mime_type: 'application/pdf',
      ...file,
    });
    expect(updates.contact(ANNA, { phone_number: '79161234567', first_name: 'Анна', user_id: ANNA.id }).message!.contact).toEqual({
      phone_number: '79161234567',
      first_name: 'Анна',
      user_id: ANNA.id,
    });
    expect(updates.sticker(ANNA).message!.sticker).toMatchObject({ type: 'regular', width: 512, height: 512, is_animated: false });
  });

  it('linked to the fake, shares the chat message sequence and lets the bot reach the message', async () => {
    const updates = createUpdateFactory({ api, token: TOKEN });
    const { message } = updates.text(ANNA, 'вопрос');
    expect(api.history(ANNA.id)).toEqual([message]);
    const response = await fetch(`${api.apiRoot}/bot${TOKEN}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chat_id: ANNA.id, text: 'ответ', reply_parameters: { message_id: message!.message_id } }),
    });
    const body = (await response.json()) as { result: { message_id: number; reply_to_message: unknown } };
    expect(body.result.message_id).toBe(2);
    expect(body.result.reply_to_message).toEqual(message);
  });

  it('an unlinked press without a message carries an inaccessible message', () => {
    const press = createUpdateFactory().callback(ANNA, 'x').callback_query!;
    expect(press).toMatchObject({ from: { id: ANNA.id }, data: 'x', message: { chat: { id: ANNA.id }, date: 0 } });
    expect(press.id).toMatch(/^\d+$/);
  });
});

describe('request formats', () => {
  it('accepts a standard multipart form with the file under the parameter name (curl -F document=@...)', async () => {
    const form = new FormData();
    form.set('chat_id', String(ANNA.id));
    form.set('caption', '123');
    form.set('document', new Blob([Buffer.from('bytes')], { type: 'application/pdf' }), 'выписка "от" 01.02.pdf'); // sent as %22, which Telegram decodes
    const response = await fetch(`${api.apiRoot}/bot${TOKEN}/sendDocument`, { method: 'POST', body: form });
    expect(response.status).toBe(200);
    const [call] = api.callsOf('senddocument');
    expect(call!.params).toEqual({
      chat_id: ANNA.id,
      caption: '123',
      document: { filename: 'выписка "от" 01.02.pdf', bytes: Buffer.from('bytes'), mime: 'application/pdf' },
    });
  });

  it('accepts GET with a query string and method names in any case', async () => {
    const response = await fetch(`${api.apiRoot}/bot${TOKEN}/SENDMESSAGE?chat_id=${ANNA.id}&text=007`);
    expect(((await response.json()) as { result: { text: string } }).result.text).toBe('007');
  });

  it('answers a malformed token with 401 and a wrong path with 404', async () => {
    expect((await fetch(`${api.apiRoot}/botnot-a-token/getMe`)).status).toBe(401);
    expect((await fetch(`${api.apiRoot}/something/else`)).status).toBe(404);
  });
});
