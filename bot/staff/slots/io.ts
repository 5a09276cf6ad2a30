import type { Conversation } from '@grammyjs/conversations';
import { staffActor, type Actor } from '../../../core/actor.js';
import type { BookedSlot } from '../../../core/duty/index.js';
import type { CancellableBooking } from '../../../core/duty/roster.js';
import type { WeeklyHours } from '../../../core/duty/weekly.js';
import type { StaffContext, StaffConvoContext } from '../context.js';
import type { StaffBotDeps } from '../deps.js';
import { attemptDuty, type Attempt } from './errors.js';

export type { BookedSlot };

/** What the cancel flow shows about one booked consultation. */
export type Booking = CancellableBooking;

/**
 * Everything the /slots flows read or write, each through conversation.external (run once, replayed from the log).
 * The person pressing is looked up afresh every time, and the roster checks their right to this doctor's schedule
 * again: a deactivated doctor, or one whose role changed, gets nothing (undefined).
 */
export function slotsIo(conversation: Conversation<StaffContext, StaffConvoContext>, deps: StaffBotDeps, telegramId: number, staffId: number) {
  const asPresser = <T>(call: (actor: Actor) => T): Attempt<T> | undefined => {
    const member = deps.staff.byTelegramId(telegramId);
    if (!member) return undefined;
    const result = attemptDuty(() => call(staffActor(member)));
    if (!result.ok && (result.refused.code === 'schedule_not_allowed' || result.refused.code === 'not_duty_doctor')) return undefined;
    return result;
  };
  const { roster } = deps;
  return {
    /** The doctor's name and zone, if the presser may manage their schedule. */
    doctor: () =>
      conversation.external(() => {
        const found = asPresser((actor) => roster.doctor(actor, staffId));
        return found?.ok ? { name: found.value.name, timeZone: found.value.timeZone } : undefined;
      }),

    addTemplates: (weekdays: number[], hours: WeeklyHours) =>
      conversation.external((): Attempt<{ opened: number }> | undefined => {
        const result = asPresser((actor) => roster.addWeekly(actor, staffId, weekdays, hours));
        return result?.ok ? { ok: true, value: { opened: result.value.opened } } : result;
      }),

    /** One consultation of this doctor that can still be cancelled, as the flow shows it. */
    booking: (consultationId: number) => conversation.external(() => asPresser((actor) => roster.cancellable(actor, staffId, consultationId))),

    cancelBooking: (consultationId: number, reason: string | undefined, reopenSlot: boolean) =>
      conversation.external((): Attempt<null> | undefined => {
        const result = asPresser((actor) => roster.cancelBooking(actor, staffId, consultationId, reason, { reopenSlot }));
        return result?.ok ? { ok: true, value: null } : result;
      }),

    /** The bookings a day off on that date would cancel. */
    bookedOn: (day: string) => conversation.external(() => asPresser((actor) => roster.bookedOn(actor, staffId, day))),

    /** The day off, cancelling exactly the bookings shown (or, when they changed meanwhile, the bookings as they are). */
    dayOff: (day: string, seen: number[], reason: string | undefined) =>
      conversation.external(() => asPresser((actor) => roster.addDayOffAsSeen(actor, staffId, day, seen, reason ? { reason } : {}))),
  };
}
