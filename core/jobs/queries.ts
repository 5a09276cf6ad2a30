import { and, asc, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Writer } from '../../db/client.js';
import { applications, consultations, patients, slots, staff } from '../../db/schema.js';

/** A scheduled consultation as the reminder jobs see it: whom to tell, and when it was booked. */
export interface DueConsultation {
  id: number;
  startsAt: number;
  /** A duty slot's booking, or an application's consultation (their cancel cut-offs differ). */
  kind: 'duty' | 'application';
  /**
   * When it was booked. A scheduled consultation's updated_at is set when it is created and every later change (cancel,
   * no-show, completion) takes it out of 'scheduled'; a move books a new consultation. created_at is the database's
   * own clock, not the service's, so it is not used.
   */
  bookedAt: number;
  /** The patient's Telegram account; null for a referred patient without one, or a deleted profile. */
  accountId: number | null;
  staffId: number;
  /** The doctor's Telegram id while they are active staff who joined the bot. */
  doctorTelegramId: number | null;
}

/** Scheduled consultations starting in (from, to]. */
export function scheduledStartingIn(tx: Writer, from: number, to: number): DueConsultation[] {
  return tx
    .select({
      id: consultations.id,
      startsAt: slots.startsAt,
      kind: slots.kind,
      bookedAt: consultations.updatedAt,
      accountId: patients.accountId,
      deletedAt: patients.deletedAt,
      staffId: consultations.staffId,
      doctorTelegramId: staff.telegramId,
      doctorActive: staff.active,
    })
    .from(consultations)
    .innerJoin(slots, eq(slots.id, consultations.slotId))
    .innerJoin(patients, eq(patients.id, consultations.patientId))
    .innerJoin(staff, eq(staff.id, consultations.staffId))
    .where(and(eq(consultations.status, 'scheduled'), gt(slots.startsAt, from), lte(slots.startsAt, to)))
    .orderBy(asc(slots.startsAt), asc(consultations.id))
    .all()
    .map((r) => ({
      id: r.id,
      startsAt: r.startsAt,
      kind: r.kind,
      bookedAt: r.bookedAt,
      accountId: r.deletedAt === null ? r.accountId : null,
      staffId: r.staffId,
      doctorTelegramId: r.doctorActive ? r.doctorTelegramId : null,
    }));
}

/** Submitted applications no doctor has taken, submitted in (from, to]. */
export function untakenSubmittedIn(tx: Writer, from: number, to: number): Array<{ id: number; centerCode: string; submittedAt: number }> {
  return tx
    .select({ id: applications.id, centerCode: applications.centerCode, submittedAt: applications.submittedAt })
    .from(applications)
    .innerJoin(patients, eq(patients.id, applications.patientId))
    .where(
      and(
        eq(applications.status, 'submitted'),
        isNull(applications.assignedStaffId),
        isNull(patients.deletedAt),
        gt(applications.submittedAt, from),
        lte(applications.submittedAt, to),
      ),
    )
    .orderBy(asc(applications.submittedAt))
    .all();
}

/** Active staff who joined the staff bot, with what the jobs need to address and group them. */
export function reachableStaff(tx: Writer) {
  return tx
    .select({ id: staff.id, telegramId: staff.telegramId, role: staff.role, centerCode: staff.centerCode, timeZone: staff.timeZone })
    .from(staff)
    .where(eq(staff.active, true))
    .all()
    .filter((s): s is typeof s & { telegramId: number } => s.telegramId !== null);
}
