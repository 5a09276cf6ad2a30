import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../app/services.js';
import { CONSULTATION_MINUTES, MIN_NOTICE_MINUTES } from '../../../core/scheduling/service.js';
import { addDays, zonedParts, zonedToUtc } from '../../../core/time.js';
import { consultations, outbox, slots } from '../../../db/schema.js';
import { codeOf } from '../../support/domain-error.js';
import { manualClock } from '../../support/service-harness.js';
import { addDoctor, addPatient, createCoreServices, takenApplication, WEDNESDAY_10_MSK } from '../../support/scheduling-fixtures.js';

const clock = manualClock(WEDNESDAY_10_MSK);
let services: Services;
let close: () => void;

beforeEach(() => {
  clock.set(WEDNESDAY_10_MSK);
  ({ services, close } = createCoreServices(clock));
});
afterEach(() => close());

const msk = (date: string, time: string) => zonedToUtc(date, time, 'Europe/Moscow');
const hm = (times: number[], timeZone = 'Europe/Moscow') => times.map((t) => zonedParts(t, timeZone).time);

function setup() {
  const doctor = addDoctor(services, 5001);
  const patientId = addPatient(services, 9001);
  return { doctor, patientId, appId: takenApplication(services, patientId, doctor) };
}

describe('scheduling: free times', () => {
  it('today starts after the notice period; tomorrow is the whole working day', () => {
    const { doctor } = setup();
    const today = hm(services.scheduling.freeTimes(doctor, '2026-11-25'));
    // 10:00 now, 30 minutes' notice: 10:30 is the first time that can still be offered.
    expect(MIN_NOTICE_MINUTES).toBe(30);
    expect(today[0]).toBe('10:30');
    expect(today).not.toContain('10:00');
    expect(today.at(-1)).toBe('17:30');
    const tomorrow = hm(services.scheduling.freeTimes(doctor, '2026-11-26'));
    expect(tomorrow).toHaveLength(18);
    expect([tomorrow[0], tomorrow.at(-1)]).toEqual(['09:00', '17:30']);
  });

  it('excludes the times the doctor is busy, including those a typed off-grid time overlaps', () => {
    const { doctor, patientId } = setup();
    const second = takenApplication(services, patientId, doctor, { conditionCode: 'cardiomyopathy' });
    services.scheduling.scheduleApplication(doctor, setup2(doctor), msk('2026-11-26', '12:00'), 'video');
    services.scheduling.scheduleApplication(doctor, second, msk('2026-11-26', '14:15'), 'audio');
    const times = hm(services.scheduling.freeTimes(doctor, '2026-11-26'));
    expect(times).not.toContain('12:00');
    // 14:15–14:45 overlaps both 14:00–14:30 and 14:30–15:00.
    expect(times).not.toContain('14:00');
    expect(times).not.toContain('14:30');
    expect(times).toContain('11:30');
    expect(times).toContain('12:30');
    expect(times).toContain('15:00');
    expect(times).toHaveLength(18 - 3);
    // Another doctor's day is untouched.
    const other = addDoctor(services, 5002);
    expect(services.scheduling.freeTimes(other, '2026-11-26')).toHaveLength(18);
  });

  it("respects the doctor's own zone: the working day and the days offered are theirs", () => {
    const ekb = addDoctor(services, 5003, { timeZone: 'Asia/Yekaterinburg' });
    const times = services.scheduling.freeTimes(ekb, '2026-11-26');
    expect(times[0]).toBe(Date.UTC(2026, 10, 26, 4, 0)); // 09:00 in Yekaterinburg is 04:00 UTC, 07:00 in Moscow
    expect(hm(times, 'Asia/Yekaterinburg').at(-1)).toBe('17:30');
    // 22:30 in Moscow on the 25th is already 06:30 on the 26th in Vladivostok.
    clock.set(Date.UTC(2026, 10, 25, 19, 30));
    const vvo = addDoctor(services, 5004, { timeZone: 'Asia/Vladivostok' });
    const moscow = addDoctor(services, 5005);
    expect(services.scheduling.scheduleDays(vvo)[0]).toBe('2026-11-26');
    expect(services.scheduling.scheduleDays(moscow)[0]).toBe('2026-11-25');
    expect(services.scheduling.scheduleDays(moscow)).toHaveLength(14);
    expect(services.scheduling.scheduleDays(moscow).at(-1)).toBe(addDays('2026-11-25', 13));
    // Nothing is left of the Moscow doctor's day at 22:30, and Vladivostok's day starts at 09:00 their time.
    expect(services.scheduling.freeTimes(moscow, '2026-11-25')).toEqual([]);
    expect(hm(services.scheduling.freeTimes(vvo, '2026-11-26'), 'Asia/Vladivostok')[0]).toBe('09:00');
  });
});

/** A second taken application of a new patient of the same doctor. */
function setup2(doctor: ReturnType<typeof addDoctor>, accountId = 9002) {
  const patientId = addPatient(services, accountId, { fullName: 'Петров Пётр Петрович' });
  return takenApplication(services, patientId, doctor);
}

describe('scheduling: booking an application', () => {
  it('creates the consultation with its room, moves the application and queues the patient notification in one go', () => {
    const { doctor, appId } = setup();
    const c = services.scheduling.scheduleApplication(doctor, appId, msk('2026-11-26', '11:00'), 'video');
    expect(c).toMatchObject({ staffId: doctor.id, applicationId: appId, status: 'scheduled', mode: 'video', accountId: 9001 });
    expect(c.endsAt - c.startsAt).toBe(CONSULTATION_MINUTES * 60_000);
    expect(c.room).toMatch(/^oz-[a-z0-9]{26,64}$/);
    expect(services.applicationRepository.byId(appId)!.status).toBe('scheduled');
    const queued = services.db.select().from(outbox).where(eq(outbox.template, 'consultation_scheduled')).all();
    expect(queued).toEqual([expect.objectContaining({ bot: 'patient', chatId: 9001, params: JSON.stringify({ consultationId: c.id }) })]);
  });

  it('an overlapping time of the same doctor is refused; another doctor may take the same time', () => {
    const { doctor, appId } = setup();
    services.scheduling.scheduleApplication(doctor, appId, msk('2026-11-26', '12:00'), 'video');
    const second = setup2(doctor);
    expect(codeOf(() => services.scheduling.scheduleApplication(doctor, second, msk('2026-11-26', '12:00'), 'video'))).toBe('time_taken');
    expect(codeOf(() => services.scheduling.scheduleApplication(doctor, second, msk('2026-11-26', '12:15'), 'audio'))).toBe('time_taken');
    expect(codeOf(() => services.scheduling.scheduleApplication(doctor, second, msk('2026-11-26', '11:45'), 'audio'))).toBe('time_taken');
    expect(services.applicationRepository.byId(second)!.status).toBe('in_review');
    // Back to back is fine.
    expect(services.scheduling.scheduleApplication(doctor, second, msk('2026-11-26', '12:30'), 'video').status).toBe('scheduled');
    const colleague = addDoctor(services, 5002);
    const theirs = takenApplication(services, addPatient(services, 9003, { fullName: 'Сидорова Анна Ивановна' }), colleague);
    expect(services.scheduling.scheduleApplication(colleague, theirs, msk('2026-11-26', '12:00'), 'video').status).toBe('scheduled');
  });

  it('refuses a time in the past or too soon, and one beyond the scheduling horizon', () => {
    const { doctor, appId } = setup();
    expect(codeOf(() => services.scheduling.scheduleApplication(doctor, appId, msk('2026-11-25', '09:00'), 'video'))).toBe('time_in_past');
    expect(codeOf(() => services.scheduling.scheduleApplication(doctor, appId, msk('2026-11-25', '10:15'), 'video'))).toBe('time_in_past');
    expect(codeOf(() => services.scheduling.scheduleApplication(doctor, appId, msk('2026-12-10', '10:00'), 'video'))).toBe('time_too_far');
    expect(services.db.select().from(consultations).all()).toEqual([]);
  });

  it("refuses another doctor's application and one that is not waiting to be scheduled", () => {
    const { doctor, appId } = setup();
    const colleague = addDoctor(services, 5002);
    const stranger = addDoctor(services, 5006, { centerCode: 'kulakov' });
    expect(codeOf(() => services.scheduling.scheduleApplication(colleague, appId, msk('2026-11-26', '11:00'), 'video'))).toBe('application_not_yours');
    expect(codeOf(() => services.scheduling.scheduleApplication(stranger, appId, msk('2026-11-26', '11:00'), 'video'))).toBe('application_not_found');
    services.scheduling.scheduleApplication(doctor, appId, msk('2026-11-26', '11:00'), 'video');
    expect(codeOf(() => services.scheduling.scheduleApplication(doctor, appId, msk('2026-11-27', '11:00'), 'video'))).toBe('application_wrong_status');
  });
});

describe('scheduling: one active consultation per slot (the partial unique index)', () => {
  it('the database itself refuses a second scheduled consultation on a slot', () => {
    const { doctor, appId, patientId } = setup();
    const c = services.scheduling.scheduleApplication(doctor, appId, msk('2026-11-26', '11:00'), 'video');
    const slotId = services.db.select({ slotId: consultations.slotId }).from(consultations).where(eq(consultations.id, c.id)).get()!.slotId;
    const insert = (room: string, status: 'scheduled' | 'cancelled') =>
      services.db.insert(consultations).values({ patientId, staffId: doctor.id, slotId, mode: 'video', status, room, updatedAt: clock.now() }).run();
    expect(() => insert('oz-second-on-the-same-slot-aaaaaaaaaaaa', 'scheduled')).toThrow(/UNIQUE constraint failed: consultations.slot_id/);
    expect(() => insert('oz-a-cancelled-one-is-fine-aaaaaaaaaaaa', 'cancelled')).not.toThrow();
  });

  it('a consultation the patient cancelled frees its slot for a new booking at the same time', () => {
    const { doctor, appId } = setup();
    const at = msk('2026-11-26', '11:00');
    const first = services.scheduling.scheduleApplication(doctor, appId, at, 'video');
    expect(hm(services.scheduling.freeTimes(doctor, '2026-11-26'))).not.toContain('11:00');
    services.scheduling.cancelByPatient(9001, first.id);
    expect(hm(services.scheduling.freeTimes(doctor, '2026-11-26'))).toContain('11:00');
    // The doctor is told, through the staff bot.
    expect(services.db.select().from(outbox).where(eq(outbox.template, 'consultation_cancelled_by_patient')).all()).toEqual([
      expect.objectContaining({ bot: 'staff', chatId: 5001, params: JSON.stringify({ consultationId: first.id }) }),
    ]);
    const second = services.scheduling.scheduleApplication(doctor, setup2(doctor), at, 'audio');
    expect(second.startsAt).toBe(at);
    const rows = services.db
      .select({ id: consultations.id, status: consultations.status, slotId: consultations.slotId })
      .from(consultations)
      .innerJoin(slots, eq(slots.id, consultations.slotId))
      .where(and(eq(slots.staffId, doctor.id), eq(slots.startsAt, at)))
      .all();
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.slotId)).size).toBe(1);
    expect(rows.map((r) => r.status).sort()).toEqual(['cancelled', 'scheduled']);
    // The first application is back with its doctor and can be booked again, at another time.
    expect(services.applicationRepository.byId(appId)!.status).toBe('in_review');
    expect(services.scheduling.scheduleApplication(doctor, appId, msk('2026-11-26', '15:00'), 'video').status).toBe('scheduled');
  });
});

describe('scheduling: no-show', () => {
  it('is refused before the start and recorded after it; the application returns to the doctor', () => {
    const { doctor, appId } = setup();
    const c = services.scheduling.scheduleApplication(doctor, appId, msk('2026-11-25', '11:00'), 'video');
    expect(codeOf(() => services.scheduling.markNoShow(doctor, c.id))).toBe('consultation_not_started');
    clock.set(msk('2026-11-25', '11:10'));
    const colleague = addDoctor(services, 5002);
    expect(codeOf(() => services.scheduling.markNoShow(colleague, c.id))).toBe('consultation_not_found');
    expect(services.scheduling.markNoShow(doctor, c.id).status).toBe('no_show');
    expect(services.applicationRepository.byId(appId)!.status).toBe('in_review');
    expect(codeOf(() => services.scheduling.markNoShow(doctor, c.id))).toBe('consultation_not_open');
  });
});
