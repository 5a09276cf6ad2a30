/**
 * The suite under several wall clocks: each run starts the test process inside libfaketime (Debian's `faketime`) at a
 * fixed Moscow time and in another machine time zone, so a test that depends on the hour, the weekday or the month
 * fails here, every time, instead of on whichever hour CI happens to run. Processes the tests start inherit the same
 * clock (tests/support/child-env.ts); Chromium keeps the real one (tests/support/chromium.ts).
 *
 *   npx tsx scripts/test-clocks.ts                 every clock, every test file
 *   npx tsx scripts/test-clocks.ts --only sunday   one clock
 *   npx tsx scripts/test-clocks.ts -- tests/e2e    some test files (vitest filters)
 *
 * The clocks are the next occurrences of their moments after the real now, so they never fall in the past of data
 * that tests create relative to the real date.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const MOSCOW = 'Europe/Moscow';
const DAY = 86_400_000;

interface WallClock {
  label: string;
  /** The instant the test process starts at. */
  at: number;
  /** The machine's time zone in that run. */
  tz: string;
}

/** The instant of a Moscow wall time (Moscow has been UTC+3 all year since 2014). */
function moscow(date: string, time: string): number {
  return Date.parse(`${date}T${time}:00+03:00`);
}
function moscowDate(instant: number): { date: string; weekday: number; day: number; year: number; month: number } {
  const d = new Date(instant + 3 * 3_600_000);
  return { date: d.toISOString().slice(0, 10), weekday: d.getUTCDay(), day: d.getUTCDate(), year: d.getUTCFullYear(), month: d.getUTCMonth() };
}
/** The first instant after `now` at Moscow time `time` on a day that `fits`. */
function next(now: number, time: string, fits: (d: ReturnType<typeof moscowDate>) => boolean): number {
  for (let i = 0; i < 400; i++) {
    const day = moscowDate(now + i * DAY);
    const at = moscow(day.date, time);
    if (at > now && fits(day)) return at;
  }
  throw new Error(`no day found for ${time}`);
}
const lastOfMonth = (d: ReturnType<typeof moscowDate>) => new Date(Date.UTC(d.year, d.month + 1, 0)).getUTCDate() === d.day;

/**
 * Three runs cover the moments that break time-dependent code: just after midnight at the turn of a week, a Sunday
 * morning, the end of the duty hours on the last day of a month (the next day, a new month, already began for a
 * machine further east); each in a machine time zone other than Moscow's but one.
 */
export function wallClocks(now: number): WallClock[] {
  return [
    { label: 'monday-just-after-midnight', at: next(now, '00:05', (d) => d.weekday === 1), tz: 'UTC' },
    { label: 'sunday-morning', at: next(now, '10:25', (d) => d.weekday === 0), tz: 'America/New_York' },
    { label: 'month-end-evening', at: next(now, '20:50', lastOfMonth), tz: 'Asia/Kamchatka' },
  ];
}

/** libfaketime reads its start time in the process's own time zone. */
function localString(instant: number, tz: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

function main(): number {
  const args = process.argv.slice(2);
  const dash = args.indexOf('--');
  const files = dash >= 0 ? args.slice(dash + 1) : [];
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;

  const faketime = spawnSync('faketime', ['--version'], { stdio: 'ignore' });
  if (faketime.error) {
    const message = '[test-clocks] faketime is absent (apt-get install faketime; .ci/run installs it in CI)';
    if (process.env.CI) {
      console.error(`${message}: CI must run the clock matrix`);
      return 1;
    }
    console.warn(`${message}: skipped`);
    return 0;
  }

  const vitest = path.resolve('node_modules/vitest/vitest.mjs');
  if (!existsSync(vitest)) throw new Error('run npm ci first');
  const clocks = wallClocks(Date.now()).filter((c) => !only || c.label === only);
  if (clocks.length === 0) throw new Error(`no clock named ${only}`);
  const failed: string[] = [];
  for (const clock of clocks) {
    const start = localString(clock.at, clock.tz);
    console.log(`\n[test-clocks] ${clock.label}: ${new Date(clock.at).toISOString()} (${localString(clock.at, MOSCOW)} Moscow), TZ=${clock.tz}`);
    const run = spawnSync('faketime', ['-f', `@${start}`, process.execPath, vitest, 'run', ...files], {
      stdio: 'inherit',
      // The monotonic clock stays real: timers and timeouts keep their length.
      env: { ...process.env, TZ: clock.tz, FAKETIME_DONT_FAKE_MONOTONIC: '1' },
    });
    if (run.status !== 0) failed.push(clock.label);
  }
  console.log(failed.length ? `\n[test-clocks] failed under: ${failed.join(', ')}` : `\n[test-clocks] passed under all ${clocks.length} clocks`);
  return failed.length ? 1 : 0;
}

// Run only as a script, so a test can import wallClocks.
if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) process.exitCode = main();
