import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../app/services.js';
import { createScheduler, type Job, type JobWindow } from '../../../core/jobs/scheduler.js';
import { insertOutboxRow } from '../../../core/outbox/repository.js';
import { outbox } from '../../../db/schema.js';
import { createCoreServices } from '../../support/scheduling-fixtures.js';
import { manualClock } from '../../support/service-harness.js';

const MINUTE = 60_000;
const START = Date.UTC(2026, 10, 25, 7, 0);
const logger = pino({ level: 'silent' });

let clock: ReturnType<typeof manualClock>;
let core: { services: Services; close(): void };

beforeEach(() => {
  clock = manualClock(START);
  core = createCoreServices(clock);
});
afterEach(() => core.close());

/** A job that records the windows it was given and queues one message per run, keyed by the window's end. */
function recordingJob(name: string, lookback = 5 * MINUTE): Job & { windows: JobWindow[] } {
  const windows: JobWindow[] = [];
  return {
    name,
    windows,
    firstRunLookbackMs: lookback,
    run(tx, window) {
      windows.push(window);
      insertOutboxRow(tx, { bot: 'patient', chatId: 1, template: 'test', params: {}, dedupeKey: `${name}:${window.to}` }, window.to);
      return 1;
    },
  };
}

const scheduler = (...jobs: Job[]) => createScheduler({ db: core.services.db, clock, logger, jobs });
const queued = () => core.services.db.select({ key: outbox.dedupeKey }).from(outbox).all().map((r) => r.key);

describe('scheduler', () => {
  it('the first run looks back its lookback; each later run covers exactly what passed since, without gaps or overlaps', () => {
    const job = recordingJob('a');
    const s = scheduler(job);
    s.tick();
    clock.advance(30_000);
    s.tick();
    clock.advance(45_000);
    s.tick();
    expect(job.windows).toEqual([
      { from: START - 5 * MINUTE, to: START },
      { from: START, to: START + 30_000 },
      { from: START + 30_000, to: START + 75_000 },
    ]);
    expect(s.lastRuns()).toEqual({ a: START + 75_000 });
  });

  it('a new instance on the same database (a restart) resumes from the last covered moment: the downtime is covered once', () => {
    const first = recordingJob('a');
    scheduler(first).tick();
    clock.advance(3 * 3600_000);
    const second = recordingJob('a');
    const restarted = scheduler(second);
    restarted.tick();
    restarted.tick();
    expect(second.windows).toEqual([{ from: START, to: START + 3 * 3600_000 }]);
  });

  it('a clock set back covers nothing until it passes what was already covered', () => {
    const job = recordingJob('a');
    const s = scheduler(job);
    s.tick();
    clock.set(START - 10 * MINUTE);
    expect(s.tick()).toBe(0);
    clock.set(START + MINUTE);
    s.tick();
    expect(job.windows.slice(1)).toEqual([{ from: START, to: START + MINUTE }]);
  });

  it('a failing job queues nothing and keeps its window for the next tick; the other jobs run on', () => {
    let fail = true;
    const failing: Job & { windows: JobWindow[] } = {
      ...recordingJob('flaky'),
      run(tx, window) {
        insertOutboxRow(tx, { bot: 'patient', chatId: 1, template: 'test', params: {}, dedupeKey: `flaky:${window.to}` }, window.to);
        if (fail) throw new Error('boom');
        failing.windows.push(window);
        return 1;
      },
    };
    const healthy = recordingJob('healthy');
    const s = scheduler(failing, healthy);
    s.tick();
    clock.advance(MINUTE);
    s.tick();
    // The message queued before the throw went with the rolled-back transaction.
    expect(queued()).toEqual([`healthy:${START}`, `healthy:${START + MINUTE}`]);
    expect(s.lastRuns()).toEqual({ healthy: START + MINUTE });
    fail = false;
    clock.advance(MINUTE);
    s.tick();
    // It never completed a run, so its first one looks back its lookback from now, over both failed windows.
    expect(failing.windows).toEqual([{ from: START + 2 * MINUTE - 5 * MINUTE, to: START + 2 * MINUTE }]);
  });

  it('start ticks at once and then every interval; stop ends it', async () => {
    const job = recordingJob('a');
    const s = scheduler(job);
    s.start(20);
    expect(job.windows).toHaveLength(1);
    clock.advance(MINUTE);
    await new Promise((resolve) => setTimeout(resolve, 70));
    s.stop();
    const runs = job.windows.length;
    expect(runs).toBe(2);
    clock.advance(MINUTE);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(job.windows).toHaveLength(runs);
  });
});
