/** The Bot API's error body without `ok`, as a test asks the fake to give it. */
export interface BotApiFailure {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/**
 * Faults a test can inject into the fake Bot API, beyond `failNext`. None is active unless a test asks for it, so the
 * fake behaves exactly as before by default.
 *
 * - 'network': the request never reaches Telegram (connection refused or reset): nothing happens, the call fails.
 * - 'answer_lost': Telegram carries the request out, but the answer never arrives (the connection drops): the message
 *   is there, yet the bot sees a network error.
 * - 'timeout': Telegram carries the request out and the answer never comes at all; the client gives up on its own.
 */
export type TransportFault = 'network' | 'answer_lost' | 'timeout';

/** Telegram's flood limits as the fake enforces them: broken ones are answered 429 with retry_after. */
export interface FloodLimits {
  /** Messages one bot may send in any second. Default 30. */
  perSecond?: number;
  /** Least time between two messages to one chat. Default 1000 ms. */
  chatIntervalMs?: number;
  /** retry_after of the 429 answer, in seconds. Default 1. */
  retryAfter?: number;
}

/** Methods that put a new message in a chat: what Telegram's flood limits count. */
const SENDS = /^(send(?!chataction)\w+|copymessages?|forwardmessages?)$/;

export function createFaults(now: () => number) {
  const transport = new Map<string, { fault: TransportFault; remaining: number }[]>();
  const blocked = new Map<string, string>();
  let limits: Required<FloodLimits> | undefined;
  const recent = new Map<string, number[]>();
  const lastToChat = new Map<string, number>();

  const chatOf = (params: Record<string, unknown>): string | undefined => (params.chat_id === undefined ? undefined : String(params.chat_id));

  return {
    breakNext(method: string, fault: TransportFault, times = 1): void {
      const key = method.toLowerCase();
      transport.set(key, [...(transport.get(key) ?? []), { fault, remaining: times }]);
    },
    /** Every later call to this chat answers 403, as when the person blocked the bot (or deleted their account). */
    blockChat(chatId: number, opts: { token?: string; deactivated?: boolean } = {}): void {
      blocked.set(`${opts.token ?? '*'}:${chatId}`, opts.deactivated ? 'Forbidden: user is deactivated' : 'Forbidden: bot was blocked by the user');
    },
    unblockChat(chatId: number, token?: string): void {
      blocked.delete(`${token ?? '*'}:${chatId}`);
    },
    enforceLimits(options: FloodLimits = {}): void {
      limits = { perSecond: options.perSecond ?? 30, chatIntervalMs: options.chatIntervalMs ?? 1000, retryAfter: options.retryAfter ?? 1 };
    },

    /** The fault to apply to this request before Telegram would act on it, if any. */
    before(token: string, method: string, params: Record<string, unknown>): BotApiFailure | 'network' | undefined {
      const key = method.toLowerCase();
      const queue = transport.get(key);
      const head = queue?.[0];
      if (head && head.fault === 'network') {
        if (--head.remaining <= 0) queue!.shift();
        return 'network';
      }
      const chat = chatOf(params);
      const refusal = chat === undefined ? undefined : (blocked.get(`${token}:${chat}`) ?? blocked.get(`*:${chat}`));
      if (refusal) return { error_code: 403, description: refusal };
      if (limits && chat !== undefined && SENDS.test(key)) {
        const at = now();
        const window = (recent.get(token) ?? []).filter((t) => t > at - 1000);
        const last = lastToChat.get(`${token}:${chat}`);
        if (window.length >= limits.perSecond || (last !== undefined && at - last < limits.chatIntervalMs)) {
          recent.set(token, window);
          return { error_code: 429, description: `Too Many Requests: retry after ${limits.retryAfter}`, parameters: { retry_after: limits.retryAfter } };
        }
        window.push(at);
        recent.set(token, window);
        lastToChat.set(`${token}:${chat}`, at);
      }
      return undefined;
    },

    /** What happens to the answer of a request Telegram carried out: delivered (undefined), lost, or never sent. */
    after(method: string): Exclude<TransportFault, 'network'> | undefined {
      const queue = transport.get(method.toLowerCase());
      const head = queue?.[0];
      if (!head || head.fault === 'network') return undefined;
      if (--head.remaining <= 0) queue!.shift();
      return head.fault;
    },

    clear(): void {
      transport.clear();
      blocked.clear();
      limits = undefined;
      recent.clear();
      lastToChat.clear();
    },
  };
}

export type Faults = ReturnType<typeof createFaults>;
