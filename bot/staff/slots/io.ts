import type { Conversation } from '@grammyjs/conversations';
import { addDayOffAsSeen, bookedOnDay } from '../../../core/duty/day-off.js';
import type { BookedSlot } from '../../../core/duty/index.js';
import { DomainError } from '../../../core/errors.js';
import { addWeeklyTemplates, type WeeklyHours } from '../../../core/duty/weekly.js';
import type { StaffContext, StaffConvoContext } from '../context.js';
import type { StaffBotDeps } from '../deps.js';
import { auditIfAdmin, managedDoctor } from './access.js';
import { attemptDuty, type Attempt } from './errors.js';

export type { BookedSlot };

/** What the cancel flow shows about one booked consultation. */
export interface Booking {
  id: number;
  patientId: number;
  patientName: string;
  startsAt: number;
  mode: 'video' | 'audio';
  /** Whether the patient can be told in the bot (a referred patient may have no account yet). */
  reachable: boolean;
}

/**
 * Everything the /slots flows read or write, each through conversation.external (run once, replayed from the log).
 * The person pressing is looked up afresh every time, and their right to this doctor's schedule checked again: a
 * deactivated doctor, or one whose role changed, gets nothing (undefined).
 */
export function slotsIo(conversation: Conversation<StaffContext, StaffConvoContext>, deps: StaffBotDeps, telegramId: number, staffId: number) {
  const allowed = () => {
    const actor = deps.staff.byTelegramId(telegramId);
    const doctor = actor && managedDoctor(deps, actor, staffId);
    return actor && doctor ? { actor, doctor } : undefined;
  };
  return {
    /** The doctor's name and zone, if the presser may manage their schedule. */
    doctor: () =>
      conversation.external(() => {
        const found = allowed();
        return found ? { name: found.doctor.name, timeZone: found.doctor.timeZone } : undefined;
      }),

    addTemplates: (weekdays: number[], hours: WeeklyHours) =>
      conversation.external((): Attempt<{ opened: number }> | undefined => {
        const found = allowed();
        if (!found) return undefined;
        const result = attemptDuty(() => addWeeklyTemplates(deps, staffId, weekdays, hours));
        if (result.ok) auditIfAdmin(deps, found.actor, staffId, 'templates_added', { details: { count: result.value.templates.length } });
        return result.ok ? { ok: true, value: { opened: result.value.opened } } : result;
      }),

    /** One consultation of this doctor that can still be cancelled, as the flow shows it. */
    booking: (consultationId: number) =>
      conversation.external((): Attempt<Booking> | undefined => {
        if (!allowed()) return undefined;
        return attemptDuty(() => {
          const c = deps.scheduling.get(consultationId);
          // The duty service's own codes and rules (doctorCancels), checked before the doctor is asked for a reason.
          if (!c || c.staffId !== staffId) throw new DomainError('consultation_not_found');
          if (c.status !== 'scheduled') throw new DomainError('consultation_not_open');
          if (deps.clock.now() >= c.startsAt) throw new DomainError('consultation_started');
          return { id: c.id, patientId: c.patientId, patientName: c.patientName, startsAt: c.startsAt, mode: c.mode, reachable: c.accountId !== null };
        });
      }),

    cancelBooking: (consultationId: number, reason: string | undefined, reopenSlot: boolean) =>
      conversation.external((): Attempt<null> | undefined => {
        const found = allowed();
        if (!found) return undefined;
        const result = attemptDuty(() => deps.duty.doctorCancels(staffId, consultationId, reason, { reopenSlot }));
        if (result.ok) {
          const patientId = deps.scheduling.get(consultationId)?.patientId;
          auditIfAdmin(deps, found.actor, staffId, 'consultation_cancelled', { ...(patientId ? { patientId } : {}), details: { consultationId } });
        }
        return result.ok ? { ok: true, value: null } : result;
      }),

    /** The bookings a day off on that date would cancel. */
    bookedOn: (day: string) =>
      conversation.external((): Attempt<BookedSlot[]> | undefined => (allowed() ? attemptDuty(() => bookedOnDay(deps, staffId, day)) : undefined)),

    /** The day off, cancelling exactly the bookings shown (or, when they changed meanwhile, the bookings as they are). */
    dayOff: (day: string, seen: number[], reason: string | undefined) =>
      conversation.external(() => {
        const found = allowed();
        if (!found) return undefined;
        const result = attemptDuty(() => addDayOffAsSeen(deps, staffId, day, seen, reason ? { reason } : {}));
        if (result.ok && result.value.ok) auditIfAdmin(deps, found.actor, staffId, 'day_off', { details: { date: day, cancelled: result.value.cancelled.length } });
        return result;
      }),
  };
}
