import { and, asc, eq, gt, inArray, lt } from 'drizzle-orm';
import type { Db, Writer } from '../../db/client.js';
import { applications, consultations, patients, slots } from '../../db/schema.js';
import type { AuditLog } from '../audit.js';
import type { Clock } from '../clock.js';
import { DomainError } from '../errors.js';
import { enqueue } from '../outbox/repository.js';
import { queueButtonEdits } from '../outbox/consultation-buttons.js';
import type { StaffMember, StaffRepository } from '../staff/repository.js';
import { addDays, zonedParts, zonedToUtc } from '../time.js';
import type { ApplicationRepository } from '../applications/repository.js';

export const CONSULTATION_MINUTES = 30;
export const SCHEDULE_DAYS_AHEAD = 14;
/** Nobody can be told in time about a consultation that starts sooner than this. */
export const MIN_NOTICE_MINUTES = 30;
export const WORKDAY = { from: '09:00', to: '18:00' };

export type ConsultationStatus = 'scheduled' | 'completed' | 'cancelled' | 'no_show';

export interface ConsultationView {
  id: number;
  patientId: number;
  patientName: string;
  patientBirthDate: string;
  patientTimeZone: string;
  accountId: number | null;
  staffId: number;
  applicationId: number | null;
  mode: 'video' | 'audio';
  status: ConsultationStatus;
  room: string;
  startsAt: number;
  endsAt: number;
}

const viewColumns = {
  id: consultations.id,
  patientId: consultations.patientId,
  patientName: patients.fullName,
  patientBirthDate: patients.birthDate,
  patientTimeZone: patients.timeZone,
  accountId: patients.accountId,
  staffId: consultations.staffId,
  applicationId: consultations.applicationId,
  mode: consultations.mode,
  status: consultations.status,
  room: consultations.room,
  startsAt: slots.startsAt,
  endsAt: slots.endsAt,
};

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Error && 'code' in err && String((err as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT');
}

export function createSchedulingService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  staff: StaffRepository;
  applications: ApplicationRepository;
  newRoomName: () => string;
  /** The booking service's cancel (core/booking): DomainError consultation_not_found, _not_open, _started, cancel_too_late. */
  patientCancel: (accountId: number, id: number) => void;
}) {
  const { db, clock, audit } = deps;

  const view = (where: ReturnType<typeof and>) =>
    db
      .select(viewColumns)
      .from(consultations)
      .innerJoin(slots, eq(slots.id, consultations.slotId))
      .innerJoin(patients, eq(patients.id, consultations.patientId))
      .where(where)
      .orderBy(asc(slots.startsAt))
      .all();

  /** Scheduled consultations of a doctor that overlap [from, to). */
  const overlapping = (tx: Writer, staffId: number, from: number, to: number) =>
    tx
      .select({ id: consultations.id })
      .from(consultations)
      .innerJoin(slots, eq(slots.id, consultations.slotId))
      .where(and(eq(consultations.staffId, staffId), eq(consultations.status, 'scheduled'), lt(slots.startsAt, to), gt(slots.endsAt, from)))
      .all();

  const get = (id: number): ConsultationView | undefined => view(and(eq(consultations.id, id)))[0];

  /** A consultation as its doctor (or an admin) may see it; anyone else gets not-found. */
  const forStaff = (member: StaffMember, id: number): ConsultationView => {
    const c = get(id);
    if (!c || (c.staffId !== member.id && member.role !== 'admin')) throw new DomainError('consultation_not_found');
    return c;
  };

  const notifyPatientOf = (tx: Writer, c: { id: number; accountId: number | null }, template: 'consultation_scheduled' | 'consultation_no_show', key: string) => {
    if (c.accountId === null) return;
    enqueue(tx, { chatId: c.accountId, template, params: { consultationId: c.id }, dedupeKey: key }, clock.now());
  };

  return {
    /** Start times the doctor can still offer on a day of their own calendar (YYYY-MM-DD in their zone). */
    freeTimes(member: StaffMember, day: string): number[] {
      const from = zonedToUtc(day, WORKDAY.from, member.timeZone);
      const to = zonedToUtc(day, WORKDAY.to, member.timeZone);
      const earliest = clock.now() + MIN_NOTICE_MINUTES * 60_000;
      const busy = view(and(eq(consultations.staffId, member.id), eq(consultations.status, 'scheduled'), lt(slots.startsAt, to), gt(slots.endsAt, from)));
      const times: number[] = [];
      for (let t = from; t + CONSULTATION_MINUTES * 60_000 <= to; t += CONSULTATION_MINUTES * 60_000) {
        const end = t + CONSULTATION_MINUTES * 60_000;
        if (t >= earliest && !busy.some((b) => b.startsAt < end && b.endsAt > t)) times.push(t);
      }
      return times;
    },

    /** The days a doctor can schedule on: today and the next 13, in their zone. */
    scheduleDays(member: StaffMember): string[] {
      const today = zonedParts(clock.now(), member.timeZone).date;
      return Array.from({ length: SCHEDULE_DAYS_AHEAD }, (_, i) => addDays(today, i));
    },

    /**
     * Books the consultation of an application the doctor holds. The slot's partial unique index, not a prior
     * check, is what guarantees one consultation per slot; overlaps are checked inside the same transaction.
     */
    scheduleApplication(member: StaffMember, applicationId: number, startsAt: number, mode: 'video' | 'audio'): ConsultationView {
      const app = deps.applications.byId(applicationId);
      if (!app || (member.role !== 'admin' && app.centerCode !== member.centerCode)) throw new DomainError('application_not_found');
      if (app.assignedStaffId !== member.id) throw new DomainError('application_not_yours');
      if (!['submitted', 'in_review'].includes(app.status)) throw new DomainError('application_wrong_status', { status: app.status });
      const now = clock.now();
      if (startsAt < now + MIN_NOTICE_MINUTES * 60_000) throw new DomainError('time_in_past');
      if (startsAt > now + SCHEDULE_DAYS_AHEAD * 86_400_000) throw new DomainError('time_too_far');
      const endsAt = startsAt + CONSULTATION_MINUTES * 60_000;
      const id = db.transaction((tx) => {
        if (overlapping(tx, member.id, startsAt, endsAt).length) throw new DomainError('time_taken');
        tx.insert(slots).values({ staffId: member.id, startsAt, endsAt, kind: 'application' }).onConflictDoNothing().run();
        const slot = tx.select({ id: slots.id }).from(slots).where(and(eq(slots.staffId, member.id), eq(slots.startsAt, startsAt))).get()!;
        let consultationId: number;
        try {
          consultationId = tx
            .insert(consultations)
            .values({
              patientId: app.patientId,
              staffId: member.id,
              slotId: slot.id,
              applicationId: app.id,
              mode,
              status: 'scheduled',
              room: deps.newRoomName(),
              updatedAt: now,
            })
            .returning({ id: consultations.id })
            .get().id;
        } catch (err) {
          if (isUniqueViolation(err)) throw new DomainError('time_taken');
          throw err;
        }
        const moved = tx
          .update(applications)
          .set({ status: 'scheduled', scheduledAt: now, updatedAt: now })
          .where(and(eq(applications.id, app.id), eq(applications.assignedStaffId, member.id), inArray(applications.status, ['submitted', 'in_review'])))
          .run();
        if (moved.changes !== 1) throw new DomainError('application_changed');
        const accountId = tx.select({ accountId: patients.accountId }).from(patients).where(eq(patients.id, app.patientId)).get()?.accountId ?? null;
        notifyPatientOf(tx, { id: consultationId, accountId }, 'consultation_scheduled', `consultation:${consultationId}:scheduled`);
        return consultationId;
      });
      audit.record({ actor: { type: 'staff', id: member.id }, action: 'consultation.scheduled', patientId: app.patientId, details: { consultationId: id, applicationId: app.id } });
      return get(id)!;
    },

    get,
    forStaff,

    ofStaff(member: StaffMember, from: number, to: number): ConsultationView[] {
      return view(and(eq(consultations.staffId, member.id), gt(slots.endsAt, from), lt(slots.startsAt, to)));
    },

    ofAccount(accountId: number): ConsultationView[] {
      return view(and(eq(patients.accountId, accountId)));
    },

    /** The doctor records that the patient did not come; the application goes back to them to reschedule or close. */
    markNoShow(member: StaffMember, id: number): ConsultationView {
      const c = forStaff(member, id);
      if (c.status !== 'scheduled') throw new DomainError('consultation_not_open');
      if (clock.now() < c.startsAt) throw new DomainError('consultation_not_started');
      db.transaction((tx) => {
        const now = clock.now();
        tx.update(consultations).set({ status: 'no_show', updatedAt: now }).where(and(eq(consultations.id, id), eq(consultations.status, 'scheduled'))).run();
        queueButtonEdits(tx, id, 'no_show', now);
        if (c.applicationId) {
          tx.update(applications).set({ status: 'in_review', updatedAt: now }).where(and(eq(applications.id, c.applicationId), eq(applications.status, 'scheduled'))).run();
        }
        notifyPatientOf(tx, c, 'consultation_no_show', `consultation:${id}:no_show`);
      });
      audit.record({ actor: { type: 'staff', id: member.id }, action: 'consultation.no_show', patientId: c.patientId, details: { consultationId: id } });
      return get(id)!;
    },

    /**
     * The patient cancels (the patient bot's button): the booking service's rules and consequences, one implementation
     * for the bot and the Mini App (duty: until CANCEL_MIN_NOTICE_MINUTES before, and the waitlist is told).
     */
    cancelByPatient(accountId: number, id: number): ConsultationView {
      deps.patientCancel(accountId, id);
      return get(id)!;
    },
  };
}

export type SchedulingService = ReturnType<typeof createSchedulingService>;
