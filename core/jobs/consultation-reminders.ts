import { enqueue } from '../outbox/repository.js';
import { scheduledStartingIn } from './queries.js';
import {
  DOCTOR_REMINDER,
  DOCTOR_REMINDER_TEMPLATE,
  PATIENT_REMINDERS,
  PATIENT_REMINDER_TEMPLATE,
  reminderDedupeKey,
  reminderFresh,
  reminderWanted,
  type PatientReminderKind,
} from './rules.js';
import type { Job } from './scheduler.js';

const HOUR = 3_600_000;

/**
 * The patient's reminder of one kind (the day before, or 15 minutes before), for consultations of both paths. A
 * reminder is due at startsAt − beforeMs, so one due in the window (from, to] starts in (from + beforeMs, to + beforeMs].
 * The key holds the start: a consultation moved to another time is a new one, reminded for its own time.
 */
export function patientReminderJob(kind: PatientReminderKind): Job {
  const rule = PATIENT_REMINDERS[kind];
  return {
    name: `reminder.patient.${kind}`,
    // Only the moments just before the very first start: older ones would be stale or long announced.
    firstRunLookbackMs: HOUR,
    run(tx, { from, to }) {
      let queued = 0;
      for (const c of scheduledStartingIn(tx, from + rule.beforeMs, to + rule.beforeMs)) {
        if (c.accountId === null || !reminderWanted(rule, c.startsAt, c.bookedAt) || !reminderFresh(rule, c.startsAt, to)) continue;
        enqueue(
          tx,
          {
            chatId: c.accountId,
            template: PATIENT_REMINDER_TEMPLATE,
            params: { consultationId: c.id, kind, startsAt: c.startsAt },
            dedupeKey: reminderDedupeKey.patient(c.id, kind, c.startsAt),
          },
          to,
        );
        queued++;
      }
      return queued;
    },
  };
}

/** The doctor's reminder 10 minutes before, with the button into the room. */
export function doctorReminderJob(): Job {
  const rule = DOCTOR_REMINDER;
  return {
    name: 'reminder.doctor',
    firstRunLookbackMs: HOUR,
    run(tx, { from, to }) {
      let queued = 0;
      for (const c of scheduledStartingIn(tx, from + rule.beforeMs, to + rule.beforeMs)) {
        if (c.doctorTelegramId === null || !reminderWanted(rule, c.startsAt, c.bookedAt) || !reminderFresh(rule, c.startsAt, to)) continue;
        enqueue(
          tx,
          {
            chatId: c.doctorTelegramId,
            template: DOCTOR_REMINDER_TEMPLATE,
            params: { consultationId: c.id, startsAt: c.startsAt },
            dedupeKey: reminderDedupeKey.doctor(c.id, c.startsAt),
          },
          to,
        );
        queued++;
      }
      return queued;
    },
  };
}
