import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../app/services.js';
import { CONSENT_VERSION } from '../../../core/accounts/consent.js';
import { DomainError } from '../../../core/errors.js';
import type { StaffMember, StaffRole } from '../../../core/staff/repository.js';
import { openDatabase } from '../../../db/client.js';
import { auditLog } from '../../../db/schema.js';
import { pdfWithPages } from '../../support/document-fixtures.js';
import { manualClock } from '../../support/service-harness.js';

const clock = manualClock();
let services: Services;
let dir: string;
let close: () => void;

beforeEach(() => {
  clock.set(Date.UTC(2026, 10, 25, 7, 0));
  dir = mkdtempSync(path.join(tmpdir(), 'oz-triage-'));
  const db = openDatabase(path.join(dir, 'db.sqlite'));
  services = createServices({
    config: { patientBotToken: '7001234567:AAF-patient-bot-token-for-tests', telegramApiRoot: 'http://telegram.test', filesDir: path.join(dir, 'files') },
    db,
    clock,
    logger: pino({ level: 'silent' }),
  });
  close = () => db.$client.close();
});
afterEach(() => {
  close();
  rmSync(dir, { recursive: true, force: true });
});

function failure(fn: () => unknown): { code: string; details: Record<string, string | number> } {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return { code: err.code, details: err.details };
    throw err;
  }
  throw new Error('expected a DomainError');
}

let nextTelegramId = 6_000_001;
function addStaff(role: StaffRole, centerCode: string | null, name = `Доктор ${nextTelegramId}`): StaffMember {
  const { payload } = services.staffInvites.create({ name, role, centerCode });
  return services.staffInvites.accept(payload, nextTelegramId++);
}

function addPatient(accountId: number): number {
  services.accounts.upsertConsent(accountId, 'ru', CONSENT_VERSION, clock.now());
  return services.patients.create(accountId, {
    relation: 'self',
    fullName: 'Иванова Мария Петровна',
    birthDate: '1961-03-05',
    phone: '+79123456789',
    phoneVerified: true,
    regionCode: 'RU-MOW',
    timeZone: 'Europe/Moscow',
  }).id;
}

/** Uploads one PDF per kind; page counts make the files differ, so none is a duplicate of another. */
let pages = 1;
async function upload(patientId: number, accountId: number, ...kinds: string[]) {
  for (const kind of kinds) {
    await services.documents.ingest({ patientId, kind, bytes: await pdfWithPages(pages++), actorAccountId: accountId });
  }
}

const BAKULEV_REQUIRED = ['discharge_summary', 'ecg', 'echo'];

async function submitted(accountId = 7_000_001, overrides: { centerCode?: string; conditionCode?: string } = {}) {
  const patientId = addPatient(accountId);
  await upload(patientId, accountId, ...BAKULEV_REQUIRED);
  const app = services.applications.submit({
    patientId,
    centerCode: 'bakulev',
    conditionCode: 'congenital_heart_defect',
    diagnosis: 'Дефект межпредсердной перегородки',
    complaints: 'Одышка при нагрузке',
    actorAccountId: accountId,
    ...overrides,
  });
  return { patientId, accountId, app };
}

const audits = (action: string) =>
  services.db
    .select()
    .from(auditLog)
    .all()
    .filter((a) => a.action === action)
    .map((a) => ({ actorType: a.actorType, actorId: a.actorId, patientId: a.patientId, details: JSON.parse(a.details ?? '{}') as Record<string, unknown> }));

describe('triage: who may act on an application', () => {
  it('a doctor of another center, a duty doctor or a manager is refused as if it did not exist, and nothing is recorded', async () => {
    const { app } = await submitted();
    for (const member of [addStaff('doctor', 'kulakov'), addStaff('duty_doctor', 'bakulev'), addStaff('manager', 'bakulev')]) {
      expect(failure(() => services.triage.open(member, app.id)).code).toBe('application_not_found');
      expect(failure(() => services.triage.decline(member, app.id, 'Не профиль')).code).toBe('application_not_found');
      expect(failure(() => services.triage.documents(member, app.id)).code).toBe('application_not_found');
    }
    expect(services.applicationRepository.byId(app.id)).toMatchObject({ status: 'submitted', assignedStaffId: null });
    expect(audits('application.taken')).toEqual([]);
  });

  it('a free application becomes the deciding doctor’s; a colleague is then told who has it; an admin still opens it', async () => {
    const a = addStaff('doctor', 'bakulev', 'Петрова Анна Сергеевна');
    const b = addStaff('doctor', 'bakulev');
    const admin = addStaff('admin', null);
    const { app, patientId } = await submitted();
    expect(services.triage.requestable(b, app.id).id).toBe(app.id);
    services.triage.requestDocuments(a, app.id, ['ct'], '');
    expect(services.applicationRepository.byId(app.id)).toMatchObject({ status: 'needs_documents', assignedStaffId: a.id });
    expect(failure(() => services.triage.open(b, app.id))).toEqual({ code: 'application_taken', details: { takenBy: 'Петрова Анна Сергеевна' } });
    expect(failure(() => services.triage.declinable(b, app.id)).code).toBe('application_taken');
    // Asking again is for documents the patient has not yet sent: not while waiting for them.
    expect(failure(() => services.triage.requestable(a, app.id))).toEqual({ code: 'application_wrong_status', details: { status: 'needs_documents' } });
    expect(services.triage.open(admin, app.id).id).toBe(app.id);
    expect(audits('application.taken')).toEqual([{ actorType: 'staff', actorId: a.id, patientId, details: { applicationId: app.id } }]);
    expect(audits('application.documents_requested')).toEqual([{ actorType: 'staff', actorId: a.id, patientId, details: { applicationId: app.id, kinds: 'ct' } }]);
  });

  it('documents: each one read for a doctor is recorded; a withdrawn application’s stay closed but to an admin', async () => {
    const doctor = addStaff('doctor', 'bakulev');
    const admin = addStaff('admin', null);
    const { app, patientId, accountId } = await submitted();
    services.applications.take(doctor, app.id);
    const { documents } = services.triage.documents(doctor, app.id);
    expect(documents.map((d) => d.kind)).toEqual(BAKULEV_REQUIRED);
    expect((await services.triage.readDocument(doctor, app.id, documents[0]!.id)).subarray(0, 4).toString()).toBe('%PDF');
    expect(audits('document.viewed')).toEqual([{ actorType: 'staff', actorId: doctor.id, patientId, details: { applicationId: app.id, documentId: documents[0]!.id } }]);
    services.applications.withdraw(accountId, app.id);
    expect(failure(() => services.triage.documents(doctor, app.id)).code).toBe('application_closed');
    await expect(services.triage.readDocument(doctor, app.id, documents[1]!.id)).rejects.toMatchObject({ code: 'application_closed' });
    expect(services.triage.documents(admin, app.id).documents).toHaveLength(3);
    expect(audits('document.viewed')).toHaveLength(1);
  });
});
