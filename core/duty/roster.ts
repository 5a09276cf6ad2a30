import type { Db } from '../../db/client.js';
import type { Actor } from '../actor.js';
import type { AuditEntry, AuditLog } from '../audit.js';
import type { Clock } from '../clock.js';
import { DomainError } from '../errors.js';
import type { ConsultationView } from '../scheduling/service.js';
import { mayManageSchedule } from './access.js';
import { bookedOnDay } from './day-off.js';
import type { BookedSlot, DutyDoctor } from './repository.js';
import type { DutyService } from './service.js';
import type { DutyTemplate } from './template.js';
import type { WeeklyHours } from './weekly.js';

export interface DutyRosterDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  duty: DutyService;
  consultation: (id: number) => ConsultationView | undefined;
}

/** A booked consultation its doctor may still cancel, as the people cancelling it are shown it. */
export interface CancellableBooking {
  id: number;
  patientId: number;
  patientName: string;
  startsAt: number;
  mode: 'video' | 'audio';
  /** Whether the patient can be told in the bot (a referred patient may have no account yet). */
  reachable: boolean;
}

export type DutyRoster = ReturnType<typeof createDutyRoster>;

/**
 * A duty doctor's schedule as people manage it (the staff bot's /slots, the CLI's `slots`). Each method takes the actor,
 * refuses with DomainError schedule_not_allowed whom mayManageSchedule refuses (then the duty service's own codes), runs
 * in one IMMEDIATE transaction, and, since the duty service records every change as the doctor's own, adds a
 * `duty.admin.<action>` record when a staff member changed another's schedule (identifiers only).
 */
export function createDutyRoster(deps: DutyRosterDeps) {
  const { db, duty, audit } = deps;

  const check = (actor: Actor, staffId: number): DutyDoctor => {
    if (!mayManageSchedule(actor, staffId)) throw new DomainError('schedule_not_allowed');
    return duty.doctor(staffId);
  };

  // IMMEDIATE: the write lock is taken before the first read, so no booking slips in between a check and a change.
  const inTransaction = <T>(fn: () => T): T => db.$client.transaction(fn).immediate();

  const recordIfOther = (actor: Actor, staffId: number, action: string, opts: { patientId?: number; details?: NonNullable<AuditEntry['details']> } = {}) => {
    if (actor.kind !== 'staff' || actor.staff.id === staffId) return;
    audit.record({
      actor: { type: 'staff', id: actor.staff.id },
      action: `duty.admin.${action}`,
      ...(opts.patientId !== undefined ? { patientId: opts.patientId } : {}),
      details: { staffId, ...opts.details },
    });
  };

  return {
    /** The duty doctor whose schedule the actor may manage. */
    doctor(actor: Actor, staffId: number): DutyDoctor {
      return check(actor, staffId);
    },

    /** Generates the doctor's slots DUTY_DAYS_AHEAD days ahead; how many became open. */
    generate(actor: Actor, staffId: number): { opened: number } {
      return inTransaction(() => {
        check(actor, staffId);
        const { opened } = duty.generateSlots(staffId);
        recordIfOther(actor, staffId, 'generated', { details: { opened } });
        return { opened };
      });
    },

    /**
     * Adds the same hours on several weekdays, all or nothing: one weekday that overlaps an existing template (or hours
     * the core refuses) adds none. DomainError template_invalid {field: 'weekday'} for an empty or bad list, and the
     * duty service's template_invalid, template_overlaps, not_duty_doctor.
     */
    addWeekly(actor: Actor, staffId: number, weekdays: readonly number[], hours: WeeklyHours): { templates: DutyTemplate[]; opened: number } {
      const days = [...new Set(weekdays)].sort((a, b) => a - b);
      if (days.length === 0 || days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) throw new DomainError('template_invalid', { field: 'weekday' });
      return inTransaction(() => {
        check(actor, staffId);
        const templates: DutyTemplate[] = [];
        let opened = 0;
        for (const weekday of days) {
          const added = duty.addTemplate(staffId, { weekday, ...hours });
          templates.push(added.template);
          opened += added.opened;
        }
        recordIfOther(actor, staffId, 'templates_added', { details: { count: templates.length } });
        return { templates, opened };
      });
    },

    /** Removes one weekly template and its free slots; booked ones stay and are reported. */
    removeTemplate(actor: Actor, staffId: number, templateId: number): { booked: BookedSlot[] } {
      return inTransaction(() => {
        check(actor, staffId);
        const removed = duty.removeTemplate(staffId, templateId);
        recordIfOther(actor, staffId, 'template_removed', { details: { templateId } });
        return removed;
      });
    },

    /** Takes a day off back: its slots are generated again. */
    removeDayOff(actor: Actor, staffId: number, date: string): { opened: number } {
      return inTransaction(() => {
        check(actor, staffId);
        const back = duty.removeDayOff(staffId, date);
        recordIfOther(actor, staffId, 'day_off_removed', { details: { date } });
        return back;
      });
    },

    /** A day off that keeps its bookings (they are reported): the CLI's --keep-booked. */
    addDayOffKeepingBooked(actor: Actor, staffId: number, date: string, opts: { reason?: string } = {}): { removed: number; booked: BookedSlot[] } {
      return inTransaction(() => {
        check(actor, staffId);
        const { removed, booked } = duty.addDayOff(staffId, date, opts.reason ? { reason: opts.reason } : {});
        recordIfOther(actor, staffId, 'day_off', { details: { date, cancelled: 0 } });
        return { removed, booked };
      });
    },

    /** The booked consultations a day off on this date of the doctor's calendar would meet: from now to the day's end. */
    bookedOn(actor: Actor, staffId: number, date: string): BookedSlot[] {
      check(actor, staffId);
      return bookedOnDay(deps, staffId, date);
    },

    /**
     * A day off that cancels exactly the bookings the actor was shown (`seen`, consultation ids; [] for none), each
     * patient told. When the day's bookings are no longer those (a patient booked or cancelled meanwhile), nothing
     * changes and the day's bookings as they are now come back, to be shown and confirmed again.
     */
    addDayOffAsSeen(
      actor: Actor,
      staffId: number,
      date: string,
      seen: readonly number[],
      opts: { reason?: string } = {},
    ): { ok: true; removed: number; cancelled: number[] } | { ok: false; booked: BookedSlot[] } {
      return inTransaction(() => {
        check(actor, staffId);
        const booked = bookedOnDay(deps, staffId, date);
        const now = booked.map((b) => b.consultationId).sort((a, b) => a - b);
        const expected = [...new Set(seen)].sort((a, b) => a - b);
        if (now.length !== expected.length || now.some((id, i) => id !== expected[i])) return { ok: false as const, booked };
        const result = duty.addDayOff(staffId, date, { ...(opts.reason ? { reason: opts.reason } : {}), cancelBooked: true });
        recordIfOther(actor, staffId, 'day_off', { details: { date, cancelled: result.cancelled.length } });
        return { ok: true as const, removed: result.removed, cancelled: result.cancelled };
      });
    },

    /** One consultation of this doctor that can still be cancelled: the duty service's own codes, checked before a reason is asked. */
    cancellable(actor: Actor, staffId: number, consultationId: number): CancellableBooking {
      check(actor, staffId);
      const c = deps.consultation(consultationId);
      if (!c || c.staffId !== staffId) throw new DomainError('consultation_not_found');
      if (c.status !== 'scheduled') throw new DomainError('consultation_not_open');
      if (deps.clock.now() >= c.startsAt) throw new DomainError('consultation_started');
      return { id: c.id, patientId: c.patientId, patientName: c.patientName, startsAt: c.startsAt, mode: c.mode, reachable: c.accountId !== null };
    },

    /** Cancels one booked consultation of the doctor, the patient told; with reopenSlot its slot is offered again. */
    cancelBooking(actor: Actor, staffId: number, consultationId: number, reason: string | undefined, opts: { reopenSlot?: boolean } = {}): void {
      inTransaction(() => {
        check(actor, staffId);
        duty.doctorCancels(staffId, consultationId, reason, opts);
        const patientId = deps.consultation(consultationId)?.patientId;
        recordIfOther(actor, staffId, 'consultation_cancelled', { ...(patientId ? { patientId } : {}), details: { consultationId } });
      });
    },
  };
}
