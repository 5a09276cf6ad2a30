/**
 * When each reminder is due, and how long it stays worth sending. The scheduler queues a reminder when its moment
 * falls in the window it covers; the renderer checks the same rules again when the message actually goes out (the
 * sender may be late after an outage or a 429 storm), so a stale reminder is skipped, never sent.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Outbox templates the jobs queue. */
export const PATIENT_REMINDER_TEMPLATE = 'consultation_reminder';
export const DOCTOR_REMINDER_TEMPLATE = 'consultation_reminder_doctor';
export const DOCTOR_DIGEST_TEMPLATE = 'doctor_day_digest';
export const TRIAGE_SLA_TEMPLATE = 'application_sla';
export const NO_SHOW_OFFER_TEMPLATE = 'consultation_no_show_offer';

/**
 * A patient who has not come into the call this long after the start is proposed to the doctor as a no-show (one
 * button), never recorded silently: the patient may be on a phone line, or the doctor may have called them.
 */
export const NO_SHOW_OFFER_AFTER_MS = 10 * MINUTE;

export type PatientReminderKind = 'day' | 'soon';

export interface ReminderRule {
  /** Due this long before the start. */
  beforeMs: number;
  /**
   * Sent only for a consultation booked at least this long before its start: booked later, the confirmation is still
   * fresh in the chat and a reminder on top of it is noise.
   */
  minBookedAheadMs: number;
  /** Still worth sending until this long before the start; later it is dropped. */
  staleBeforeStartMs: number;
}

export const PATIENT_REMINDERS: Record<PatientReminderKind, ReminderRule> = {
  // The day before. A booking made less than 30 h ahead got its confirmation under 6 h before this moment.
  // Found late (the process was down), it still helps until 3 h before the start — and the 15-minute one follows.
  day: { beforeMs: 24 * HOUR, minBookedAheadMs: 30 * HOUR, staleBeforeStartMs: 3 * HOUR },
  // Time to get ready: the Mini App's Join opens 10 minutes before. Never after the start.
  soon: { beforeMs: 15 * MINUTE, minBookedAheadMs: 15 * MINUTE, staleBeforeStartMs: 0 },
};

/** The doctor's own reminder, with the button into the room. */
export const DOCTOR_REMINDER: ReminderRule = { beforeMs: 10 * MINUTE, minBookedAheadMs: 10 * MINUTE, staleBeforeStartMs: 0 };

/** Whether a reminder of this rule may still go out at `now` for a consultation starting at `startsAt`. */
export function reminderFresh(rule: ReminderRule, startsAt: number, now: number): boolean {
  return now < startsAt - rule.staleBeforeStartMs;
}

/** Whether a consultation booked at `bookedAt` gets this reminder at all. */
export function reminderWanted(rule: ReminderRule, startsAt: number, bookedAt: number): boolean {
  return bookedAt <= startsAt - rule.minBookedAheadMs;
}

/** The doctors' day list: every morning at 08:00 Moscow time; found late, it still goes out until 18:00 that day. */
export const DIGEST = { timeZone: 'Europe/Moscow', at: '08:00', staleAt: '18:00' } as const;

/**
 * Triage SLA: a submitted application no doctor has taken reminds its center's doctors after 24 h; after 48 h the
 * doctors again, and the managers and admins as well.
 */
export const TRIAGE_SLA_LEVELS = [24, 48] as const;
export type TriageSlaLevel = (typeof TRIAGE_SLA_LEVELS)[number];
export const TRIAGE_SLA_ESCALATES_AT: TriageSlaLevel = 48;

export const reminderDedupeKey = {
  patient: (consultationId: number, kind: PatientReminderKind, startsAt: number) => `consultation:${consultationId}:reminder:${kind}:${startsAt}`,
  doctor: (consultationId: number, startsAt: number) => `consultation:${consultationId}:doctor_reminder:${startsAt}`,
  noShowOffer: (consultationId: number, startsAt: number) => `consultation:${consultationId}:no_show_offer:${startsAt}`,
  digest: (staffId: number, moscowDate: string) => `digest:${staffId}:${moscowDate}`,
  sla: (applicationId: number, level: TriageSlaLevel, staffId: number) => `app:${applicationId}:sla:${level}:${staffId}`,
};
