import type Database from 'better-sqlite3';
import type { Clock } from '../clock.js';
import { OUTBOX_HEADS_SQL } from '../outbox/repository.js';

/** The state of one delivery queue at a moment. */
export interface QueueState {
  /** Messages neither sent nor given up, due or not (a retry waiting out its backoff counts). */
  pending: number;
  /** Of them, due now: the sender should be at them already. */
  due: number;
  /**
   * How long the longest-waiting due message has been due, in seconds (0 when none is): the sender's lag. Measured
   * from its due time, not its creation, so a retry honouring Telegram's retry_after is not lag.
   */
  oldestDueAgeSeconds: number;
  /** Messages the sender gave up on (kept for the staff to see). */
  failed: number;
}

const EMPTY: QueueState = { pending: 0, due: 0, oldestDueAgeSeconds: 0, failed: 0 };

interface Row {
  pending: number;
  due: number | null;
  oldest: number | null;
  failed: number;
}

/** Reads the Telegram outbox (per bot) and the SMS outbox; each call is one query per queue, on the indexes. */
export function createDeliveryLag(sqlite: Database.Database, clock: Clock) {
  let statements: { outbox: Database.Statement; outboxOldest: Database.Statement; sms: Database.Statement } | undefined;
  // Prepared on first use: the connection may be closed by then, and then each read throws (health says so).
  const prepared = () =>
    (statements ??= {
      outbox: sqlite.prepare(
        `select bot,
                sum(sent_at is null and failed_at is null) as pending,
                sum(sent_at is null and failed_at is null and next_attempt_at <= @now) as due,
                sum(failed_at is not null) as failed
           from outbox where sent_at is null group by bot`,
      ),
      // Only a chat's head may be sent (core/outbox/repository.ts): a row behind one that waits out its backoff waits
      // with it, and that is not the sender's lag. (A row just become head counts from its own due time until the
      // sender takes it, a second or so later.)
      outboxOldest: sqlite.prepare(
        `select o.bot, min(o.next_attempt_at) as oldest
           from outbox o
           join (${OUTBOX_HEADS_SQL}) h on h.id = o.id
          where o.next_attempt_at <= @now
          group by o.bot`,
      ),
      sms: sqlite.prepare(
        `select sum(state = 'queued') as pending,
                sum(state = 'queued' and next_attempt_at <= @now) as due,
                min(case when state = 'queued' and next_attempt_at <= @now then next_attempt_at end) as oldest,
                sum(state = 'failed') as failed
           from sms_outbox where state in ('queued', 'failed')`,
      ),
    });

  const toState = (row: Row | undefined, now: number): QueueState =>
    row
      ? {
          pending: row.pending ?? 0,
          due: row.due ?? 0,
          oldestDueAgeSeconds: row.oldest === null ? 0 : Math.max(0, Math.floor((now - row.oldest) / 1000)),
          failed: row.failed ?? 0,
        }
      : { ...EMPTY };

  return {
    /** The Telegram outbox per bot ('patient', 'staff'); a bot with nothing queued is absent. */
    outbox(): Map<string, QueueState> {
      const now = clock.now();
      const rows = prepared().outbox.all({ now }) as Array<Omit<Row, 'oldest'> & { bot: string }>;
      const oldest = new Map((prepared().outboxOldest.all({ now }) as Array<{ bot: string; oldest: number }>).map((r) => [r.bot, r.oldest]));
      return new Map(rows.map((row) => [row.bot, toState({ ...row, oldest: oldest.get(row.bot) ?? null }, now)]));
    },
    sms(): QueueState {
      const now = clock.now();
      return toState(prepared().sms.get({ now }) as Row | undefined, now);
    },
  };
}

/** Both bots' queues as one: counts added, the oldest age the larger. */
export function combined(states: Iterable<QueueState>): QueueState {
  const total = { ...EMPTY };
  for (const s of states) {
    total.pending += s.pending;
    total.due += s.due;
    total.failed += s.failed;
    total.oldestDueAgeSeconds = Math.max(total.oldestDueAgeSeconds, s.oldestDueAgeSeconds);
  }
  return total;
}

export type DeliveryLag = ReturnType<typeof createDeliveryLag>;
