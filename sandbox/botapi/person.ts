import type { Chat, Document, Message, PhotoSize, User } from 'grammy/types';
import { imageSize, mimeFor, photoSizes, storeFile } from './files.js';
import { inlineKeyboardOf } from './keyboards.js';
import { BotApiError, badRequest, messageKey, nextMessageId, pushUpdate, touch } from './state.js';
import type { FakeState } from './state.js';

/** A Telegram account of the sandbox: the person at the keyboard plays it. */
export interface SandboxUser {
  id: number;
  firstName: string;
  lastName?: string;
  username?: string;
  languageCode: string;
  /** What a "share contact" button sends (digits with a leading +). */
  phone: string;
}

export interface PersonFile {
  bytes: Buffer;
  filename: string;
  mime: string;
  /** Sent "as photo" (compressed, with a PhotoSize ladder) rather than as a file. */
  asPhoto: boolean;
}

/** What Telegram does when a person uses the chat: each act becomes a stored message and an update for the bot. */
export interface PersonSide {
  /** `replyTo`: the id of a message in this chat the person answers with Telegram's Reply. */
  sendText(token: string, user: SandboxUser, text: string, replyTo?: number): Message;
  shareContact(token: string, user: SandboxUser): Message;
  /** One message, or an album (media_group_id) when several; the caption goes on the first, as clients do. */
  sendFiles(token: string, user: SandboxUser, files: PersonFile[], caption?: string, replyTo?: number): Message[];
  /** A press on an inline button with callback_data; refused unless that message shows that button now. */
  pressButton(token: string, user: SandboxUser, messageId: number, data: string): string;
  /** Blocks or unblocks the bot, as Telegram reports it: a my_chat_member update (kicked or member). */
  setBlocked(token: string, user: SandboxUser, blocked: boolean): void;
  /** Whether this person has blocked this bot: then every call about the chat answers 403. */
  isBlocked(token: string, chatId: number): boolean;
}

const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;
const MAX_FILE = 2000 * 1024 * 1024; // Telegram's own upload limit for a person (2 GB); bots then meet getFile's 20 MB

export function telegramUser(user: SandboxUser): User {
  return {
    id: user.id,
    is_bot: false,
    first_name: user.firstName,
    ...(user.lastName ? { last_name: user.lastName } : {}),
    ...(user.username ? { username: user.username } : {}),
    language_code: user.languageCode,
  };
}

function privateChat(user: SandboxUser): Chat.PrivateChat {
  return {
    id: user.id,
    type: 'private',
    first_name: user.firstName,
    ...(user.lastName ? { last_name: user.lastName } : {}),
    ...(user.username ? { username: user.username } : {}),
  };
}

/** A leading /command (with an optional @bot suffix) is a bot_command entity, as clients mark it. */
function commandEntities(text: string): Message['entities'] {
  const match = /^\/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{5,32})?/.exec(text);
  return match ? [{ type: 'bot_command', offset: 0, length: match[0].length }] : undefined;
}

export function createPersonSide(state: FakeState, botUser: (token: string) => User): PersonSide {
  const updateIds = new Map<string, number>();
  const blocked = new Set<string>();
  let queryCounter = 0;

  const nextUpdateId = (token: string) => {
    const id = (updateIds.get(token) ?? 100_000) + 1;
    updateIds.set(token, id);
    return id;
  };

  /** The replied message as Telegram nests it: one level deep, from either side of this chat with this bot. */
  function replyContent(token: string, user: SandboxUser, replyTo: number | undefined): Partial<Message> {
    if (replyTo === undefined) return {};
    const stored = state.messages.get(messageKey(user.id, replyTo));
    if (!stored || (stored.token ?? stored.audience) !== token) throw badRequest('message to be replied not found');
    const { reply_to_message: _nested, ...replied } = stored.message as Message & { reply_to_message?: unknown };
    return { reply_to_message: replied as Message['reply_to_message'] };
  }

  function post(token: string, user: SandboxUser, content: Partial<Message>): Message {
    // A blocked bot's chat has no composer: the person unblocks first (Telegram's "Restart").
    if (blocked.has(`${token}:${user.id}`)) throw badRequest('bot was blocked by the user: unblock it first');
    const chat = privateChat(user);
    state.chats.set(chat.id, chat);
    // Message ids are shared by both sides of a private chat. The emulator keys chats by id alone, so each sandbox
    // person talks to one bot (the patient to the patient bot, the doctor to the staff bot).
    const message = {
      message_id: nextMessageId(state, chat.id),
      from: telegramUser(user),
      chat,
      date: Math.floor(state.now() / 1000),
      ...content,
    } as Message;
    state.messages.set(messageKey(chat.id, message.message_id), { message, audience: token });
    touch(state);
    pushUpdate(state, token, { update_id: nextUpdateId(token), message: message as never });
    return message;
  }

  return {
    sendText(token, user, raw, replyTo) {
      const text = raw.trim();
      if (!text) throw badRequest('message text is empty');
      if (text.length > MAX_TEXT) throw badRequest('message is too long');
      const entities = commandEntities(text);
      return post(token, user, { text, ...(entities ? { entities } : {}), ...replyContent(token, user, replyTo) });
    },

    shareContact(token, user) {
      return post(token, user, {
        contact: {
          phone_number: user.phone.replace(/^\+/, ''),
          first_name: user.firstName,
          ...(user.lastName ? { last_name: user.lastName } : {}),
          user_id: user.id,
        },
      });
    },

    sendFiles(token, user, files, caption, replyTo) {
      if (files.length === 0) throw badRequest('there are no messages to send');
      if (files.length > 10) throw badRequest('too many messages to send as an album');
      const text = caption?.trim() ?? '';
      if (text.length > MAX_CAPTION) throw badRequest('message caption is too long');
      const reply = replyContent(token, user, replyTo);
      const album = files.length > 1 ? String(14_000_000_000_000_000 + ++state.counters.album) : undefined;
      return files.map((file, index) => {
        if (file.bytes.length > MAX_FILE) throw new BotApiError(413, 'Request Entity Too Large');
        const dims = file.asPhoto ? imageSize(file.bytes) : undefined;
        const common = { ...(album ? { media_group_id: album } : {}), ...(index === 0 && text ? { caption: text } : {}), ...reply };
        if (file.asPhoto && dims) {
          const stored = storeFile(state, file.bytes, { filePath: `photos/file_${state.counters.file + 1}.jpg` });
          const photo: PhotoSize[] = photoSizes(state, stored, dims.width, dims.height);
          state.photos.set(stored.fileId, photo);
          return post(token, user, { photo, ...common });
        }
        const ext = /\.([A-Za-z0-9]{1,8})$/.exec(file.filename)?.[1]?.toLowerCase();
        const stored = storeFile(state, file.bytes, { filePath: `documents/file_${state.counters.file + 1}${ext ? `.${ext}` : ''}` });
        const document: Document = {
          file_id: stored.fileId,
          file_unique_id: stored.fileUniqueId,
          file_name: file.filename,
          mime_type: mimeFor(file.filename, file.mime),
          file_size: stored.size,
        };
        return post(token, user, { document, ...common });
      });
    },

    setBlocked(token, user, value) {
      const key = `${token}:${user.id}`;
      if (blocked.has(key) === value) return;
      if (value) blocked.add(key);
      else blocked.delete(key);
      const bot = botUser(token);
      const member = { status: 'member' as const, user: bot };
      const kicked = { status: 'kicked' as const, user: bot, until_date: 0 };
      pushUpdate(state, token, {
        update_id: nextUpdateId(token),
        my_chat_member: {
          chat: privateChat(user),
          from: telegramUser(user),
          date: Math.floor(state.now() / 1000),
          old_chat_member: value ? member : kicked,
          new_chat_member: value ? kicked : member,
        },
      });
      touch(state);
    },

    isBlocked: (token, chatId) => blocked.has(`${token}:${chatId}`),

    pressButton(token, user, messageId, data) {
      if (blocked.has(`${token}:${user.id}`)) throw badRequest('bot was blocked by the user: unblock it first');
      const stored = state.messages.get(messageKey(user.id, messageId));
      if (!stored || stored.token !== token) throw badRequest('message not found');
      const current = inlineKeyboardOf(stored.message.reply_markup)?.inline_keyboard.flat() ?? [];
      if (!current.some((b) => 'callback_data' in b && b.callback_data === data)) throw badRequest('button not found');
      const id = String(4_000_000_000_000_000 + ++queryCounter);
      state.callbackChats.set(`${token}:${id}`, user.id);
      pushUpdate(state, token, {
        update_id: nextUpdateId(token),
        callback_query: { id, from: telegramUser(user), message: stored.message as never, chat_instance: String(user.id * 7 + 1), data },
      });
      return id;
    },
  };
}

