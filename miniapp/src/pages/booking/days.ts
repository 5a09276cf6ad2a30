import type { SlotView } from '../../../../api/miniapp/contract';
import { addDays, dateKey } from '../../lib/i18n';

/** How far ahead booking looks, in days. */
export const DAYS_AHEAD = 14;

export interface BookableDays {
  /** Days with free times, in order, each with its times. */
  free: Array<[day: string, slots: SlotView[]]>;
  /** Booking only: the days whose times are all booked, the only ones the waitlist takes. */
  full: string[];
  /** Some day of the two weeks has neither: no duty doctor works then (said only under days that are listed). */
  daysOff: boolean;
}

/**
 * The days the picker lists, in the patient's zone, out of the server's free slots and fully booked days (`fullDays`:
 * only there can a cancellation free a time). A move lists only days with free times.
 */
export function bookableDays(opts: { slots: SlotView[]; fullDays: string[]; today: string; timeZone: string; moving: boolean }): BookableDays {
  const byDay = new Map<string, SlotView[]>();
  for (const s of opts.slots) {
    const key = dateKey(s.startsAt, opts.timeZone);
    byDay.set(key, [...(byDay.get(key) ?? []), s]);
  }
  const free = [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b));
  const isFree = (key: string) => free.some(([k]) => k === key);
  const full = opts.moving ? [] : opts.fullDays.filter((key) => !isFree(key));
  const daysOff =
    !opts.moving && free.length + full.length > 0 && Array.from({ length: DAYS_AHEAD }, (_, i) => addDays(opts.today, i)).some((key) => !full.includes(key) && !isFree(key));
  return { free, full, daysOff };
}
