import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../app/services.js';
import { doctorDigestJob } from '../../../core/jobs/doctor-digest.js';
import { createScheduler } from '../../../core/jobs/scheduler.js';
import { triageSlaJob } from '../../../core/jobs/triage-sla.js';
import { zonedToUtc } from '../../../core/time.js';
import { applications, outbox } from '../../../db/schema.js';
import { addDutyDoctor, bookDirectly } from '../../support/duty-fixtures.js';
import { addDoctor, addPatient, createCoreServices } from '../../support/scheduling-fixtures.js';
import { manualClock } from '../../support/service-harness.js';
import { pino } from 'pino';

const HOUR = 3_600_000;
const msk = (date: string, time: string) => zonedToUtc(date, time, 'Europe/Moscow');
const logger = pino({ level: 'silent' });

let clock: ReturnType<typeof manualClock>;
let core: { services: Services; close(): void };
beforeEach(() => {
  clock = manualClock(msk('2026-11-25', '10:00'));
  core = createCoreServices(clock);
});
afterEach(() => core.close());

const rows = (template: string) =>
  core.services.db
    .select({ chatId: outbox.chatId, key: outbox.dedupeKey, params: outbox.params })
    .from(outbox)
    .where(eq(outbox.template, template))
    .all();

describe('the morning list job', () => {
  it('after days down, only the morning still of use is sent, not every one missed', () => {
    const duty = addDutyDoctor(core.services, 6670001);
    core.services.duty.addTemplate(duty.id, { weekday: 4, from: '09:00', to: '12:00', slotMinutes: 30 });
    core.services.duty.addTemplate(duty.id, { weekday: 5, from: '09:00', to: '12:00', slotMinutes: 30 });
    const patient = addPatient(core.services, 5560001);
    for (const at of [msk('2026-11-26', '10:00'), msk('2026-11-27', '10:00')]) {
      bookDirectly(core.services, patient, duty.id, core.services.duty.schedule(duty.id, at, at + 1)[0]!.id);
    }
    const s = createScheduler({ db: core.services.db, clock, logger, jobs: [doctorDigestJob()] });
    s.tick();
    clock.set(msk('2026-11-27', '09:00'));
    s.tick();
    expect(rows('doctor_day_digest')).toEqual([
      { chatId: 6670001, key: `digest:${duty.id}:2026-11-27`, params: JSON.stringify({ date: '2026-11-27', moscowDate: '2026-11-27' }) },
    ]);
  });
});

describe('the triage SLA job', () => {
  const submit = (patientId: number, at: number, centerCode = 'bakulev') =>
    core.services.db
      .insert(applications)
      .values({ patientId, centerCode, conditionCode: 'arrhythmia', diagnosis: 'д', complaints: 'ж', status: 'submitted', submittedAt: at, updatedAt: at })
      .returning({ id: applications.id })
      .get().id;

  it('its first run reminds of applications overdue within the last week, at the level they reached', () => {
    const doctor = addDoctor(core.services, 6660001);
    addDoctor(core.services, 6660002, { centerCode: 'kulakov' });
    const patient = addPatient(core.services, 5560001);
    const threeDays = submit(patient, clock.now() - 72 * HOUR);
    const thirtyHours = submit(addPatient(core.services, 5560002), clock.now() - 30 * HOUR);
    submit(addPatient(core.services, 5560003), clock.now() - 20 * 24 * HOUR);
    submit(addPatient(core.services, 5560004), clock.now() - 2 * HOUR);
    createScheduler({ db: core.services.db, clock, logger, jobs: [triageSlaJob()] }).tick();
    expect(rows('application_sla').map((r) => r.key)).toEqual([`app:${thirtyHours}:sla:24:${doctor.id}`, `app:${threeDays}:sla:48:${doctor.id}`]);
  });
});
