import { GrammyError, HttpError } from 'grammy';

/** What Telegram's answer (or its absence) means for a row. */
export type Failure =
  /** 429: wait `retryAfterMs`, then try again; nothing was delivered. */
  | { kind: 'flood'; retryAfterMs: number; error: string }
  /** 5xx, or no answer at all: try again with backoff. `inDoubt`: the request may have been carried out. */
  | { kind: 'transient'; inDoubt: boolean; error: string }
  /** 403: the person blocked the bot or their account is gone; nothing will reach this chat until they write again. */
  | { kind: 'blocked'; error: string }
  /**
   * The edit asked for is already what the message shows (an edit repeated after an interruption), or there is no
   * longer a message to change: deleted by the person, or too old for Telegram to edit.
   */
  | { kind: 'already_done'; error: string }
  /** Refused for good (400 and the like) or a fault of ours: record it, do not repeat it. */
  | { kind: 'permanent'; error: string };

/** Telegram's refusals of an edit that leave nothing to retry: unchanged, gone, or older than it lets bots edit. */
const EDIT_DONE = /message is not modified|message to edit not found|message can't be edited/i;

export function classify(err: unknown, edit: boolean): Failure {
  if (err instanceof GrammyError) {
    const error = `${err.error_code} ${err.description}`;
    if (err.error_code === 429) return { kind: 'flood', retryAfterMs: Math.max(1, err.parameters.retry_after ?? 5) * 1000, error };
    if (err.error_code >= 500) return { kind: 'transient', inDoubt: false, error };
    // A revoked token or a wrong API root is our configuration, not the message: keep it until that is fixed.
    if (err.error_code === 401 || err.error_code === 404) return { kind: 'transient', inDoubt: false, error };
    if (err.error_code === 403) return { kind: 'blocked', error };
    if (edit && err.error_code === 400 && EDIT_DONE.test(err.description)) return { kind: 'already_done', error };
    return { kind: 'permanent', error };
  }
  // A timeout or a lost answer: Telegram may have carried the request out before the line went quiet.
  if (err instanceof HttpError) return { kind: 'transient', inDoubt: true, error: `${err.message} ${errorText(err.error)}`.trim() };
  return { kind: 'permanent', error: errorText(err) };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export interface Backoff {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 2_000, capMs: 10 * 60_000 };

/**
 * Exponential, with "equal jitter": half the step is fixed, half random, so rows that failed together (an outage) do
 * not all come back in the same instant. `attempts` counts the failed attempts so far (1 after the first).
 */
export function backoffMs(attempts: number, backoff: Backoff, random: () => number): number {
  const step = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.ceil(step / 2 + (random() * step) / 2);
}
