import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import type { Db, Writer } from '../../db/client.js';
import { outbox } from '../../db/schema.js';

export type OutboxBot = 'patient' | 'staff';

export interface OutboxMessage {
  bot: OutboxBot;
  chatId: number;
  template: string;
  params: Record<string, string | number | boolean | null | Array<string | number>>;
  /** Same key, same message: enqueueing it again is a no-op, so a retried state change cannot notify twice. */
  dedupeKey: string;
}

export interface OutboxRow {
  id: number;
  bot: OutboxBot;
  chatId: number;
  template: string;
  params: OutboxMessage['params'];
  dedupeKey: string;
  attempts: number;
}

type Executor = Pick<Writer, 'insert'>;

/** Adds a message to the outbox; call it with the transaction of the state change it reports. */
export function enqueue(tx: Executor, message: OutboxMessage, now: number): void {
  tx.insert(outbox)
    .values({ ...message, params: JSON.stringify(message.params), nextAttemptAt: now })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .run();
}

export function createOutboxRepository(db: Db) {
  return {
    due(now: number, limit: number): OutboxRow[] {
      return db
        .select({
          id: outbox.id,
          bot: outbox.bot,
          chatId: outbox.chatId,
          template: outbox.template,
          params: outbox.params,
          dedupeKey: outbox.dedupeKey,
          attempts: outbox.attempts,
        })
        .from(outbox)
        .where(and(isNull(outbox.sentAt), isNull(outbox.failedAt), lte(outbox.nextAttemptAt, now)))
        .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
        .limit(limit)
        .all()
        .map((r) => ({ ...r, params: JSON.parse(r.params) as OutboxRow['params'] }));
    },
    markSent(id: number, at: number, messageId: number | null): void {
      db.update(outbox).set({ sentAt: at, messageId, lastError: null }).where(eq(outbox.id, id)).run();
    },
    retryLater(id: number, attempts: number, nextAttemptAt: number, error: string): void {
      db.update(outbox).set({ attempts, nextAttemptAt, lastError: error }).where(eq(outbox.id, id)).run();
    },
    markFailed(id: number, at: number, attempts: number, error: string): void {
      db.update(outbox).set({ failedAt: at, attempts, lastError: error }).where(eq(outbox.id, id)).run();
    },
    pendingCount(): number {
      return db.$client.prepare('select count(*) as n from outbox where sent_at is null and failed_at is null').pluck().get() as number;
    },
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
