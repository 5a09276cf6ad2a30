import type { Clock } from '../clock.js';
import { DomainError } from '../errors.js';
import { addDays, zonedToUtc } from '../time.js';
import type { BookedSlot } from './repository.js';
import type { DutyService } from './service.js';

type DayOffDeps = { clock: Clock; duty: Pick<DutyService, 'doctor' | 'schedule'> };

/** YYYY-MM-DD that is a real date; DomainError date_invalid otherwise (the same rule as the duty service). */
export function checkDutyDate(date: string): void {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
  if (!valid) throw new DomainError('date_invalid');
}

/** The booked consultations that a day off on this date of the doctor's calendar would meet: from now to the day's end. */
export function bookedOnDay(deps: DayOffDeps, staffId: number, date: string): BookedSlot[] {
  checkDutyDate(date);
  const { timeZone } = deps.duty.doctor(staffId);
  const from = Math.max(zonedToUtc(date, '00:00', timeZone), deps.clock.now());
  const to = zonedToUtc(addDays(date, 1), '00:00', timeZone);
  return deps.duty
    .schedule(staffId, from, to)
    .filter((s) => s.consultation !== null)
    .map((s) => ({ slotId: s.id, consultationId: s.consultation!.id, startsAt: s.startsAt, patientId: s.consultation!.patientId, patientName: s.consultation!.patientName }));
}
