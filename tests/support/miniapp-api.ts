import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sign } from '@telegram-apps/init-data-node';
import { pino } from 'pino';
import { createServer } from '../../api/server.js';
import { createServices, type Services } from '../../app/services.js';
import { openDatabase } from '../../db/client.js';
import { zonedToUtc } from '../../core/time.js';
import { addDutyDoctor } from './duty-fixtures.js';
import { JITSI, WEDNESDAY_10_MSK } from './scheduling-fixtures.js';
import { manualClock, PATIENT_TOKEN } from './service-harness.js';

export const MAX_AGE_SECONDS = 3600;

/** Init data exactly as Telegram signs it (HMAC with the bot token), for a user, at a moment. */
export function initDataFor(userId: number, opts: { token?: string; authDate?: number } = {}): string {
  return sign(
    { user: { id: userId, first_name: 'Мария', language_code: 'ru' }, query_id: `AAH${userId}`, chat_type: 'sender', chat_instance: '-1' },
    opts.token ?? PATIENT_TOKEN,
    new Date(opts.authDate ?? Date.now()),
  );
}

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** The real server (the whole service graph over a fresh database) answering app.request(), and a hand-moved clock. */
export function createApiHarness(opts: { video?: boolean; rateLimit?: { trustProxy: boolean } } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'oz-api-'));
  const db = openDatabase(path.join(dir, 'db.sqlite'));
  const clock = manualClock(WEDNESDAY_10_MSK);
  const services: Services = createServices({
    config: {
      patientBotToken: PATIENT_TOKEN,
      telegramApiRoot: 'http://telegram.test',
      filesDir: path.join(dir, 'files'),
      publicUrl: 'https://oblako.test',
      ...(opts.video === false ? {} : { jitsi: JITSI }),
    },
    db,
    clock,
    logger: pino({ level: process.env.TEST_LOG ?? 'silent' }),
  });
  const app = createServer({ db, logger: services.logger, verify: services, api: { services, maxAgeSeconds: MAX_AGE_SECONDS }, room: { room: services.room }, ...(opts.rateLimit ? { rateLimit: { clock, ...opts.rateLimit } } : {}) });

  const request = (userId: number | null, pathname: string, init: { method?: string; body?: unknown; authorization?: string } = {}) =>
    app.request(pathname, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.authorization !== undefined
          ? { authorization: init.authorization }
          : userId === null
            ? {}
            : { authorization: `tma ${initDataFor(userId, { authDate: clock.now() })}` }),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
    });

  const answer = async <T>(res: Response): Promise<ApiAnswer<T>> => {
    const type = res.headers.get('content-type') ?? '';
    const body = (type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer())) as T;
    return { status: res.status, body, headers: res.headers };
  };

  return {
    app,
    services,
    clock,
    request,
    // Tests read answers freely; the contract's types are checked where a test names them.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    get: async <T = any>(userId: number | null, pathname: string, init: { authorization?: string } = {}) => answer<T>(await request(userId, pathname, init)),
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    post: async <T = any>(userId: number, pathname: string, body: unknown = {}) => answer<T>(await request(userId, pathname, { method: 'POST', body })),
    close() {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type ApiHarness = ReturnType<typeof createApiHarness>;

/**
 * The patient of `accountId` (registered beforehand) books a duty video consultation on Thursday 09:00 Moscow time
 * through the API; at 09:20 its doctor issues a conclusion. Returns what the conclusion service returned.
 */
export async function concludedDutyConsultation(h: ApiHarness, accountId: number) {
  const msk = (time: string) => zonedToUtc('2026-11-26', time, 'Europe/Moscow');
  const doc = addDutyDoctor(h.services, 6001);
  const slot = h.services.duty.addSlot(doc.id, msk('09:00'));
  const booked = await h.post(accountId, '/api/consultations', { slotId: slot.id, mode: 'video' });
  h.clock.set(msk('09:20'));
  return h.services.conclusions.issue({
    consultationId: booked.body.consultation.id,
    staffId: doc.id,
    text: 'Рекомендовано продолжить терапию.',
    outcome: 'conclusion',
    verifyBaseUrl: 'https://oblako.test',
  });
}
