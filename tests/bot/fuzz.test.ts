import { Writable } from 'node:stream';
import type { Message, Update } from 'grammy/types';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { phoneJpeg, plainHandmadePdf } from '../support/document-fixtures.js';
import { createFakeBotApi, type FakeBotApi } from '../support/fake-bot-api.js';
import { createServiceHarness, manualClock, type ServiceHarness } from '../support/service-harness.js';
import type { BotHandle } from '../support/bot-handle.js';
import type { FileRef, TestUser } from '../support/updates.js';

// Fixed, so a failure found here can be replayed exactly; change it only to look for new failures.
const SEED = 20261205;
const ROUNDS = 3000;

/** mulberry32: small, fast and good enough to pick cases; Math.random would make failures unrepeatable. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}

const PATIENT: TestUser = { id: 7770001, first_name: 'Мария', language_code: 'ru' };
const NEWCOMER: TestUser = { id: 7770002, first_name: 'Guest', language_code: 'en' };
const DOCTOR: TestUser = { id: 6660001, first_name: 'Анна', language_code: 'ru' };
const ADMIN: TestUser = { id: 6660009, first_name: 'Админ', language_code: 'ru' };
const STRANGER: TestUser = { id: 6660404, first_name: 'Stranger' };

const PATIENT_COMMANDS = ['start', 'apply', 'applications', 'documents', 'duty_doctor', 'profile', 'language', 'help', 'cancel', 'delete_me'];
const STAFF_COMMANDS = ['start', 'queue', 'schedule', 'today', 'week', 'consultation', 'join', 'conclude', 'noshow', 'slots', 'stats', 'referrals', 'delivery', 'help', 'cancel'];
const DEEP_LINKS = ['ref_AAAAAAAAAA', 'ref_', 'ref_../../etc', 'inv_x', 'inv_', 'conclude_1', 'conclude_-1', 'conclude_99999999999999999999', 'room_1', '1', 'a'.repeat(64), '%00', '$(id)'];
const TEXTS = ['', ' ', 'да', 'нет', '1', '0', '-1', '12.13.1990', '05.03.1961', '+79123456789', '89123456789', 'Иванова Мария Петровна', '=HYPERLINK("http://evil.example")', '<b>x</b>', '😀', '\u0000', 'x'.repeat(4096), '/', '//start', '/start@other_bot'];

interface Run {
  h: ServiceHarness;
  api: FakeBotApi;
  errors: string[];
  thrown: unknown[];
  callbacks: Set<string>;
}

function captureLogs(errors: string[]) {
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) {
        if (line && (JSON.parse(line) as { level: number }).level >= 50) errors.push(line);
      }
      done();
    },
  });
  return pino({ level: 'warn' }, stream);
}

const api = createFakeBotApi();
beforeAll(() => api.listen());
afterAll(() => api.close());

function randomString(r: ReturnType<typeof prng>): string {
  const alphabet = 'abcXYZ019:_-.=+@ \t\r\nяЖ😀\u0000%';
  return Array.from({ length: r.int(70) }, () => r.pick([...alphabet])).join('');
}

/** A button's data bent the ways a forged or stale press bends it: extra or missing parts, other numbers, noise. */
function mutate(r: ReturnType<typeof prng>, data: string): string {
  const parts = data.split(':');
  switch (r.int(8)) {
    case 0:
      return `${data}:extra`;
    case 1:
      return parts.slice(0, -1).join(':');
    case 2:
      return data.replace(/\d+/g, () => r.pick(['0', '-1', '1.5', '99999999', 'NaN', 'Infinity', '1e3', '0x10', '']));
    case 3:
      return `${data}:${data}`;
    case 4:
      return parts.map((p, i) => (i === 0 ? p : r.pick(['', '0', '1', 'x', 'ru', 'en', 'true', '-']))).join(':');
    case 5:
      return data.slice(0, r.int(data.length + 1));
    case 6:
      return `${parts[0]}:${randomString(r)}`;
    default:
      return data.replace(/[01]$/, (d) => (d === '0' ? '1' : '0'));
  }
}

/** Every button the bot has shown to this person (that bot), with the message that carries it. */
function buttonsShown(api: FakeBotApi, user: TestUser, token: string): { data: string; message: Message }[] {
  return api
    .history(user.id, token)
    .flatMap((message) =>
      (message.reply_markup?.inline_keyboard ?? []).flat().flatMap((b) => ('callback_data' in b && b.callback_data ? [{ data: b.callback_data, message }] : [])),
    );
}

/** Reply-keyboard labels shown (the menu), which the bots match as text. */
function labelsShown(api: FakeBotApi, user: TestUser, token: string): string[] {
  return api.sent(user.id, token).flatMap((m) => {
    const markup = m.message.reply_markup as { keyboard?: { text: string }[][] } | undefined;
    return (markup?.keyboard ?? []).flat().map((b) => b.text);
  });
}

/**
 * A press as Telegram delivers it: always on a message of this bot that carries an inline keyboard (only the data can be
 * forged or stale); `on` is the message of the button the data came from, else any such message.
 */
function callbackUpdate(bot: BotHandle, user: TestUser, data: unknown, r: ReturnType<typeof prng>, run: Run, on?: Message): Update {
  const withButtons = run.api.history(user.id, bot.token).filter((m) => m.reply_markup?.inline_keyboard?.length);
  const target = on ?? (withButtons.length ? r.pick(withButtons) : undefined);
  const base = bot.updates.callback(user, 'x', target ?? ({ chat: { id: user.id, type: 'private', first_name: user.first_name }, message_id: 0, date: 0 } as Message));
  const query = base.callback_query!;
  run.callbacks.add(`${bot.token}:${query.id}`);
  const forged: Record<string, unknown> = { ...query };
  if (data === undefined) delete forged.data;
  else forged.data = data;
  if (!target || r.int(20) === 0) {
    // A press on a button of a message sent in inline mode: no message, no chat. (With no message of this bot showing
    // buttons, that is the only press Telegram can deliver.)
    delete forged.message;
    forged.inline_message_id = 'AQAAAGlubGluZQ';
  }
  return { update_id: base.update_id, callback_query: forged } as unknown as Update;
}

async function fileRefs(api: FakeBotApi) {
  const pdf = api.addFile(plainHandmadePdf());
  const photo = api.addPhoto(await phoneJpeg({ width: 64, height: 48 }));
  const unknown: FileRef = { file_id: 'BQACAgIAAxkBAAIBZ2dvbmVfZmlsZQ', file_unique_id: 'AgADgone', file_size: 1000 };
  return { pdf, photo, unknown };
}

function editedMessage(bot: BotHandle, user: TestUser, run: Run): Update {
  const own = run.api.history(user.id, bot.token).filter((m) => m.from?.id === user.id);
  const original = own.at(-1) ?? bot.updates.text(user, 'first').message!;
  return { update_id: bot.updates.text(user, 'x').update_id, edited_message: { ...original, text: 'исправлено', edit_date: original.date + 1 } } as Update;
}

function myChatMember(bot: BotHandle, user: TestUser, r: ReturnType<typeof prng>): Update {
  const status = r.pick(['kicked', 'member'] as const);
  const me = { id: Number(bot.token.split(':')[0]), is_bot: true, first_name: 'bot' };
  const { update_id } = bot.updates.text(user, 'x');
  return {
    update_id,
    my_chat_member: {
      chat: { id: user.id, type: 'private', first_name: user.first_name },
      from: { ...user, is_bot: false },
      date: 1_764_000_000,
      old_chat_member: { status: status === 'kicked' ? 'member' : 'kicked', user: me, ...(status === 'kicked' ? {} : { until_date: 0 }) },
      new_chat_member: { status, user: me, ...(status === 'kicked' ? { until_date: 0 } : {}) },
    },
  } as Update;
}

async function fuzz(run: Run, r: ReturnType<typeof prng>, files: Awaited<ReturnType<typeof fileRefs>>) {
  for (let round = 0; round < ROUNDS; round++) {
    const staffSide = r.next() < 0.4;
    const bot = staffSide ? run.h.staff : run.h.patient;
    const user = staffSide ? r.pick([DOCTOR, ADMIN, STRANGER]) : r.pick([PATIENT, PATIENT, NEWCOMER]);
    const commands = staffSide ? STAFF_COMMANDS : PATIENT_COMMANDS;
    const shown = buttonsShown(run.api, user, bot.token);
    let update: Update;
    switch (r.int(16)) {
      case 0:
      case 1:
        update = bot.updates.command(user, r.pick(commands));
        break;
      case 2:
        update = bot.updates.command(user, 'start', r.pick(DEEP_LINKS));
        break;
      case 3:
        update = bot.updates.text(user, r.pick([...TEXTS, ...labelsShown(run.api, user, bot.token).slice(-8)]));
        break;
      case 4:
        update = bot.updates.text(user, randomString(r));
        break;
      case 5:
      case 6:
      case 7: {
        const button = shown.length ? r.pick(shown.slice(-12)) : undefined;
        update = callbackUpdate(bot, user, button?.data ?? randomString(r), r, run, button?.message);
        break;
      }
      case 8:
      case 9: {
        const button = shown.length ? r.pick(shown) : undefined;
        update = callbackUpdate(bot, user, mutate(r, button?.data ?? 'lang:ru'), r, run, button?.message);
        break;
      }
      case 10:
        update = callbackUpdate(bot, user, r.pick([undefined, 42, null, { a: 1 }, '', randomString(r), 'lang:ru:extra', 'delete-me:1:1']), r, run);
        break;
      case 11:
        update = bot.updates.contact(user, r.pick([{ phone_number: '+79123456789', first_name: user.first_name, user_id: user.id }, { phone_number: '79001234567', first_name: 'Other' }]));
        break;
      case 12: {
        const file = r.pick([files.pdf, files.unknown]);
        update = bot.updates.document(user, file, { file_name: r.pick(['a.pdf', 'x.xlsx', '../../a.pdf', 'a.exe']), mime_type: r.pick(['application/pdf', 'application/octet-stream']) });
        break;
      }
      case 13:
        update = r.next() < 0.5 ? bot.updates.photo(user, files.photo) : bot.updates.photo(user, files.unknown);
        break;
      case 14:
        update = r.next() < 0.5 ? bot.updates.sticker(user) : editedMessage(bot, user, run);
        break;
      default:
        update = myChatMember(bot, user, r);
    }
    try {
      await bot.send(update);
    } catch (err) {
      // Under the runner in production an update that throws reaches bot.catch and is logged at error level.
      run.thrown.push(err);
    }
  }
}

test(
  `${ROUNDS} random and mutated updates to both bots: no error logged, every press answered, still answering`,
  async () => {
    const errors: string[] = [];
    const clock = manualClock();
    const h = createServiceHarness(api, { clock, logger: captureLogs(errors) });
    const run: Run = { h, api, errors, thrown: [], callbacks: new Set() };
    try {
      h.registerPatient(PATIENT.id);
      h.addStaff(DOCTOR.id, 'doctor', 'bakulev', 'Петрова Анна Сергеевна');
      h.addStaff(ADMIN.id, 'admin', null, 'Админов Админ Админович');
      const files = await fileRefs(api);
      await fuzz(run, prng(SEED), files);

      const answered = new Set(api.callsOf('answerCallbackQuery').map((c) => `${c.token}:${String(c.params.callback_query_id)}`));
      const unanswered = [...run.callbacks].filter((id) => !answered.has(id));
      const summary = { errorLines: errors.length, thrown: run.thrown.length, unanswered: unanswered.length, callbacks: run.callbacks.size };

      h.patient.seen(PATIENT);
      await h.patient.send(h.patient.updates.command(PATIENT, 'start'));
      expect(h.patient.seen(PATIENT).length).toBeGreaterThan(0);
      h.staff.seen(DOCTOR);
      await h.staff.send(h.staff.updates.command(DOCTOR, 'help'));
      expect(h.staff.seen(DOCTOR).length).toBeGreaterThan(0);
      expect({ ...summary, firstErrors: errors.slice(0, 3), firstThrown: run.thrown.slice(0, 3).map(String) }).toEqual({
        errorLines: 0,
        thrown: 0,
        unanswered: 0,
        callbacks: expect.any(Number),
        firstErrors: [],
        firstThrown: [],
      });
      expect(run.callbacks.size).toBeGreaterThan(ROUNDS / 5);
    } finally {
      h.close();
    }
  },
  60_000,
);

