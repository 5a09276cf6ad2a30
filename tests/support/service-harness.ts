import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { I18n } from '@grammyjs/i18n';
import type { Context } from 'grammy';
import { pino, type Logger } from 'pino';
import { createOutbox } from '../../app/outbox.js';
import { createServices, type Services } from '../../app/services.js';
import { createPatientBot } from '../../bot/patient/index.js';
import { createStaffBot } from '../../bot/staff/index.js';
import { CONSENT_VERSION } from '../../core/accounts/consent.js';
import type { Clock } from '../../core/clock.js';
import type { DutyLimits } from '../../core/duty/limits.js';
import type { NewPatient } from '../../core/patients/repository.js';
import type { StaffMember, StaffRole } from '../../core/staff/repository.js';
import { openDatabase } from '../../db/client.js';
import type { FakeBotApi } from './fake-bot-api.js';
import { createBotHandle, type BotHandle } from './bot-handle.js';
import { createUpdateFactory } from './updates.js';

export const PATIENT_TOKEN = '7001234567:AAF-patient-bot-token-for-tests';
export const STAFF_TOKEN = '7009999999:AAF-staff-bot-token-for-tests';

/** A clock the test moves by hand (reminders, cut-offs, expiry). */
export function manualClock(start = Date.UTC(2026, 10, 25, 7, 0)): Clock & { set(ms: number): void; advance(ms: number): void } {
  let now = start;
  return { now: () => now, set: (ms) => (now = ms), advance: (ms) => (now += ms) };
}

export interface ServiceHarness {
  dir: string;
  services: Services;
  clock: Clock;
  patient: BotHandle;
  staff: BotHandle;
  /** Runs the outbox sender until nothing is due. */
  deliver(): Promise<number>;
  /** An account with consent and one patient profile, without going through the bot. */
  registerPatient(accountId: number, data?: Partial<NewPatient>): number;
  /** A staff member who has used their invite. */
  addStaff(telegramId: number, role: StaffRole, centerCode: string | null, name?: string): StaffMember;
  restart(): ServiceHarness;
  close(): void;
}

export function createServiceHarness(
  api: FakeBotApi,
  opts: { dir?: string; clock?: Clock; factories?: { patient: BotHandle['updates']; staff: BotHandle['updates'] }; logger?: Logger; duty?: DutyLimits } = {},
): ServiceHarness {
  const dir = opts.dir ?? mkdtempSync(path.join(tmpdir(), 'oz-svc-'));
  const db = openDatabase(path.join(dir, 'db.sqlite'));
  const clock = opts.clock ?? { now: () => Date.now() };
  const services = createServices({
    config: {
      patientBotToken: PATIENT_TOKEN,
      staffBotToken: STAFF_TOKEN,
      telegramApiRoot: api.apiRoot,
      filesDir: path.join(dir, 'files'),
      publicUrl: 'https://oblako.test',
      jitsi: { domain: 'meet.oblako.test', appId: 'oblako', appSecret: 'test-secret-test-secret-test-secret-00' },
      ...(opts.duty ? { duty: opts.duty } : {}),
    },
    db,
    clock,
    logger: opts.logger ?? pino({ level: process.env.TEST_LOG ?? 'silent' }),
  });
  const patientBot = createPatientBot(services, { botInfo: api.botInfo(PATIENT_TOKEN) });
  const staffBot = createStaffBot({ ...services, staffToken: STAFF_TOKEN }, { botInfo: api.botInfo(STAFF_TOKEN) });
  const sender = createOutbox(services, {
    patient: patientBot.i18n as unknown as I18n<Context>,
    staff: staffBot.i18n as unknown as I18n<Context>,
  });
  const factories = opts.factories ?? {
    patient: createUpdateFactory({ api, token: PATIENT_TOKEN }),
    staff: createUpdateFactory({ api, token: STAFF_TOKEN }),
  };

  const harness: ServiceHarness = {
    dir,
    services,
    clock,
    patient: createBotHandle(api, PATIENT_TOKEN, factories.patient, (u) => patientBot.bot.handleUpdate(u)),
    staff: createBotHandle(api, STAFF_TOKEN, factories.staff, (u) => staffBot.bot.handleUpdate(u)),
    deliver: () => sender.flush(),
    registerPatient(accountId, data = {}) {
      services.accounts.upsertConsent(accountId, 'ru', CONSENT_VERSION, clock.now());
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
    },
    addStaff(telegramId, role, centerCode, name = `Доктор ${telegramId}`) {
      const { payload } = services.staffInvites.create({ name, role, centerCode });
      return services.staffInvites.accept(payload, telegramId);
    },
    restart: () => createServiceHarness(api, { dir, clock, factories, ...(opts.logger ? { logger: opts.logger } : {}) }),
    close() {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Both bots on one service graph whose updates carry the dates of `clock` (a manual one), as the walk-through tests need. */
export function createClockedHarness(api: FakeBotApi, clock: Clock): ServiceHarness {
  return createServiceHarness(api, {
    clock,
    factories: {
      patient: createUpdateFactory({ api, token: PATIENT_TOKEN, now: clock.now }),
      staff: createUpdateFactory({ api, token: STAFF_TOKEN, now: clock.now }),
    },
  });
}
