import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { createServices, type Services } from '../../app/services.js';
import { CONSENT_VERSION } from '../../core/accounts/consent.js';
import type { Clock } from '../../core/clock.js';
import type { NewPatient } from '../../core/patients/repository.js';
import type { StaffMember } from '../../core/staff/repository.js';
import { openDatabase } from '../../db/client.js';
import { applications, staff } from '../../db/schema.js';

/** Wednesday 25 November 2026, 10:00 in Moscow. */
export const WEDNESDAY_10_MSK = Date.UTC(2026, 10, 25, 7, 0);

export const JITSI = { domain: 'meet.oblako.test', appId: 'oblako', appSecret: 'test-secret-test-secret-test-secret-00' };

/** The service graph over a fresh database in a temporary folder, without any bot. */
export function createCoreServices(clock: Clock): { services: Services; close(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'oz-core-'));
  const db = openDatabase(path.join(dir, 'db.sqlite'));
  const services = createServices({
    config: {
      patientBotToken: '7001234567:AAF-patient-bot-token-for-tests',
      telegramApiRoot: 'http://telegram.test',
      filesDir: path.join(dir, 'files'),
      publicUrl: 'https://oblako.test',
      jitsi: JITSI,
    },
    db,
    clock,
    logger: pino({ level: 'silent' }),
  });
  return {
    services,
    close() {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A staff member who has used their invite (and, optionally, works in another zone). */
export function addDoctor(services: Services, telegramId: number, opts: { centerCode?: string; name?: string; timeZone?: string } = {}): StaffMember {
  const { payload } = services.staffInvites.create({ name: opts.name ?? `Доктор ${telegramId}`, role: 'doctor', centerCode: opts.centerCode ?? 'bakulev' });
  const member = services.staffInvites.accept(payload, telegramId);
  if (opts.timeZone) services.db.update(staff).set({ timeZone: opts.timeZone }).where(eq(staff.id, member.id)).run();
  return services.staff.byId(member.id)!;
}

/** An account with consent and one patient profile. */
export function addPatient(services: Services, accountId: number, data: Partial<NewPatient> = {}): number {
  services.accounts.upsertConsent(accountId, 'ru', CONSENT_VERSION, services.clock.now());
  return services.patients.create(accountId, {
    relation: 'self',
    fullName: 'Иванова Мария Петровна',
    birthDate: '1961-03-05',
    phone: '+79123456789',
    phoneVerified: true,
    regionCode: 'RU-MOW',
    timeZone: 'Europe/Moscow',
    ...data,
  }).id;
}

/**
 * A submitted application of the patient that the doctor has taken (status in_review). Inserted directly rather than
 * through submit(), whose document checklist is not what these tests are about; taken through the real service.
 */
export function takenApplication(
  services: Services,
  patientId: number,
  doctor: StaffMember,
  data: { conditionCode?: string; diagnosis?: string; complaints?: string } = {},
): number {
  const now = services.clock.now();
  const { id } = services.db
    .insert(applications)
    .values({
      patientId,
      centerCode: doctor.centerCode ?? 'bakulev',
      conditionCode: data.conditionCode ?? 'arrhythmia',
      diagnosis: data.diagnosis ?? 'Фибрилляция предсердий, пароксизмальная форма',
      complaints: data.complaints ?? 'Перебои в работе сердца, одышка при ходьбе',
      status: 'submitted',
      submittedAt: now,
      updatedAt: now,
    })
    .returning({ id: applications.id })
    .get();
  const taken = services.applications.take(doctor, id);
  if (!taken.ok) throw new Error(`application ${id} could not be taken`);
  return id;
}
