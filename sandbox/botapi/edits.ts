import type { Message, MessageOrigin } from 'grammy/types';
import { inlineKeyboardOf, parseReplyMarkup } from './keyboards.js';
import { caption, captionContent, deliver, findMessage, messageText, record } from './messages.js';
import type { Content } from './messages.js';
import { badRequest, chatIdParam, intParam, jsonParam, messageKey, stringParam, touch } from './state.js';
import type { MethodContext, MethodHandler, ReplyMarkup, SentFile, StoredMessage } from './state.js';

// Methods that act on a message already in a chat: edit, delete, copy, forward.

const TWO_DAYS_MS = 48 * 3600 * 1000;

/** The bot's own message addressed by chat_id + message_id; `true` stands for an inline message. */
function messageToEdit(ctx: MethodContext): StoredMessage | true {
  const chatRaw = stringParam(ctx.params, 'chat_id');
  const messageId = Math.max(0, intParam(ctx.params, 'message_id'));
  if (!chatRaw && messageId === 0) {
    if (!stringParam(ctx.params, 'inline_message_id')) throw badRequest('message identifier is not specified');
    return true;
  }
  const chatId = chatIdParam(ctx.params);
  const stored = messageId > 0 ? findMessage(ctx, chatId, messageId) : undefined;
  if (!stored) throw badRequest('message to edit not found');
  if (stored.token !== ctx.token) throw badRequest("message can't be edited");
  return stored;
}

const normalized = (v: unknown) => (v === undefined || v === '' || (Array.isArray(v) && v.length === 0) ? null : v);

function applyEdit(ctx: MethodContext, method: string, stored: StoredMessage, content: Content, replyMarkup: ReplyMarkup | undefined): Message {
  const before = stored.message as Content;
  const inline = inlineKeyboardOf(replyMarkup);
  const same = (a: unknown, b: unknown) => JSON.stringify(normalized(a)) === JSON.stringify(normalized(b));
  if (Object.entries(content).every(([k, v]) => same(before[k], v)) && same(before.reply_markup, inline)) {
    throw badRequest(
      'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    );
  }
  // Keys the edit names are replaced (or dropped when emptied); the rest of the message stays.
  const kept = Object.entries(before).filter(([key]) => key !== 'reply_markup' && !(key in content));
  const changed = Object.entries(content).filter(([, v]) => normalized(v) !== null);
  const message = {
    ...Object.fromEntries([...kept, ...changed]),
    edit_date: Math.floor(ctx.state.now() / 1000),
    ...(inline ? { reply_markup: inline } : {}),
  } as Message;
  Object.assign(stored, { message, replyMarkup });
  record(ctx, method, message, replyMarkup, stored.files);
  return message;
}

function editMessageText(ctx: MethodContext): Message | true {
  const text = messageText(ctx);
  const target = messageToEdit(ctx);
  const replyMarkup = parseReplyMarkup(ctx.params, true);
  if (target === true) return true;
  if (!('text' in target.message)) throw badRequest('there is no text in the message to edit');
  return applyEdit(ctx, 'editMessageText', target, { text: text.text, entities: text.entities }, replyMarkup);
}

function editMessageCaption(ctx: MethodContext): Message | true {
  const text = caption(ctx.params);
  const target = messageToEdit(ctx);
  const replyMarkup = parseReplyMarkup(ctx.params, true);
  if (target === true) return true;
  if ('text' in target.message) throw badRequest('there is no caption in the message to edit');
  return applyEdit(ctx, 'editMessageCaption', target, { caption: text.text || undefined, caption_entities: text.entities }, replyMarkup);
}

function editMessageReplyMarkup(ctx: MethodContext): Message | true {
  const target = messageToEdit(ctx);
  const replyMarkup = parseReplyMarkup(ctx.params, true);
  if (target === true) return true;
  return applyEdit(ctx, 'editMessageReplyMarkup', target, {}, replyMarkup);
}

function deleteMessage(ctx: MethodContext): true {
  if (!stringParam(ctx.params, 'chat_id')) throw badRequest('chat identifier is not specified');
  const messageId = Math.max(0, intParam(ctx.params, 'message_id'));
  if (messageId === 0) throw badRequest('message identifier is not specified');
  const chatId = chatIdParam(ctx.params);
  const stored = findMessage(ctx, chatId, messageId);
  if (!stored) throw badRequest('message to delete not found');
  // Bots may delete messages in private chats only while they are younger than 48 hours.
  if (ctx.state.now() - stored.message.date * 1000 > TWO_DAYS_MS) throw badRequest("message can't be deleted for everyone");
  ctx.state.messages.delete(messageKey(chatId, messageId));
  touch(ctx.state);
  return true;
}

/** Up to 100 messages at once; ones that are gone or too old are skipped, and only none deletable is an error. */
function deleteMessages(ctx: MethodContext): true {
  if (!stringParam(ctx.params, 'chat_id')) throw badRequest('chat identifier is not specified');
  const chatId = chatIdParam(ctx.params);
  const ids = jsonParam(ctx.params, 'message_ids', "can't parse message identifiers JSON object");
  if (!Array.isArray(ids)) throw badRequest('parameter "message_ids" is required');
  if (ids.length === 0 || ids.length > 100) throw badRequest('too many message identifiers specified');
  let deleted = 0;
  for (const id of ids) {
    const stored = findMessage(ctx, chatId, Number(id));
    if (!stored || ctx.state.now() - stored.message.date * 1000 > TWO_DAYS_MS) continue;
    ctx.state.messages.delete(messageKey(chatId, Number(id)));
    deleted++;
  }
  if (deleted === 0) throw badRequest('message to delete not found');
  touch(ctx.state);
  return true;
}

const NOT_CONTENT = new Set([
  'message_id', 'from', 'chat', 'date', 'edit_date', 'reply_to_message', 'forward_origin', 'media_group_id', 'reply_markup',
  'has_protected_content', 'is_automatic_forward', 'sender_chat', 'author_signature', 'via_bot', 'message_thread_id',
]);

function sourceMessage(ctx: MethodContext, what: string): StoredMessage {
  if (!stringParam(ctx.params, 'from_chat_id')) throw badRequest('parameter "from_chat_id" is required');
  const fromChatId = chatIdParam(ctx.params, 'from_chat_id');
  const messageId = Math.max(0, intParam(ctx.params, 'message_id'));
  const source = messageId > 0 ? findMessage(ctx, fromChatId, messageId) : undefined;
  if (!source) throw badRequest(`${what} not found`);
  if (source.message.has_protected_content) throw badRequest("message has protected content and can't be forwarded");
  return source;
}

function contentOf(message: Message): Content {
  return Object.fromEntries(Object.entries(message).filter(([key]) => !NOT_CONTENT.has(key))) as Content;
}

/** What a copy or forward shows of the source's files (a person's photo is known only by its file_id). */
function filesOf(ctx: MethodContext, stored: StoredMessage): SentFile[] | undefined {
  if (stored.files) return stored.files;
  const m = stored.message;
  const photo = m.photo?.at(-1);
  const fileId = photo?.file_id ?? m.document?.file_id;
  if (!fileId) return undefined;
  const bytes = ctx.state.files.get(fileId)?.bytes;
  return [{ kind: photo ? 'photo' : 'document', fileId, filename: m.document?.file_name, mime: m.document?.mime_type, bytes }];
}

function copyMessage(ctx: MethodContext): { message_id: number } {
  const source = sourceMessage(ctx, 'message to copy');
  const chatId = chatIdParam(ctx.params);
  let content = contentOf(source.message);
  if ('caption' in ctx.params) {
    const { caption: _c, caption_entities: _ce, ...rest } = content;
    content = { ...rest, ...captionContent(caption(ctx.params)) };
  }
  const replyMarkup = parseReplyMarkup(ctx.params, chatId > 0);
  const message = deliver(ctx, { method: 'copyMessage', chatId, content, replyMarkup, files: filesOf(ctx, source) });
  return { message_id: message.message_id };
}

function forwardMessage(ctx: MethodContext): Message {
  const source = sourceMessage(ctx, 'message to forward');
  const chatId = chatIdParam(ctx.params);
  const original = source.message;
  const origin: MessageOrigin = original.forward_origin ?? { type: 'user', sender_user: original.from!, date: original.date };
  return deliver(ctx, { method: 'forwardMessage', chatId, content: { forward_origin: origin, ...contentOf(original) }, files: filesOf(ctx, source) });
}

export const editMethods: Record<string, MethodHandler> = {
  editmessagetext: editMessageText,
  editmessagecaption: editMessageCaption,
  editmessagereplymarkup: editMessageReplyMarkup,
  deletemessage: deleteMessage,
  deletemessages: deleteMessages,
  copymessage: copyMessage,
  forwardmessage: forwardMessage,
};
