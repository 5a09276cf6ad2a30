import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createOutboxLoop } from '../../bot/shared/outbox-loop.js';
import { createPacer, TELEGRAM_LIMITS } from '../../bot/shared/outbox-pacing.js';
import { createScheduler } from '../../core/jobs/scheduler.js';
import { createLogger } from '../../core/logger.js';
import { newLease } from '../../core/outbox/lease.js';
import type { SmsRepository } from '../../core/sms/repository.js';
import { createSmsSender } from '../../core/sms/sender.js';
import { openDatabase } from '../../db/client.js';
import { CLOCK_FILE, createMovableClock, MAX_MOVE_MS, readClockOffset } from '../../sandbox/clock.js';

// The sandbox's movable clock, and every timer of the service that sleeps in real time learning of a jump at once:
// a reminder, an outbox retry or an SMS due after the move goes out now, not after the real delay.

const logger = createLogger('silent');
const HOUR = 3600_000;
const LONG = 10 * 60_000;
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
const stops: Array<() => unknown> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

describe('the movable clock', () => {
  it('runs ahead by what the page moved, only forward, and keeps the offset for the next start and the CLI', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oz-clock-'));
    try {
      const file = path.join(dir, CLOCK_FILE);
      let real = Date.UTC(2026, 10, 25, 7, 0);
      const clock = createMovableClock({ file, base: { now: () => real } });
      expect(clock.now()).toBe(real);
      clock.advance(HOUR);
      real += 1000;
      expect(clock.now()).toBe(real + HOUR);
      for (const bad of [0, -HOUR, Number.NaN, MAX_MOVE_MS + 1]) expect(() => clock.advance(bad)).toThrow(RangeError);
      expect(clock.offsetMs()).toBe(HOUR);
      expect(readClockOffset(file)).toBe(HOUR);
      expect(createMovableClock({ file, base: { now: () => real } }).now()).toBe(real + HOUR);
      expect(readClockOffset(path.join(dir, 'absent.json'))).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('timers that sleep in real time re-plan at a jump', () => {
  it('the scheduler runs its jobs over the moved time at once, not at its next tick', () => {
    const db = openDatabase(':memory:');
    const clock = createMovableClock();
    const windows: Array<{ from: number; to: number }> = [];
    const scheduler = createScheduler({ db, clock, logger, jobs: [{ name: 'probe', firstRunLookbackMs: 1000, run: (_tx, w) => (windows.push(w), 0) }] });
    scheduler.start(LONG);
    stops.push(() => scheduler.stop(), () => db.$client.close());
    const first = windows.length;
    clock.advance(HOUR);
    expect(windows.length).toBe(first + 1);
    expect(windows.at(-1)!.to - windows.at(-1)!.from).toBeGreaterThanOrEqual(HOUR);
    scheduler.stop();
    clock.advance(HOUR);
    expect(windows.length).toBe(first + 1);
  });

  it('the outbox looks for due rows at once', async () => {
    const clock = createMovableClock();
    const looks: number[] = [];
    const loop = createOutboxLoop({
      repo: { claim: (now) => (looks.push(now), []) },
      lease: newLease(),
      clock,
      logger,
      pacers: { patient: createPacer(TELEGRAM_LIMITS), staff: createPacer(TELEGRAM_LIMITS) },
      attempt: () => Promise.resolve(),
      concurrency: 4,
      pollMs: LONG,
    });
    loop.start();
    stops.push(() => loop.stop());
    await settle();
    const before = looks.length;
    clock.advance(HOUR);
    await settle();
    expect(looks.length).toBe(before + 1);
    expect(looks.at(-1)! - Date.now()).toBeGreaterThanOrEqual(HOUR - 1000);
  });

  it('the SMS sender looks for due messages at once, one loop only', async () => {
    const clock = createMovableClock();
    const looks: number[] = [];
    const repo = { claim: (now: number) => (looks.push(now), []) } as unknown as SmsRepository;
    const sender = createSmsSender({ repo, gateway: { name: 'none', send: () => Promise.resolve({ providerMessageId: null }) }, renderers: {}, clock, logger });
    sender.start(LONG);
    stops.push(() => sender.stop());
    await settle();
    const before = looks.length;
    clock.advance(HOUR);
    clock.advance(HOUR);
    await settle();
    expect(looks.length).toBe(before + 1);
    expect(looks.at(-1)! - Date.now()).toBeGreaterThanOrEqual(2 * HOUR - 1000);
  });
});
