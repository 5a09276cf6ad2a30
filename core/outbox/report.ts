import type { Db } from '../../db/client.js';
import type { OutboxBot } from './message.js';

const DAY = 24 * 3600_000;

export interface FailedDelivery {
  id: number;
  bot: OutboxBot;
  chatId: number;
  template: string;
  failedAt: number;
  lastError: string | null;
}

export interface UnreachablePatient {
  accountId: number;
  /** Whether an SMS can reach them (the account's or a profile's phone). */
  hasPhone: boolean;
}

/** What staff see of delivery: counts, and failures by template and chat only (never what a message said). */
export interface DeliveryReport {
  pending: number;
  /** Queued longest, in ms; 0 when nothing waits. */
  oldestPendingAgeMs: number;
  /** Pending rows whose last attempt may have reached the person (see OutboxRow.sendingAt). */
  inDoubt: number;
  failedLastDay: number;
  /** Sent again after an interrupted attempt, in the last day: each may have arrived twice. */
  resentLastDay: number;
  failed: FailedDelivery[];
  unreachable: UnreachablePatient[];
  unreachableCount: number;
}

/** Marker in last_error of a row delivered by a resend whose first attempt may have arrived. */
export const RESENT_IN_DOUBT = 'resent after an interrupted attempt';

export function createDeliveryReport(db: Db) {
  const counts = db.$client.prepare<[number, number, number], { pending: number; oldest: number | null; inDoubt: number; failed: number; resent: number }>(
    `SELECT
       coalesce(sum(sent_at IS NULL AND failed_at IS NULL), 0) AS pending,
       min(CASE WHEN sent_at IS NULL AND failed_at IS NULL THEN created_at END) AS oldest,
       coalesce(sum(sent_at IS NULL AND failed_at IS NULL AND sending_at IS NOT NULL), 0) AS inDoubt,
       coalesce(sum(failed_at >= ?), 0) AS failed,
       coalesce(sum(sent_at >= ? AND last_error LIKE '${RESENT_IN_DOUBT}%'), 0) AS resent
     FROM outbox WHERE sent_at IS NULL OR sent_at >= ?`,
  );
  const failedRows = db.$client.prepare<[number, number], FailedDelivery>(
    `SELECT id, bot, chat_id AS chatId, template, failed_at AS failedAt, last_error AS lastError
       FROM outbox WHERE failed_at >= ? ORDER BY failed_at DESC, id DESC LIMIT ?`,
  );
  const unreachableRows = db.$client.prepare<[number], { accountId: number; hasPhone: number }>(
    `SELECT a.telegram_id AS accountId,
            (a.phone IS NOT NULL OR EXISTS (SELECT 1 FROM patients p WHERE p.account_id = a.telegram_id AND p.deleted_at IS NULL AND p.phone IS NOT NULL)) AS hasPhone
       FROM accounts a WHERE a.reachable = 0 ORDER BY a.telegram_id LIMIT ?`,
  );
  const unreachableCount = db.$client.prepare('SELECT count(*) FROM accounts WHERE reachable = 0').pluck();

  return {
    /** The delivery picture at `now`: the last day's failures (newest first, at most `limit`) and blocked patients. */
    deliveryReport(now: number, limit = 10): DeliveryReport {
      const since = now - DAY;
      const c = counts.get(since, since, since)!;
      return {
        pending: c.pending,
        oldestPendingAgeMs: c.oldest === null ? 0 : Math.max(0, now - c.oldest),
        inDoubt: c.inDoubt,
        failedLastDay: c.failed,
        resentLastDay: c.resent,
        failed: failedRows.all(since, limit),
        unreachable: unreachableRows.all(limit).map((r) => ({ accountId: r.accountId, hasPhone: r.hasPhone === 1 })),
        unreachableCount: unreachableCount.get() as number,
      };
    },
  };
}
