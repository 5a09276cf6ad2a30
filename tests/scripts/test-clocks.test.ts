import { describe, expect, it } from 'vitest';
import { wallClocks } from '../../scripts/test-clocks.js';

const moscow = (instant: number) => new Date(instant + 3 * 3_600_000);
const at = (iso: string) => Date.parse(iso);

describe('the clock matrix', () => {
  it('picks the next Monday 00:05, Sunday 10:25 and month-end 20:50 in Moscow, each after now', () => {
    const now = at('2026-12-05T08:00:00Z'); // a Saturday
    const [monday, sunday, monthEnd] = wallClocks(now);
    expect(new Date(monday!.at).toISOString()).toBe('2026-12-06T21:05:00.000Z');
    expect(moscow(monday!.at).getUTCDay()).toBe(1);
    expect(new Date(sunday!.at).toISOString()).toBe('2026-12-06T07:25:00.000Z');
    expect(new Date(monthEnd!.at).toISOString()).toBe('2026-12-31T17:50:00.000Z');
    for (const clock of wallClocks(now)) expect(clock.at).toBeGreaterThan(now);
  });

  it("on a month's last evening past 20:50 moves on to the next month's end, February included", () => {
    const [, , monthEnd] = wallClocks(at('2027-01-31T18:00:00Z'));
    expect(new Date(monthEnd!.at).toISOString()).toBe('2027-02-28T17:50:00.000Z');
  });

  it('runs each clock in another machine time zone', () => {
    expect(new Set(wallClocks(Date.UTC(2026, 0, 1)).map((c) => c.tz)).size).toBe(3);
  });
});
