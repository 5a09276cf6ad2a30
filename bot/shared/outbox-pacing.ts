/**
 * Telegram's limits for one bot: about 30 messages a second in all and about one a second per chat (429 beyond them).
 * The margins keep us under them when the requests arrive a little closer together than they left.
 */
export interface PacingLimits {
  /** At most this many messages start in any window of `windowMs`. */
  perWindow: number;
  windowMs: number;
  /** Least time between the starts of two messages to one chat. */
  chatIntervalMs: number;
}

export const TELEGRAM_LIMITS: PacingLimits = { perWindow: 30, windowMs: 1050, chatIntervalMs: 1100 };

/** A started message's slot; `release` gives it back when no request was made after all (skipped, expired). */
export interface Ticket {
  chatId: number;
  at: number;
  /** When this chat's previous message started, if we remember one. */
  previous: number | undefined;
}

interface ChatState {
  last: number | undefined;
  /** No message to this chat starts before this (pacing, or a 429's retry_after). */
  freeAt: number;
}

/**
 * A sliding-window limiter for one bot plus a per-chat gate. A window (not a token bucket refilled per second) is what
 * guarantees "at most 30 in any second" whenever the requests are counted, which is how a 429 is earned.
 */
export function createPacer(limits: PacingLimits) {
  const starts: number[] = [];
  const chats = new Map<number, ChatState>();
  let pausedUntil = 0;

  const forget = (now: number) => {
    while (starts.length > 0 && starts[0]! <= now - limits.windowMs) starts.shift();
    // Chats that may send again and were last used longer ago than any rule looks back need no memory.
    if (chats.size > 4096) {
      for (const [chatId, s] of chats) if (s.freeAt <= now && (s.last === undefined || s.last < now - 10 * limits.chatIntervalMs)) chats.delete(chatId);
    }
  };

  return {
    limits,
    /** The earliest time any message of this bot may start. */
    botReadyAt(now: number): number {
      forget(now);
      const window = starts.length < limits.perWindow ? now : starts[starts.length - limits.perWindow]! + limits.windowMs;
      return Math.max(now, window, pausedUntil);
    },
    /** The earliest time a message to this chat may start. */
    readyAt(chatId: number, now: number): number {
      return Math.max(this.botReadyAt(now), chats.get(chatId)?.freeAt ?? 0);
    },
    start(chatId: number, now: number): Ticket {
      const state = chats.get(chatId);
      starts.push(now);
      chats.set(chatId, { last: now, freeAt: Math.max(state?.freeAt ?? 0, now + limits.chatIntervalMs) });
      return { chatId, at: now, previous: state?.last };
    },
    release(ticket: Ticket): void {
      const i = starts.lastIndexOf(ticket.at);
      if (i >= 0) starts.splice(i, 1);
      const state = chats.get(ticket.chatId);
      if (state?.last === ticket.at) {
        chats.set(ticket.chatId, { last: ticket.previous, freeAt: ticket.previous === undefined ? 0 : ticket.previous + limits.chatIntervalMs });
      }
    },
    pauseChat(chatId: number, until: number): void {
      const state = chats.get(chatId);
      chats.set(chatId, { last: state?.last, freeAt: Math.max(state?.freeAt ?? 0, until) });
    },
    pauseBot(until: number): void {
      pausedUntil = Math.max(pausedUntil, until);
    },
  };
}

export type Pacer = ReturnType<typeof createPacer>;
