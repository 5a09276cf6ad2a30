import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { ConsultationView } from '../../core/scheduling/service.js';
import type { StaffMember } from '../../core/staff/repository.js';
import { zonedToUtc } from '../../core/time.js';
import { createFakeBotApi, type FakeBotApi } from './fake-bot-api.js';
import { takenApplication, WEDNESDAY_10_MSK } from './scheduling-fixtures.js';
import { createServiceHarness, manualClock, type ServiceHarness } from './service-harness.js';
import type { TestUser } from './updates.js';

/** A Moscow wall-clock time as UTC ms: doctors work in Moscow time. */
export const msk = (date: string, time: string) => zonedToUtc(date, time, 'Europe/Moscow');

/** The Bakulev center's doctor most staff tests act as, and a colleague of hers. */
export const DOCTOR: TestUser = { id: 6660001, first_name: 'Анна', language_code: 'ru' };
export const COLLEAGUE: TestUser = { id: 6660002, first_name: 'Олег', language_code: 'ru' };
/** The account of the patient whose application the doctor has taken. */
export const PATIENT_ACCOUNT = 7770001;

export interface StaffTests {
  api: FakeBotApi;
  clock: ReturnType<typeof manualClock>;
}

/**
 * The frame of a staff-bot test file: one fake Bot API for the file; before each test a fresh service graph (both bots
 * and the outbox, tests/support/service-harness.ts) on a manual clock set to `start`, handed to `seed`; after each,
 * `check` while the test's chats are still there, then the graph closed and the fake emptied.
 */
export function staffTests(opts: {
  start?: number;
  /** Gets each test's harness: keep it (`h = harness`) and add what every test of the file starts from. */
  seed: (harness: ServiceHarness, frame: StaffTests) => void | Promise<void>;
  check?: () => void;
  /** Once for the file, after the fake listens (e.g. fixture files that take a while to make). */
  prepare?: () => Promise<void>;
}): StaffTests {
  const clock = manualClock();
  const frame: StaffTests = { api: createFakeBotApi(), clock };
  let current: ServiceHarness | undefined;
  beforeAll(async () => {
    frame.api.listen();
    await opts.prepare?.();
  });
  beforeEach(async () => {
    clock.set(opts.start ?? WEDNESDAY_10_MSK);
    current = createServiceHarness(frame.api, { clock });
    await opts.seed(current, frame);
  });
  afterEach(() => {
    try {
      opts.check?.();
    } finally {
      current?.close();
      frame.api.reset();
    }
  });
  afterAll(() => frame.api.close());
  return frame;
}

/**
 * DOCTOR and COLLEAGUE at the Bakulev center, and DOCTOR's taken application of PATIENT_ACCOUNT scheduled as a video
 * consultation at `startsAt`.
 */
export function doctorWithConsultation(h: ServiceHarness, startsAt: number): { doctor: StaffMember; c: ConsultationView } {
  const doctor = h.addStaff(DOCTOR.id, 'doctor', 'bakulev', 'Петрова Анна Сергеевна');
  h.addStaff(COLLEAGUE.id, 'doctor', 'bakulev', 'Олегов Олег Олегович');
  const appId = takenApplication(h.services, h.registerPatient(PATIENT_ACCOUNT), doctor);
  return { doctor, c: h.services.scheduling.scheduleApplication(doctor, appId, startsAt, 'video') };
}
