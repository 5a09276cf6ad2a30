import type {
  BotCommand,
  Chat,
  ForceReply,
  InlineKeyboardMarkup,
  MenuButton,
  Message,
  PhotoSize,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
  Update,
  User,
  UserFromGetMe,
} from 'grammy/types';

export { BotApiError, Described, badRequest } from './errors.js';
import { badRequest } from './errors.js';

/** A file part of a multipart request. */
export interface UploadedFile {
  filename: string;
  bytes: Buffer;
  mime: string;
}

export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  bytes: Buffer;
  /** What Telegram reports as file_size (may be set larger than `bytes` to simulate big files). */
  size: number;
  filePath: string;
  /** The bot token whose file_id this is; file_ids are per bot. Undefined: usable by every bot. */
  owner?: string;
}

export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

export interface SentFile {
  kind: 'photo' | 'document';
  fileId: string;
  filename?: string;
  mime?: string;
  /** Undefined when the file was sent by URL. */
  bytes?: Buffer;
}

/** One message as the person sees it arrive or change. */
export interface SentMessage {
  token: string;
  method: string;
  chatId: number;
  messageId: number;
  text?: string;
  caption?: string;
  /** Entities of text or caption. */
  entities?: Message['entities'];
  /** As sent, reply keyboards included (the returned Message only echoes inline keyboards). */
  replyMarkup?: ReplyMarkup;
  /** Button texts by row, from replyMarkup. */
  buttons: string[][];
  files?: SentFile[];
  mediaGroupId?: string;
  /** The Message the Bot API returned (for copyMessage: the stored copy). */
  message: Message;
}

export interface StoredMessage {
  message: Message;
  /** The bot that sent it; undefined for a message from a person. */
  token?: string;
  /** For a person's message: the bot it was sent to (undefined: any bot may see it). */
  audience?: string;
  replyMarkup?: ReplyMarkup;
  files?: SentFile[];
}

export interface WebhookState {
  url: string;
  secretToken?: string;
  maxConnections: number;
  allowedUpdates?: string[];
}

export interface FakeState {
  now: () => number;
  files: Map<string, StoredFile>;
  /** PhotoSize ladders by the file_id of their largest size, so a resent photo keeps its sizes. */
  photos: Map<string, PhotoSize[]>;
  messages: Map<string, StoredMessage>;
  lastMessageId: Map<number, number>;
  chats: Map<number, Chat>;
  answeredQueries: Set<string>;
  /** The chat each callback query came from, by `token:id` (the sandbox's person side fills it). */
  callbackChats: Map<string, number>;
  commands: Map<string, BotCommand[]>;
  menuButtons: Map<string, MenuButton>;
  webhooks: Map<string, WebhookState>;
  pendingUpdates: Map<string, Update[]>;
  sent: SentMessage[];
  counters: { file: number; album: number };
  /** The longest a getUpdates call waits for an update (tests keep it short; the sandbox honours the bot's timeout). */
  maxPollWaitMs: number;
  /** Woken when an update is queued for a bot (long polling); see pushUpdate. */
  updateWaiters: Map<string, Set<() => void>>;
  /** Bumped on every change a person could see (a message sent, edited or deleted, a chat action, a callback answer). */
  revision: number;
  /** Called after every such change (the sandbox page waits on these). */
  watchers: Set<() => void>;
  /** Callback answers and chat actions, newest last, for a client that shows them (the sandbox page). */
  signals: Signal[];
}

/** Something the Bot API shows a person besides messages: a callback answer's toast or alert, a chat action. */
export type Signal =
  | { kind: 'callback_answer'; token: string; chatId: number; text?: string; showAlert: boolean; url?: string; at: number; revision: number }
  | { kind: 'chat_action'; token: string; chatId: number; action: string; at: number; revision: number; afterMessageId: number };

/** Keeps the last few hundred signals: a client only shows recent ones. */
export function pushSignal(state: FakeState, signal: Signal): void {
  state.signals.push(signal);
  if (state.signals.length > 500) state.signals.splice(0, state.signals.length - 500);
  touch(state);
}

export function createState(now: () => number): FakeState {
  return {
    now,
    files: new Map(),
    photos: new Map(),
    messages: new Map(),
    lastMessageId: new Map(),
    chats: new Map(),
    answeredQueries: new Set(),
    callbackChats: new Map(),
    commands: new Map(),
    menuButtons: new Map(),
    webhooks: new Map(),
    pendingUpdates: new Map(),
    sent: [],
    counters: { file: 0, album: 0 },
    maxPollWaitMs: 50,
    updateWaiters: new Map(),
    revision: 0,
    watchers: new Set(),
    signals: [],
  };
}

/** Marks a visible change and wakes whoever waits for one. */
export function touch(state: FakeState): void {
  state.revision++;
  for (const watcher of [...state.watchers]) watcher();
}

/** Queues an update for a bot and wakes its pending getUpdates call, as Telegram answers a long poll at once. */
export function pushUpdate(state: FakeState, token: string, update: Update): void {
  state.pendingUpdates.set(token, [...(state.pendingUpdates.get(token) ?? []), update]);
  for (const wake of [...(state.updateWaiters.get(token) ?? [])]) wake();
}

export function clearState(state: FakeState): void {
  for (const value of Object.values(state)) {
    if (value instanceof Map || value instanceof Set) value.clear();
  }
  state.sent.length = 0;
  state.signals.length = 0;
  state.counters.file = 0;
  state.counters.album = 0;
}

/** What one method implementation gets. */
export interface MethodContext {
  state: FakeState;
  token: string;
  bot: UserFromGetMe;
  params: Record<string, unknown>;
}

export type MethodHandler = (ctx: MethodContext) => unknown;

export const messageKey = (chatId: number, messageId: number) => `${chatId}:${messageId}`;

/** Message ids are per chat and shared by both sides of a private chat, as in Telegram. */
export function nextMessageId(state: FakeState, chatId: number): number {
  const id = (state.lastMessageId.get(chatId) ?? 0) + 1;
  state.lastMessageId.set(chatId, id);
  return id;
}

export function chatFor(state: FakeState, chatId: number): Chat {
  const known = state.chats.get(chatId);
  if (known) return known;
  if (chatId > 0) return { id: chatId, type: 'private', first_name: `User ${chatId}` };
  if (chatId < -1_000_000_000_000) return { id: chatId, type: 'supergroup', title: `Supergroup ${chatId}` };
  return { id: chatId, type: 'group', title: `Group ${chatId}` };
}

export function botAsUser(bot: UserFromGetMe): User {
  return { id: bot.id, is_bot: true, first_name: bot.first_name, username: bot.username };
}

// Parameter readers. Telegram reads every parameter as a string first, so a JSON body's number
// and a form field's "123" are the same thing, and a JSON-typed field may arrive either decoded
// (JSON body) or as a JSON string (form data).

export function stringParam(params: Record<string, unknown>, key: string): string {
  const value = params[key];
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function intParam(params: Record<string, unknown>, key: string): number {
  const value = Number.parseInt(stringParam(params, key), 10);
  return Number.isFinite(value) ? value : 0;
}

export function boolParam(params: Record<string, unknown>, key: string): boolean {
  const value = stringParam(params, key).toLowerCase();
  return value === 'true' || value === '1';
}

/** A JSON-typed parameter: undefined when absent, `cannotParse` error when malformed. */
export function jsonParam(params: Record<string, unknown>, key: string, cannotParse: string): unknown {
  const value = params[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw badRequest(cannotParse);
  }
}

export function chatIdParam(params: Record<string, unknown>, key = 'chat_id'): number {
  const raw = stringParam(params, key).trim();
  if (!raw) throw badRequest(key === 'chat_id' ? 'chat_id is empty' : `parameter "${key}" is required`);
  if (!/^-?\d+$/.test(raw)) throw badRequest('chat not found');
  return Number(raw);
}
