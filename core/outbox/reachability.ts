import type { Db } from '../../db/client.js';
import { queueFallbackSms } from './fallback.js';
import type { OutboxRow } from './message.js';

/** last_error of a row Telegram refused because the patient blocked the bot (or of one never tried for that reason). */
export const UNREACHABLE = 'unreachable';

/** Rows refused this recently are sent again when the patient comes back; older news is left as failed. */
const REVIVE_WITHIN_MS = 24 * 3600_000;

/** Patient accounts that blocked the patient bot: what the sender and the staff's cards need to know. */
export function createReachability(db: Db) {
  const reachable = db.$client.prepare<[number], number>('SELECT reachable FROM accounts WHERE telegram_id = ?').pluck();
  const setReachable = db.$client.prepare<[number, number]>('UPDATE accounts SET reachable = ? WHERE telegram_id = ?');
  const fail = db.$client.prepare<[number, number, string, number]>(
    'UPDATE outbox SET failed_at = ?, attempts = ?, last_error = ?, sending_at = NULL WHERE id = ?',
  );
  const revive = db.$client.prepare<[number, number, number]>(
    `UPDATE outbox SET failed_at = NULL, next_attempt_at = ?, sending_at = NULL
      WHERE bot = 'patient' AND chat_id = ? AND sent_at IS NULL AND failed_at >= ? AND last_error LIKE '${UNREACHABLE}:%'`,
  );

  return {
    /** True only for a patient account known to have blocked the bot (a chat without an account is not "blocked"). */
    isUnreachable(accountId: number): boolean {
      return reachable.get(accountId) === 0;
    },

    /**
     * The patient bot was refused for this chat (403: blocked, or the account deactivated). In one transaction: the row
     * fails, the account is marked unreachable, and a critical notice is queued as an SMS when a phone is known.
     * Returns whether an SMS was queued.
     */
    markUnreachable(row: OutboxRow, at: number, attempts: number, error: string): { sms: boolean } {
      return db.$client.transaction(() => {
        fail.run(at, attempts, `${UNREACHABLE}: ${error}`, row.id);
        setReachable.run(0, row.chatId);
        return { sms: queueFallbackSms(db, row, at) };
      })();
    },

    /** Telegram said the person blocked the bot (my_chat_member: kicked) before any message of ours was refused. */
    markBlocked(accountId: number): void {
      setReachable.run(0, accountId);
    },

    /**
     * The person wrote to the bot again: they are reachable, and what was refused in the last day is queued again
     * (each renderer still skips what no longer holds; expired rows fail as expired). Returns the rows queued again.
     */
    markReachable(accountId: number, now: number): number {
      if (reachable.get(accountId) !== 0) return 0;
      return db.$client.transaction(() => {
        setReachable.run(1, accountId);
        return revive.run(now, accountId, now - REVIVE_WITHIN_MS).changes;
      })();
    },
  };
}
