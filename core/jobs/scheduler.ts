import { eq } from 'drizzle-orm';
import type { Db, Writer } from '../../db/client.js';
import { jobRuns } from '../../db/schema.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';

/** The stretch of time one run of a job covers: moments m with from < m ≤ to. */
export interface JobWindow {
  from: number;
  to: number;
}

/**
 * A time-driven job. `run` queues (into the outbox, through `tx`) whatever fell due in the window; it runs inside the
 * transaction that records `to` as covered, so either both happen or neither, and a restart resumes from there.
 */
export interface Job {
  name: string;
  /** How far back the very first run looks, before the job has any record of its own. */
  firstRunLookbackMs: number;
  run(tx: Writer, window: JobWindow): number;
}

export const DEFAULT_TICK_MS = 30_000;

/**
 * Runs the jobs now and then every `intervalMs`. Each job's last covered moment lives in job_runs, so a restart
 * neither skips the moments that passed while the process was down nor repeats the ones already covered; every
 * message a job queues also carries an outbox dedupe key, a second guard against a repeat.
 */
export function createScheduler(deps: { db: Db; clock: Clock; logger: Logger; jobs: Job[] }) {
  const { db, clock, logger } = deps;
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;
  let unsubscribe: (() => void) | undefined;

  const lastRunAt = (tx: Writer, name: string): number | undefined =>
    tx.select({ at: jobRuns.lastRunAt }).from(jobRuns).where(eq(jobRuns.name, name)).get()?.at;

  /** One job, in one IMMEDIATE transaction: the window is read and moved under the write lock, so two runs cannot overlap. */
  function runJob(job: Job, now: number): number {
    return db.$client
      .transaction(() => {
        const last = lastRunAt(db, job.name);
        const from = last ?? now - job.firstRunLookbackMs;
        // A clock set back: wait until it passes what is already covered rather than cover it twice.
        if (now <= from) return 0;
        const queued = job.run(db, { from, to: now });
        db.insert(jobRuns)
          .values({ name: job.name, lastRunAt: now })
          .onConflictDoUpdate({ target: jobRuns.name, set: { lastRunAt: now } })
          .run();
        return queued;
      })
      .immediate();
  }

  function tick(): number {
    const now = clock.now();
    let total = 0;
    for (const job of deps.jobs) {
      try {
        const queued = runJob(job, now);
        if (queued) logger.info({ job: job.name, queued }, 'job queued messages');
        total += queued;
      } catch (err) {
        // The window stays where it was: the next tick covers it again, together with what came since.
        logger.error({ err, job: job.name }, 'job failed');
      }
    }
    return total;
  }

  return {
    /** Runs every job over what passed since its last run; returns how many messages were queued. */
    tick,
    /** When each job last covered, for /healthz and tests. */
    lastRuns(): Record<string, number> {
      return Object.fromEntries(db.select().from(jobRuns).all().map((r) => [r.name, r.lastRunAt]));
    },
    start(intervalMs = DEFAULT_TICK_MS): void {
      if (!stopped) return;
      stopped = false;
      const loop = () => {
        if (stopped) return;
        tick();
        timer = setTimeout(loop, intervalMs);
        timer.unref();
      };
      // A clock moved forward (the sandbox) makes reminders due now, not after the next real-time tick.
      unsubscribe = clock.onJump?.(() => {
        clearTimeout(timer);
        loop();
      });
      loop();
    },
    stop(): void {
      stopped = true;
      clearTimeout(timer);
      unsubscribe?.();
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
