import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../app/services.js';
import { CONSENT_VERSION } from '../../../core/accounts/consent.js';
import { DIAGNOSIS_MAX } from '../../../core/applications/service.js';
import { DomainError } from '../../../core/errors.js';
import { createReferralLinking, referralDiagnosis, referrerOf, samePerson, type ReferralLinking } from '../../../core/referrals/linking.js';
import { openDatabase } from '../../../db/client.js';
import { applications, auditLog, referrals } from '../../../db/schema.js';
import { manualClock } from '../../support/service-harness.js';

const clock = manualClock();
const MARIA = 6_100_001;
const OLGA = 6_100_002;
let services: Services;
let linking: ReferralLinking;
let dir: string;
let close: () => void;

beforeEach(() => {
  clock.set(Date.UTC(2026, 10, 25, 7, 0));
  dir = mkdtempSync(path.join(tmpdir(), 'oz-ref-'));
  const db = openDatabase(path.join(dir, 'db.sqlite'));
  services = createServices({
    config: { patientBotToken: '7001234567:AAF-patient-bot-token-for-tests', telegramApiRoot: 'http://telegram.test', filesDir: path.join(dir, 'files') },
    db,
    clock,
    logger: pino({ level: 'silent' }),
  });
  linking = createReferralLinking(services);
  for (const id of [MARIA, OLGA]) services.accounts.upsertConsent(id, 'ru', CONSENT_VERSION, clock.now());
  close = () => db.$client.close();
});
afterEach(() => {
  close();
  rmSync(dir, { recursive: true, force: true });
});

function addReferral(over: Partial<typeof referrals.$inferInsert> = {}): number {
  const code = over.inviteCode ?? 'Ab3_dE-9xYz0';
  return services.db
    .insert(referrals)
    .values({
      personKey: `key|${code}`,
      fullName: 'Иванова Мария Петровна',
      birthDate: '1961-03-05',
      phone: '+79123456789',
      centerCode: 'bakulev',
      conditionCode: 'coronary_artery_disease',
      diagnosis: 'Стенокардия напряжения II ФК',
      icd10: 'I20.8',
      referringDoctor: 'Петров П. П.',
      organization: 'ГБУЗ ОБ № 1',
      inviteCode: code,
      createdAt: clock.now(),
      ...over,
    })
    .returning({ id: referrals.id })
    .get().id;
}

const BORN = '1961-03-05';
const row = (id: number) => services.db.select().from(referrals).where(eq(referrals.id, id)).get()!;
const profile = { relation: 'self' as const, fullName: 'Иванова Мария Петровна', birthDate: '1961-03-05', phone: '+79123456789', phoneVerified: false, regionCode: 'RU-MOW', timeZone: 'Europe/Moscow' };

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
  throw new Error('expected a DomainError');
}

async function addRequiredDocuments(patientId: number) {
  let n = 0;
  for (const kind of ['discharge_summary', 'ecg', 'echo']) {
    const bytes = await sharp({ create: { width: 40, height: 40, channels: 3, background: { r: ++n * 60, g: 5, b: 5 } } }).jpeg().toBuffer();
    await services.documents.ingest({ patientId, kind, bytes, actorAccountId: MARIA });
  }
}

describe('referral linking', () => {
  it('an invite reads as open, then mine to its holder and taken to anyone else; an unknown code is unknown', () => {
    const id = addReferral();
    expect(linking.lookupInvite('Ab3_dE-9xYz0', MARIA)).toMatchObject({ status: 'open', referral: { id } });
    expect(linking.claim(id, MARIA, 'link', BORN)).toBe('linked');
    expect(linking.lookupInvite('Ab3_dE-9xYz0', MARIA)).toMatchObject({ status: 'mine', referral: { id, accountId: MARIA } });
    expect(linking.lookupInvite('Ab3_dE-9xYz0', OLGA)).toEqual({ status: 'taken' });
    expect(linking.lookupInvite('Zz9_zz9-Zz9z', MARIA)).toEqual({ status: 'unknown' });
  });

  it('a claim is one conditional update: the second account loses, the first keeps it, claiming again is harmless', () => {
    const id = addReferral();
    expect(linking.claim(id, MARIA, 'phone', BORN)).toBe('linked');
    const linkedAt = row(id).linkedAt;
    clock.advance(60_000);
    expect(linking.claim(id, OLGA, 'link', BORN)).toBe('taken');
    expect(linking.claim(id, MARIA, 'link', BORN)).toBe('mine');
    expect(row(id)).toMatchObject({ accountId: MARIA, linkedAt });
    const linked = services.db.select().from(auditLog).all().filter((r) => r.action === 'referral.linked');
    expect(linked.map((r) => [r.actorId, r.details])).toEqual([[MARIA, JSON.stringify({ referralId: id, via: 'phone' })]]);
  });

  it('a claim links only with the referral\'s birth date; the third wrong one refuses it to that account for good', () => {
    const id = addReferral();
    expect(linking.claimCheck(id, OLGA)).toBe('open');
    expect(linking.claim(id, OLGA, 'link', '1961-05-03')).toBe('wrong');
    expect(linking.birthDateTriesLeft(id, OLGA)).toBe(2);
    expect(linking.claim(id, OLGA, 'phone', '1962-03-05')).toBe('wrong');
    expect(linking.birthDateTriesLeft(id, OLGA)).toBe(1);
    expect(row(id).accountId).toBeNull();
    expect(linking.claim(id, OLGA, 'link', '1960-03-05')).toBe('refused');
    // Refused for good, even with the right date now; nothing linked.
    expect(linking.claimCheck(id, OLGA)).toBe('refused');
    expect(linking.claim(id, OLGA, 'link', BORN)).toBe('refused');
    expect(row(id)).toMatchObject({ accountId: null, linkedAt: null });
    // The count is per account: the real patient still confirms with the right date after one slip.
    expect(linking.claim(id, MARIA, 'link', '1961-03-06')).toBe('wrong');
    expect(linking.claim(id, MARIA, 'link', BORN)).toBe('linked');
    expect(linking.claimCheck(id, OLGA)).toBe('taken');
    const entries = services.db.select().from(auditLog).all().filter((r) => r.action.startsWith('referral.'));
    expect(entries.map((r) => [r.action, r.actorId, r.details])).toEqual([
      ['referral.birth_date_wrong', OLGA, JSON.stringify({ referralId: id, via: 'link', attempt: 1 })],
      ['referral.birth_date_wrong', OLGA, JSON.stringify({ referralId: id, via: 'phone', attempt: 2 })],
      ['referral.birth_date_wrong', OLGA, JSON.stringify({ referralId: id, via: 'link', attempt: 3 })],
      ['referral.birth_date_mismatch', OLGA, JSON.stringify({ referralId: id, via: 'link', attempts: 3 })],
      ['referral.birth_date_wrong', MARIA, JSON.stringify({ referralId: id, via: 'link', attempt: 1 })],
      ['referral.linked', MARIA, JSON.stringify({ referralId: id, via: 'link' })],
    ]);
    // No typed or stored date in any of them.
    expect(entries.map((r) => r.details).join(' ')).not.toMatch(/19\d\d/);
  });

  it('wrong dates for one referral do not count against another', () => {
    const first = addReferral({ inviteCode: 'AAAAAAAAAAA1' });
    const second = addReferral({ inviteCode: 'AAAAAAAAAAA2' });
    for (let i = 0; i < 3; i++) linking.claim(first, OLGA, 'link', '2000-01-01');
    expect(linking.claimCheck(first, OLGA)).toBe('refused');
    expect(linking.claimCheck(second, OLGA)).toBe('open');
    expect(linking.birthDateTriesLeft(second, OLGA)).toBe(3);
  });

  it("nothing of a referral is readable or changeable by an account that does not hold it", () => {
    const id = addReferral();
    expect(code(() => linking.ofAccount(MARIA, id))).toBe('referral_not_found');
    linking.claim(id, MARIA, 'link', BORN);
    expect(code(() => linking.ofAccount(OLGA, id))).toBe('referral_not_found');
    expect(code(() => linking.createProfile(OLGA, id, profile))).toBe('referral_not_found');
    expect(code(() => linking.submit(OLGA, id, 'жалобы'))).toBe('referral_not_found');
    const olgas = services.patients.create(OLGA, { ...profile, fullName: 'Кузнецова Ольга Павловна' });
    // Another account's profile cannot be attached to Maria's referral either.
    expect(code(() => linking.attachProfile(MARIA, id, olgas.id))).toBe('referral_changed');
    expect(row(id).patientId).toBeNull();
  });

  it('only unlinked referrals are found by phone, the oldest first', () => {
    const older = addReferral({ inviteCode: 'AAAAAAAAAAA1' });
    const newer = addReferral({ inviteCode: 'AAAAAAAAAAA2', fullName: 'Иванов Пётр Сергеевич' });
    expect(linking.unlinkedByPhone('+79123456789')?.id).toBe(older);
    linking.claim(older, MARIA, 'phone', BORN);
    expect(linking.unlinkedByPhone('+79123456789')?.id).toBe(newer);
    expect(linking.unlinkedByPhone('+79000000000')).toBeUndefined();
  });

  it('the profile is created and attached together; a second attach is refused', () => {
    const id = addReferral();
    linking.claim(id, MARIA, 'link', BORN);
    const patient = linking.createProfile(MARIA, id, profile);
    expect(row(id).patientId).toBe(patient.id);
    expect(code(() => linking.createProfile(MARIA, id, profile))).toBe('referral_changed');
    expect(services.patients.list(MARIA)).toHaveLength(1);
  });

  it('a matching profile is found by name (any case, spacing, ё) and birth date', () => {
    const id = addReferral({ fullName: 'Семёнова Алёна Петровна' });
    linking.claim(id, MARIA, 'link', BORN);
    services.patients.create(MARIA, { ...profile, fullName: 'семенова  алена петровна' });
    expect(linking.matchingProfile(MARIA, id)?.fullName).toBe('семенова  алена петровна');
    expect(samePerson({ fullName: 'Семёнова Алёна', birthDate: '1961-03-05' }, { fullName: 'Семенова Алена', birthDate: '1961-03-06' })).toBe(false);
  });

  it('submits with path referral, the ICD-10 code before the diagnosis, and records the application on the referral', async () => {
    const id = addReferral();
    linking.claim(id, MARIA, 'link', BORN);
    const patient = linking.createProfile(MARIA, id, profile);
    expect(code(() => linking.submit(MARIA, id, 'по направлению'))).toBe('documents_missing');
    await addRequiredDocuments(patient.id);
    const app = linking.submit(MARIA, id, 'по направлению');
    expect(app).toMatchObject({ path: 'referral', diagnosis: 'I20.8 — Стенокардия напряжения II ФК', complaints: 'по направлению', status: 'submitted' });
    expect(row(id).applicationId).toBe(app.id);
    expect(referrerOf(services.db, app.id)).toEqual({ doctor: 'Петров П. П.', organization: 'ГБУЗ ОБ № 1' });
    expect(code(() => linking.submit(MARIA, id, 'ещё раз'))).toBe('referral_already_submitted');
    expect(services.db.select().from(applications).all()).toHaveLength(1);
  });

  it('an application submitted whose record on the referral a crash lost is adopted, not sent twice', async () => {
    const id = addReferral();
    linking.claim(id, MARIA, 'link', BORN);
    const patient = linking.createProfile(MARIA, id, profile);
    await addRequiredDocuments(patient.id);
    const app = linking.submit(MARIA, id, 'по направлению');
    services.db.update(referrals).set({ applicationId: null }).where(eq(referrals.id, id)).run();
    expect(linking.submit(MARIA, id, 'по направлению').id).toBe(app.id);
    expect(row(id).applicationId).toBe(app.id);
    expect(services.db.select().from(applications).all()).toHaveLength(1);
  });

  it("an open application of the patient's own to the same center is not sent twice: the referral joins it", async () => {
    const id = addReferral();
    linking.claim(id, MARIA, 'link', BORN);
    const patient = linking.createProfile(MARIA, id, profile);
    await addRequiredDocuments(patient.id);
    const own = services.applications.submit({ patientId: patient.id, centerCode: 'bakulev', conditionCode: 'arrhythmia', diagnosis: 'д', complaints: 'ж', actorAccountId: MARIA });
    expect(code(() => linking.submit(MARIA, id, 'по направлению'))).toBe('application_open_exists');
    expect(row(id).applicationId).toBe(own.id);
    expect(services.db.select().from(applications).all()).toHaveLength(1);
    expect(referrerOf(services.db, own.id)).toEqual({ doctor: 'Петров П. П.', organization: 'ГБУЗ ОБ № 1' });
    expect(linking.unfinished(MARIA)).toEqual([]);
    expect(services.db.select().from(auditLog).all().map((r) => r.action)).toContain('referral.joined_open');
  });
});

describe('the diagnosis from the row', () => {
  it('code and text, either alone, or the condition when the table had neither; never over the limit', () => {
    expect(referralDiagnosis({ icd10: ' I20.8 ', diagnosis: ' Стенокардия ' }, 'ИБС')).toBe('I20.8 — Стенокардия');
    expect(referralDiagnosis({ icd10: null, diagnosis: 'Стенокардия' }, 'ИБС')).toBe('Стенокардия');
    expect(referralDiagnosis({ icd10: 'I20.8', diagnosis: '' }, 'ИБС')).toBe('I20.8');
    expect(referralDiagnosis({ icd10: null, diagnosis: null }, 'ИБС')).toBe('ИБС');
    const long = referralDiagnosis({ icd10: 'I20.8', diagnosis: 'а'.repeat(600) }, 'ИБС');
    expect(long).toHaveLength(DIAGNOSIS_MAX);
    expect(long.endsWith('…')).toBe(true);
  });
});
