import { and, eq, gte, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client.js';
import { applications, callAttendance, consultations, patients, referrals, slots, staff } from '../../db/schema.js';

// Which timestamp puts a row in the period [from, to) — every figure is an event counted where it happened, so a
// finished month's figures mostly stay put (a consultation late in the month may be concluded or marked a no-show after
// it ends; a patient who deletes their data takes their rows along, by the cascade or by deleted_at):
//   submitted      applications.submitted_at (the first submission: sending missing documents back keeps it)
//   taken          applications.taken_at (a doctor took it into review; it may since have needed documents or moved on)
//   scheduled      applications.scheduled_at (the latest scheduling: one rescheduled after a no-show counts once);
//                  duty: consultations.created_at of a booking without an application on a duty slot
//   declined       applications.closed_at of status declined
//   completed      slots.starts_at (the appointment time) of a consultation now completed
//   no-shows       slots.starts_at of a consultation marked no_show
//   to scheduling  scheduled_at − submitted_at of the applications counted as scheduled
//   calls held     slots.starts_at of a consultation both sides joined on the room page (call_attendance)
//   referrals      imported: referrals.created_at; invited: invite_sent_at of those in state sent; linked: linked_at
// Only counts and durations leave this file: no names, no ids.

const within = (column: SQLiteColumn, from: number, to: number) => and(gte(column, from), lt(column, to))!;
const countIf = (condition: SQL) => sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`.mapWith(Number);
/** Rows of a patient who deleted their profile are not counted (the hard deletion removes them anyway). */
const livePatient = and(eq(patients.id, applications.patientId), isNull(patients.deletedAt));

export interface ApplicationCounts {
  centerCode: string;
  path: 'own' | 'referral';
  submitted: number;
  taken: number;
  scheduled: number;
  declined: number;
}

export function applicationCounts(db: Db, from: number, to: number): ApplicationCounts[] {
  return db
    .select({
      centerCode: applications.centerCode,
      path: applications.path,
      submitted: countIf(within(applications.submittedAt, from, to)),
      taken: countIf(within(applications.takenAt, from, to)),
      scheduled: countIf(within(applications.scheduledAt, from, to)),
      declined: countIf(and(eq(applications.status, 'declined'), within(applications.closedAt, from, to))!),
    })
    .from(applications)
    .innerJoin(patients, livePatient)
    .where(
      or(
        within(applications.submittedAt, from, to),
        within(applications.takenAt, from, to),
        within(applications.scheduledAt, from, to),
        within(applications.closedAt, from, to),
      ),
    )
    .groupBy(applications.centerCode, applications.path)
    .all();
}

export interface SchedulingDelay {
  centerCode: string;
  path: 'own' | 'referral';
  ms: number;
}

/** Submission to scheduling of each application scheduled in the period. */
export function schedulingDelays(db: Db, from: number, to: number): SchedulingDelay[] {
  return db
    .select({
      centerCode: applications.centerCode,
      path: applications.path,
      ms: sql<number>`${applications.scheduledAt} - ${applications.submittedAt}`.mapWith(Number),
    })
    .from(applications)
    .innerJoin(patients, livePatient)
    .where(and(isNotNull(applications.scheduledAt), within(applications.scheduledAt, from, to)))
    .all();
}

/** Where a consultation belongs: its application's center and path, or (none) a duty doctor's center or specialty. */
export interface ConsultationPlace {
  applicationCenter: string | null;
  applicationPath: 'own' | 'referral' | null;
  slotKind: 'duty' | 'application';
  staffCenter: string | null;
  staffSpecialty: 'cardiology' | 'gynecology' | null;
}

const place = {
  applicationCenter: applications.centerCode,
  applicationPath: applications.path,
  slotKind: slots.kind,
  staffCenter: staff.centerCode,
  staffSpecialty: staff.specialty,
};

export type ConsultationOutcomes = ConsultationPlace & { completed: number; noShows: number };

export function consultationOutcomes(db: Db, from: number, to: number): ConsultationOutcomes[] {
  return db
    .select({
      ...place,
      completed: countIf(eq(consultations.status, 'completed')),
      noShows: countIf(eq(consultations.status, 'no_show')),
    })
    .from(consultations)
    .innerJoin(slots, eq(slots.id, consultations.slotId))
    .innerJoin(staff, eq(staff.id, consultations.staffId))
    .innerJoin(patients, and(eq(patients.id, consultations.patientId), isNull(patients.deletedAt)))
    .leftJoin(applications, eq(applications.id, consultations.applicationId))
    .where(and(within(slots.startsAt, from, to), or(eq(consultations.status, 'completed'), eq(consultations.status, 'no_show'))))
    .groupBy(applications.centerCode, applications.path, slots.kind, staff.centerCode, staff.specialty)
    .all();
}

export type HeldCall = ConsultationPlace & { doctorJoinedAt: number; doctorLeftAt: number | null; patientJoinedAt: number; patientLeftAt: number | null };

/** Calls both sides joined, by appointment time: their lengths come from the room page's own events. */
export function heldCalls(db: Db, from: number, to: number): HeldCall[] {
  return db
    .select({
      ...place,
      doctorJoinedAt: sql<number>`${callAttendance.doctorJoinedAt}`.mapWith(Number),
      doctorLeftAt: callAttendance.doctorLeftAt,
      patientJoinedAt: sql<number>`${callAttendance.patientJoinedAt}`.mapWith(Number),
      patientLeftAt: callAttendance.patientLeftAt,
    })
    .from(callAttendance)
    .innerJoin(consultations, eq(consultations.id, callAttendance.consultationId))
    .innerJoin(slots, eq(slots.id, consultations.slotId))
    .innerJoin(staff, eq(staff.id, consultations.staffId))
    .innerJoin(patients, and(eq(patients.id, consultations.patientId), isNull(patients.deletedAt)))
    .leftJoin(applications, eq(applications.id, consultations.applicationId))
    .where(and(within(slots.startsAt, from, to), isNotNull(callAttendance.doctorJoinedAt), isNotNull(callAttendance.patientJoinedAt)))
    .all();
}

export type DutyBookings = Omit<ConsultationPlace, 'applicationCenter' | 'applicationPath' | 'slotKind'> & { booked: number };

/** Duty bookings made in the period, whatever became of them since (a cancelled one was still a booking). */
export function dutyBookings(db: Db, from: number, to: number): DutyBookings[] {
  return db
    .select({ staffCenter: staff.centerCode, staffSpecialty: staff.specialty, booked: sql<number>`count(*)`.mapWith(Number) })
    .from(consultations)
    .innerJoin(slots, eq(slots.id, consultations.slotId))
    .innerJoin(staff, eq(staff.id, consultations.staffId))
    .innerJoin(patients, and(eq(patients.id, consultations.patientId), isNull(patients.deletedAt)))
    .where(and(eq(slots.kind, 'duty'), isNull(consultations.applicationId), within(consultations.createdAt, from, to)))
    .groupBy(staff.centerCode, staff.specialty)
    .all();
}

export interface ReferralCounts {
  centerCode: string;
  imported: number;
  invited: number;
  linked: number;
}

export function referralCounts(db: Db, from: number, to: number): ReferralCounts[] {
  return db
    .select({
      centerCode: referrals.centerCode,
      imported: countIf(within(referrals.createdAt, from, to)),
      invited: countIf(and(eq(referrals.inviteState, 'sent'), within(referrals.inviteSentAt, from, to))!),
      linked: countIf(within(referrals.linkedAt, from, to)),
    })
    .from(referrals)
    .where(or(within(referrals.createdAt, from, to), within(referrals.inviteSentAt, from, to), within(referrals.linkedAt, from, to)))
    .groupBy(referrals.centerCode)
    .all();
}
