import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { UserFromGetMe } from 'grammy/types';
import { BOT_API_METHODS } from './methods.js';
import { createPersonSide, type PersonSide } from './person.js';
import { parseBotApiRequest } from './request.js';
import { BotApiError, Described, createState, type FakeState } from './state.js';
import { downloadFile } from './files.js';

/** A bot the emulator knows: only these tokens are answered, every other one gets 401 as from Telegram. */
export interface EmulatedBot {
  token: string;
  username: string;
  firstName: string;
}

export type BotApiAnswer = { ok: true; result: unknown; description?: string } | { ok: false; error_code: number; description: string; parameters?: object };

export interface BotApiEmulator {
  state: FakeState;
  person: PersonSide;
  /** The Bot API over HTTP: `/bot<token>/<method>` and `/file/bot<token>/<file_path>`, as api.telegram.org serves them. */
  fetch(request: Request): Promise<Response>;
  /** Calls a method directly, as the HTTP route does (tests). */
  call(token: string, method: string, params: Record<string, unknown>): Promise<BotApiAnswer>;
  getMe(token: string): UserFromGetMe | undefined;
  /** Listens on loopback; the returned root is what TELEGRAM_API_ROOT should be. */
  listen(host?: string): Promise<{ apiRoot: string; close(): Promise<void> }>;
}

/** Long polls may wait this long, more than grammY's default timeout of 30 s. */
const POLL_WAIT_MS = 50_000;
const UNAUTHORIZED = { ok: false, error_code: 401, description: 'Unauthorized' } as const;
const BLOCKED = { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' } as const;
/** Methods that act in a chat: Telegram refuses them all once the person has blocked the bot. */
const IN_CHAT = /^(send\w+|copymessages?|forwardmessages?|editmessage\w+|deletemessages?)$/;
const NOT_FOUND = { ok: false, error_code: 404, description: 'Not Found' } as const;

export function createBotApiEmulator(opts: { bots: EmulatedBot[]; now?: () => number }): BotApiEmulator {
  const state = createState(opts.now ?? (() => Date.now()));
  state.maxPollWaitMs = POLL_WAIT_MS;
  const bots = new Map<string, UserFromGetMe>(
    opts.bots.map((b) => [
      b.token,
      {
        id: Number(b.token.split(':')[0]),
        is_bot: true,
        first_name: b.firstName,
        username: b.username,
        can_join_groups: false,
        can_read_all_group_messages: false,
        supports_inline_queries: false,
        can_connect_to_business: false,
        has_main_web_app: false,
        has_topics_enabled: false,
        allows_users_to_create_topics: false,
        can_manage_bots: false,
        supports_join_request_queries: false,
      } as UserFromGetMe,
    ]),
  );

  const person = createPersonSide(state, (token) => {
    const bot = bots.get(token)!;
    return { id: bot.id, is_bot: true, first_name: bot.first_name, username: bot.username };
  });

  async function call(token: string, method: string, params: Record<string, unknown>): Promise<BotApiAnswer> {
    const bot = bots.get(token);
    if (!bot) return UNAUTHORIZED;
    const handler = BOT_API_METHODS[method.toLowerCase()];
    if (IN_CHAT.test(method.toLowerCase()) && person.isBlocked(token, Number(params.chat_id))) return BLOCKED;
    try {
      if (!handler) throw new BotApiError(404, 'Not Found: method not found');
      const result = await handler({ state, token, bot, params });
      return result instanceof Described ? { ok: true, result: result.result, description: result.description } : { ok: true, result };
    } catch (error) {
      if (error instanceof BotApiError) {
        return { ok: false, error_code: error.errorCode, description: error.description, ...(error.parameters ? { parameters: error.parameters } : {}) };
      }
      throw error; // a bug of the emulator: the server's 500, never an answer that looks like Telegram's
    }
  }

  async function fetch(request: Request): Promise<Response> {
    const json = (body: BotApiAnswer) => Response.json(body, { status: body.ok ? 200 : body.error_code });
    let parsed;
    try {
      parsed = await parseBotApiRequest(request, new URL(request.url).origin);
    } catch (error) {
      if (error instanceof BotApiError) return json({ ok: false, error_code: error.errorCode, description: error.description });
      throw error;
    }
    if (parsed.kind === 'not-found') return json(NOT_FOUND);
    if (parsed.kind === 'file') {
      const bytes = bots.has(parsed.token) ? downloadFile(state, parsed.token, parsed.filePath) : undefined;
      if (!bytes) return json(NOT_FOUND);
      return new Response(new Uint8Array(bytes), { headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) } });
    }
    return json(await call(parsed.token, parsed.method, parsed.params));
  }

  return {
    state,
    person,
    fetch,
    call,
    getMe: (token) => bots.get(token),
    listen(host = '127.0.0.1') {
      return new Promise((resolve) => {
        const server = serve({ fetch, port: 0, hostname: host }, (info: AddressInfo) => {
          resolve({
            apiRoot: `http://${host}:${info.port}`,
            close: () => new Promise<void>((done) => server.close(() => done())),
          });
        });
      });
    },
  };
}
