import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import type { Update } from 'grammy/types';
import { createServices } from '../../app/services.js';
import { createPatientBot } from '../../bot/patient/index.js';
import type { Clock } from '../../core/clock.js';
import { openDatabase, type Db } from '../../db/client.js';
import type { FakeBotApi } from './fake-bot-api.js';
import { createBotHandle } from './bot-handle.js';
import { createUpdateFactory, type TestUser } from './updates.js';

export const PATIENT_TOKEN = '7001234567:AAF-patient-bot-token-for-tests';

export interface PatientBotHarness {
  dir: string;
  db: Db;
  services: ReturnType<typeof createServices>;
  bot: ReturnType<typeof createPatientBot>['bot'];
  updates: ReturnType<typeof createUpdateFactory>;
  send(update: Update): Promise<void>;
  /** Presses the inline button with this text on the latest message that still shows it, as a person would. */
  press(user: TestUser, buttonText: string): Promise<void>;
  /** Texts (or captions) the person received since the last call. */
  seen(user: TestUser): string[];
  /** A fresh bot instance on the same database and files, as after a restart. */
  restart(): PatientBotHarness;
  close(): void;
}

export function createPatientBotHarness(
  api: FakeBotApi,
  opts: { dir?: string; clock?: Clock; updates?: ReturnType<typeof createUpdateFactory> } = {},
): PatientBotHarness {
  const dir = opts.dir ?? mkdtempSync(path.join(tmpdir(), 'oz-bot-'));
  const db = openDatabase(path.join(dir, 'db.sqlite'));
  const clock = opts.clock ?? { now: () => Date.now() };
  const services = createServices({
    config: { patientBotToken: PATIENT_TOKEN, telegramApiRoot: api.apiRoot, filesDir: path.join(dir, 'files') },
    db,
    clock,
    logger: pino({ level: process.env.TEST_LOG ?? 'silent' }),
  });
  const { bot } = createPatientBot(services, { botInfo: api.botInfo(PATIENT_TOKEN) });
  // A restarted bot keeps the same factory: Telegram's update and callback ids go on, they do not restart.
  const updates = opts.updates ?? createUpdateFactory({ api, token: PATIENT_TOKEN });
  const handle = createBotHandle(api, PATIENT_TOKEN, updates, (update) => bot.handleUpdate(update));

  const harness: PatientBotHarness = {
    dir,
    db,
    services,
    bot,
    updates,
    send: handle.send,
    press: handle.press,
    seen: handle.seen,
    restart: () => createPatientBotHarness(api, { dir, clock, updates }),
    close() {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
