import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Api } from 'grammy';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createBotApiEmulator, type BotApiEmulator } from '../../sandbox/botapi/emulator.js';
import { BOT_API_METHODS } from '../../sandbox/botapi/methods.js';
import { SANDBOX_DOCTOR, SANDBOX_PATIENT } from '../../sandbox/demo.js';
import { pdfWithPages } from '../support/document-fixtures.js';

// The emulator's answers against the Bot API's documented types (https://core.telegram.org/bots/api, "Available
// types"), for every method our bots call and a few more they may, and its errors in Telegram's own shape and words.
// Schemas are strict about what the documentation marks required and about types, loose about optional extras.

const User = z.object({
  id: z.number().int(),
  is_bot: z.boolean(),
  first_name: z.string().min(1),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
});
const GetMeUser = User.extend({
  is_bot: z.literal(true),
  username: z.string().min(5),
  can_join_groups: z.boolean(),
  can_read_all_group_messages: z.boolean(),
  supports_inline_queries: z.boolean(),
});
const Chat = z.object({ id: z.number().int(), type: z.enum(['private', 'group', 'supergroup', 'channel']), first_name: z.string().optional(), title: z.string().optional() });
const MessageEntity = z.object({
  type: z.enum(['mention', 'hashtag', 'cashtag', 'bot_command', 'url', 'email', 'phone_number', 'bold', 'italic', 'underline', 'strikethrough', 'spoiler', 'blockquote', 'expandable_blockquote', 'code', 'pre', 'text_link', 'text_mention', 'custom_emoji', 'date_time']),
  offset: z.number().int().min(0),
  length: z.number().int().positive(),
  url: z.string().optional(),
});
const PhotoSize = z.object({ file_id: z.string().min(1), file_unique_id: z.string().min(1), width: z.number().int().positive(), height: z.number().int().positive(), file_size: z.number().int().optional() });
const Document = z.object({ file_id: z.string().min(1), file_unique_id: z.string().min(1), file_name: z.string().optional(), mime_type: z.string().optional(), file_size: z.number().int().optional() });
const File = z.object({ file_id: z.string().min(1), file_unique_id: z.string().min(1), file_size: z.number().int().optional(), file_path: z.string().optional() });
const InlineKeyboardButton = z.object({ text: z.string().min(1), callback_data: z.string().max(64).optional(), url: z.string().optional(), web_app: z.object({ url: z.string() }).optional() });
const InlineKeyboardMarkup = z.object({ inline_keyboard: z.array(z.array(InlineKeyboardButton)) });
const Contact = z.object({ phone_number: z.string(), first_name: z.string(), last_name: z.string().optional(), user_id: z.number().int().optional() });
const MessageOrigin = z.object({ type: z.enum(['user', 'hidden_user', 'chat', 'channel']), date: z.number().int() });
const Message = z.object({
  message_id: z.number().int().positive(),
  from: User.optional(),
  chat: Chat,
  date: z.number().int().positive(),
  edit_date: z.number().int().optional(),
  media_group_id: z.string().optional(),
  forward_origin: MessageOrigin.optional(),
  text: z.string().optional(),
  entities: z.array(MessageEntity).optional(),
  caption: z.string().optional(),
  caption_entities: z.array(MessageEntity).optional(),
  photo: z.array(PhotoSize).min(1).optional(),
  document: Document.optional(),
  contact: Contact.optional(),
  reply_markup: InlineKeyboardMarkup.optional(),
});
const MessageId = z.object({ message_id: z.number().int().positive() }).strict();
const CallbackQuery = z.object({ id: z.string().min(1), from: User, message: Message.optional(), chat_instance: z.string(), data: z.string().optional() });
const Update = z.object({ update_id: z.number().int().nonnegative(), message: Message.optional(), callback_query: CallbackQuery.optional() });
const BotCommand = z.object({ command: z.string().regex(/^[a-z0-9_]{1,32}$/), description: z.string().min(1).max(256) });
const MenuButton = z.discriminatedUnion('type', [
  z.object({ type: z.literal('commands') }),
  z.object({ type: z.literal('default') }),
  z.object({ type: z.literal('web_app'), text: z.string(), web_app: z.object({ url: z.string().url() }) }),
]);
const WebhookInfo = z.object({ url: z.string(), has_custom_certificate: z.boolean(), pending_update_count: z.number().int() });
const Ok = <T extends z.ZodTypeAny>(result: T) => z.object({ ok: z.literal(true), result, description: z.string().optional() }).strict();
const Failure = z.object({ ok: z.literal(false), error_code: z.number().int(), description: z.string(), parameters: z.object({ retry_after: z.number().optional() }).optional() }).strict();

const PATIENT = '1000000001:SANDBOX-patient-shapes-test-token';
const STAFF = '1000000002:SANDBOX-staff-shapes-test-token';
let emulator: BotApiEmulator;
let root = '';
let close: () => Promise<void>;

/** One Bot API call over HTTP as a bot makes it: JSON body, or multipart when it carries files. */
async function call(method: string, params: Record<string, unknown> = {}, token = PATIENT, files?: Record<string, { bytes: Buffer; name: string }>) {
  let init: RequestInit;
  if (files) {
    const form = new FormData();
    for (const [key, value] of Object.entries(params)) form.append(key, typeof value === 'string' ? value : JSON.stringify(value));
    for (const [key, file] of Object.entries(files)) form.append(key, new Blob([new Uint8Array(file.bytes)]), file.name);
    init = { method: 'POST', body: form };
  } else init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) };
  const response = await fetch(`${root}/bot${token}/${method}`, init);
  const body = (await response.json()) as { ok: boolean; error_code?: number };
  // Telegram answers a failure with the same code as the HTTP status.
  expect(response.status).toBe(body.ok ? 200 : body.error_code);
  return body;
}
const ok = async <T extends z.ZodTypeAny>(schema: T, method: string, params: Record<string, unknown> = {}, token = PATIENT, files?: Record<string, { bytes: Buffer; name: string }>) =>
  (Ok(schema).parse(await call(method, params, token, files)) as { result: z.infer<T> }).result;
const fails = async (method: string, params: Record<string, unknown>, token = PATIENT) => Failure.parse(await call(method, params, token));

const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#3390ec' } }).png().toBuffer();
const chat = SANDBOX_PATIENT.id;

beforeAll(async () => {
  emulator = createBotApiEmulator({
    bots: [
      { token: PATIENT, username: 'oblako_sandbox_bot', firstName: 'Облако' },
      { token: STAFF, username: 'oblako_staff_sandbox_bot', firstName: 'Облако: врачи' },
    ],
  });
  ({ apiRoot: root, close } = await emulator.listen());
});
afterAll(() => close());

/** grammY's Context shortcuts and the Bot API method each one calls. */
const SHORTCUTS: Record<string, string> = {
  reply: 'sendMessage',
  replyWithPhoto: 'sendPhoto',
  replyWithDocument: 'sendDocument',
  replyWithMediaGroup: 'sendMediaGroup',
  replyWithChatAction: 'sendChatAction',
  replyWithCopy: 'copyMessage',
  forwardMessage: 'forwardMessage',
  copyMessage: 'copyMessage',
  editMessageText: 'editMessageText',
  editMessageCaption: 'editMessageCaption',
  editMessageReplyMarkup: 'editMessageReplyMarkup',
  deleteMessage: 'deleteMessage',
  answerCallbackQuery: 'answerCallbackQuery',
  getFile: 'getFile',
};

/** Bot API methods the service's code calls, read from its sources (what a grep finds), plus what grammY itself calls. */
function methodsTheBotsCall(): string[] {
  const root = path.resolve(import.meta.dirname, '../..');
  const files = ['bot', 'api', 'app', 'cli'].flatMap((dir) => (readdirSync(path.join(root, dir), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => path.join(root, dir, f)));
  const apiMethods = new Set(Object.getOwnPropertyNames(Api.prototype));
  const found = new Set(['getMe', 'getUpdates']); // bot.init() and the runner
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const [, name] of source.matchAll(/\bapi\.([a-z]\w+)\(/g)) if (apiMethods.has(name!)) found.add(name!);
    for (const [, name] of source.matchAll(/\bctx\.([a-z]\w+)\(/g)) if (SHORTCUTS[name!]) found.add(SHORTCUTS[name!]!);
    if (/\bchatAction\s*=/.test(source)) found.add('sendChatAction'); // @grammyjs/auto-chat-action
  }
  return [...found].sort();
}

describe('the emulator answers every method the bots call', () => {
  it('has a handler for each one found in bot/, api/, app/ and cli/', () => {
    const called = methodsTheBotsCall();
    expect(called).toEqual(expect.arrayContaining(['sendMessage', 'answerCallbackQuery', 'editMessageText', 'setMyCommands', 'getFile']));
    expect(called.filter((m) => !BOT_API_METHODS[m.toLowerCase()])).toEqual([]);
  });
});

describe('the emulator answers in the documented shapes', () => {
  it('getMe: the bot as a User with the getMe-only flags', async () => {
    const me = await ok(GetMeUser, 'getMe');
    expect(me).toMatchObject({ id: 1000000001, username: 'oblako_sandbox_bot', is_bot: true });
  });

  it('deleteWebhook, setWebhook, getWebhookInfo: True with a description; only https webhooks', async () => {
    expect((await call('deleteWebhook')) as unknown).toEqual({ ok: true, result: true, description: 'Webhook is already deleted' });
    expect((await fails('setWebhook', { url: 'http://example.org/hook' })).description).toBe('Bad Request: bad webhook: An HTTPS URL must be provided for webhook');
    expect(await ok(WebhookInfo, 'getWebhookInfo')).toEqual({ url: '', has_custom_certificate: false, pending_update_count: 0 });
  });

  it('setMyCommands/getMyCommands per language, setChatMenuButton/getChatMenuButton (web_app over https)', async () => {
    const commands = [{ command: 'start', description: 'Начать' }, { command: 'help', description: 'Помощь' }];
    expect(await ok(z.literal(true), 'setMyCommands', { commands, language_code: 'ru' })).toBe(true);
    expect(z.array(BotCommand).parse(await ok(z.array(BotCommand), 'getMyCommands', { language_code: 'ru' }))).toEqual(commands);
    expect(await ok(z.array(BotCommand), 'getMyCommands', {})).toEqual([]);
    expect((await fails('setMyCommands', { commands: [{ command: 'Bad Command', description: 'x' }] })).description).toBe('Bad Request: BOT_COMMAND_INVALID');
    const menu = { type: 'web_app', text: 'Личный кабинет', web_app: { url: 'https://oblako.sandbox.localhost/app/' } };
    expect(await ok(z.literal(true), 'setChatMenuButton', { menu_button: menu })).toBe(true);
    expect(await ok(MenuButton, 'getChatMenuButton', { chat_id: chat })).toEqual(menu);
    expect((await fails('setChatMenuButton', { menu_button: { ...menu, web_app: { url: 'http://x.example/app/' } } })).description).toMatch(/^Bad Request: URL 'http:\/\/x\.example\/app\/' is invalid: Only HTTPS links are allowed$/);
  });

  it('sendMessage: a Message with HTML turned into entities, the inline keyboard echoed, a reply keyboard not', async () => {
    const sent = await ok(Message, 'sendMessage', {
      chat_id: chat,
      text: '<b>Запись</b> подтверждена',
      parse_mode: 'HTML',
      reply_markup: { inline_keyboard: [[{ text: 'Отменить', callback_data: 'cancel:1' }]] },
    });
    expect(sent).toMatchObject({ text: 'Запись подтверждена', entities: [{ type: 'bold', offset: 0, length: 6 }], chat: { id: chat, type: 'private' }, from: { is_bot: true } });
    expect(sent.reply_markup?.inline_keyboard[0]?.[0]?.callback_data).toBe('cancel:1');
    const withKeyboard = await ok(Message, 'sendMessage', { chat_id: chat, text: 'Меню', reply_markup: { keyboard: [[{ text: 'Поделиться', request_contact: true }]], resize_keyboard: true } });
    expect(withKeyboard.reply_markup).toBeUndefined();
  });

  it('sendMessage: an <a href> Telegram cannot check (javascript:, sftp:) is dropped as TDLib drops it; http, https and tg stay', async () => {
    const sent = await ok(Message, 'sendMessage', {
      chat_id: chat,
      text: '<a href="javascript:alert(1)">a</a> <a href="sftp://x.example">b</a> <a href="https://x.example/">c</a> <a href="x.example">d</a> <a href="tg://resolve?domain=x">e</a>',
      parse_mode: 'HTML',
    });
    expect(sent.entities).toEqual([
      { type: 'text_link', offset: 4, length: 1, url: 'https://x.example/' },
      { type: 'text_link', offset: 6, length: 1, url: 'http://x.example' },
      { type: 'text_link', offset: 8, length: 1, url: 'tg://resolve?domain=x' },
    ]);
  });

  it('editMessageText and editMessageReplyMarkup: the edited Message with edit_date; an unchanged edit is refused', async () => {
    const sent = await ok(Message, 'sendMessage', { chat_id: chat, text: 'Черновик', reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] } });
    const edited = await ok(Message, 'editMessageText', { chat_id: chat, message_id: sent.message_id, text: 'Готово' });
    expect(edited).toMatchObject({ message_id: sent.message_id, text: 'Готово' });
    expect(edited.edit_date).toBeGreaterThan(0);
    expect((await fails('editMessageText', { chat_id: chat, message_id: sent.message_id, text: 'Готово' })).description).toBe(
      'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    );
    const markup = await ok(Message, 'editMessageReplyMarkup', { chat_id: chat, message_id: sent.message_id, reply_markup: { inline_keyboard: [[{ text: 'B', callback_data: 'b' }]] } });
    expect(markup.reply_markup?.inline_keyboard[0]?.[0]?.text).toBe('B');
    expect((await fails('editMessageText', { chat_id: chat, message_id: 999_999, text: 'x' })).description).toBe('Bad Request: message to edit not found');
  });

  it('sendChatAction: True for a documented action, 400 for another', async () => {
    expect(await ok(z.literal(true), 'sendChatAction', { chat_id: chat, action: 'upload_document' })).toBe(true);
    expect((await fails('sendChatAction', { chat_id: chat, action: 'dancing' })).description).toBe('Bad Request: wrong parameter action in request');
  });

  it('sendPhoto (multipart): PhotoSize[] smallest first; getFile gives a file_path whose download is the bytes', async () => {
    const bytes = await png(1600, 1200);
    const sent = await ok(Message, 'sendPhoto', { chat_id: String(chat), caption: 'ЭКГ' }, PATIENT, { photo: { bytes, name: 'ecg.png' } });
    const sizes = sent.photo!;
    expect(sizes.map((s) => s.width)).toEqual([...sizes.map((s) => s.width)].sort((a, b) => a - b));
    expect(sizes.at(-1)).toMatchObject({ width: 1280, height: 960 });
    expect(sent.caption).toBe('ЭКГ');
    const file = await ok(File, 'getFile', { file_id: sizes.at(-1)!.file_id });
    expect(file.file_path).toMatch(/^photos\//);
    const download = await fetch(`${root}/file/bot${PATIENT}/${file.file_path}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    // file_ids are per bot: the staff bot cannot use the patient bot's.
    expect((await fails('getFile', { file_id: sizes.at(-1)!.file_id }, STAFF)).description).toBe('Bad Request: invalid file_id');
    expect((await fails('sendPhoto', { chat_id: chat, photo: 'not-a-file-id' })).description).toBe('Bad Request: wrong file identifier/HTTP URL specified');
  });

  it('sendDocument (multipart): a Document with the file name and the type Telegram derives from it', async () => {
    const bytes = await pdfWithPages(1);
    const sent = await ok(Message, 'sendDocument', { chat_id: String(chat) }, PATIENT, { document: { bytes, name: 'Заключение.pdf' } });
    expect(sent.document).toMatchObject({ file_name: 'Заключение.pdf', mime_type: 'application/pdf', file_size: bytes.length });
    const file = await ok(File, 'getFile', { file_id: sent.document!.file_id });
    expect(file.file_path).toMatch(/\.pdf$/);
  });

  it('sendMediaGroup: one Message per item, sharing a media_group_id; copyMessage a MessageId; forwardMessage a forward_origin', async () => {
    const [a, b] = [await png(640, 480), await png(480, 640)];
    const album = await ok(z.array(Message).length(2), 'sendMediaGroup', { chat_id: String(chat), media: [{ type: 'photo', media: 'attach://a', caption: 'Альбом' }, { type: 'photo', media: 'attach://b' }] }, PATIENT, {
      a: { bytes: a, name: 'a.png' },
      b: { bytes: b, name: 'b.png' },
    });
    expect(album[0]!.media_group_id).toBeDefined();
    expect(album[1]!.media_group_id).toBe(album[0]!.media_group_id);
    expect((await fails('sendMediaGroup', { chat_id: chat, media: [] })).description).toBe('Bad Request: there are no messages to send');
    const copy = await ok(MessageId, 'copyMessage', { chat_id: chat, from_chat_id: chat, message_id: album[0]!.message_id });
    expect(copy.message_id).toBeGreaterThan(album[1]!.message_id);
    const forwarded = await ok(Message, 'forwardMessage', { chat_id: chat, from_chat_id: chat, message_id: album[1]!.message_id });
    expect(forwarded.forward_origin).toBeDefined();
  });

  it('deleteMessage and deleteMessages: True once, then "message to delete not found"', async () => {
    const sent = await ok(Message, 'sendMessage', { chat_id: chat, text: 'Временное' });
    expect(await ok(z.literal(true), 'deleteMessage', { chat_id: chat, message_id: sent.message_id })).toBe(true);
    expect((await fails('deleteMessage', { chat_id: chat, message_id: sent.message_id })).description).toBe('Bad Request: message to delete not found');
    const [a, b] = [await ok(Message, 'sendMessage', { chat_id: chat, text: 'a' }), await ok(Message, 'sendMessage', { chat_id: chat, text: 'b' })];
    expect(await ok(z.literal(true), 'deleteMessages', { chat_id: chat, message_ids: [a.message_id, b.message_id, sent.message_id] })).toBe(true);
    expect((await fails('deleteMessages', { chat_id: chat, message_ids: [a.message_id] })).description).toBe('Bad Request: message to delete not found');
  });

  it('editMessageCaption: the Message with the new caption', async () => {
    const sent = await ok(Message, 'sendDocument', { chat_id: String(chat), caption: 'Было' }, PATIENT, { document: { bytes: await pdfWithPages(1), name: 'a.pdf' } });
    const edited = await ok(Message, 'editMessageCaption', { chat_id: chat, message_id: sent.message_id, caption: 'Стало' });
    expect(edited).toMatchObject({ caption: 'Стало', document: { file_name: 'a.pdf' } });
  });
});

describe('updates reach the bot as Telegram delivers them', () => {
  it('getUpdates long-polls: a waiting call returns as soon as the person writes; offset confirms', async () => {
    const started = Date.now();
    const waiting = ok(z.array(Update), 'getUpdates', { timeout: 20 }, STAFF);
    await new Promise((r) => setTimeout(r, 100));
    emulator.person.sendText(STAFF, SANDBOX_DOCTOR, '/start inv_abc');
    const updates = await waiting;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.message).toMatchObject({ text: '/start inv_abc', entities: [{ type: 'bot_command', offset: 0, length: 6 }], from: { id: SANDBOX_DOCTOR.id, is_bot: false } });
    expect(await ok(z.array(Update), 'getUpdates', { offset: updates[0]!.update_id + 1, timeout: 0 }, STAFF)).toEqual([]);
  });

  it('a shared contact carries the person’s own user_id; a button press is a CallbackQuery answered once', async () => {
    emulator.person.shareContact(PATIENT, SANDBOX_PATIENT);
    const sent = await ok(Message, 'sendMessage', { chat_id: chat, text: 'Выберите', reply_markup: { inline_keyboard: [[{ text: 'Да', callback_data: 'yes' }]] } });
    emulator.person.pressButton(PATIENT, SANDBOX_PATIENT, sent.message_id, 'yes');
    expect(() => emulator.person.pressButton(PATIENT, SANDBOX_PATIENT, sent.message_id, 'no')).toThrow(/button not found/);
    const updates = await ok(z.array(Update), 'getUpdates', { timeout: 0 });
    const contact = updates.find((u) => u.message?.contact)!.message!.contact!;
    expect(contact).toMatchObject({ phone_number: '79990000001', user_id: SANDBOX_PATIENT.id });
    const query = updates.find((u) => u.callback_query)!.callback_query!;
    expect(query).toMatchObject({ data: 'yes', from: { id: SANDBOX_PATIENT.id }, message: { message_id: sent.message_id } });
    expect(await ok(z.literal(true), 'answerCallbackQuery', { callback_query_id: query.id, text: 'Принято' })).toBe(true);
    expect((await fails('answerCallbackQuery', { callback_query_id: query.id })).description).toBe('Bad Request: query is too old and response timeout expired or query ID is invalid');
    const again = await ok(Message, 'sendMessage', { chat_id: chat, text: 'Ещё', reply_markup: { inline_keyboard: [[{ text: 'Да', callback_data: 'yes' }]] } });
    const second = emulator.person.pressButton(PATIENT, SANDBOX_PATIENT, again.message_id, 'yes');
    expect((await fails('answerCallbackQuery', { callback_query_id: second, text: 'я'.repeat(201), show_alert: true })).description).toBe('Bad Request: MESSAGE_TOO_LONG');
    expect(await ok(z.literal(true), 'answerCallbackQuery', { callback_query_id: second, text: 'я'.repeat(200), show_alert: true })).toBe(true);
  });

  it('a Reply carries the replied message one level deep; a reply to a message not in this chat is refused', async () => {
    const asked = await ok(Message, 'sendMessage', { chat_id: chat, text: 'Ответьте на это сообщение' });
    const answer = emulator.person.sendText(PATIENT, SANDBOX_PATIENT, 'Отвечаю', asked.message_id);
    const again = emulator.person.sendText(PATIENT, SANDBOX_PATIENT, 'И ещё раз', answer.message_id);
    const updates = await ok(z.array(Update.extend({ message: Message.extend({ reply_to_message: Message.optional() }).optional() })), 'getUpdates', { timeout: 0 });
    const first = updates.find((u) => u.message?.message_id === answer.message_id)!.message!;
    expect(first.reply_to_message).toMatchObject({ message_id: asked.message_id, text: 'Ответьте на это сообщение', from: { is_bot: true } });
    const second = updates.find((u) => u.message?.message_id === again.message_id)!.message! as { reply_to_message?: Record<string, unknown> };
    expect(second.reply_to_message).toMatchObject({ message_id: answer.message_id });
    expect(second.reply_to_message).not.toHaveProperty('reply_to_message');
    expect(() => emulator.person.sendText(PATIENT, SANDBOX_PATIENT, 'x', 999_999)).toThrow(/message to be replied not found/);
  });

  it('photos and files a person sends are PhotoSize[] and Document the bot can getFile and download', async () => {
    const [photo] = emulator.person.sendFiles(PATIENT, SANDBOX_PATIENT, [{ bytes: await png(2000, 1000), filename: 'scan.png', mime: 'image/png', asPhoto: true }]);
    const [, document] = emulator.person.sendFiles(PATIENT, SANDBOX_PATIENT, [
      { bytes: await png(10, 10), filename: 'a.png', mime: 'image/png', asPhoto: true },
      { bytes: await pdfWithPages(1), filename: 'vypiska.pdf', mime: 'application/pdf', asPhoto: false },
    ]);
    const updates = await ok(z.array(Update), 'getUpdates', { timeout: 0 });
    const photoMessage = updates.find((u) => u.message?.message_id === photo!.message_id)!.message!;
    expect(photoMessage.photo!.at(-1)).toMatchObject({ width: 1280, height: 640 });
    const docMessage = updates.find((u) => u.message?.message_id === document!.message_id)!.message!;
    expect(docMessage.document).toMatchObject({ file_name: 'vypiska.pdf', mime_type: 'application/pdf' });
    expect(docMessage.media_group_id).toBeDefined();
    const file = await ok(File, 'getFile', { file_id: docMessage.document!.file_id });
    expect((await fetch(`${root}/file/bot${PATIENT}/${file.file_path}`)).status).toBe(200);
  });
});

describe('a person who blocks the bot', () => {
  it('is a my_chat_member update (member → kicked); then every call about the chat is 403; unblocking reverses both', async () => {
    const ChatMemberUpdated = z.object({
      chat: Chat,
      from: User,
      date: z.number().int(),
      old_chat_member: z.object({ status: z.string(), user: User }),
      new_chat_member: z.object({ status: z.string(), user: User, until_date: z.number().int().optional() }),
    });
    const Updates = z.array(z.object({ update_id: z.number().int(), my_chat_member: ChatMemberUpdated.optional() }).passthrough());
    const sent = await ok(Message, 'sendMessage', { chat_id: chat, text: 'До блокировки' });
    emulator.person.setBlocked(PATIENT, SANDBOX_PATIENT, true);
    const blocked = (await ok(Updates, 'getUpdates', { timeout: 0 })).at(-1)!.my_chat_member!;
    expect(blocked).toMatchObject({ chat: { id: chat, type: 'private' }, from: { id: chat }, old_chat_member: { status: 'member', user: { id: 1000000001, is_bot: true } }, new_chat_member: { status: 'kicked', until_date: 0 } });
    const forbidden = { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' };
    expect(await fails('sendMessage', { chat_id: chat, text: 'После' })).toEqual(forbidden);
    expect(await fails('editMessageText', { chat_id: chat, message_id: sent.message_id, text: 'Правка' })).toEqual(forbidden);
    expect(await fails('sendChatAction', { chat_id: chat, action: 'typing' })).toEqual(forbidden);
    // Another person's chat with the same bot is untouched.
    expect(await ok(Message, 'sendMessage', { chat_id: SANDBOX_DOCTOR.id, text: 'Другому' })).toMatchObject({ chat: { id: SANDBOX_DOCTOR.id } });
    expect(() => emulator.person.sendText(PATIENT, SANDBOX_PATIENT, 'Привет')).toThrow(/blocked/);
    emulator.person.setBlocked(PATIENT, SANDBOX_PATIENT, false);
    const unblocked = (await ok(Updates, 'getUpdates', { timeout: 0 })).at(-1)!.my_chat_member!;
    expect(unblocked).toMatchObject({ old_chat_member: { status: 'kicked' }, new_chat_member: { status: 'member' } });
    expect(await ok(Message, 'sendMessage', { chat_id: chat, text: 'Снова можно' })).toMatchObject({ text: 'Снова можно' });
  });
});

describe('errors come in the Bot API’s own shape', () => {
  it('400 for an empty text and an unknown chat, 401 for an unknown token, 404 for an unknown method or path', async () => {
    expect(await fails('sendMessage', { chat_id: chat, text: '' })).toEqual({ ok: false, error_code: 400, description: 'Bad Request: message text is empty' });
    expect(await fails('sendMessage', { chat_id: 'nobody', text: 'x' })).toEqual({ ok: false, error_code: 400, description: 'Bad Request: chat not found' });
    expect(await fails('sendMessage', { text: 'x' })).toEqual({ ok: false, error_code: 400, description: 'Bad Request: chat_id is empty' });
    expect(await fails('getMe', {}, '42:SANDBOX-nobody-knows-this-token')).toEqual({ ok: false, error_code: 401, description: 'Unauthorized' });
    expect(await fails('sendTelepathy', {})).toEqual({ ok: false, error_code: 404, description: 'Not Found: method not found' });
    const response = await fetch(`${root}/nothing-here`);
    expect(response.status).toBe(404);
    expect(Failure.parse(await response.json())).toEqual({ ok: false, error_code: 404, description: 'Not Found' });
    expect((await fetch(`${root}/file/bot${PATIENT}/documents/missing.pdf`)).status).toBe(404);
  });

  it('a message over 4096 characters and a 65-byte callback_data are refused as Telegram refuses them', async () => {
    expect((await fails('sendMessage', { chat_id: chat, text: 'я'.repeat(4097) })).description).toBe('Bad Request: message is too long');
    expect((await fails('sendMessage', { chat_id: chat, text: 'x', reply_markup: { inline_keyboard: [[{ text: 'x', callback_data: 'd'.repeat(65) }]] } })).description).toBe('Bad Request: BUTTON_DATA_INVALID');
  });
});
