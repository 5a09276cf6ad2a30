import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { CONCLUSION_READY_TEMPLATE, type IssueConclusionInput } from '../../../core/conclusions/service.js';
import { DomainError } from '../../../core/errors.js';
import { applications, auditLog, conclusions, consultations, outbox } from '../../../db/schema.js';
import { createConclusionFixture, DOCTOR, NOW, PATIENT, type ConclusionFixture } from '../../support/conclusion-fixtures.js';
import { pdfPageTexts } from '../../support/pdf-text.js';

let fixtures: ConclusionFixture[] = [];
function setup(...args: Parameters<typeof createConclusionFixture>): ConclusionFixture {
  const f = createConclusionFixture(...args);
  fixtures.push(f);
  return f;
}
afterEach(() => {
  for (const f of fixtures) f.close();
  fixtures = [];
});

const BASE = 'https://oblako.example.org';
const TEXT = 'Гипертоническая болезнь II стадии. Терапия подобрана, состояние стабильное.';

function issueInput(f: ConclusionFixture, consultationId: number, overrides: Partial<IssueConclusionInput> = {}): IssueConclusionInput {
  return {
    consultationId,
    staffId: f.doctorId,
    text: TEXT,
    outcome: 'conclusion',
    recommendations: 'Контроль АД дважды в день.',
    verifyBaseUrl: BASE,
    ...overrides,
  };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return (err as DomainError).code;
}

const statusOf = (f: ConclusionFixture, id: number) =>
  f.db.select({ status: consultations.status }).from(consultations).where(eq(consultations.id, id)).get()!.status;

describe('conclusion service: issue', () => {
  it('the patient receives a PDF whose text holds their name and the code, and /verify confirms it', async () => {
    const f = setup();
    const consultationId = f.addConsultation();
    const { conclusionId, verificationCode, pdf } = await f.service.issue(issueInput(f, consultationId));

    expect(verificationCode).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    const text = (await pdfPageTexts(pdf)).join('\n');
    expect(text).toContain(PATIENT.fullName);
    expect(text).toContain(verificationCode);
    expect(text).toContain(`${BASE}/verify/${verificationCode}`);
    expect(text).toContain(DOCTOR);
    expect(text).toContain('НМИЦ сердечно-сосудистой хирургии');
    expect(text).toContain('Заключение специалиста (дистанционное наблюдение)');
    expect(text).toContain(TEXT);

    expect(statusOf(f, consultationId)).toBe('completed');
    const row = f.db.select().from(conclusions).where(eq(conclusions.id, conclusionId)).get()!;
    expect(row).toMatchObject({ consultationId, text: TEXT, outcome: 'conclusion', verificationCode, createdAt: NOW });
    expect(f.files()).toEqual([`${row.pdfKey.slice(0, 2)}/${row.pdfKey.slice(2, 4)}/${row.pdfKey}`]);
    expect(await f.service.readPdf(conclusionId)).toEqual(pdf);

    const verified = f.service.verify(verificationCode);
    expect(verified).toEqual({
      verificationCode,
      issuedAt: NOW,
      consultationAt: NOW - 3_600_000,
      centerName: f.catalog.centers.find((c) => c.code === 'bakulev')!.name,
      doctorName: DOCTOR,
      patientInitials: 'Иванова М. П.',
      outcome: 'conclusion',
    });
  });

  it('queues the PDF for the patient bot in the same transaction, and audits with ids only', async () => {
    const f = setup();
    const consultationId = f.addConsultation();
    const { conclusionId } = await f.service.issue(issueInput(f, consultationId));

    const queued = f.db.select().from(outbox).all();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ bot: 'patient', chatId: f.accountId, template: CONCLUSION_READY_TEMPLATE, dedupeKey: `conclusion:${conclusionId}:ready` });
    expect(JSON.parse(queued[0]!.params)).toEqual({ conclusionId });

    const audit = f.db.select().from(auditLog).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'conclusion.issued', actorType: 'staff', actorId: f.doctorId, patientId: f.patientId });
    expect(JSON.parse(audit[0]!.details!)).toEqual({ conclusionId, consultationId });
  });

  it('completes the application the consultation was booked for', async () => {
    const f = setup();
    const applicationId = f.addApplication();
    await f.service.issue(issueInput(f, f.addConsultation({ applicationId }), { outcome: 'hospitalization' }));
    const app = f.db.select().from(applications).where(eq(applications.id, applicationId)).get()!;
    expect(app).toMatchObject({ status: 'completed', closedAt: NOW, updatedAt: NOW });
  });

  it('a second conclusion for the same consultation is refused and the first stays as it was', async () => {
    const f = setup();
    const consultationId = f.addConsultation();
    const first = await f.service.issue(issueInput(f, consultationId));
    expect(await refusal(f.service.issue(issueInput(f, consultationId, { text: 'Другой текст' })))).toBe('conclusion_already_issued');
    expect(f.db.select().from(conclusions).all()).toHaveLength(1);
    expect(f.service.getByConsultation(consultationId)?.verificationCode).toBe(first.verificationCode);
    expect(f.files()).toHaveLength(1);
    expect(f.db.select().from(outbox).all()).toHaveLength(1);
  });

  it('two doctors pressing send at once for one consultation: one conclusion, one file, one message', async () => {
    const f = setup();
    const consultationId = f.addConsultation();
    const results = await Promise.allSettled([f.service.issue(issueInput(f, consultationId)), f.service.issue(issueInput(f, consultationId))]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected')!;
    expect((rejected.reason as DomainError).code).toBe('conclusion_already_issued');
    expect(f.db.select().from(conclusions).all()).toHaveLength(1);
    expect(f.files()).toHaveLength(1);
    expect(f.db.select().from(outbox).all()).toHaveLength(1);
  });

  it("another doctor's consultation is refused and left untouched", async () => {
    const f = setup();
    const consultationId = f.addConsultation({ staffId: f.otherDoctorId });
    expect(await refusal(f.service.issue(issueInput(f, consultationId)))).toBe('not_your_consultation');
    expect(statusOf(f, consultationId)).toBe('scheduled');
    expect(f.db.select().from(conclusions).all()).toEqual([]);
    expect(f.files()).toEqual([]);
  });

  it('refuses what is not a conclusion, naming why', async () => {
    const f = setup();
    const open = f.addConsultation();
    const cases: [Partial<IssueConclusionInput> & { consultationId?: number }, string][] = [
      [{ text: '  \n\t ' }, 'conclusion_text_empty'],
      [{ text: 'а'.repeat(5001) }, 'conclusion_text_too_long'],
      [{ recommendations: 'б'.repeat(3001) }, 'recommendations_too_long'],
      [{ outcome: 'cure' }, 'unknown_outcome'],
      [{ consultationId: 999_999 }, 'consultation_not_found'],
      [{ consultationId: f.addConsultation({ status: 'cancelled' }) }, 'consultation_not_open'],
      [{ consultationId: f.addConsultation({ startsAt: NOW + 3_600_000 }) }, 'consultation_not_started'],
    ];
    for (const [overrides, code] of cases) {
      expect(await refusal(f.service.issue(issueInput(f, open, overrides))), code).toBe(code);
    }
    expect(statusOf(f, open)).toBe('scheduled');
    expect(f.files()).toEqual([]);
  });

  it('accepts exactly 5000 characters, counting an emoji as one', async () => {
    const f = setup();
    const text = `${'я'.repeat(4999)}😀`;
    const { conclusionId } = await f.service.issue(issueInput(f, f.addConsultation(), { text }));
    expect(f.db.select({ text: conclusions.text }).from(conclusions).where(eq(conclusions.id, conclusionId)).get()!.text).toBe(text);
  });

  it('a duty doctor without a center issues under the service header, in English when the patient reads English', async () => {
    const f = setup();
    const { pdf } = await f.service.issue(issueInput(f, f.addConsultation({ staffId: f.dutyDoctorId }), { staffId: f.dutyDoctorId, locale: 'en', outcome: 'in_person' }));
    const text = (await pdfPageTexts(pdf)).join('\n');
    expect(text).toContain('Oblako Zdorovya (Health Cloud)');
    expect(text).toContain("Specialist's conclusion");
    expect(text).toContain('Invitation to an in-person consultation');
    expect(text).toContain(PATIENT.fullName);
  });

  it('a failed insert leaves no file behind', async () => {
    const f = setup();
    const consultationId = f.addConsultation();
    // A trigger stands in for any failure inside the transaction (disk full, constraint).
    f.db.$client.exec(`create trigger fail_conclusion before insert on conclusions begin select raise(abort, 'boom'); end`);
    await expect(f.service.issue(issueInput(f, consultationId))).rejects.toThrow('boom');
    expect(f.files()).toEqual([]);
    expect(statusOf(f, consultationId)).toBe('scheduled');
    expect(f.db.select().from(outbox).all()).toEqual([]);
  });
});

describe('conclusion service: verify and re-send', () => {
  it('finds a code typed in any case, with spaces or without dashes, and shows only initials', async () => {
    const f = setup();
    const { verificationCode } = await f.service.issue(issueInput(f, f.addConsultation()));
    const typed = [verificationCode.toLowerCase(), verificationCode.replace(/-/g, ' '), ` ${verificationCode.replace(/-/g, '')} `];
    for (const code of typed) expect(f.service.verify(code)?.verificationCode, code).toBe(verificationCode);
    const shown = JSON.stringify(f.service.verify(verificationCode));
    expect(shown).toContain('Иванова М. П.');
    expect(shown).not.toContain('Мария');
    expect(shown).not.toContain('Петровна');
    expect(shown).not.toContain('1970');
    expect(shown).not.toContain('Гипертоническая');
    expect(shown).not.toContain('Контроль АД');
  });

  it('knows nothing of an unknown or malformed code', async () => {
    const f = setup();
    await f.service.issue(issueInput(f, f.addConsultation()));
    expect(f.service.verify('2345-6789-ABCD')).toBeUndefined();
    expect(f.service.verify('not a code')).toBeUndefined();
    expect(f.service.verify('')).toBeUndefined();
  });

  it('records each successful check in the audit log without details of the visitor', async () => {
    const f = setup();
    const { verificationCode, conclusionId } = await f.service.issue(issueInput(f, f.addConsultation()));
    f.service.verify(verificationCode);
    const entry = f.db.select().from(auditLog).where(eq(auditLog.action, 'conclusion.verified')).get()!;
    expect(entry).toMatchObject({ actorType: 'system', patientId: f.patientId });
    expect(JSON.parse(entry.details!)).toEqual({ conclusionId });
  });

  it('gives the summary without the storage key, and nothing for an unknown id', async () => {
    const f = setup();
    const consultationId = f.addConsultation();
    const { conclusionId, verificationCode } = await f.service.issue(issueInput(f, consultationId));
    expect(f.service.get(conclusionId)).toEqual({
      id: conclusionId,
      consultationId,
      patientId: f.patientId,
      staffId: f.doctorId,
      verificationCode,
      outcome: 'conclusion',
      createdAt: NOW,
    });
    expect(f.service.get(999)).toBeUndefined();
    expect(await f.service.readPdf(999)).toBeUndefined();
  });

  it('account deletion can remove the PDFs before the rows cascade away', async () => {
    const f = setup();
    await f.service.issue(issueInput(f, f.addConsultation()));
    expect(f.files()).toHaveLength(1);
    expect(await f.service.removeAllForPatients([f.patientId])).toBe(1);
    expect(f.files()).toEqual([]);
    expect(await f.service.removeAllForPatients([])).toBe(0);
  });
});
