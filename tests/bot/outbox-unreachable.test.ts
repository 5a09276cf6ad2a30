import type { I18n } from '@grammyjs/i18n';
import { eq } from 'drizzle-orm';
import type { Context } from 'grammy';
import type { Update } from 'grammy/types';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOutbox } from '../../app/outbox.js';
import { createPatientBot } from '../../bot/patient/index.js';
import { createI18n } from '../../bot/shared/i18n.js';
import { NOTICE_FALLBACK, smsRenderers } from '../../bot/sms/renderers.js';
import type { StaffMember } from '../../core/staff/repository.js';
import { zonedToUtc } from '../../core/time.js';
import { accounts, outbox, smsOutbox } from '../../db/schema.js';
import { createFakeBotApi } from '../support/fake-bot-api.js';
import { takenApplication, WEDNESDAY_10_MSK } from '../support/scheduling-fixtures.js';
import { createServiceHarness, manualClock, PATIENT_TOKEN, type ServiceHarness } from '../support/service-harness.js';

const clock = manualClock();
const api = createFakeBotApi({ now: () => clock.now() });
const MARIA = { id: 5550001, first_name: 'Мария', language_code: 'ru' };
const DOCTOR = { id: 6660001, first_name: 'Анна', language_code: 'ru' };
const MANAGER = { id: 6660009, first_name: 'Ольга', language_code: 'ru' };
const WARNING = '⚠️ Пациент заблокировал бота: сообщения до него не доходят, важные уведомления уходят по SMS, если известен телефон.';
const msk = (date: string, time: string) => zonedToUtc(date, time, 'Europe/Moscow');

let h: ServiceHarness;
let doctor: StaffMember;
let patientId: number;

beforeAll(() => api.listen());
beforeEach(() => {
  clock.set(WEDNESDAY_10_MSK);
  h = createServiceHarness(api, { clock });
  doctor = h.addStaff(DOCTOR.id, 'doctor', 'bakulev', 'Петрова Анна Сергеевна');
  h.addStaff(MANAGER.id, 'manager', null, 'Менеджер Ольга');
  patientId = h.registerPatient(MARIA.id, { regionCode: 'RU-PRI', timeZone: 'Asia/Vladivostok', phone: '+79140001122' });
});
afterEach(() => {
  h.close();
  api.reset();
});
afterAll(() => api.close());

const rows = () => h.services.db.select().from(outbox).where(eq(outbox.chatId, MARIA.id)).orderBy(outbox.id).all();
const sms = () => h.services.db.select().from(smsOutbox).all();
const reachable = () => h.services.db.select({ r: accounts.reachable }).from(accounts).where(eq(accounts.telegramId, MARIA.id)).get()!.r;
const callsToMaria = () => api.calls.filter((c) => c.token === PATIENT_TOKEN && Number(c.params.chat_id) === MARIA.id);

/** An application in review (Maria is told so) and its consultation scheduled (told too): one ordinary notice, one critical. */
function reviewedAndScheduled() {
  const appId = takenApplication(h.services, patientId, doctor);
  const c = h.services.scheduling.scheduleApplication(doctor, appId, msk('2026-11-26', '11:00'), 'video');
  return { appId, c };
}

describe('/delivery', () => {
  it('a notice that kept failing past the bound is given up and shown to the manager with its template and chat', async () => {
    // The service's own sender with a one-minute bound (OUTBOX_GIVE_UP_HOURS is hours; the rule is the same).
    const patientBot = createPatientBot(h.services, { botInfo: api.botInfo(PATIENT_TOKEN) });
    const sender = createOutbox(h.services, { patient: patientBot.i18n as unknown as I18n<Context> }, { giveUpMs: 60_000, random: () => 0.5 });
    // Retries after 1.5, 3, 6, 12 and 24 s; the sixth failure would wait 48 s more, past the minute: given up.
    api.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' }, 6);
    takenApplication(h.services, patientId, doctor);
    for (let i = 0; i < 120 && rows()[0]!.failedAt === null; i++) {
      await sender.pump();
      clock.advance(1_000);
    }
    const [row] = rows();
    expect(row!.failedAt! - row!.createdAt).toBeLessThanOrEqual(60_000);
    expect(row!.lastError).toBe('gave up after 6 attempts: 502 Bad Gateway');

    await h.staff.send(h.staff.updates.command(MANAGER, '/delivery'));
    const text = h.staff.seen(MANAGER).at(-1)!;
    expect(text).toContain('Не доставлено за сутки: 1');
    expect(text).toContain(`· бот пациентов · application_in_review · чат ${MARIA.id} — не удалось отправить за отведённое время`);
    expect(text).toContain('Пациентов, заблокировавших бота: 0');
  });

  it('all well', async () => {
    await h.staff.send(h.staff.updates.command(MANAGER, '/delivery'));
    expect(h.staff.seen(MANAGER).at(-1)).toBe(
      [
        '📬 Доставка сообщений',
        'В очереди: 0',
        'Прервано при отправке (будет отправлено снова): 0',
        'Не доставлено за сутки: 0',
        'Отправлено повторно после сбоя за сутки (возможен дубль): 0',
        'Пациентов, заблокировавших бота: 0',
        '',
        '✅ Всё доставлено.',
      ].join('\n'),
    );
  });
});

describe('403: the patient blocked the bot', () => {
  it('the account becomes unreachable, only the critical notice goes by SMS, and nothing more is sent to the chat', async () => {
    api.blockChat(MARIA.id, { token: PATIENT_TOKEN });
    const { c } = reviewedAndScheduled();
    await h.deliver();

    const [review, scheduled] = rows();
    expect(review).toMatchObject({ template: 'application_in_review', sentAt: null, lastError: 'unreachable: 403 Forbidden: bot was blocked by the user' });
    expect(scheduled).toMatchObject({ template: 'consultation_scheduled', sentAt: null, lastError: 'unreachable: not sent: the patient has blocked the bot' });
    expect(review!.failedAt).toBe(clock.now());
    expect(reachable()).toBe(false);
    // Telegram was asked once; once it said "blocked", the sender stopped knocking.
    expect(callsToMaria()).toHaveLength(1);
    expect(sms()).toEqual([
      expect.objectContaining({
        phone: '+79140001122',
        purpose: 'notice_fallback',
        dedupeKey: `fallback:${scheduled!.id}`,
        state: 'queued',
      }),
    ]);
    expect(JSON.parse(sms()[0]!.params)).toEqual({ notice: 'scheduled', startsAt: c.startsAt, timeZone: 'Asia/Vladivostok', locale: 'ru' });
  });

  it("the SMS is in the patient's language: English for one who chose English, Russian for a Russian speaker", async () => {
    const renderText = (row: { params: string }) => {
      const out = smsRenderers({ translate: (l, k, p) => i18n.t(l, k, p), botUsername: () => 'oblako_bot' })[NOTICE_FALLBACK](JSON.parse(row.params), { now: clock.now() });
      return out.kind === 'text' ? out.text : out.kind;
    };
    const i18n = createI18n<Context>(() => undefined);
    api.blockChat(MARIA.id, { token: PATIENT_TOKEN });
    reviewedAndScheduled();
    await h.deliver();
    expect(renderText(sms()[0]!)).toBe('Облако здоровья: консультация назначена на 26.11 18:00 по владивостокскому времени (МСК+7). Подробности — в Telegram.');

    const john = { id: 5550003, first_name: 'John', language_code: 'en' };
    const johnsProfile = h.registerPatient(john.id, { phone: '+79140003344', regionCode: 'RU-PRI', timeZone: 'Asia/Vladivostok' });
    h.services.accounts.setLocale(john.id, 'en');
    api.blockChat(john.id, { token: PATIENT_TOKEN });
    const appId = takenApplication(h.services, johnsProfile, doctor);
    h.services.scheduling.scheduleApplication(doctor, appId, msk('2026-11-26', '12:00'), 'audio');
    await h.deliver();
    const english = sms().find((s) => s.phone === '+79140003344')!;
    expect(JSON.parse(english.params)).toMatchObject({ locale: 'en' });
    expect(renderText(english)).toBe('Oblako Zdorovya: your consultation is scheduled for 26.11 19:00 Vladivostok time (MSK+7). Details in Telegram.');
  });

  it('the account holder’s phone is preferred; without any phone there is no SMS, and a deactivated account counts as blocked', async () => {
    h.services.db.update(accounts).set({ phone: '+79990001111' }).where(eq(accounts.telegramId, MARIA.id)).run();
    api.blockChat(MARIA.id, { token: PATIENT_TOKEN, deactivated: true });
    reviewedAndScheduled();
    await h.deliver();
    expect(rows()[0]!.lastError).toBe('unreachable: 403 Forbidden: user is deactivated');
    expect(sms().map((s) => s.phone)).toEqual(['+79990001111']);

    const other = { id: 5550002, first_name: 'Пётр', language_code: 'ru' };
    const petr = h.registerPatient(other.id, { phone: null, phoneVerified: false });
    api.blockChat(other.id, { token: PATIENT_TOKEN });
    const appId = takenApplication(h.services, petr, doctor);
    h.services.scheduling.scheduleApplication(doctor, appId, msk('2026-11-26', '12:00'), 'audio');
    await h.deliver();
    expect(sms()).toHaveLength(1);
  });

  it("a doctor's cancellation refused by Telegram goes by SMS as 'cancelled'", async () => {
    const { c } = reviewedAndScheduled();
    await h.deliver();
    expect(sms()).toEqual([]);
    api.blockChat(MARIA.id, { token: PATIENT_TOKEN });
    h.services.duty.doctorCancels(doctor.id, c.id, 'Болезнь врача');
    await h.deliver();
    const cancelled = rows().at(-1)!;
    // The edit that takes the old notice's buttons away goes first and meets the block; the cancellation then is not tried.
    expect(rows().find((r) => r.template === 'consultation_buttons')).toMatchObject({ lastError: 'unreachable: 403 Forbidden: bot was blocked by the user' });
    expect(cancelled).toMatchObject({ template: 'consultation_cancelled_by_doctor', lastError: 'unreachable: not sent: the patient has blocked the bot' });
    expect(sms().map((m) => [m.dedupeKey, JSON.parse(m.params)])).toEqual([
      [`fallback:${cancelled.id}`, { notice: 'cancelled', startsAt: c.startsAt, timeZone: 'Asia/Vladivostok', locale: 'ru' }],
    ]);
  });

  it('scheduled and cancelled before the sender came round: only the cancellation goes by SMS', async () => {
    api.blockChat(MARIA.id, { token: PATIENT_TOKEN });
    const { c } = reviewedAndScheduled();
    h.services.duty.doctorCancels(doctor.id, c.id);
    await h.deliver();
    expect(rows().map((r) => [r.template, r.sentAt === null ? r.lastError : 'skipped'])).toEqual([
      ['application_in_review', 'unreachable: 403 Forbidden: bot was blocked by the user'],
      ['consultation_scheduled', 'skipped'],
      // Nothing was sent, so there are no buttons to take away.
      ['consultation_buttons', 'skipped'],
      ['consultation_cancelled_by_doctor', 'unreachable: not sent: the patient has blocked the bot'],
    ]);
    expect(sms().map((m) => JSON.parse(m.params).notice)).toEqual(['cancelled']);
  });

  it('the doctor sees it on the consultation card and the triage card; the manager in /delivery', async () => {
    api.blockChat(MARIA.id, { token: PATIENT_TOKEN });
    const appId = takenApplication(h.services, patientId, doctor);
    await h.deliver();
    await h.staff.send(h.staff.updates.command(DOCTOR, '/queue'));
    h.staff.seen(DOCTOR);
    await h.staff.press(DOCTOR, `Открыть №${appId}`);
    expect(api.lastText(DOCTOR.id)).toContain(WARNING);

    const c = h.services.scheduling.scheduleApplication(doctor, appId, msk('2026-11-26', '11:00'), 'video');
    await h.deliver();
    await h.staff.send(h.staff.updates.command(DOCTOR, '/consultation', String(c.id)));
    expect(h.staff.seen(DOCTOR).at(-1)).toContain(WARNING);

    await h.staff.send(h.staff.updates.command(MANAGER, '/delivery'));
    const text = h.staff.seen(MANAGER).at(-1)!;
    expect(text).toContain('Не доставлено за сутки: 2');
    expect(text).toContain('Пациентов, заблокировавших бота: 1');
    expect(text).toContain(`· бот пациентов · application_in_review · чат ${MARIA.id} — бот заблокирован`);
    expect(text).toContain(`· бот пациентов · consultation_scheduled · чат ${MARIA.id} — бот заблокирован`);
    expect(text).toContain(`• чат ${MARIA.id} · важные уведомления уходят по SMS`);
    // Template names and chat ids only: nothing of the patient or the application.
    expect(text).not.toContain('Иванова');
    expect(text).not.toMatch(/Фибрилляция|Перебои/);

    await h.staff.send(h.staff.updates.command(DOCTOR, '/delivery'));
    expect(h.staff.seen(DOCTOR).at(-1)).toBe('Сведения о доставке доступны менеджерам и администраторам.');
  });

  it('writing to the bot again makes the patient reachable, and the refused notices arrive once; no second SMS', async () => {
    api.blockChat(MARIA.id, { token: PATIENT_TOKEN });
    const { c } = reviewedAndScheduled();
    await h.deliver();
    expect(sms()).toHaveLength(1);

    api.unblockChat(MARIA.id, PATIENT_TOKEN);
    clock.advance(3_600_000);
    await h.patient.send(h.patient.updates.command(MARIA, '/start'));
    expect(reachable()).toBe(true);
    h.patient.seen(MARIA);
    await h.deliver();
    const seen = h.patient.seen(MARIA);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatch(/взял в работу/);
    expect(seen[1]).toMatch(/назначена|Консультация/);
    expect(rows().every((r) => r.sentAt !== null)).toBe(true);
    expect(sms()).toHaveLength(1);

    await h.staff.send(h.staff.updates.command(DOCTOR, '/consultation', String(c.id)));
    expect(h.staff.seen(DOCTOR).at(-1)).not.toContain(WARNING);
  });

  it("Telegram's my_chat_member 'kicked' marks the account unreachable before any message is refused; 'member' undoes it", async () => {
    const member = (status: 'kicked' | 'member'): Update => ({
      update_id: Math.floor(Math.random() * 1e9),
      my_chat_member: {
        chat: { id: MARIA.id, type: 'private', first_name: MARIA.first_name },
        from: { id: MARIA.id, is_bot: false, first_name: MARIA.first_name },
        date: Math.floor(clock.now() / 1000),
        old_chat_member: { status: status === 'kicked' ? 'member' : 'kicked', user: { id: 1, is_bot: true, first_name: 'Bot' }, ...(status === 'kicked' ? {} : { until_date: 0 }) },
        new_chat_member: { status, user: { id: 1, is_bot: true, first_name: 'Bot' }, ...(status === 'kicked' ? { until_date: 0 } : {}) },
      } as never,
    });
    await h.patient.send(member('kicked'));
    expect(reachable()).toBe(false);
    expect(callsToMaria()).toEqual([]);
    reviewedAndScheduled();
    await h.deliver();
    expect(callsToMaria()).toEqual([]);
    expect(sms()).toHaveLength(1);

    await h.patient.send(member('member'));
    expect(reachable()).toBe(true);
    await h.deliver();
    expect(h.patient.seen(MARIA)).toHaveLength(2);
  });
});
