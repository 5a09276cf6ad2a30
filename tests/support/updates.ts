import type { Chat, Message, MessageEntity, MessageOrigin, PhotoSize, Sticker, Update, User } from 'grammy/types';
import type { SentMessage } from './fake-bot-api.js';

/** A person writing to the bot. */
export interface TestUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/** A file as the fake's addFile returns it. */
export interface FileRef {
  file_id: string;
  file_unique_id: string;
  file_size?: number;
}

/** The part of the fake Bot API the factory talks to (FakeBotApi satisfies it). */
export interface UpdateSink {
  remember(message: Message, token?: string): void;
  nextMessageId(chatId: number): number;
  sent(chatId?: number, token?: string): SentMessage[];
}

export interface UpdateFactoryOptions {
  /**
   * Link to the fake: message ids come from the chat's shared sequence, messages are remembered (so
   * the bot can reply to, copy or forward them) and `callback` finds the message carrying the button.
   */
  api?: UpdateSink;
  /** The bot the updates go to, when several bots share one fake. */
  token?: string;
  now?: () => number;
}

export interface MediaOptions {
  caption?: string;
  media_group_id?: string;
  /** true: forwarded from another person; or the exact origin. */
  forward?: boolean | MessageOrigin;
}

export interface PhotoOptions extends MediaOptions {
  width?: number;
  height?: number;
}

export interface DocumentOptions extends MediaOptions {
  file_name: string;
  mime_type: string;
}

const COMMAND = /(^|\s)(\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?)(?=$|\s|[.,!?;:])/g;

/** bot_command entities as Telegram adds them to a person's text. */
export function commandEntities(text: string): MessageEntity[] {
  return [...text.matchAll(COMMAND)].map((m) => ({ type: 'bot_command' as const, offset: m.index + m[1]!.length, length: m[2]!.length }));
}

/** A PhotoSize ladder (smallest first, as Telegram sends it) whose largest size is `file`. */
function photoLadder(file: FileRef, width: number, height: number): PhotoSize[] {
  const longest = Math.max(width, height);
  const boxes = [90, 320, 800].filter((b) => b < longest);
  const size = file.file_size ?? 100_000;
  return [
    ...boxes.map((box, i) => {
      const scale = box / longest;
      // Smaller sizes are separate files in Telegram; these ids are known to the fake only via addPhoto.
      return {
        file_id: `${file.file_id}_${'smx'[i]}`,
        file_unique_id: `${file.file_unique_id}_${'smx'[i]}`,
        file_size: Math.max(1, Math.round(size * scale * scale)),
        width: Math.round(width * scale),
        height: Math.round(height * scale),
      };
    }),
    { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: size, width, height },
  ];
}

export function createUpdateFactory(opts: UpdateFactoryOptions = {}) {
  const now = opts.now ?? (() => Date.now());
  let updateId = 100_000_000;
  let counter = 0;
  const localIds = new Map<number, number>();

  const from = (u: TestUser): User => ({ is_bot: false, ...u });
  const chat = (u: TestUser): Chat.PrivateChat => ({
    id: u.id,
    type: 'private',
    first_name: u.first_name,
    ...(u.last_name ? { last_name: u.last_name } : {}),
    ...(u.username ? { username: u.username } : {}),
  });
  const date = () => Math.floor(now() / 1000);
  const nextMessageId = (chatId: number) => {
    if (opts.api) return opts.api.nextMessageId(chatId);
    const id = (localIds.get(chatId) ?? 0) + 1;
    localIds.set(chatId, id);
    return id;
  };

  function origin(forward: MediaOptions['forward']): MessageOrigin | undefined {
    if (!forward) return undefined;
    if (forward !== true) return forward;
    return { type: 'user', sender_user: { id: 500_000 + ++counter, is_bot: false, first_name: 'Another person' }, date: date() - 3600 };
  }

  function message(user: TestUser, content: Record<string, unknown>, media?: MediaOptions): Update {
    const forwardOrigin = origin(media?.forward);
    const msg = {
      message_id: nextMessageId(user.id),
      from: from(user),
      chat: chat(user),
      date: date(),
      ...(forwardOrigin ? { forward_origin: forwardOrigin } : {}),
      ...(media?.media_group_id ? { media_group_id: media.media_group_id } : {}),
      ...content,
      ...(media?.caption ? { caption: media.caption } : {}),
    } as Message;
    opts.api?.remember(msg, opts.token);
    return { update_id: ++updateId, message: msg } as Update;
  }

  function buttonMessage(user: TestUser, data: string): Message | undefined {
    const sent = opts.api?.sent(user.id, opts.token) ?? [];
    for (let i = sent.length - 1; i >= 0; i--) {
      const keyboard = sent[i]!.message.reply_markup?.inline_keyboard ?? [];
      if (keyboard.some((row) => row.some((b) => 'callback_data' in b && b.callback_data === data))) return sent[i]!.message;
    }
    return undefined;
  }

  return {
    text(user: TestUser, text: string): Update {
      const entities = commandEntities(text);
      return message(user, { text, ...(entities.length ? { entities } : {}) });
    },

    command(user: TestUser, command: string, payload?: string): Update {
      const name = command.startsWith('/') ? command : `/${command}`;
      return message(user, { text: payload ? `${name} ${payload}` : name, entities: [{ type: 'bot_command', offset: 0, length: name.length }] });
    },

    /**
     * A press on an inline button. Without `message`, a factory linked to the fake uses the latest
     * message that shows a button with this callback_data, and throws if none does (the person
     * cannot press a button they were never shown); an unlinked one sends an inaccessible message.
     */
    callback(user: TestUser, data: string, message?: Message): Update {
      let target: Message | { chat: Chat; message_id: number; date: 0 } | undefined = message ?? buttonMessage(user, data);
      if (!target && opts.api) throw new Error(`No message in chat ${user.id} shows a button with callback_data ${JSON.stringify(data)}`);
      target ??= { chat: chat(user), message_id: nextMessageId(user.id), date: 0 };
      const id = ((BigInt(user.id) << 20n) + BigInt(++counter)).toString();
      return {
        update_id: ++updateId,
        callback_query: { id, from: from(user), message: target, chat_instance: String(-BigInt(user.id) * 7919n - 1n), data },
      } as Update;
    },

    /** A shared contact; for the person's own number (request_contact) pass `user_id: user.id`. */
    contact(user: TestUser, contact: { phone_number: string; first_name: string; last_name?: string; user_id?: number }): Update {
      return message(user, { contact });
    },

    /** `file`: what fake.addPhoto returned (every size resolvable), or one file used as the largest size. */
    photo(user: TestUser, file: PhotoSize[] | FileRef, media: PhotoOptions = {}): Update {
      const photo = Array.isArray(file) ? file : photoLadder(file, media.width ?? 1280, media.height ?? 960);
      return message(user, { photo }, media);
    },

    document(user: TestUser, file: FileRef, media: DocumentOptions): Update {
      const { file_name, mime_type } = media;
      return message(user, { document: { file_name, mime_type, ...file } }, media);
    },

    sticker(user: TestUser): Update {
      const n = ++counter;
      const sticker: Sticker = {
        file_id: `CAACAgIAAxkBAAI${String(n).padStart(6, '0')}c3RpY2tlcg`,
        file_unique_id: `AgADst${n}`,
        type: 'regular',
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
        emoji: '👍',
        set_name: 'TestStickers',
        file_size: 24_000,
      };
      return message(user, { sticker });
    },
  };
}

export type UpdateFactory = ReturnType<typeof createUpdateFactory>;
