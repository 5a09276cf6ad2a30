import { and, asc, eq, gt, isNotNull, isNull, lte, ne } from 'drizzle-orm';
import type { Writer } from '../../db/client.js';
import { consultations, patients, slots, staff, waitlist } from '../../db/schema.js';
import { DomainError } from '../errors.js';
import { enqueue } from '../outbox/repository.js';
import { addDays, zonedParts, zonedToUtc } from '../time.js';
import type { DutyLimits } from './limits.js';
import type { Specialty } from './specialty.js';

/** Outbox template (patient bot) telling a waiting patient a slot is free; params { waitlistId, slotId }. */
export const WAITLIST_SLOT_FREE_TEMPLATE = 'waitlist_slot_free';

export interface WaitlistEntry {
  id: number;
  patientId: number;
  specialty: Specialty;
  /** YYYY-MM-DD in the patient's zone. */
  date: string;
  createdAt: number;
  notifiedAt: number | null;
}

const entryColumns = {
  id: waitlist.id,
  patientId: waitlist.patientId,
  specialty: waitlist.specialty,
  date: waitlist.date,
  createdAt: waitlist.createdAt,
  notifiedAt: waitlist.notifiedAt,
};

/**
 * Puts a profile on the waitlist for a day of its own calendar (today … today + daysAhead). Asking again for the same
 * day while waiting returns the same entry. DomainError date_out_of_range.
 */
export function joinWaitlist(
  tx: Writer,
  input: { patientId: number; timeZone: string; specialty: Specialty; date: string; now: number; limits: Pick<DutyLimits, 'daysAhead'> },
): { entry: WaitlistEntry; created: boolean } {
  const today = zonedParts(input.now, input.timeZone).date;
  if (input.date < today || input.date > addDays(today, input.limits.daysAhead)) throw new DomainError('date_out_of_range');
  const inserted = tx
    .insert(waitlist)
    .values({
      patientId: input.patientId,
      specialty: input.specialty,
      date: input.date,
      fromAt: zonedToUtc(input.date, '00:00', input.timeZone),
      toAt: zonedToUtc(addDays(input.date, 1), '00:00', input.timeZone),
      createdAt: input.now,
    })
    .onConflictDoNothing()
    .returning(entryColumns)
    .get();
  if (inserted) return { entry: inserted, created: true };
  const waiting = tx
    .select(entryColumns)
    .from(waitlist)
    .where(and(eq(waitlist.patientId, input.patientId), eq(waitlist.specialty, input.specialty), eq(waitlist.date, input.date), isNull(waitlist.notifiedAt)))
    .get();
  if (!waiting) throw new Error('waitlist insert conflicted but no waiting entry exists');
  return { entry: waiting, created: false };
}

/** The profile's entries still waiting, soonest day first. */
export function waitingOf(tx: Writer, patientId: number): WaitlistEntry[] {
  return tx
    .select(entryColumns)
    .from(waitlist)
    .where(and(eq(waitlist.patientId, patientId), isNull(waitlist.notifiedAt)))
    .orderBy(asc(waitlist.date), asc(waitlist.id))
    .all();
}

/** False when the profile has no such waiting entry. */
export function leaveWaitlist(tx: Writer, patientId: number, id: number): boolean {
  return tx.delete(waitlist).where(and(eq(waitlist.id, id), eq(waitlist.patientId, patientId), isNull(waitlist.notifiedAt))).run().changes === 1;
}

/** A booking fulfils the profile's own wish for that day: it stops waiting for it. */
export function fulfilWaitlist(tx: Writer, patientId: number, specialty: Specialty, startsAt: number): void {
  tx.delete(waitlist)
    .where(
      and(
        eq(waitlist.patientId, patientId),
        eq(waitlist.specialty, specialty),
        isNull(waitlist.notifiedAt),
        lte(waitlist.fromAt, startsAt),
        gt(waitlist.toAt, startsAt),
      ),
    )
    .run();
}

/**
 * Call in the transaction that made a duty slot bookable again (a cancellation): when the slot can still be booked,
 * the patient who has waited longest for its specialty and day is told (outbox waitlist_slot_free) and stops waiting.
 * Returns the entry told, if any.
 */
export function offerFreedSlot(
  tx: Writer,
  slotId: number,
  now: number,
  limits: Pick<DutyLimits, 'bookingMinNoticeMinutes'>,
  opts: { exceptPatientId?: number } = {},
): number | undefined {
  const slot = tx
    .select({ id: slots.id, startsAt: slots.startsAt, specialty: staff.specialty })
    .from(slots)
    .innerJoin(staff, eq(staff.id, slots.staffId))
    .where(and(eq(slots.id, slotId), eq(slots.kind, 'duty'), isNull(slots.closedAt), eq(staff.active, true), isNotNull(staff.specialty)))
    .get();
  if (!slot?.specialty || slot.startsAt < now + limits.bookingMinNoticeMinutes * 60_000) return undefined;
  const booked = tx
    .select({ id: consultations.id })
    .from(consultations)
    .where(and(eq(consultations.slotId, slotId), eq(consultations.status, 'scheduled')))
    .get();
  if (booked) return undefined;
  const first = tx
    .select({ id: waitlist.id, accountId: patients.accountId })
    .from(waitlist)
    .innerJoin(patients, eq(patients.id, waitlist.patientId))
    .where(
      and(
        eq(waitlist.specialty, slot.specialty),
        isNull(waitlist.notifiedAt),
        lte(waitlist.fromAt, slot.startsAt),
        gt(waitlist.toAt, slot.startsAt),
        isNull(patients.deletedAt),
        isNotNull(patients.accountId),
        opts.exceptPatientId === undefined ? undefined : ne(waitlist.patientId, opts.exceptPatientId),
      ),
    )
    .orderBy(asc(waitlist.createdAt), asc(waitlist.id))
    .limit(1)
    .get();
  if (!first?.accountId) return undefined;
  tx.update(waitlist).set({ notifiedAt: now, notifiedSlotId: slotId }).where(and(eq(waitlist.id, first.id), isNull(waitlist.notifiedAt))).run();
  enqueue(
    tx,
    { chatId: first.accountId, template: WAITLIST_SLOT_FREE_TEMPLATE, params: { waitlistId: first.id, slotId }, dedupeKey: `waitlist:${first.id}:slot_free` },
    now,
  );
  return first.id;
}
