import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { I18n } from '@grammyjs/i18n';
import type { Context } from 'grammy';
import type { Message, Update } from 'grammy/types';
import { pino } from 'pino';
import { createOutbox } from '../../api/outbox.js';
import { createServices, type Services } from '../../api/services.js';
import { createPatientBot } from '../../bot/patient/index.js';
import { createStaffBot } from '../../bot/staff/index.js';
import { CONSENT_VERSION } from '../../core/accounts/consent.js';
import type { Clock } from '../../core/clock.js';
import type { NewPatient } from '../../core/patients/repository.js';
import type { StaffMember, StaffRole } from '../../core/staff/repository.js';
import { openDatabase } from '../../db/client.js';
import type { FakeBotApi } from './fake-bot-api.js';
import { createUpdateFactory, type TestUser } from './updates.js';

export const PATIENT_TOKEN = '7001234567:AAF-patient-bot-token-for-tests';
export const STAFF_TOKEN = '7009999999:AAF-staff-bot-token-for-tests';

/** A clock the test moves by hand (reminders, cut-offs, expiry). */
export function manualClock(start = Date.UTC(2026, 10, 25, 7, 0)): Clock & { set(ms: number): void; advance(ms: number): void } {
  let now = start;
  return { now: () => now, set: (ms) => (now = ms), advance: (ms) => (now += ms) };
}

interface BotHandle {
  token: string;
  updates: ReturnType<typeof createUpdateFactory>;
  send(update: Update): Promise<void>;
  /** Presses the inline button with this text on the latest message that still shows it. */
  press(user: TestUser, buttonText: string): Promise<void>;
  /** New messages (sendMessage/sendDocument/…) to this person since the last call, as text or caption. */
  seen(user: TestUser): string[];
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

export function createServiceHarness(api: FakeBotApi, opts: { dir?: string; clock?: Clock; factories?: { patient: BotHandle['updates']; staff: BotHandle['updates'] } } = {}): ServiceHarness {
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
    },
    db,
    clock,
    logger: pino({ level: process.env.TEST_LOG ?? 'silent' }),
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

  const handle = (token: string, updates: BotHandle['updates'], handleUpdate: (u: Update) => Promise<void>): BotHandle => {
    const read = new Map<number, number>();
    return {
      token,
      updates,
      send: handleUpdate,
      async press(user, buttonText) {
        const history: Message[] = api.history(user.id, token);
        for (let i = history.length - 1; i >= 0; i--) {
          const button = (history[i]!.reply_markup?.inline_keyboard ?? []).flat().find((b) => b.text === buttonText && 'callback_data' in b);
          if (button && 'callback_data' in button) {
            await handleUpdate(updates.callback(user, button.callback_data!, history[i]));
            return;
          }
        }
        throw new Error(`No message in chat ${user.id} (${token.split(':')[0]}) shows a button "${buttonText}"`);
      },
      seen(user) {
        const all = api.sent(user.id, token).filter((m) => m.method.startsWith('send'));
        const from = read.get(user.id) ?? 0;
        read.set(user.id, all.length);
        return all.slice(from).map((m) => m.text ?? m.caption ?? '');
      },
    };
  };

  const harness: ServiceHarness = {
    dir,
    services,
    clock,
    patient: handle(PATIENT_TOKEN, factories.patient, (u) => patientBot.bot.handleUpdate(u)),
    staff: handle(STAFF_TOKEN, factories.staff, (u) => staffBot.bot.handleUpdate(u)),
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
    restart: () => createServiceHarness(api, { dir, clock, factories }),
    close() {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
