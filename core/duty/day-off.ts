import type { Db } from '../../db/client.js';
import type { Clock } from '../clock.js';
import { DomainError } from '../errors.js';
import { addDays, zonedToUtc } from '../time.js';
import type { BookedSlot } from './repository.js';
import type { DutyService } from './service.js';

type DayOffDeps = { db: Db; clock: Clock; duty: Pick<DutyService, 'doctor' | 'schedule' | 'addDayOff'> };

/** YYYY-MM-DD that is a real date; DomainError date_invalid otherwise (the same rule as the duty service). */
export function checkDutyDate(date: string): void {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
  if (!valid) throw new DomainError('date_invalid');
}

/** The booked consultations that a day off on this date of the doctor's calendar would meet: from now to the day's end. */
export function bookedOnDay(deps: Omit<DayOffDeps, 'db'>, staffId: number, date: string): BookedSlot[] {
  checkDutyDate(date);
  const { timeZone } = deps.duty.doctor(staffId);
  const from = Math.max(zonedToUtc(date, '00:00', timeZone), deps.clock.now());
  const to = zonedToUtc(addDays(date, 1), '00:00', timeZone);
  return deps.duty
    .schedule(staffId, from, to)
    .filter((s) => s.consultation !== null)
    .map((s) => ({ slotId: s.id, consultationId: s.consultation!.id, startsAt: s.startsAt, patientId: s.consultation!.patientId, patientName: s.consultation!.patientName }));
}

/**
 * A day off that cancels exactly the bookings the doctor was shown (`seen`, consultation ids; [] for none), each
 * patient told. When the day's bookings are no longer those (a patient booked or cancelled meanwhile), nothing changes
 * and the day's bookings as they are now come back, to be shown and confirmed again. One IMMEDIATE transaction, so
 * no booking can slip in between the check and the cancellations, from this process or another.
 */
export function addDayOffAsSeen(
  deps: DayOffDeps,
  staffId: number,
  date: string,
  seen: readonly number[],
  opts: { reason?: string } = {},
): { ok: true; removed: number; cancelled: number[] } | { ok: false; booked: BookedSlot[] } {
  return deps.db.$client
    .transaction(() => {
      const booked = bookedOnDay(deps, staffId, date);
      const now = booked.map((b) => b.consultationId).sort((a, b) => a - b);
      const expected = [...new Set(seen)].sort((a, b) => a - b);
      if (now.length !== expected.length || now.some((id, i) => id !== expected[i])) return { ok: false as const, booked };
      const result = deps.duty.addDayOff(staffId, date, { ...(opts.reason ? { reason: opts.reason } : {}), cancelBooked: true });
      return { ok: true as const, removed: result.removed, cancelled: result.cancelled };
    })
    .immediate();
}
