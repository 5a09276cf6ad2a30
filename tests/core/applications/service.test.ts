import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../app/services.js';
import { CONSENT_VERSION } from '../../../core/accounts/consent.js';
import { DomainError } from '../../../core/errors.js';
import type { StaffMember, StaffRole } from '../../../core/staff/repository.js';
import { openDatabase } from '../../../db/client.js';
import { applications, outbox } from '../../../db/schema.js';
import { pdfWithPages } from '../../support/document-fixtures.js';
import { manualClock } from '../../support/service-harness.js';

const clock = manualClock();
let services: Services;
let dir: string;
let close: () => void;

beforeEach(() => {
  clock.set(Date.UTC(2026, 10, 25, 7, 0));
  dir = mkdtempSync(path.join(tmpdir(), 'oz-apps-'));
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

const outboxRows = (template: string) =>
  services.db
    .select()
    .from(outbox)
    .where(eq(outbox.template, template))
    .all()
    .map((r) => ({ bot: r.bot, chatId: r.chatId, params: JSON.parse(r.params) as Record<string, unknown> }));

describe('applications: submit', () => {
  it('is refused while a required document is missing, naming the kinds', async () => {
    const accountId = 7_000_001;
    const patientId = addPatient(accountId);
    await upload(patientId, accountId, 'ecg', 'ct');
    const submit = (centerCode: string, conditionCode: string) => () =>
      services.applications.submit({ patientId, centerCode, conditionCode, diagnosis: 'Диагноз', complaints: 'Жалобы', actorAccountId: accountId });
    expect(failure(submit('bakulev', 'arrhythmia'))).toEqual({ code: 'documents_missing', details: { kinds: 'discharge_summary,echo' } });
  });

  it("kulakov's pregnancy conditions ask for the exchange card and fetal ultrasound; gynecological ones for the pelvic ultrasound", async () => {
    const accountId = 7_000_001;
    const patientId = addPatient(accountId);
    await upload(patientId, accountId, 'discharge_summary');
    const missing = (conditionCode: string) =>
      failure(() =>
        services.applications.submit({ patientId, centerCode: 'kulakov', conditionCode, diagnosis: 'Диагноз', complaints: 'Жалобы', actorAccountId: accountId }),
      ).details.kinds;
    expect(missing('fetal_malformation')).toBe('exchange_card,fetal_ultrasound');
    expect(missing('fetal_arrhythmia')).toBe('exchange_card,fetal_ultrasound');
    expect(missing('cancer_in_pregnancy')).toBe('exchange_card,fetal_ultrasound');
    expect(missing('gynecologic_cancer')).toBe('pelvic_ultrasound');
    expect(missing('uterine_vaginal_malformation')).toBe('pelvic_ultrasound');
    // Breast pathology asks for neither: the discharge summary is enough.
    const app = services.applications.submit({
      patientId,
      centerCode: 'kulakov',
      conditionCode: 'breast_pathology',
      diagnosis: 'Фиброаденома',
      complaints: 'Уплотнение',
      actorAccountId: accountId,
    });
    expect(app.status).toBe('submitted');
  });

  it('checks the diagnosis and complaints: empty, and over 500 / 1000 characters', async () => {
    const accountId = 7_000_001;
    const patientId = addPatient(accountId);
    await upload(patientId, accountId, ...BAKULEV_REQUIRED);
    const submit = (diagnosis: string, complaints: string) => () =>
      services.applications.submit({ patientId, centerCode: 'bakulev', conditionCode: 'cardiomyopathy', diagnosis, complaints, actorAccountId: accountId });
    expect(failure(submit('   ', 'Жалобы')).code).toBe('diagnosis_empty');
    expect(failure(submit('д'.repeat(501), 'Жалобы'))).toEqual({ code: 'diagnosis_too_long', details: { max: 500, length: 501 } });
    expect(failure(submit('Диагноз', '')).code).toBe('complaints_empty');
    expect(failure(submit('Диагноз', 'ж'.repeat(1001)))).toEqual({ code: 'complaints_too_long', details: { max: 1000, length: 1001 } });
    expect(services.db.select().from(applications).all()).toEqual([]);
    expect(submit('д'.repeat(500), 'ж'.repeat(1000))().status).toBe('submitted');
  });

  it('refuses a second open application to the same center; another center, or after a decline, is fine', async () => {
    const doctor = addStaff('doctor', 'bakulev');
    const { patientId, accountId, app } = await submitted();
    await upload(patientId, accountId, 'fetal_ultrasound', 'exchange_card');
    const again = (centerCode: string, conditionCode: string) => () =>
      services.applications.submit({ patientId, centerCode, conditionCode, diagnosis: 'Диагноз', complaints: 'Жалобы', actorAccountId: accountId });
    expect(failure(again('bakulev', 'arrhythmia')).code).toBe('application_open_exists');
    expect(again('kulakov', 'fetal_arrhythmia')().centerCode).toBe('kulakov');
    services.applications.take(doctor, app.id);
    services.applications.decline(doctor, app.id, 'Не профиль центра');
    expect(again('bakulev', 'arrhythmia')().status).toBe('submitted');
  });

  it("notifies the center's reachable doctors only", async () => {
    const a = addStaff('doctor', 'bakulev');
    const b = addStaff('doctor', 'bakulev');
    addStaff('doctor', 'kulakov');
    addStaff('duty_doctor', 'bakulev');
    const { app } = await submitted();
    expect(outboxRows('application_new').map((r) => r.chatId).sort()).toEqual([a.telegramId, b.telegramId].sort());
    expect(outboxRows('application_new').every((r) => r.params.applicationId === app.id)).toBe(true);
  });
});

describe('applications: triage', () => {
  it('take twice: the second doctor is told who has it; the first is the holder, the patient hears once', async () => {
    const a = addStaff('doctor', 'bakulev', 'Петрова Анна Сергеевна');
    const b = addStaff('doctor', 'bakulev', 'Смирнов Олег');
    const { app } = await submitted();
    services.applicationRepository.recordNotice(app.id, a.id, a.telegramId!, 11);
    services.applicationRepository.recordNotice(app.id, b.id, b.telegramId!, 22);
    const first = services.applications.take(a, app.id);
    expect(first).toMatchObject({ ok: true, application: { status: 'in_review', assignedStaffId: a.id } });
    expect(services.applications.take(b, app.id)).toEqual({ ok: false, takenBy: 'Петрова Анна Сергеевна' });
    expect(services.applications.take(a, app.id)).toEqual({ ok: false, takenBy: 'Петрова Анна Сергеевна' });
    expect(services.applicationRepository.byId(app.id)).toMatchObject({ assignedStaffId: a.id, status: 'in_review' });
    // Only B's notice is edited; the patient is told once that the application is being reviewed.
    expect(outboxRows('application_taken')).toEqual([
      { bot: 'staff', chatId: b.telegramId, params: { applicationId: app.id, messageId: 22, takenBy: 'Петрова Анна Сергеевна' } },
    ]);
    expect(outboxRows('application_in_review')).toEqual([{ bot: 'patient', chatId: 7_000_001, params: { applicationId: app.id, center: 'bakulev' } }]);
  });

  it("a doctor of another center, a duty doctor or a manager gets application_not_found for every step", async () => {
    const { app } = await submitted();
    const outsiders = [addStaff('doctor', 'kulakov'), addStaff('duty_doctor', 'bakulev'), addStaff('manager', 'bakulev')];
    for (const member of outsiders) {
      expect(failure(() => services.applications.forDoctor(member, app.id)).code).toBe('application_not_found');
      expect(failure(() => services.applications.take(member, app.id)).code).toBe('application_not_found');
      expect(failure(() => services.applications.requestDocuments(member, app.id, ['ecg'], '')).code).toBe('application_not_found');
      expect(failure(() => services.applications.decline(member, app.id, 'Причина')).code).toBe('application_not_found');
      expect(services.applications.queue(member)).toEqual([]);
    }
    // Not found either for an id that does not exist: nothing tells the two apart.
    expect(failure(() => services.applications.forDoctor(outsiders[0]!, app.id + 100)).code).toBe('application_not_found');
    expect(services.applicationRepository.byId(app.id)).toMatchObject({ status: 'submitted', assignedStaffId: null });
  });

  it("only the holder requests documents or declines; a colleague of the same center is told it is not theirs", async () => {
    const a = addStaff('doctor', 'bakulev');
    const b = addStaff('doctor', 'bakulev');
    const { app } = await submitted();
    services.applications.take(a, app.id);
    expect(failure(() => services.applications.requestDocuments(b, app.id, ['ecg'], '')).code).toBe('application_not_yours');
    expect(failure(() => services.applications.decline(b, app.id, 'Причина')).code).toBe('application_not_yours');
    expect(failure(() => services.applications.requestDocuments(a, app.id, ['no_such_kind'], '')).code).toBe('kinds_empty');
    expect(failure(() => services.applications.decline(a, app.id, '  ')).code).toBe('reason_empty');
    expect(failure(() => services.applications.decline(a, app.id, 'п'.repeat(1001)))).toEqual({ code: 'reason_too_long', details: { max: 1000, length: 1001 } });
  });

  it('documentsUploaded: back to the doctor only when every requested kind was uploaded since the request', async () => {
    const doctor = addStaff('doctor', 'bakulev');
    const { app, patientId, accountId } = await submitted();
    services.applications.take(doctor, app.id);
    clock.advance(60_000);
    // The patient already has an ECG: asking for one means a new one.
    const requested = services.applications.requestDocuments(doctor, app.id, ['ecg', 'ct'], '  ЭКГ не старше месяца ');
    expect(requested).toMatchObject({ status: 'needs_documents', requestedKinds: ['ecg', 'ct'], requestComment: 'ЭКГ не старше месяца' });
    expect(outboxRows('application_needs_documents')).toEqual([
      { bot: 'patient', chatId: accountId, params: { applicationId: app.id, kinds: ['ecg', 'ct'], comment: 'ЭКГ не старше месяца' } },
    ]);

    clock.advance(60_000);
    await upload(patientId, accountId, 'ct');
    expect(services.applications.documentsUploaded(patientId)).toEqual([]);
    expect(services.applicationRepository.byId(app.id)!.status).toBe('needs_documents');
    expect(outboxRows('application_documents_added')).toEqual([]);

    await upload(patientId, accountId, 'ecg');
    const moved = services.applications.documentsUploaded(patientId);
    expect(moved.map((a) => [a.id, a.status, a.assignedStaffId])).toEqual([[app.id, 'submitted', doctor.id]]);
    expect(outboxRows('application_documents_added')).toEqual([{ bot: 'staff', chatId: doctor.telegramId, params: { applicationId: app.id } }]);
    // Moved once: a later upload changes nothing, and it does not return to the center's queue.
    await upload(patientId, accountId, 'mri');
    expect(services.applications.documentsUploaded(patientId)).toEqual([]);
    expect(services.applications.queue(doctor)).toEqual([]);
  });

  it('withdraw: allowed while waiting, in review or waiting for documents; not once scheduled, nor by another account', async () => {
    const doctor = addStaff('doctor', 'bakulev');
    const first = await submitted(7_000_001);
    expect(failure(() => services.applications.withdraw(7_000_002, first.app.id)).code).toBe('application_not_found');
    expect(services.applications.withdraw(7_000_001, first.app.id).status).toBe('withdrawn');
    expect(outboxRows('application_withdrawn')).toEqual([]);

    const second = await submitted(7_000_003);
    services.applications.take(doctor, second.app.id);
    services.applications.requestDocuments(doctor, second.app.id, ['ct'], '');
    expect(services.applications.withdraw(7_000_003, second.app.id).status).toBe('withdrawn');
    expect(outboxRows('application_withdrawn')).toEqual([{ bot: 'staff', chatId: doctor.telegramId, params: { applicationId: second.app.id } }]);

    const third = await submitted(7_000_004);
    services.applications.take(doctor, third.app.id);
    services.db.update(applications).set({ status: 'scheduled' }).where(eq(applications.id, third.app.id)).run();
    expect(failure(() => services.applications.withdraw(7_000_004, third.app.id))).toEqual({ code: 'application_wrong_status', details: { status: 'scheduled' } });
    expect(failure(() => services.applications.withdraw(7_000_001, first.app.id)).code).toBe('application_wrong_status');
  });

  it("queue: the center's free applications, oldest first", async () => {
    const doctor = addStaff('doctor', 'bakulev');
    const older = await submitted(7_000_001);
    clock.advance(3600_000);
    const newer = await submitted(7_000_002);
    clock.advance(3600_000);
    const taken = await submitted(7_000_003);
    services.applications.take(doctor, taken.app.id);
    expect(services.applications.queue(doctor).map((a) => a.id)).toEqual([older.app.id, newer.app.id]);
    expect(services.applications.queue(addStaff('doctor', 'kulakov'))).toEqual([]);
  });
});
