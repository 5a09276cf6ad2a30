import { Bot, GrammyError, InlineKeyboard, InputFile } from 'grammy';
import type { Message } from 'grammy/types';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFakeBotApi } from './fake-bot-api.js';
import { createUpdateFactory } from './updates.js';

const api = createFakeBotApi();
const TOKEN = '7001234567:AAF-patient-bot-token';
const STAFF_TOKEN = '7009999999:AAF-staff-bot-token';
const ANNA = { id: 5550001, first_name: 'Анна', language_code: 'ru' };

const createBot = (token = TOKEN) => new Bot(token, { botInfo: api.botInfo(token), client: { apiRoot: api.apiRoot } });
const apiError = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the call should fail'),
    (error: unknown) => {
      expect(error).toBeInstanceOf(GrammyError);
      return error as GrammyError;
    },
  );
const jpeg = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#c00' } }).jpeg().toBuffer();

beforeAll(() => api.listen());
afterEach(() => api.reset());
afterAll(() => api.close());

describe('fake Bot API with a real grammY bot', () => {
  it('records sendMessage and answers with a Message', async () => {
    const bot = createBot();
    const message = await bot.api.sendMessage(ANNA.id, 'Здравствуйте!');
    expect(message).toMatchObject({
      message_id: 1,
      from: { id: 7001234567, is_bot: true, username: api.botInfo(TOKEN).username },
      chat: { id: ANNA.id, type: 'private' },
      text: 'Здравствуйте!',
    });
    expect(Math.abs(message.date - Date.now() / 1000)).toBeLessThan(5);
    expect(api.callsOf('sendMessage')).toEqual([expect.objectContaining({ token: TOKEN, params: { chat_id: ANNA.id, text: 'Здравствуйте!' } })]);
    expect((await bot.api.sendMessage(ANNA.id, 'Второе')).message_id).toBe(2);
  });

  it('records the bytes of a multipart sendDocument and serves them back through getFile', async () => {
    const bot = createBot();
    const bytes = Buffer.from('%PDF-1.7 выписка');
    const message = await bot.api.sendDocument(ANNA.id, new InputFile(bytes, 'Выписка 2024.pdf'), {
      caption: 'Ваша выписка',
      reply_markup: new InlineKeyboard().text('Готово', 'done'),
    });
    const [call] = api.callsOf('sendDocument');
    expect(call!.params.document).toEqual({ filename: 'Выписка 2024.pdf', bytes, mime: 'application/octet-stream' });
    expect(call!.params.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Готово', callback_data: 'done' }]] });
    expect(call!.params.chat_id).toBe(ANNA.id);
    expect(message.document).toMatchObject({ file_name: 'Выписка 2024.pdf', mime_type: 'application/pdf', file_size: bytes.length });
    expect(message.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Готово', callback_data: 'done' }]] });
    expect(api.sent(ANNA.id)).toEqual([
      expect.objectContaining({ method: 'sendDocument', caption: 'Ваша выписка', buttons: [['Готово']], files: [expect.objectContaining({ bytes })] }),
    ]);
    const file = await bot.api.getFile(message.document!.file_id);
    const download = await fetch(`${api.apiRoot}/file/bot${TOKEN}/${file.file_path}`);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
  });

  it('serves an added file through getFile and the download URL', async () => {
    const bot = createBot();
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3]);
    const added = api.addFile(bytes, { filePath: 'photos/file_7.jpg' });
    const file = await bot.api.getFile(added.file_id);
    expect(file).toEqual({ file_id: added.file_id, file_unique_id: added.file_unique_id, file_size: 6, file_path: 'photos/file_7.jpg' });
    const response = await fetch(`${api.apiRoot}/file/bot${TOKEN}/${file.file_path}`);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
    expect((await fetch(`${api.apiRoot}/file/bot${TOKEN}/photos/nothing.jpg`)).status).toBe(404);
  });

  it('refuses getFile for a file over 20 MB as Telegram does', async () => {
    const bot = createBot();
    const big = api.addFile(Buffer.from('head of a large scan'), { fileSize: 20 * 1024 * 1024 + 1 });
    const error = await apiError(bot.api.getFile(big.file_id));
    expect(error.error_code).toBe(400);
    expect(error.description).toBe('Bad Request: file is too big');
    expect((await apiError(bot.api.getFile('no-such-file'))).description).toBe('Bad Request: invalid file_id');
  });

  it('failNext(429) gives a GrammyError carrying retry_after, then calls succeed again', async () => {
    const bot = createBot();
    api.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } });
    const error = await apiError(bot.api.sendMessage(ANNA.id, 'Напоминание'));
    expect(error.error_code).toBe(429);
    expect(error.parameters.retry_after).toBe(7);
    await expect(bot.api.sendMessage(ANNA.id, 'Напоминание')).resolves.toMatchObject({ text: 'Напоминание' });
    expect(api.callsOf('sendMessage').map((c) => c.response?.ok)).toEqual([false, true]);
  });

  it('a command update fed to the bot is answered, and the reply is what sent(chatId) shows', async () => {
    const bot = createBot();
    bot.command('start', (ctx) => ctx.reply(`Здравствуйте, ${ctx.from?.first_name}! Код: ${ctx.match}`));
    const updates = createUpdateFactory({ api });
    await bot.handleUpdate(updates.command(ANNA, '/start', 'ref42'));
    expect(api.sent(ANNA.id).map((m) => m.text)).toEqual(['Здравствуйте, Анна! Код: ref42']);
    expect(api.lastText(ANNA.id)).toBe('Здравствуйте, Анна! Код: ref42');
    expect(api.sent(ANNA.id)[0]!.messageId).toBe(2); // the person's /start was message 1 of the chat
  });
});

describe('faithful answers', () => {
  it('validates sendMessage the way Telegram does', async () => {
    const raw = createBot().api.raw;
    expect((await apiError(raw.sendMessage({ chat_id: ANNA.id, text: '' }))).description).toBe('Bad Request: message text is empty');
    expect((await apiError(raw.sendMessage({ text: 'hi' } as never))).description).toBe('Bad Request: chat_id is empty');
    expect((await apiError(raw.sendMessage({ chat_id: ANNA.id, text: ' \n ' }))).description).toBe('Bad Request: text must be non-empty');
    expect((await apiError(raw.sendMessage({ chat_id: ANNA.id, text: 'x'.repeat(4097) }))).description).toBe('Bad Request: message is too long');
    const longData = new InlineKeyboard().text('Выбрать', 'x'.repeat(65));
    expect((await apiError(raw.sendMessage({ chat_id: ANNA.id, text: 'hi', reply_markup: longData }))).description).toBe(
      'Bad Request: BUTTON_DATA_INVALID',
    );
    const webApp = new InlineKeyboard().webApp('Открыть', 'http://example.com');
    expect((await apiError(raw.sendMessage({ chat_id: ANNA.id, text: 'hi', reply_markup: webApp }))).description).toBe(
      "Bad Request: inline keyboard button Web App URL 'http://example.com' is invalid: Only HTTPS links are allowed",
    );
  });

  it('parses HTML into text and entities, and rejects what Telegram rejects', async () => {
    const bot = createBot();
    const message = await bot.api.sendMessage(ANNA.id, '<b>Запись</b> на 10:00 &lt;МСК&gt; <a href="https://example.com">ссылка</a>', { parse_mode: 'HTML' });
    expect(message.text).toBe('Запись на 10:00 <МСК> ссылка');
    expect(message.entities).toEqual([
      { type: 'bold', offset: 0, length: 6 },
      { type: 'text_link', offset: 22, length: 6, url: 'https://example.com' },
    ]);
    const error = await apiError(bot.api.sendMessage(ANNA.id, 'Пациент <Иванов>', { parse_mode: 'HTML' }));
    expect(error.description).toBe('Bad Request: can\'t parse entities: Unsupported start tag "иванов" at byte offset 15');
  });

  it('answers an unknown method with 404, like the Bot API server', async () => {
    const response = await fetch(`${api.apiRoot}/bot${TOKEN}/sendTelepathy`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ ok: false, error_code: 404, description: 'Not Found: method not found' });
  });

  it('sends an album uploaded with attach:// references and returns one Message per item', async () => {
    const bot = createBot();
    const [a, b] = [await jpeg(1600, 1200), await jpeg(640, 480)];
    const messages: Message[] = await bot.api.sendMediaGroup(ANNA.id, [
      { type: 'photo', media: new InputFile(a, 'a.jpg'), caption: 'ЭКГ' },
      { type: 'photo', media: new InputFile(b, 'b.jpg') },
    ]);
    expect(messages).toHaveLength(2);
    expect(messages[0]!.media_group_id).toBeDefined();
    expect(messages[1]!.media_group_id).toBe(messages[0]!.media_group_id);
    expect(messages[0]!.photo!.map((p) => [p.width, p.height])).toEqual([[90, 68], [320, 240], [800, 600], [1280, 960]]);
    expect(messages[0]!.caption).toBe('ЭКГ');
    const media = api.callsOf('sendMediaGroup')[0]!.params.media as { media: { bytes: Buffer } }[];
    expect(media.map((m) => m.media.bytes)).toEqual([a, b]);
    expect(api.sent(ANNA.id).map((m) => [m.caption, m.files?.[0]?.bytes?.length])).toEqual([
      ['ЭКГ', a.length],
      [undefined, b.length],
    ]);
    const largest = await bot.api.getFile(messages[0]!.photo!.at(-1)!.file_id);
    expect(largest.file_path).toMatch(/^photos\/.+\.jpg$/);
  });

  it('reads file names as Telegram does, which mangles what grammY sends unescaped', async () => {
    const bot = createBot();
    await bot.api.sendDocument(ANNA.id, new InputFile(Buffer.from('x'), 'Анализы "март" 100%.pdf'));
    await bot.api.sendDocument(ANNA.id, new InputFile(Buffer.from('x'), 'УЗИ; 2 стр.pdf'));
    await bot.api.sendDocument(ANNA.id, new InputFile(Buffer.from('x'), 'scan %41.pdf'));
    const names = api.callsOf('sendDocument').map((c) => (c.params.document as { filename: string }).filename);
    expect(names).toEqual(['Анализы "март" 100%.pdf', 'УЗИ', 'scan A.pdf']);
  });

  it('refuses a photo that is not an image', async () => {
    const error = await apiError(createBot().api.sendPhoto(ANNA.id, new InputFile(Buffer.from('not an image'), 'x.jpg')));
    expect(error.description).toBe('Bad Request: IMAGE_PROCESS_FAILED');
  });

  it('keeps file_ids per bot: another bot cannot send or download them', async () => {
    const patientBot = createBot();
    const staffBot = createBot(STAFF_TOKEN);
    const sent = await patientBot.api.sendDocument(ANNA.id, new InputFile(Buffer.from('scan'), 'scan.pdf'));
    const error = await apiError(staffBot.api.sendDocument(ANNA.id, sent.document!.file_id));
    expect(error.description).toBe('Bad Request: wrong file identifier/HTTP URL specified');
    expect((await apiError(staffBot.api.getFile(sent.document!.file_id))).description).toBe('Bad Request: invalid file_id');
    await expect(patientBot.api.sendDocument(ANNA.id, sent.document!.file_id)).resolves.toMatchObject({ document: { file_name: 'scan.pdf' } });
  });

  it('edits: not modified, keyboard dropped when reply_markup is omitted, unknown message', async () => {
    const bot = createBot();
    const keyboard = new InlineKeyboard().text('Да', 'yes');
    const message = await bot.api.sendMessage(ANNA.id, 'Подтвердите', { reply_markup: keyboard });
    const same = await apiError(bot.api.editMessageText(ANNA.id, message.message_id, 'Подтвердите', { reply_markup: keyboard }));
    expect(same.description).toMatch(/^Bad Request: message is not modified/);
    const edited = await bot.api.editMessageText(ANNA.id, message.message_id, 'Подтверждено');
    expect(edited).toMatchObject({ text: 'Подтверждено', edit_date: expect.any(Number) });
    expect(edited).not.toHaveProperty('reply_markup');
    expect(api.history(ANNA.id).map((m) => (m as { text?: string }).text)).toEqual(['Подтверждено']);
    expect((await apiError(bot.api.editMessageText(ANNA.id, 999, 'x'))).description).toBe('Bad Request: message to edit not found');
  });

  it('edits and removes a caption, keeping the photo', async () => {
    const bot = createBot();
    const sent = await bot.api.sendPhoto(ANNA.id, new InputFile(await jpeg(100, 100), 'p.jpg'), { caption: '<b>Старая</b>', parse_mode: 'HTML' });
    const edited = await bot.api.editMessageCaption(ANNA.id, sent.message_id, { caption: 'Новая' });
    expect(edited).toMatchObject({ caption: 'Новая', photo: sent.photo });
    expect(edited).not.toHaveProperty('caption_entities');
    const cleared = await bot.api.editMessageCaption(ANNA.id, sent.message_id);
    expect(cleared).not.toHaveProperty('caption');
    expect((await apiError(bot.api.editMessageText(ANNA.id, sent.message_id, 'x'))).description).toBe(
      'Bad Request: there is no text in the message to edit',
    );
  });

  it('a button press found by the linked factory; a second answer to one query fails', async () => {
    const bot = createBot();
    bot.command('ask', (ctx) => ctx.reply('Удобно завтра?', { reply_markup: new InlineKeyboard().text('Да', 'slot:yes') }));
    bot.callbackQuery('slot:yes', async (ctx) => {
      await ctx.answerCallbackQuery('Записали');
      await ctx.editMessageText('Записали на завтра');
    });
    const updates = createUpdateFactory({ api });
    await bot.handleUpdate(updates.command(ANNA, '/ask'));
    const press = updates.callback(ANNA, 'slot:yes');
    expect(press.callback_query!.message).toMatchObject({ text: 'Удобно завтра?' });
    await bot.handleUpdate(press);
    expect(api.sent(ANNA.id).map((m) => [m.method, m.text, m.buttons])).toEqual([
      ['sendMessage', 'Удобно завтра?', [['Да']]],
      ['editMessageText', 'Записали на завтра', []],
    ]);
    expect(() => updates.callback(ANNA, 'never-shown')).toThrow(/never-shown/);
    const again = await apiError(bot.api.answerCallbackQuery(press.callback_query!.id));
    expect(again.description).toBe('Bad Request: query is too old and response timeout expired or query ID is invalid');
  });

  it('copies a person\'s remembered photo to another chat with its bytes', async () => {
    const bot = createBot();
    const updates = createUpdateFactory({ api, token: TOKEN });
    const sizes = api.addPhoto(await jpeg(1280, 960), { token: TOKEN });
    const update = updates.photo(ANNA, sizes, { caption: 'анализ' });
    const doctorChat = -1001234567890;
    await bot.api.copyMessage(doctorChat, ANNA.id, update.message!.message_id);
    const [copy] = api.sent(doctorChat);
    expect(copy).toMatchObject({ method: 'copyMessage', caption: 'анализ', files: [{ kind: 'photo', fileId: sizes.at(-1)!.file_id }] });
    expect(copy!.files![0]!.bytes!.length).toBeGreaterThan(0);
    expect((await apiError(bot.api.copyMessage(doctorChat, ANNA.id, 999))).description).toBe('Bad Request: message to copy not found');
  });

  it('long polling: bot.start receives a queued update and getUpdates does not spin', async () => {
    const bot = createBot();
    const handled = new Promise<string>((resolve) => bot.on('message:text', (ctx) => resolve(ctx.message.text)));
    api.enqueueUpdate(TOKEN, createUpdateFactory().text(ANNA, 'привет'));
    void bot.start({ drop_pending_updates: false });
    expect(await handled).toBe('привет');
    await bot.stop();
    const polls = api.callsOf('getUpdates').length;
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(api.callsOf('getUpdates')).toHaveLength(polls);
    expect(polls).toBeLessThan(20);
  });

  it('webhooks: https only, and getUpdates conflicts while one is set', async () => {
    const bot = createBot();
    expect((await apiError(bot.api.setWebhook('http://example.com/hook'))).description).toBe(
      'Bad Request: bad webhook: An HTTPS URL must be provided for webhook',
    );
    await expect(bot.api.setWebhook('https://example.com/hook', { secret_token: 'abc_DEF-1' })).resolves.toBe(true);
    expect(api.callsOf('setWebhook').at(-1)!.response).toEqual({ ok: true, result: true, description: 'Webhook was set' });
    expect((await apiError(bot.api.getUpdates())).error_code).toBe(409);
    await bot.api.deleteWebhook();
    await expect(bot.api.getUpdates({ timeout: 30 })).resolves.toEqual([]);
  });

  it('keeps commands per scope and language', async () => {
    const bot = createBot();
    await bot.api.setMyCommands([{ command: 'start', description: 'Начать' }], { language_code: 'ru' });
    expect(await bot.api.getMyCommands({ language_code: 'ru' })).toEqual([{ command: 'start', description: 'Начать' }]);
    expect(await bot.api.getMyCommands()).toEqual([]);
    expect((await apiError(bot.api.setMyCommands([{ command: 'Start', description: 'x' }]))).description).toBe('Bad Request: BOT_COMMAND_INVALID');
    await bot.api.deleteMyCommands({ language_code: 'ru' });
    expect(await bot.api.getMyCommands({ language_code: 'ru' })).toEqual([]);
  });
});
