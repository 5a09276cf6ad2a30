import { HttpError, type Transformer } from 'grammy';

export interface RetryOptions {
  /** Attempts after the first one. */
  maxRetryAttempts: number;
  /** A flood wait longer than this is not waited out; the call fails. */
  maxDelaySeconds: number;
}

// The same backoff as @grammyjs/auto-retry: 3 s, doubling, for server errors and network failures.
const FIRST_BACKOFF_SECONDS = 3;
const MAX_BACKOFF_SECONDS = 3600;

// grammY types its signal with the abort-controller package, which differs from the DOM's AbortSignal.
type Signal = Parameters<Transformer>[3];

function sleep(ms: number, signal: Signal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(new Error('Request aborted while waiting between retries'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/**
 * auto-retry for the Api of a conversation: rate limits (retry_after) and server or network errors are retried,
 * as @grammyjs/auto-retry does for the bot.
 *
 * A conversation replays its Bot API calls from a log on every update, failed attempts included, and
 * auto-retry installed there waits again on each replay: one flood wait of a minute would hold every later
 * step of the form (and, per-chat ordering being what it is, the whole chat) for another minute. Here the wait
 * runs from the moment of the failure as the conversation logged it (`now` is `conversation.now`), so a replay
 * finds it long over and goes on at once.
 */
export function conversationRetry(now: () => Promise<number>, opts: RetryOptions): Transformer {
  return async (prev, method, payload, signal) => {
    let backoff = FIRST_BACKOFF_SECONDS;
    const nextBackoff = () => {
      const delay = backoff;
      backoff = Math.min(MAX_BACKOFF_SECONDS, backoff * 2);
      return delay;
    };
    for (let attempt = 0; ; attempt++) {
      let delay: number;
      try {
        const result = await prev(method, payload, signal);
        if (result.ok || attempt >= opts.maxRetryAttempts) return result;
        const retryAfter = result.parameters?.retry_after;
        if (typeof retryAfter === 'number') {
          if (retryAfter > opts.maxDelaySeconds) return result;
          delay = retryAfter;
        } else if (result.error_code >= 500) {
          delay = nextBackoff();
        } else {
          return result;
        }
      } catch (err) {
        if (!(err instanceof HttpError) || signal?.aborted || attempt >= opts.maxRetryAttempts) throw err;
        delay = nextBackoff();
      }
      const failedAt = await now();
      const remaining = failedAt + delay * 1000 - Date.now();
      if (remaining > 0) await sleep(remaining, signal);
    }
  };
}
