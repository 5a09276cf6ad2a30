import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAuditLog } from '../../core/audit.js';
import { loadCatalog } from '../../core/catalog/index.js';
import type { Clock } from '../../core/clock.js';
import { createConclusionService, type ConclusionServiceDeps } from '../../core/conclusions/service.js';
import { openDatabase } from '../../db/client.js';
import { accounts, applications, consultations, patients, slots, staff } from '../../db/schema.js';
import { filesUnder } from './document-fixtures.js';

export const NOW = Date.UTC(2025, 2, 14, 12, 0);
const HOUR = 3_600_000;

export const PATIENT = { fullName: 'Иванова Мария Петровна', birthDate: '1970-03-05', timeZone: 'Asia/Yekaterinburg' };
export const DOCTOR = 'Петров Сергей Александрович';

/** A fresh database with one patient (with an account), two doctors of the Bakulev center and a duty doctor. */
export function createConclusionFixture(overrides: Partial<ConclusionServiceDeps> = {}) {
  const db = openDatabase(':memory:');
  const filesDir = mkdtempSync(path.join(tmpdir(), 'conclusions-test-'));
  let now = NOW;
  const clock: Clock & { set(at: number): void } = { now: () => now, set: (at) => void (now = at) };
  const catalog = loadCatalog();
  const accountId = 7_000_001;
  db.insert(accounts).values({ telegramId: accountId, locale: 'ru', consentVersion: '1', consentAt: 0 }).run();
  const patientId = db
    .insert(patients)
    .values({ accountId, relation: 'self', ...PATIENT, regionCode: 'RU-BA' })
    .returning({ id: patients.id })
    .get().id;
  const addStaff = (name: string, role: 'doctor' | 'duty_doctor', centerCode: string | null) =>
    db.insert(staff).values({ name, role, centerCode }).returning({ id: staff.id }).get().id;
  const doctorId = addStaff(DOCTOR, 'doctor', 'bakulev');
  const otherDoctorId = addStaff('Смирнова Ольга Игоревна', 'doctor', 'bakulev');
  const dutyDoctorId = addStaff('Кузнецов Павел Андреевич', 'duty_doctor', null);

  let rooms = 0;
  /** A consultation that started in the past (the first an hour ago, each next one an hour earlier) unless told otherwise. */
  function addConsultation(opts: { staffId?: number; startsAt?: number; applicationId?: number; status?: 'scheduled' | 'cancelled'; patient?: number } = {}) {
    const staffId = opts.staffId ?? doctorId;
    const startsAt = opts.startsAt ?? now - HOUR * (1 + rooms);
    const slotId = db
      .insert(slots)
      .values({ staffId, startsAt, endsAt: startsAt + HOUR / 2, kind: opts.applicationId ? 'application' : 'duty' })
      .returning({ id: slots.id })
      .get().id;
    return db
      .insert(consultations)
      .values({
        patientId: opts.patient ?? patientId,
        staffId,
        slotId,
        applicationId: opts.applicationId ?? null,
        mode: 'video',
        status: opts.status ?? 'scheduled',
        room: `room-${++rooms}`,
        updatedAt: now,
      })
      .returning({ id: consultations.id })
      .get().id;
  }

  function addApplication(): number {
    return db
      .insert(applications)
      .values({
        patientId,
        centerCode: 'bakulev',
        conditionCode: catalog.centers[0]!.conditions[0]!.code,
        diagnosis: 'I10',
        complaints: 'Одышка',
        status: 'scheduled',
        assignedStaffId: doctorId,
        submittedAt: now - 10 * 24 * HOUR,
        updatedAt: now - HOUR,
      })
      .returning({ id: applications.id })
      .get().id;
  }

  const service = createConclusionService({ db, filesDir, clock, audit: createAuditLog(db, clock), catalog, ...overrides });
  return {
    db,
    service,
    catalog,
    clock,
    filesDir,
    accountId,
    patientId,
    doctorId,
    otherDoctorId,
    dutyDoctorId,
    addConsultation,
    addApplication,
    /** Files under the storage root, temp files included. */
    files: () => filesUnder(filesDir),
    close() {
      db.$client.close();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

export type ConclusionFixture = ReturnType<typeof createConclusionFixture>;
