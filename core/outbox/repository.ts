import { eq, isNotNull } from 'drizzle-orm';
import type { Db, Writer } from '../../db/client.js';
import { outbox } from '../../db/schema.js';
import type { Lease } from './lease.js';
import { createReachability } from './reachability.js';
import { createDeliveryReport } from './report.js';
import { TEMPLATES, type OutboxTemplate } from './templates.js';
import type { OutboxMessage, OutboxRow } from './message.js';

export type { OutboxBot, OutboxMessage, OutboxRow, StoredParams } from './message.js';

type Executor = Pick<Writer, 'insert'>;

/** Adds a message to the outbox, for the bot its template names; call it with the transaction of the change it reports. */
export function enqueue<K extends OutboxTemplate>(tx: Executor, message: OutboxMessage<K>, now: number): void {
  insertOutboxRow(tx, { ...message, bot: TEMPLATES[message.template].channel }, now);
}

/**
 * enqueue's insert, unchecked: any template name, any JSON. Core writes through enqueue; this is for rows the catalogue
 * does not hold, such as a test's own template that exercises the sender, or a row as another release left it.
 */
export function insertOutboxRow(tx: Executor, row: Pick<OutboxRow, 'bot' | 'chatId' | 'template' | 'params' | 'dedupeKey'>, now: number): void {
  tx.insert(outbox)
    .values({ ...row, params: JSON.stringify(row.params), nextAttemptAt: now, createdAt: now })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .run();
}

/** The `expiresAt` a row carries in its params, if any. */
export function expiresAtOf(row: Pick<OutboxRow, 'params'>): number | undefined {
  const value = row.params.expiresAt;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** last_error of a row whose recipient can no longer get it (a renderer's 'fail'). */
export const NO_RECIPIENT = 'no recipient:';

/** last_error of a row whose template this release cannot render: it waits for one that can, without holding its chat. */
export const NO_RENDERER = 'no renderer for';

const NO_LEASE = { leaseOwner: null, leaseUntil: null };

const ROW_COLUMNS = `o.id, o.bot, o.chat_id AS chatId, o.template, o.params, o.dedupe_key AS dedupeKey, o.attempts,
  o.created_at AS createdAt, o.sending_at AS sendingAt`;

/**
 * The ids of the rows that may be sent next. Each chat's messages go out in the order they were queued: only the
 * oldest pending row of a chat (its head) may be sent, so "cancelled" can never overtake "scheduled", and a row waiting
 * out a retry holds the ones behind it. A row no renderer knows (a release rolled back) is the exception: it is tried
 * on its own, holding nobody. Join it as `h` on `h.id = o.id`.
 */
export const OUTBOX_HEADS_SQL = `SELECT min(id) AS id FROM outbox
              WHERE sent_at IS NULL AND failed_at IS NULL AND (last_error IS NULL OR last_error NOT LIKE '${NO_RENDERER}%')
              GROUP BY bot, chat_id
             UNION
             SELECT id FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL AND last_error LIKE '${NO_RENDERER}%'`;

export function createOutboxRepository(db: Db) {
  const heads = db.$client.prepare<[number, number], Omit<OutboxRow, 'params'> & { params: string }>(
    `SELECT ${ROW_COLUMNS}
       FROM outbox o
       JOIN (${OUTBOX_HEADS_SQL}) h ON h.id = o.id
      WHERE o.next_attempt_at <= ?
      ORDER BY o.next_attempt_at, o.id
      LIMIT ?`,
  );
  // One statement, so one write transaction: two senders on one database can never both claim a row. Rows another
  // sender holds under a live lease are not heads' business: their chat waits for that sender.
  const claims = db.$client.prepare<{ now: number; limit: number; owner: string; until: number }, Omit<OutboxRow, 'params'> & { params: string; nextAttemptAt: number }>(
    `UPDATE outbox SET lease_owner = @owner, lease_until = @until
      WHERE id IN (SELECT d.id FROM outbox d JOIN (${OUTBOX_HEADS_SQL}) h ON h.id = d.id
                      WHERE d.next_attempt_at <= @now AND (d.lease_until IS NULL OR d.lease_until <= @now OR d.lease_owner = @owner)
                      ORDER BY d.next_attempt_at, d.id
                      LIMIT @limit)
      RETURNING ${ROW_COLUMNS.replaceAll('o.', '')}, next_attempt_at AS nextAttemptAt`,
  );
  const sending = db.$client.prepare<[number, number]>('UPDATE outbox SET sending_at = ? WHERE id = ?');
  const pending = db.$client.prepare('SELECT count(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL').pluck();

  return {
    /** The heads of chats (see above) that are due at `now`, oldest first. */
    due(now: number, limit: number): OutboxRow[] {
      return heads.all(now, limit).map((r) => ({ ...r, params: JSON.parse(r.params) as OutboxRow['params'] }));
    },
    /**
     * due(), claimed for `lease.owner` until now + lease.ms: rows it already holds are renewed, rows another sender
     * holds under a live lease are left alone, and a lapsed lease (its sender died) is taken over.
     */
    claim(now: number, limit: number, lease: Lease): OutboxRow[] {
      return claims
        .all({ now, limit, owner: lease.owner, until: now + lease.ms })
        .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.id - b.id)
        .map(({ nextAttemptAt: _, ...r }) => ({ ...r, params: JSON.parse(r.params) as OutboxRow['params'] }));
    },
    /** Recorded in its own committed statement just before the Bot API call: see OutboxRow.sendingAt. */
    markSending(id: number, at: number): void {
      sending.run(at, id);
    },
    /** `note` stays in last_error for the record, e.g. that this was a resend of a message that may have arrived. */
    markSent(id: number, at: number, messageId: number | null, note: string | null = null): void {
      db.update(outbox).set({ sentAt: at, messageId, lastError: note, sendingAt: null, ...NO_LEASE }).where(eq(outbox.id, id)).run();
    },
    /** With `inDoubt`, the attempt may have been delivered (a timeout): sending_at stays set to say so. */
    retryLater(id: number, attempts: number, nextAttemptAt: number, error: string, inDoubt = false): void {
      db.update(outbox)
        .set({ attempts, nextAttemptAt, lastError: error, ...NO_LEASE, ...(inDoubt ? {} : { sendingAt: null }) })
        .where(eq(outbox.id, id))
        .run();
    },
    /** `followUp`: a message that must go because this one failed for good, queued in the same transaction. */
    markFailed(id: number, at: number, attempts: number, error: string, followUp?: OutboxMessage): void {
      db.$client.transaction(() => {
        db.update(outbox).set({ failedAt: at, attempts, lastError: error, sendingAt: null, ...NO_LEASE }).where(eq(outbox.id, id)).run();
        if (followUp) enqueue(db, followUp, at);
      })();
    },
    pendingCount(): number {
      return pending.get() as number;
    },
    /**
     * Frees every lease, for a service that has just taken DATA_DIR's lock: no other service can be sending, so the
     * leases are a stopped process's, and its rows go now rather than when the leases would have lapsed.
     */
    releaseLeases(): number {
      return db.update(outbox).set(NO_LEASE).where(isNotNull(outbox.leaseOwner)).run().changes;
    },
    ...createReachability(db),
    ...createDeliveryReport(db),
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
