import { eq } from 'drizzle-orm';
import type { Services } from '../../../app/services.js';
import { zonedToUtc } from '../../../core/time.js';
import { applications, callAttendance, consultations, patients, referrals, slots } from '../../../db/schema.js';
import { addDutyDoctor } from '../../support/duty-fixtures.js';
import { addDoctor, addPatient } from '../../support/scheduling-fixtures.js';

/** A Moscow wall-clock moment: '2026-11-02 10:00'. */
export const msk = (at: string) => zonedToUtc(at.slice(0, 10), at.slice(11, 16), 'Europe/Moscow');

const HOUR = 3_600_000;
let rooms = 0;

type Status = (typeof applications.$inferInsert)['status'];
type ConsultationStatus = (typeof consultations.$inferInsert)['status'];

/**
 * Known activity across both centers and all three paths, for November 2026 in Moscow. What each figure must be is
 * written beside it in tests/core/reports/report.test.ts.
 */
export function seedNovember(services: Services) {
  const { db } = services;
  const bakulevDoctor = addDoctor(services, 8100001, { centerCode: 'bakulev' });
  const kulakovDoctor = addDoctor(services, 8100002, { centerCode: 'kulakov' });
  const cardioDuty = addDutyDoctor(services, 8100003, 'cardiology');
  const gynDuty = addDutyDoctor(services, 8100004, 'gynecology');
  const patient = addPatient(services, 9100001);
  const other = addPatient(services, 9100002, { fullName: 'Петрова Анна Ивановна' });
  const gone = addPatient(services, 9100003, { fullName: 'Сидорова Ольга Павловна' });
  db.update(patients).set({ deletedAt: msk('2026-11-28 10:00') }).where(eq(patients.id, gone)).run();

  const application = (a: { patientId?: number; center: string; path?: 'own' | 'referral'; status: Status; submitted: string; taken?: string; scheduledAfterHours?: number; closed?: string }) => {
    const submittedAt = msk(a.submitted);
    return db
      .insert(applications)
      .values({
        patientId: a.patientId ?? patient,
        centerCode: a.center,
        conditionCode: a.center === 'bakulev' ? 'arrhythmia' : 'fetal_arrhythmia',
        diagnosis: 'Диагноз',
        complaints: 'Жалобы',
        path: a.path ?? 'own',
        status: a.status,
        assignedStaffId: a.taken ? (a.center === 'bakulev' ? bakulevDoctor.id : kulakovDoctor.id) : null,
        submittedAt,
        takenAt: a.taken ? msk(a.taken) : null,
        scheduledAt: a.scheduledAfterHours === undefined ? null : submittedAt + a.scheduledAfterHours * HOUR,
        closedAt: a.closed ? msk(a.closed) : null,
        updatedAt: submittedAt,
      })
      .returning({ id: applications.id })
      .get().id;
  };
  /** `call`: minutes after the appointment when each side joined and left the room page (a side absent never came). */
  type Call = { doctor?: [number, number]; patient?: [number, number] };
  const consultation = (c: { staffId: number; at: string; status: ConsultationStatus; applicationId?: number; booked?: string; patientId?: number; call?: Call }) => {
    const startsAt = msk(c.at);
    const slotId = db
      .insert(slots)
      .values({ staffId: c.staffId, startsAt, endsAt: startsAt + HOUR / 2, kind: c.applicationId ? 'application' : 'duty' })
      .returning({ id: slots.id })
      .get().id;
    const createdAt = msk(c.booked ?? c.at) - (c.booked ? 0 : 24 * HOUR);
    const consultationId = db
      .insert(consultations)
      .values({
        patientId: c.patientId ?? patient,
        staffId: c.staffId,
        slotId,
        applicationId: c.applicationId ?? null,
        mode: 'video',
        status: c.status,
        room: `report-room-${++rooms}`,
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: consultations.id })
      .get().id;
    const at = (minutes: number | undefined) => (minutes === undefined ? null : startsAt + minutes * 60_000);
    if (c.call) {
      const { doctor, patient: side } = c.call;
      db.insert(callAttendance)
        .values({ consultationId, doctorJoinedAt: at(doctor?.[0]), doctorLeftAt: at(doctor?.[1]), patientJoinedAt: at(side?.[0]), patientLeftAt: at(side?.[1]) })
        .run();
    }
  };

  // Bakulev, own path.
  const a1 = application({ center: 'bakulev', status: 'scheduled', submitted: '2026-11-02 10:00', taken: '2026-11-02 12:00', scheduledAfterHours: 24 });
  consultation({ staffId: bakulevDoctor.id, at: '2026-12-03 10:00', status: 'scheduled', applicationId: a1 });
  const a2 = application({ center: 'bakulev', status: 'completed', submitted: '2026-11-05 09:00', taken: '2026-11-05 11:00', scheduledAfterHours: 30, closed: '2026-11-10 11:00' });
  consultation({ staffId: bakulevDoctor.id, at: '2026-11-10 10:00', status: 'completed', applicationId: a2 });
  const a3 = application({ center: 'bakulev', status: 'in_review', submitted: '2026-11-10 08:00', taken: '2026-11-11 08:00', scheduledAfterHours: 36 });
  consultation({ staffId: bakulevDoctor.id, at: '2026-11-20 10:00', status: 'no_show', applicationId: a3 });
  application({ center: 'bakulev', status: 'declined', submitted: '2026-11-20 10:00', taken: '2026-11-21 10:00', closed: '2026-11-22 10:00' });
  // Submitted before the period; taken at its very first moment, scheduled inside it.
  application({ center: 'bakulev', status: 'scheduled', submitted: '2026-10-30 10:00', taken: '2026-11-01 00:00', scheduledAfterHours: 48 });
  // The last minute of the period is in it; the first minute after it is not.
  application({ patientId: other, center: 'bakulev', status: 'submitted', submitted: '2026-11-30 23:59' });
  application({ patientId: other, center: 'bakulev', status: 'submitted', submitted: '2026-12-01 00:00' });
  application({ center: 'bakulev', status: 'needs_documents', submitted: '2026-11-24 10:00', taken: '2026-11-25 10:00' });
  // A patient who deleted their profile: none of it counts.
  const goneApp = application({ patientId: gone, center: 'bakulev', status: 'scheduled', submitted: '2026-11-03 10:00', taken: '2026-11-03 11:00', scheduledAfterHours: 5 });
  consultation({ staffId: bakulevDoctor.id, at: '2026-11-12 10:00', status: 'no_show', applicationId: goneApp, patientId: gone });

  // Kulakov, referral path: three scheduled, 10 h, 20 h and 30 h after submission; one consultation held.
  const r1 = application({ center: 'kulakov', path: 'referral', status: 'completed', submitted: '2026-11-03 10:00', taken: '2026-11-03 12:00', scheduledAfterHours: 10, closed: '2026-11-15 11:00' });
  consultation({ staffId: kulakovDoctor.id, at: '2026-11-15 10:00', status: 'completed', applicationId: r1 });
  application({ patientId: other, center: 'kulakov', path: 'referral', status: 'scheduled', submitted: '2026-11-04 10:00', taken: '2026-11-04 11:00', scheduledAfterHours: 20 });
  application({ center: 'kulakov', path: 'referral', status: 'scheduled', submitted: '2026-11-06 10:00', taken: '2026-11-06 11:00', scheduledAfterHours: 30 });

  // Duty: a cardiology duty doctor counts for Bakulev, a gynecology one for Kulakov.
  // Calls: 18 and 25 minutes with both sides in them; the no-show's doctor waited alone, which is no call.
  consultation({ staffId: cardioDuty.id, at: '2026-11-06 10:00', booked: '2026-11-05 10:00', status: 'completed', call: { doctor: [0, 21], patient: [2, 20] } });
  consultation({ staffId: cardioDuty.id, at: '2026-11-08 10:00', booked: '2026-11-07 10:00', status: 'no_show', call: { doctor: [0, 15] } });
  consultation({ staffId: cardioDuty.id, at: '2026-11-02 10:00', booked: '2026-10-28 10:00', status: 'completed', call: { doctor: [0, 30], patient: [5, 35] } });
  consultation({ staffId: cardioDuty.id, at: '2026-12-02 10:00', booked: '2026-11-29 10:00', status: 'scheduled' });
  consultation({ staffId: cardioDuty.id, at: '2026-11-11 10:00', booked: '2026-11-10 10:00', status: 'cancelled' });
  consultation({ staffId: gynDuty.id, at: '2026-11-13 10:00', booked: '2026-11-12 10:00', status: 'completed' });
  consultation({ staffId: gynDuty.id, at: '2026-11-14 10:00', booked: '2026-11-12 11:00', status: 'no_show', patientId: gone });

  // Referrals.
  let n = 0;
  const referral = (r: { center: string; created: string; state?: 'queued' | 'sent' | 'failed'; sent?: string; linked?: string }) => {
    n++;
    db.insert(referrals)
      .values({
        personKey: `person-${n}`,
        fullName: `Пациент ${n}`,
        birthDate: '1970-01-01',
        phone: `+7912000000${n}`,
        centerCode: r.center,
        conditionCode: r.center === 'bakulev' ? 'arrhythmia' : 'fetal_arrhythmia',
        inviteCode: `invite-${n}`,
        inviteState: r.state ?? 'queued',
        inviteSentAt: r.sent ? msk(r.sent) : null,
        linkedAt: r.linked ? msk(r.linked) : null,
        createdAt: msk(r.created),
      })
      .run();
  };
  referral({ center: 'kulakov', created: '2026-11-02 10:00', state: 'sent', sent: '2026-11-02 10:01', linked: '2026-11-03 09:00' });
  referral({ center: 'kulakov', created: '2026-11-02 10:00', state: 'failed' });
  referral({ center: 'kulakov', created: '2026-10-20 10:00', state: 'sent', sent: '2026-10-20 10:01', linked: '2026-11-05 09:00' });
  referral({ center: 'kulakov', created: '2026-11-29 10:00' });
  referral({ center: 'bakulev', created: '2026-11-10 10:00', state: 'sent', sent: '2026-11-10 10:01' });

  return { bakulevDoctor, kulakovDoctor };
}
