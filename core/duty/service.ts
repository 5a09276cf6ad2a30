import { and, eq } from 'drizzle-orm';
import type { Db, Writer } from '../../db/client.js';
import { applications, consultations, dutyExceptions, slots, staff } from '../../db/schema.js';
import type { AuditLog } from '../audit.js';
import type { Clock } from '../clock.js';
import { DomainError } from '../errors.js';
import { enqueue } from '../outbox/repository.js';
import { queueButtonEdits } from '../outbox/consultation-buttons.js';
import { addDays, zonedParts, zonedToUtc } from '../time.js';
import { DEFAULT_DUTY_LIMITS, type DutyLimits } from './limits.js';
import * as repo from './repository.js';
import type { BookedSlot, DutyDoctor, DutySlot } from './repository.js';
import type { Specialty } from './specialty.js';
import { checkTemplate, templateSlots, templatesOverlap, type DutyTemplate, type DutyTemplateInput } from './template.js';
import { offerFreedSlot } from './waitlist.js';

/** Outbox template (patient bot) for a consultation the doctor cancelled; params { consultationId, reason? }. */
export const CANCELLED_BY_DOCTOR_TEMPLATE = 'consultation_cancelled_by_doctor';
export const MAX_CANCEL_REASON_LENGTH = 500;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

export interface DutyServiceDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  limits?: DutyLimits;
}

export type DutyService = ReturnType<typeof createDutyService>;

/**
 * Duty doctors' schedules: weekly templates in the doctor's zone generate slots `daysAhead` days ahead (idempotent:
 * one slot per doctor and start, by slots_staff_start_uq); days off and template changes take free slots out of
 * the offer and report booked ones, which stay until the doctor cancels them (doctorCancels). Refusals are
 * DomainErrors: not_duty_doctor, template_invalid {field}, template_overlaps, template_not_found, date_invalid,
 * slot_in_past, slot_overlaps, slot_not_found, slot_booked, consultation_not_found, consultation_not_open,
 * consultation_started, specialty_invalid.
 */
export function createDutyService(deps: DutyServiceDeps) {
  const { db, clock, audit } = deps;
  const limits = deps.limits ?? DEFAULT_DUTY_LIMITS;

  const dutyDoctor = (tx: Writer, staffId: number): DutyDoctor => {
    const doc = repo.doctorById(tx, staffId);
    if (!doc || doc.role !== 'duty_doctor') throw new DomainError('not_duty_doctor');
    return doc;
  };

  /** Wanted slots from the doctor's templates, today … today + days in their zone, minus days off, after now. */
  const wanted = (tx: Writer, doc: DutyDoctor, days: number, only?: DutyTemplate[]) => {
    const now = clock.now();
    const today = zonedParts(now, doc.timeZone).date;
    const off = new Set(repo.daysOffOf(tx, doc.id, today).map((d) => d.date));
    const templates = only ?? repo.templatesOf(tx, doc.id);
    const out: Array<{ startsAt: number; endsAt: number; templateId: number }> = [];
    for (let i = 0; i <= days; i++) {
      const date = addDays(today, i);
      if (off.has(date)) continue;
      const weekday = isoWeekday(date);
      for (const t of templates) {
        if (t.weekday !== weekday) continue;
        for (const s of templateSlots(t, date, doc.timeZone)) if (s.startsAt > now) out.push({ ...s, templateId: t.id });
      }
    }
    return out;
  };

  const generateIn = (tx: Writer, doc: DutyDoctor, days: number): number => {
    if (!doc.active) return 0;
    let opened = 0;
    for (const s of wanted(tx, doc, days)) opened += repo.openSlot(tx, { staffId: doc.id, ...s });
    return opened;
  };

  /** Free future slots of one template go; booked ones no longer wanted are reported. */
  const retireTemplateSlots = (tx: Writer, doc: DutyDoctor, templateId: number, keep: Set<number>): BookedSlot[] => {
    const future = repo.slotsOf(tx, doc.id, clock.now(), Number.MAX_SAFE_INTEGER, eq(slots.templateId, templateId));
    const { free, booked } = repo.partition(future);
    repo.retireSlots(tx, free, 'schedule', clock.now());
    return booked.filter((b) => !keep.has(b.startsAt));
  };

  const cancelInTx = (tx: Writer, c: NonNullable<ReturnType<typeof repo.consultationForCancel>>, reason: string | null, reopen: boolean) => {
    const now = clock.now();
    const changed = tx
      .update(consultations)
      .set({ status: 'cancelled', cancelledBy: 'staff', cancelReason: reason, updatedAt: now })
      .where(and(eq(consultations.id, c.id), eq(consultations.status, 'scheduled')))
      .run().changes;
    if (changed !== 1) throw new DomainError('consultation_not_open');
    queueButtonEdits(tx, c.id, 'cancelled', now);
    if (c.applicationId !== null) {
      tx.update(applications).set({ status: 'in_review', updatedAt: now }).where(and(eq(applications.id, c.applicationId), eq(applications.status, 'scheduled'))).run();
    }
    if (c.slotKind === 'duty') {
      if (reopen) offerFreedSlot(tx, c.slotId, now, limits, { exceptPatientId: c.patientId });
      else repo.retireSlots(tx, [c.slotId], 'doctor', now);
    }
    if (c.accountId !== null) {
      enqueue(
        tx,
        {
          chatId: c.accountId,
          template: CANCELLED_BY_DOCTOR_TEMPLATE,
          params: reason ? { consultationId: c.id, reason } : { consultationId: c.id },
          dedupeKey: `consultation:${c.id}:cancelled_by_doctor`,
        },
        now,
      );
    }
  };

  const checkDate = (date: string) => {
    if (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
      throw new DomainError('date_invalid');
    }
  };

  const service = {
    /** Active duty doctors, by id. */
    doctors(): DutyDoctor[] {
      return repo.activeDutyDoctors(db);
    },

    /** The duty doctor, or DomainError not_duty_doctor. */
    doctor(staffId: number): DutyDoctor {
      return dutyDoctor(db, staffId);
    },

    /** Sets (or clears) what a duty doctor answers about; slots are offered to patients only with one set. */
    setSpecialty(staffId: number, specialty: Specialty | null): void {
      if (specialty !== null && specialty !== 'cardiology' && specialty !== 'gynecology') throw new DomainError('specialty_invalid');
      dutyDoctor(db, staffId);
      db.update(staff).set({ specialty }).where(eq(staff.id, staffId)).run();
      audit.record({ actor: { type: 'system' }, action: 'duty.specialty_set', details: { staffId, specialty } });
    },

    templates(staffId: number): DutyTemplate[] {
      return repo.templatesOf(db, staffId);
    },

    /** Adds a weekly template and generates its slots at once. */
    addTemplate(staffId: number, input: DutyTemplateInput): { template: DutyTemplate; opened: number } {
      checkTemplate(input);
      return db.transaction((tx) => {
        const doc = dutyDoctor(tx, staffId);
        if (repo.templatesOf(tx, staffId).some((t) => templatesOverlap(t, input))) throw new DomainError('template_overlaps');
        const template = repo.insertTemplate(tx, staffId, input);
        const opened = generateIn(tx, doc, limits.daysAhead);
        audit.record({ actor: { type: 'staff', id: staffId }, action: 'duty.template_added', details: { templateId: template.id } });
        return { template, opened };
      });
    },

    /** Changes a template: its free future slots are replaced; booked ones it no longer covers are reported. */
    updateTemplate(staffId: number, templateId: number, input: DutyTemplateInput): { template: DutyTemplate; booked: BookedSlot[] } {
      checkTemplate(input);
      return db.transaction((tx) => {
        const doc = dutyDoctor(tx, staffId);
        if (repo.templatesOf(tx, staffId).some((t) => t.id !== templateId && templatesOverlap(t, input))) throw new DomainError('template_overlaps');
        const template = repo.updateTemplate(tx, staffId, templateId, input);
        if (!template) throw new DomainError('template_not_found');
        const keep = new Set(wanted(tx, doc, limits.daysAhead, [template]).map((s) => s.startsAt));
        const booked = retireTemplateSlots(tx, doc, templateId, keep);
        generateIn(tx, doc, limits.daysAhead);
        audit.record({ actor: { type: 'staff', id: staffId }, action: 'duty.template_changed', details: { templateId } });
        return { template, booked };
      });
    },

    /** Removes a template and its free future slots; booked ones stay and are reported. */
    removeTemplate(staffId: number, templateId: number): { booked: BookedSlot[] } {
      return db.transaction((tx) => {
        const doc = dutyDoctor(tx, staffId);
        const booked = retireTemplateSlots(tx, doc, templateId, new Set());
        if (!repo.deleteTemplate(tx, staffId, templateId)) throw new DomainError('template_not_found');
        audit.record({ actor: { type: 'staff', id: staffId }, action: 'duty.template_removed', details: { templateId } });
        return { booked };
      });
    },

    /**
     * Creates the slots the doctor's templates give from today to today + untilDays (their zone), skipping days off
     * and times already past. Idempotent; a slot a schedule change closed is reopened, one the doctor closed is not.
     * Returns how many slots became open.
     */
    generateSlots(staffId: number, untilDays: number = limits.daysAhead): { opened: number } {
      return db.transaction((tx) => ({ opened: generateIn(tx, dutyDoctor(tx, staffId), untilDays) }));
    },

    /** generateSlots for every active duty doctor (the daily job). */
    generateAll(untilDays: number = limits.daysAhead): number {
      return repo.activeDutyDoctors(db).reduce((n, doc) => n + db.transaction((tx) => generateIn(tx, doc, untilDays)), 0);
    },

    /**
     * A day off (YYYY-MM-DD of the doctor's calendar): that day's free slots go. Booked ones stay and are reported, so
     * the doctor sees who is affected; with cancelBooked they are cancelled too, each patient told (as doctorCancels).
     */
    addDayOff(staffId: number, date: string, opts: { reason?: string; cancelBooked?: boolean } = {}): { removed: number; booked: BookedSlot[]; cancelled: number[] } {
      checkDate(date);
      return db.transaction((tx) => {
        const doc = dutyDoctor(tx, staffId);
        tx.insert(dutyExceptions).values({ staffId, date, reason: opts.reason?.trim() || null }).onConflictDoNothing().run();
        const from = Math.max(zonedToUtc(date, '00:00', doc.timeZone), clock.now());
        const day = repo.slotsOf(tx, staffId, from, zonedToUtc(addDays(date, 1), '00:00', doc.timeZone));
        const { free, booked } = repo.partition(day);
        const removed = repo.retireSlots(tx, free, 'schedule', clock.now());
        const cancelled: number[] = [];
        if (opts.cancelBooked) {
          for (const b of booked) {
            const c = repo.consultationForCancel(tx, b.consultationId)!;
            cancelInTx(tx, c, cleanReason(opts.reason), false);
            repo.retireSlots(tx, [b.slotId], 'schedule', clock.now());
            cancelled.push(b.consultationId);
          }
        }
        audit.record({ actor: { type: 'staff', id: staffId }, action: 'duty.day_off', details: { date, removed, booked: booked.length, cancelled: cancelled.length } });
        return { removed, booked: opts.cancelBooked ? [] : booked, cancelled };
      });
    },

    /** Takes a day off back: its slots are generated again. */
    removeDayOff(staffId: number, date: string): { opened: number } {
      checkDate(date);
      return db.transaction((tx) => {
        const doc = dutyDoctor(tx, staffId);
        tx.delete(dutyExceptions).where(and(eq(dutyExceptions.staffId, staffId), eq(dutyExceptions.date, date))).run();
        return { opened: generateIn(tx, doc, limits.daysAhead) };
      });
    },

    /** Days off from today (the doctor's zone) on. */
    daysOff(staffId: number): Array<{ date: string; reason: string | null }> {
      const doc = dutyDoctor(db, staffId);
      return repo.daysOffOf(db, staffId, zonedParts(clock.now(), doc.timeZone).date);
    },

    /** A one-off duty slot outside the templates (CLI `slots add`). DomainError slot_in_past, slot_overlaps. */
    addSlot(staffId: number, startsAt: number, minutes = 30): { id: number; startsAt: number; endsAt: number } {
      if (!Number.isInteger(minutes) || minutes < 10 || minutes > 120) throw new DomainError('template_invalid', { field: 'slotMinutes' });
      if (!Number.isFinite(startsAt) || startsAt <= clock.now()) throw new DomainError('slot_in_past');
      const endsAt = startsAt + minutes * 60_000;
      return db.transaction((tx) => {
        dutyDoctor(tx, staffId);
        if (repo.overlappingOpenSlot(tx, staffId, startsAt, endsAt)) throw new DomainError('slot_overlaps');
        const row = tx
          .insert(slots)
          .values({ staffId, startsAt, endsAt, kind: 'duty' })
          .onConflictDoUpdate({ target: [slots.staffId, slots.startsAt], set: { closedAt: null, closedReason: null, endsAt, templateId: null } })
          .returning({ id: slots.id, startsAt: slots.startsAt, endsAt: slots.endsAt })
          .get();
        audit.record({ actor: { type: 'staff', id: staffId }, action: 'duty.slot_added', details: { slotId: row.id } });
        return row;
      });
    },

    /** Takes one free future slot out of the offer for good. DomainError slot_not_found, slot_booked. */
    removeSlot(staffId: number, slotId: number): void {
      db.transaction((tx) => {
        const [slot] = repo.slotsOf(tx, staffId, clock.now(), Number.MAX_SAFE_INTEGER, eq(slots.id, slotId));
        if (!slot) throw new DomainError('slot_not_found');
        if (slot.consultation) throw new DomainError('slot_booked');
        repo.retireSlots(tx, [slotId], 'doctor', clock.now());
      });
    },

    /** The doctor's open duty slots starting in [from, to), each with its booking if any (for /slots). */
    schedule(staffId: number, from: number, to: number): DutySlot[] {
      return repo.slotsOf(db, staffId, from, to);
    },

    /**
     * The doctor cancels their consultation before it starts: cancelled_by 'staff', the patient is told (outbox
     * consultation_cancelled_by_doctor). The doctor cannot keep that time, so a duty slot is closed; with reopenSlot it is
     * offered again and the first patient waiting for that day is told.
     */
    doctorCancels(staffId: number, consultationId: number, reason?: string, opts: { reopenSlot?: boolean } = {}): void {
      const why = cleanReason(reason);
      db.transaction((tx) => {
        const c = repo.consultationForCancel(tx, consultationId);
        if (!c || c.staffId !== staffId) throw new DomainError('consultation_not_found');
        if (c.status !== 'scheduled') throw new DomainError('consultation_not_open');
        if (clock.now() >= c.startsAt) throw new DomainError('consultation_started');
        cancelInTx(tx, c, why, opts.reopenSlot ?? false);
        audit.record({ actor: { type: 'staff', id: staffId }, action: 'consultation.cancelled_by_doctor', patientId: c.patientId, details: { consultationId } });
      });
    },
  };
  return service;
}

function cleanReason(reason: string | undefined): string | null {
  const text = reason?.trim();
  if (!text) return null;
  return Array.from(text).slice(0, MAX_CANCEL_REASON_LENGTH).join('');
}
