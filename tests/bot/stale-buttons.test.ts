import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Update } from 'grammy/types';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCallbackData } from '../../bot/shared/callback-data.js';
import { createBotStack } from '../../bot/shared/stack.js';
import { openDatabase } from '../../db/client.js';
import { createFakeBotApi } from '../support/fake-bot-api.js';
import { createServiceHarness, manualClock, PATIENT_TOKEN, STAFF_TOKEN, type ServiceHarness } from '../support/service-harness.js';
import type { TestUser } from '../support/updates.js';

const api = createFakeBotApi();
const MARIA: TestUser = { id: 7770001, first_name: 'Мария', language_code: 'ru' };
const DOCTOR: TestUser = { id: 6660001, first_name: 'Анна', language_code: 'ru' };
const STALE = 'Кнопка устарела. Откройте нужный раздел через меню или отправьте /start.';

/** Every log line as parsed JSON, at debug and above. */
function capturedLogger() {
  const lines: { level: number; msg: string; err?: unknown }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line) as (typeof lines)[number]);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

let h: ServiceHarness;
let logs: ReturnType<typeof capturedLogger>;
beforeAll(() => api.listen());
beforeEach(() => {
  logs = capturedLogger();
  h = createServiceHarness(api, { clock: manualClock(), logger: logs.logger });
  h.registerPatient(MARIA.id);
  h.addStaff(DOCTOR.id, 'doctor', 'bakulev', 'Петрова Анна Сергеевна');
});
afterEach(() => {
  h.close();
  api.reset();
});
afterAll(() => api.close());

/** A press with this data on the latest message the bot sent to the person, as a modified client can send it. */
function press(token: string, user: TestUser, data: unknown): Update {
  const handle = token === PATIENT_TOKEN ? h.patient : h.staff;
  const update = handle.updates.callback(user, 'x', api.history(user.id, token).at(-1));
  return { ...update, callback_query: { ...update.callback_query!, data } } as unknown as Update;
}

const answers = (token: string) => api.callsOf('answerCallbackQuery', token).map((c) => c.params.text ?? '');
const errorLines = () => logs.lines.filter((l) => l.level >= 50);

describe('forged and stale button data', () => {
  it.each([
    ['language', 'lang:ru:extra'],
    ['delete-me', 'delete-me:1:1'],
    ['delete-me', 'delete-me:yes'],
    ['referral offer', 'ref-offer:1:1:1'],
    ['referral resume', 'ref-resume:abc'],
    ['profile', 'profile-edit:name:1abc'],
    ['documents list', 'docs-list:1:Infinity'],
    ['documents index', 'docs-kind:ecg:1.5'],
    ['documents index', 'docs-add:'],
  ])('patient bot, %s (%s): answered as stale, nothing sent or changed, no error logged', async (_, data) => {
    await h.patient.send(h.patient.updates.command(MARIA, 'help'));
    h.patient.seen(MARIA);
    await h.patient.send(press(PATIENT_TOKEN, MARIA, data));
    expect(answers(PATIENT_TOKEN)).toEqual([STALE]);
    expect(h.patient.seen(MARIA)).toEqual([]);
    expect(h.services.accounts.find(MARIA.id)).toBeDefined();
    expect(errorLines()).toEqual([]);
  });

  it.each([['sched:1:2'], ['sched:x'], ['schedTime:1:1e3'], ['tri-open:-1']])('staff bot (%s): answered, nothing sent, no error logged', async (data) => {
    await h.staff.send(h.staff.updates.command(DOCTOR, 'help'));
    h.staff.seen(DOCTOR);
    await h.staff.send(press(STAFF_TOKEN, DOCTOR, data));
    expect(answers(STAFF_TOKEN)).toHaveLength(1);
    expect(h.staff.seen(DOCTOR)).toEqual([]);
    expect(errorLines()).toEqual([]);
  });

  it.each([[undefined], [null], [42], [{ locale: 'ru' }]])('data %j (not a string) never reaches a handler: answered, logged at warn', async (data) => {
    await h.patient.send(h.patient.updates.command(MARIA, 'help'));
    h.patient.seen(MARIA);
    await h.patient.send(press(PATIENT_TOKEN, MARIA, data));
    expect(api.callsOf('answerCallbackQuery', PATIENT_TOKEN)).toHaveLength(1);
    expect(h.patient.seen(MARIA)).toEqual([]);
    expect(errorLines()).toEqual([]);
    expect(logs.lines.filter((l) => l.level === 40).map((l) => l.msg)).toEqual(['button press without usable data']);
  });

  it('a press on a message sent in inline mode (no chat) is answered and goes no further', async () => {
    const update = h.patient.updates.callback(MARIA, 'lang:ru', { chat: { id: MARIA.id, type: 'private', first_name: 'Мария' }, message_id: 1, date: 0 } as never);
    const { message: _, ...query } = update.callback_query!;
    await h.patient.send({ update_id: update.update_id, callback_query: { ...query, inline_message_id: 'AQAAAGlubGluZQ' } } as Update);
    expect(api.callsOf('answerCallbackQuery', PATIENT_TOKEN)).toHaveLength(1);
    expect(errorLines()).toEqual([]);
  });
});

describe('the error boundary and StaleButtonError', () => {
  it('a handler unpacking data it did not filter: the press is answered as stale, a warn line without a stack, no error', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oz-stale-'));
    const db = openDatabase(path.join(dir, 'db.sqlite'));
    try {
      const token = PATIENT_TOKEN;
      const { bot, guarded } = createBotStack({
        token,
        apiRoot: api.apiRoot,
        db,
        logger: logs.logger,
        deps: {},
        statePrefix: 'stale:',
        storedLocale: () => 'ru',
        botInfo: api.botInfo(token),
      });
      const counter = createCallbackData('count', { n: Number });
      let seen: number | undefined;
      guarded.on('callback_query:data', async (ctx) => {
        seen = counter.unpack(ctx.callbackQuery.data).n;
        await ctx.answerCallbackQuery();
      });
      await h.patient.send(h.patient.updates.command(MARIA, 'help'));
      await bot.handleUpdate(press(token, MARIA, 'count:1:2'));
      expect(seen).toBeUndefined();
      expect(answers(token)).toEqual([STALE]);
      const warn = logs.lines.find((l) => l.msg === 'stale button pressed');
      expect(warn).toMatchObject({ level: 40 });
      expect(JSON.stringify(warn)).not.toMatch(/stack/);
      expect(errorLines()).toEqual([]);
    } finally {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
