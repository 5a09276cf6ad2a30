/** Telegram's limits for one bot: about 30 messages a second in all and about one a second per chat (429 beyond them). */
export interface PacingLimits {
  /** At most this many messages in any window of `windowMs`. */
  perWindow: number;
  windowMs: number;
  /** Least time between two messages to one chat. */
  chatIntervalMs: number;
}

export const TELEGRAM_LIMITS: PacingLimits = { perWindow: 30, windowMs: 1000, chatIntervalMs: 1000 };

/** A started message's place in the window; `finish` records its answer, `release` gives it back when no request was made. */
export interface Ticket {
  chatId: number;
  at: number;
  /** When this chat's previous message started, if we remember one. */
  previous: number | undefined;
  /** Finished or released: a second call of either changes nothing. */
  done: boolean;
}

interface ChatState {
  last: number | undefined;
  /** No message to this chat starts before this (pacing, or a 429's retry_after). */
  freeAt: number;
}

/**
 * A sliding-window limiter for one bot plus a per-chat gate. Telegram counts a request when it arrives, which we never
 * see: it lies somewhere between our start and its answer. So a message holds its place in the window from its start
 * until a full window after its answer: a new start then comes at least a window after any earlier arrival, however
 * long each request spent on the wire. (A token bucket refilled every second, or counting starts only, lets two
 * requests of one window arrive closer than a second apart when the first was slow, and earns a 429.)
 */
export function createPacer(limits: PacingLimits) {
  /** Answer times of finished messages still inside the window, ascending. */
  const answered: number[] = [];
  let inFlight = 0;
  const chats = new Map<number, ChatState>();
  let pausedUntil = 0;

  const forget = (now: number) => {
    while (answered.length > 0 && answered[0]! <= now - limits.windowMs) answered.shift();
    // Chats that may send again and were last used longer ago than any rule looks back need no memory.
    if (chats.size > 4096) {
      for (const [chatId, s] of chats) if (s.freeAt <= now && (s.last === undefined || s.last < now - 10 * limits.chatIntervalMs)) chats.delete(chatId);
    }
  };

  return {
    limits,
    /** The earliest time any message of this bot may start; Infinity while the whole window is in flight. */
    botReadyAt(now: number): number {
      forget(now);
      const over = inFlight + answered.length - limits.perWindow;
      const window = over < 0 ? now : over >= answered.length ? Number.POSITIVE_INFINITY : answered[over]! + limits.windowMs;
      return Math.max(now, window, pausedUntil);
    },
    /** The earliest time a message to this chat may start. */
    readyAt(chatId: number, now: number): number {
      return Math.max(this.botReadyAt(now), chats.get(chatId)?.freeAt ?? 0);
    },
    start(chatId: number, now: number): Ticket {
      const state = chats.get(chatId);
      inFlight += 1;
      chats.set(chatId, { last: now, freeAt: Number.POSITIVE_INFINITY });
      return { chatId, at: now, previous: state?.last, done: false };
    },
    /** The request was answered (or given up on) at `at`: the window and the chat count from here. */
    finish(ticket: Ticket, at: number): void {
      if (ticket.done) return;
      ticket.done = true;
      inFlight -= 1;
      answered.push(at);
      const state = chats.get(ticket.chatId);
      const paused = state && state.freeAt !== Number.POSITIVE_INFINITY ? state.freeAt : 0;
      chats.set(ticket.chatId, { last: ticket.at, freeAt: Math.max(paused, at + limits.chatIntervalMs) });
    },
    /** No request was made after all (skipped, expired, unreachable): as if it had never started. */
    release(ticket: Ticket): void {
      if (ticket.done) return;
      ticket.done = true;
      inFlight -= 1;
      chats.set(ticket.chatId, {
        last: ticket.previous,
        freeAt: ticket.previous === undefined ? 0 : ticket.previous + limits.chatIntervalMs,
      });
    },
    pauseChat(chatId: number, until: number): void {
      const state = chats.get(chatId);
      chats.set(chatId, { last: state?.last, freeAt: Math.max(state?.freeAt === Number.POSITIVE_INFINITY ? 0 : (state?.freeAt ?? 0), until) });
    },
    pauseBot(until: number): void {
      pausedUntil = Math.max(pausedUntil, until);
    },
  };
}

export type Pacer = ReturnType<typeof createPacer>;
