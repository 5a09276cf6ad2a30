import { and, eq, isNull } from 'drizzle-orm';
import type { Writer } from '../../db/client.js';
import { consultations, patients, slots, staff, waitlist } from '../../db/schema.js';
import type { Specialty } from './specialty.js';

/** What telling a waiting patient about a freed slot needs: who waited, for which day, and the slot as it is now. */
export interface WaitlistOffer {
  patientId: number;
  accountId: number;
  specialty: Specialty;
  /** The day asked for, YYYY-MM-DD in the patient's zone. */
  date: string;
  startsAt: number;
  endsAt: number;
  /** Still bookable: open, not taken, its doctor active. */
  bookable: boolean;
}

/**
 * The waitlist entry `waitlistId` told about `slotId`, if both still exist and belong together (the entry was
 * notified of exactly that slot) and the profile is not deleted; undefined otherwise.
 */
export function waitlistOffer(tx: Writer, waitlistId: number, slotId: number): WaitlistOffer | undefined {
  const row = tx
    .select({
      patientId: waitlist.patientId,
      accountId: patients.accountId,
      specialty: waitlist.specialty,
      date: waitlist.date,
      startsAt: slots.startsAt,
      endsAt: slots.endsAt,
      closedAt: slots.closedAt,
      doctorActive: staff.active,
    })
    .from(waitlist)
    .innerJoin(patients, and(eq(patients.id, waitlist.patientId), isNull(patients.deletedAt)))
    .innerJoin(slots, and(eq(slots.id, waitlist.notifiedSlotId), eq(slots.kind, 'duty')))
    .innerJoin(staff, eq(staff.id, slots.staffId))
    .where(and(eq(waitlist.id, waitlistId), eq(waitlist.notifiedSlotId, slotId)))
    .get();
  if (!row || row.accountId === null) return undefined;
  const taken = tx
    .select({ id: consultations.id })
    .from(consultations)
    .where(and(eq(consultations.slotId, slotId), eq(consultations.status, 'scheduled')))
    .get();
  return {
    patientId: row.patientId,
    accountId: row.accountId,
    specialty: row.specialty,
    date: row.date,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    bookable: row.closedAt === null && row.doctorActive && !taken,
  };
}
