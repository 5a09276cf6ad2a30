import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import type { Lease } from '../../core/outbox/lease.js';
import type { OutboxBot, OutboxRepository, OutboxRow } from '../../core/outbox/repository.js';
import type { Pacer, Ticket } from './outbox-pacing.js';

/** Heads read per query: enough to fill a second of both bots' budgets past chats that must wait. */
const SCAN = 200;
/** Rounds closer together than this would only repeat the same look at the same rows. */
const MIN_GAP_MS = 5;

/**
 * The paced side of the sender: rounds that start every row the limits allow, with several requests in flight, so one
 * slow or paused chat never holds the others. Due rows are read in batches and kept for up to a poll interval: a chat's
 * head stays its head until we handle it, so a cached batch cannot go stale in a way that matters.
 */
export function createOutboxLoop(deps: {
  repo: Pick<OutboxRepository, 'claim'>;
  /** The rows a batch holds are claimed under it: another sender on the same database leaves them alone. */
  lease: Lease;
  clock: Clock;
  logger: Logger;
  pacers: Record<OutboxBot, Pacer>;
  attempt(row: OutboxRow, ticket: Ticket): Promise<void>;
  concurrency: number;
  pollMs: number;
}) {
  const { repo, clock, logger, pacers } = deps;
  let pollMs = deps.pollMs;
  const inFlight = new Map<number, Promise<void>>();
  const busyChats = new Set<string>();
  let batch: OutboxRow[] = [];
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;
  let unsubscribe: (() => void) | undefined;

  function launch(row: OutboxRow, ticket: Ticket): void {
    const chat = `${row.bot}:${row.chatId}`;
    busyChats.add(chat);
    const done = deps
      .attempt(row, ticket)
      .catch((err: unknown) => logger.error({ err, outboxId: row.id }, 'outbox attempt failed'))
      .finally(() => {
        // Normally finished at Telegram's answer already; this only catches an attempt that broke off before it.
        pacers[row.bot].finish(ticket, clock.now());
        inFlight.delete(row.id);
        busyChats.delete(chat);
        // An answer frees a place in flight and moves the window: worth a look at once.
        if (!stopped) schedule(0);
      });
    inFlight.set(row.id, done);
  }

  /** Starts what may start now; returns how many started and when the next one may. */
  function round(fresh: boolean): { started: number; nextAt: number } {
    const now = clock.now();
    if (fresh || batch.length === 0 || now - fetchedAt >= pollMs) {
      batch = repo.claim(now, SCAN, deps.lease).filter((r) => !inFlight.has(r.id));
      fetchedAt = now;
    }
    let nextAt = now + pollMs;
    let started = 0;
    const waiting: OutboxRow[] = [];
    for (const row of batch) {
      if (inFlight.size >= deps.concurrency || busyChats.has(`${row.bot}:${row.chatId}`)) {
        waiting.push(row);
        continue;
      }
      const pacer = pacers[row.bot];
      const readyAt = pacer.readyAt(row.chatId, now);
      if (readyAt > now) {
        // Infinity (the whole window in flight) leaves nextAt alone: the next answer starts a round.
        nextAt = Math.min(nextAt, readyAt);
        waiting.push(row);
        continue;
      }
      launch(row, pacer.start(row.chatId, now));
      started += 1;
    }
    batch = waiting;
    return { started, nextAt };
  }

  function schedule(delayMs: number): void {
    clearTimeout(timer);
    timer = setTimeout(tick, Math.max(0, delayMs));
  }

  function tick(): void {
    if (stopped) return;
    try {
      const { nextAt } = round(false);
      schedule(Math.max(MIN_GAP_MS, nextAt - clock.now()));
    } catch (err) {
      logger.error({ err }, 'outbox round failed');
      schedule(pollMs);
    }
  }

  return {
    /** Rounds at the clock's present until nothing more may start now, each waited for; returns how many started. */
    async pump(): Promise<number> {
      let total = 0;
      for (;;) {
        const { started } = round(true);
        await Promise.all(inFlight.values());
        if (started === 0) return total;
        total += started;
      }
    },
    start(intervalMs?: number): void {
      if (intervalMs !== undefined) pollMs = intervalMs;
      stopped = false;
      // A clock moved forward (the sandbox) makes retries due now: a fresh look instead of the real-time wait.
      unsubscribe ??= clock.onJump?.(() => {
        if (stopped) return;
        fetchedAt = Number.NEGATIVE_INFINITY;
        schedule(0);
      });
      schedule(0);
    },
    /** Stops starting rows and waits for those in flight, so their outcomes are recorded before the process ends. */
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      unsubscribe?.();
      unsubscribe = undefined;
      await Promise.all(inFlight.values());
    },
  };
}
