import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { SetupServer } from 'msw/node';
import type { Message, PhotoSize, Update, UserFromGetMe } from 'grammy/types';
import { downloadFile, imageSize, photoSizes, storeFile } from '../../sandbox/botapi/files.js';
import type { AddFileOptions } from '../../sandbox/botapi/files.js';
import { BOT_API_METHODS } from '../../sandbox/botapi/methods.js';
import { parseBotApiRequest } from '../../sandbox/botapi/request.js';
import { BotApiError, Described, clearState, createState, messageKey, nextMessageId } from '../../sandbox/botapi/state.js';
import type { MethodHandler, SentMessage } from '../../sandbox/botapi/state.js';
import { createFaults, type BotApiFailure, type FloodLimits, type TransportFault } from './fake-bot-api-faults.js';

export type { SentFile, SentMessage, UploadedFile, ReplyMarkup } from '../../sandbox/botapi/state.js';
export type { AddFileOptions } from '../../sandbox/botapi/files.js';
export type { BotApiFailure, FloodLimits, TransportFault } from './fake-bot-api-faults.js';

export type BotApiResponse = { ok: true; result: unknown; description?: string } | ({ ok: false } & BotApiFailure);

export interface RecordedCall {
  token: string;
  /** As the bot spelled it (Telegram matches method names case-insensitively). */
  method: string;
  /** JSON body, or form fields JSON-decoded with uploaded files as `{ filename, bytes, mime }`. */
  params: Record<string, unknown>;
  /** Milliseconds since the epoch, from the fake's clock. */
  at: number;
  /** Set once the fake has answered. */
  response?: BotApiResponse;
  /** A transport fault injected with breakNext: 'answer_lost' and 'timeout' calls were carried out all the same. */
  fault?: TransportFault;
}

export interface FakeBotApiOptions {
  /** Default 'http://telegram.test'; pass the same to `new Bot(token, { client: { apiRoot } })`. */
  apiRoot?: string;
  /** Clock for message dates and `at`; default Date.now. */
  now?: () => number;
  /** getMe overrides per token (names, flags). */
  bots?: Record<string, Partial<UserFromGetMe>>;
}

export interface FakeBotApi {
  apiRoot: string;
  /** The msw server, for tests that also stub other hosts (`server.use(...)`). */
  server: SetupServer;
  /** Starts intercepting; requests to hosts nobody handles fail the test (`onUnhandledRequest: 'error'`). */
  listen(): void;
  close(): void;
  /** Forgets calls, files, messages, failures, custom handlers, webhooks and commands. */
  reset(): void;
  calls: RecordedCall[];
  callsOf(method: string, token?: string): RecordedCall[];
  /** Messages as the person sees them arrive or change (sends, edits, copies, forwards), oldest first. */
  sent(chatId?: number, token?: string): SentMessage[];
  /** Text or caption of the latest entry of `sent(chatId)`. */
  lastText(chatId?: number): string | undefined;
  /** The chat as it stands now: edits applied, deleted messages gone, a person's remembered messages included. */
  history(chatId: number, token?: string): Message[];
  /** Registers bytes served by getFile and the download URL. */
  addFile(bytes: Buffer, opts?: AddFileOptions): { file_id: string; file_unique_id: string; file_size: number };
  /**
   * Registers a photo as Telegram stores one a person sent: every PhotoSize (smallest first) resolves
   * through getFile (all to these bytes). Dimensions come from the image header unless given.
   */
  addPhoto(bytes: Buffer, opts?: { token?: string; width?: number; height?: number }): PhotoSize[];
  /** Answers the next `times` calls of `method` (any bot) with this error. */
  failNext(method: string, error: BotApiFailure, times?: number): void;
  /** The next `times` calls of `method` meet a transport fault (see fake-bot-api-faults.ts); until reset. */
  breakNext(method: string, fault: TransportFault, times?: number): void;
  /** Every later call to this chat (of `token`, or of any bot) answers 403 as Telegram does when the person blocked the bot. */
  blockChat(chatId: number, opts?: { token?: string; deactivated?: boolean }): void;
  unblockChat(chatId: number, token?: string): void;
  /** Enforces Telegram's flood limits (30 messages/s per bot, 1/s per chat by default): 429 with retry_after beyond them. */
  enforceLimits(limits?: FloodLimits): void;
  /** Answers `method` with a custom result (or a thrown BotApiError) until reset; for methods the fake lacks. */
  handle(method: string, handler: (call: { token: string; params: Record<string, unknown> }) => unknown): void;
  /** A realistic getMe result: `new Bot(token, { botInfo, client: { apiRoot } })`. */
  botInfo(token: string): UserFromGetMe;
  /** Queues an update for getUpdates (long polling). */
  enqueueUpdate(token: string, update: Update): void;
  /** Stores a person's message so the bot can reply to, copy, forward or delete it; `token`: the bot it went to. */
  remember(message: Message, token?: string): void;
  /** Allocates the next message_id of a chat (shared by both sides of the chat, as in Telegram). */
  nextMessageId(chatId: number): number;
}

const TOKEN = /^\d+:[A-Za-z0-9_-]+$/;
const NOT_FOUND = { ok: false, error_code: 404, description: 'Not Found' } as const;

export function createFakeBotApi(opts: FakeBotApiOptions = {}): FakeBotApi {
  const apiRoot = (opts.apiRoot ?? 'http://telegram.test').replace(/\/$/, '');
  const now = opts.now ?? (() => Date.now());
  const state = createState(now);
  const calls: RecordedCall[] = [];
  const failures = new Map<string, { error: BotApiFailure; remaining: number }[]>();
  const custom = new Map<string, MethodHandler>();
  const faults = createFaults(now);

  const botInfo = (token: string): UserFromGetMe => {
    const id = Number(token.split(':')[0]);
    return {
      id,
      is_bot: true,
      first_name: `Test Bot ${id}`,
      username: `test_${id}_bot`,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
      ...opts.bots?.[token],
    };
  };

  const takeFailure = (method: string): BotApiFailure | undefined => {
    const queue = failures.get(method);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    if (--head.remaining <= 0) queue.shift();
    return head.error;
  };

  async function respond(token: string, method: string, params: Record<string, unknown>): Promise<BotApiResponse> {
    if (!TOKEN.test(token)) return { ok: false, error_code: 401, description: 'Unauthorized' };
    const key = method.toLowerCase();
    const failure = takeFailure(key);
    if (failure) return { ok: false, ...failure };
    const handler = custom.get(key) ?? BOT_API_METHODS[key];
    try {
      if (!handler) throw new BotApiError(404, 'Not Found: method not found');
      const result = await handler({ state, token, bot: botInfo(token), params });
      return result instanceof Described ? { ok: true, result: result.result, description: result.description } : { ok: true, result };
    } catch (error) {
      if (error instanceof BotApiError) {
        return { ok: false, error_code: error.errorCode, description: error.description, ...(error.parameters ? { parameters: error.parameters } : {}) };
      }
      // A bug in the fake must not look like a Telegram answer the bot could handle.
      const message = error instanceof Error ? error.stack ?? error.message : String(error);
      return { ok: false, error_code: 500, description: `Internal Server Error: fake Bot API failed: ${message}` };
    }
  }

  const server = setupServer(
    http.all(`${apiRoot}/*`, async ({ request }) => {
      const parsed = await parseBotApiRequest(request, apiRoot).catch((error: unknown) => {
        if (error instanceof BotApiError) return error;
        throw error;
      });
      if (parsed instanceof BotApiError) {
        return HttpResponse.json({ ok: false, error_code: parsed.errorCode, description: parsed.description }, { status: parsed.errorCode });
      }
      if (parsed.kind === 'not-found') return HttpResponse.json(NOT_FOUND, { status: 404 });
      if (parsed.kind === 'file') {
        const bytes = downloadFile(state, parsed.token, parsed.filePath);
        if (!bytes) return HttpResponse.json(NOT_FOUND, { status: 404 });
        return new HttpResponse(new Uint8Array(bytes), {
          headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) },
        });
      }
      const call: RecordedCall = { token: parsed.token, method: parsed.method, params: parsed.params, at: now() };
      calls.push(call);
      const fault = TOKEN.test(parsed.token) ? faults.before(parsed.token, parsed.method, parsed.params) : undefined;
      if (fault === 'network') {
        call.fault = 'network';
        return HttpResponse.error();
      }
      call.response = fault ? { ok: false, ...fault } : await respond(parsed.token, parsed.method, parsed.params);
      const lost = fault ? undefined : faults.after(parsed.method);
      if (lost) {
        call.fault = lost;
        if (lost === 'timeout') await delay('infinite');
        return HttpResponse.error();
      }
      return HttpResponse.json(call.response, { status: call.response.ok ? 200 : call.response.error_code });
    }),
  );

  const sent = (chatId?: number, token?: string) =>
    state.sent.filter((m) => (chatId === undefined || m.chatId === chatId) && (token === undefined || m.token === token));

  return {
    apiRoot,
    server,
    listen: () => server.listen({ onUnhandledRequest: 'error' }),
    close: () => server.close(),
    reset() {
      calls.length = 0;
      failures.clear();
      custom.clear();
      faults.clear();
      clearState(state);
      server.resetHandlers();
    },
    calls,
    callsOf: (method, token) =>
      calls.filter((c) => c.method.toLowerCase() === method.toLowerCase() && (token === undefined || c.token === token)),
    sent,
    lastText(chatId) {
      const last = sent(chatId).at(-1);
      return last?.text ?? last?.caption;
    },
    history: (chatId, token) =>
      [...state.messages.values()]
        .filter((m) => m.message.chat.id === chatId)
        .filter((m) => token === undefined || (m.token ?? m.audience ?? token) === token)
        .map((m) => m.message)
        .sort((a, b) => a.message_id - b.message_id),
    addFile(bytes, fileOpts) {
      const file = storeFile(state, bytes, fileOpts);
      return { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.size };
    },
    addPhoto(bytes, photoOpts = {}) {
      const dims = imageSize(bytes) ?? { width: 1280, height: 960 };
      const file = storeFile(state, bytes, { token: photoOpts.token, filePath: `photos/file_${state.counters.file + 1}.jpg` });
      const sizes = photoSizes(state, file, photoOpts.width ?? dims.width, photoOpts.height ?? dims.height);
      state.photos.set(file.fileId, sizes);
      return sizes;
    },
    failNext(method, error, times = 1) {
      const key = method.toLowerCase();
      failures.set(key, [...(failures.get(key) ?? []), { error, remaining: times }]);
    },
    breakNext: (method, fault, times) => faults.breakNext(method, fault, times),
    blockChat: (chatId, blockOpts) => faults.blockChat(chatId, blockOpts),
    unblockChat: (chatId, token) => faults.unblockChat(chatId, token),
    enforceLimits: (limits) => faults.enforceLimits(limits),
    handle(method, handler) {
      custom.set(method.toLowerCase(), (ctx) => handler({ token: ctx.token, params: ctx.params }));
    },
    botInfo,
    enqueueUpdate(token, update) {
      state.pendingUpdates.set(token, [...(state.pendingUpdates.get(token) ?? []), update]);
    },
    remember(message, token) {
      state.chats.set(message.chat.id, message.chat);
      state.messages.set(messageKey(message.chat.id, message.message_id), { message, audience: token });
      const last = state.lastMessageId.get(message.chat.id) ?? 0;
      if (message.message_id > last) state.lastMessageId.set(message.chat.id, message.message_id);
    },
    nextMessageId: (chatId) => nextMessageId(state, chatId),
  };
}
