import type { Message, PhotoSize } from 'grammy/types';
import { documentFor, imageSize, photoSizes, resolveInputFile, sentFile, storeFile } from './files.js';
import type { InputMedia } from './files.js';
import { buttonTexts, inlineKeyboardOf, parseReplyMarkup } from './keyboards.js';
import {
  badRequest,
  boolParam,
  botAsUser,
  chatFor,
  chatIdParam,
  intParam,
  jsonParam,
  messageKey,
  nextMessageId,
  stringParam,
  touch,
} from './state.js';
import type { MethodContext, MethodHandler, ReplyMarkup, SentFile, StoredMessage } from './state.js';
import { formatText, trimFormatted } from './text.js';
import type { FormattedText } from './text.js';

const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;

export type Content = Partial<Message> & Record<string, unknown>;

export function messageText(ctx: MethodContext): FormattedText {
  const raw = stringParam(ctx.params, 'text');
  if (!raw) throw badRequest('message text is empty');
  const formatted = trimFormatted(formatText(raw, ctx.params.parse_mode, jsonParam(ctx.params, 'entities', "can't parse entities JSON object")), false);
  if (formatted.text.length > MAX_TEXT) throw badRequest('message is too long');
  return formatted;
}

export function caption(source: Record<string, unknown>, entitiesKey = 'caption_entities'): FormattedText {
  const raw = stringParam(source, 'caption');
  const formatted = trimFormatted(formatText(raw, source.parse_mode, jsonParam(source, entitiesKey, "can't parse entities JSON object")), true);
  if (formatted.text.length > MAX_CAPTION) throw badRequest('message caption is too long');
  return formatted;
}

const textContent = (f: FormattedText): Content => ({ text: f.text, ...(f.entities.length ? { entities: f.entities } : {}) });
export const captionContent = (f: FormattedText): Content =>
  f.text ? { caption: f.text, ...(f.entities.length ? { caption_entities: f.entities } : {}) } : {};

/** A stored message this bot can see: its own, or a person's message to it. */
export function findMessage(ctx: MethodContext, chatId: number, messageId: number): StoredMessage | undefined {
  const stored = ctx.state.messages.get(messageKey(chatId, messageId));
  if (!stored) return undefined;
  if (stored.token !== undefined) return stored.token === ctx.token ? stored : undefined;
  return stored.audience === undefined || stored.audience === ctx.token ? stored : undefined;
}

function replyTo(ctx: MethodContext, chatId: number): Content {
  const parameters = jsonParam(ctx.params, 'reply_parameters', "can't parse reply parameters JSON object") as
    | { message_id?: number; chat_id?: number }
    | undefined;
  const messageId = parameters?.message_id ?? intParam(ctx.params, 'reply_to_message_id');
  const target = messageId ? findMessage(ctx, Number(parameters?.chat_id ?? chatId), messageId) : undefined;
  if (!target) return {}; // a person's message the fake was not told about: nothing to echo
  const { reply_to_message: _nested, ...replied } = target.message as Message & { reply_to_message?: unknown };
  return { reply_to_message: replied as Message['reply_to_message'] };
}

interface Delivery {
  method: string;
  chatId: number;
  content: Content;
  replyMarkup?: ReplyMarkup;
  files?: SentFile[];
  mediaGroupId?: string;
}

export function deliver(ctx: MethodContext, d: Delivery): Message {
  const inline = inlineKeyboardOf(d.replyMarkup);
  const message = {
    message_id: nextMessageId(ctx.state, d.chatId),
    from: botAsUser(ctx.bot),
    chat: chatFor(ctx.state, d.chatId),
    date: Math.floor(ctx.state.now() / 1000),
    ...(d.mediaGroupId ? { media_group_id: d.mediaGroupId } : {}),
    ...(boolParam(ctx.params, 'protect_content') ? { has_protected_content: true } : {}),
    ...replyTo(ctx, d.chatId),
    ...d.content,
    ...(inline ? { reply_markup: inline } : {}),
  } as Message;
  ctx.state.messages.set(messageKey(d.chatId, message.message_id), { message, token: ctx.token, replyMarkup: d.replyMarkup, files: d.files });
  record(ctx, d.method, message, d.replyMarkup, d.files);
  return message;
}

export function record(ctx: MethodContext, method: string, message: Message, replyMarkup?: ReplyMarkup, files?: SentFile[]): void {
  const m = message as Message & { text?: string; caption?: string; entities?: Message['entities']; caption_entities?: Message['entities'] };
  ctx.state.sent.push({
    token: ctx.token,
    method,
    chatId: message.chat.id,
    messageId: message.message_id,
    ...(m.text !== undefined ? { text: m.text } : {}),
    ...(m.caption !== undefined ? { caption: m.caption } : {}),
    ...(m.entities ?? m.caption_entities ? { entities: m.entities ?? m.caption_entities } : {}),
    ...(replyMarkup ? { replyMarkup } : {}),
    buttons: buttonTexts(replyMarkup),
    ...(files?.length ? { files } : {}),
    ...(message.media_group_id ? { mediaGroupId: message.media_group_id } : {}),
    message,
  });
  touch(ctx.state);
}

function photoContent(ctx: MethodContext, input: InputMedia): { photo: PhotoSize[]; file: SentFile } {
  if (input.kind === 'url') {
    const stored = storeFile(ctx.state, Buffer.alloc(0), { token: ctx.token, filePath: `photos/file_${ctx.state.counters.file + 1}.jpg` });
    const sizes = photoSizes(ctx.state, stored, 1280, 960);
    return { photo: sizes, file: sentFile('photo', input, stored.fileId) };
  }
  const cached = ctx.state.photos.get(input.file.fileId);
  const dims = imageSize(input.file.bytes) ?? { width: 1280, height: 960 };
  const photo = cached ?? photoSizes(ctx.state, input.file, dims.width, dims.height);
  ctx.state.photos.set(photo.at(-1)!.file_id, photo);
  return { photo, file: sentFile('photo', input, input.file.fileId, input.filename, 'image/jpeg') };
}

function sendMessage(ctx: MethodContext): Message {
  const text = messageText(ctx);
  const chatId = chatIdParam(ctx.params);
  const replyMarkup = parseReplyMarkup(ctx.params, chatId > 0);
  return deliver(ctx, { method: 'sendMessage', chatId, content: textContent(text), replyMarkup });
}

function sendPhoto(ctx: MethodContext): Message {
  if (!ctx.params.photo) throw badRequest('there is no photo in the request');
  const chatId = chatIdParam(ctx.params);
  const text = caption(ctx.params);
  const replyMarkup = parseReplyMarkup(ctx.params, chatId > 0);
  const { photo, file } = photoContent(ctx, resolveInputFile(ctx, ctx.params.photo, 'photo'));
  const extra = boolParam(ctx.params, 'has_spoiler') ? { has_media_spoiler: true as const } : {};
  return deliver(ctx, { method: 'sendPhoto', chatId, content: { photo, ...captionContent(text), ...extra }, replyMarkup, files: [file] });
}

function sendDocument(ctx: MethodContext): Message {
  if (!ctx.params.document) throw badRequest('there is no document in the request');
  const chatId = chatIdParam(ctx.params);
  const text = caption(ctx.params);
  const replyMarkup = parseReplyMarkup(ctx.params, chatId > 0);
  const input = resolveInputFile(ctx, ctx.params.document, 'document');
  const document = documentFor(ctx, input, input.kind === 'stored' ? previousDocument(ctx, input.file.fileId) : undefined);
  const file = sentFile('document', input, document.file_id, document.file_name, document.mime_type);
  return deliver(ctx, { method: 'sendDocument', chatId, content: { document, ...captionContent(text) }, replyMarkup, files: [file] });
}

/** The Document a file_id was last seen in, so a resent file keeps its name and type. */
function previousDocument(ctx: MethodContext, fileId: string) {
  for (const { message } of ctx.state.messages.values()) {
    if ('document' in message && message.document?.file_id === fileId) return message.document;
  }
  return undefined;
}

function sendMediaGroup(ctx: MethodContext): Message[] {
  const media = jsonParam(ctx.params, 'media', "can't parse media JSON object");
  if (media === undefined) throw badRequest('parameter "media" is required');
  if (!Array.isArray(media)) throw badRequest('expected an Array of InputMedia');
  const items = media.map((item: unknown) => {
    if (typeof item !== 'object' || item === null) throw badRequest("can't parse InputMedia: expected an Object");
    const entry = item as Record<string, unknown>;
    const text = caption(entry);
    const type = stringParam(entry, 'type');
    if (!type) throw badRequest(`can't parse InputMedia: Can't find field "type"`);
    if (!entry.media) throw badRequest("can't parse InputMedia: media not found");
    if (type === 'animation') throw badRequest(`can't parse InputMedia: type "animation" can't be used in sendMediaGroup`);
    if (!['photo', 'video', 'audio', 'document'].includes(type)) throw badRequest(`can't parse InputMedia: type "${type}" is unsupported`);
    return { type, text, entry };
  });
  if (items.length === 0) throw badRequest('there are no messages to send');
  if (items.length > 10) throw badRequest('too many messages to send as an album');
  const types = new Set(items.map((i) => i.type));
  for (const homogenous of ['document', 'audio']) {
    if (types.has(homogenous) && types.size > 1) throw badRequest(`${homogenous} can't be mixed with other media types`);
  }
  const chatId = chatIdParam(ctx.params);
  const mediaGroupId = items.length > 1 ? String(13_000_000_000_000_000 + ++ctx.state.counters.album) : undefined;
  return items.map(({ type, text, entry }) => {
    const input = resolveInputFile(ctx, entry.media, type === 'photo' ? 'photo' : 'document');
    if (type === 'photo') {
      const { photo, file } = photoContent(ctx, input);
      return deliver(ctx, { method: 'sendMediaGroup', chatId, content: { photo, ...captionContent(text) }, files: [file], mediaGroupId });
    }
    const document = documentFor(ctx, input);
    const { file_name: _name, mime_type: _mime, ...plain } = document;
    const content: Content =
      type === 'document' ? { document } : type === 'video' ? { video: { ...plain, width: 0, height: 0, duration: 0 } } : { audio: { ...plain, duration: 0 } };
    const file = sentFile('document', input, document.file_id, document.file_name, document.mime_type);
    return deliver(ctx, { method: 'sendMediaGroup', chatId, content: { ...content, ...captionContent(text) }, files: [file], mediaGroupId });
  });
}

export const messageMethods: Record<string, MethodHandler> = {
  sendmessage: sendMessage,
  sendphoto: sendPhoto,
  senddocument: sendDocument,
  sendmediagroup: sendMediaGroup,
};
