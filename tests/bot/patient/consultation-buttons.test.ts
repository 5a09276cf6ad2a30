import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cancelConsultationData } from '../../../bot/patient/applications/callback-data.js';
import { DEFAULT_DUTY_LIMITS } from '../../../core/duty/limits.js';
import type { StaffMember } from '../../../core/staff/repository.js';
import { zonedToUtc } from '../../../core/time.js';
import { addDutyDoctor } from '../../support/duty-fixtures.js';
import { createFakeBotApi, type ReplyMarkup } from '../../support/fake-bot-api.js';
import { WEDNESDAY_10_MSK } from '../../support/scheduling-fixtures.js';
import { createServiceHarness, manualClock, PATIENT_TOKEN, STAFF_TOKEN, type ServiceHarness } from '../../support/service-harness.js';

const api = createFakeBotApi();
const MARIA = 5550001; // Vladivostok (МСК+7), Russian
const JOHN = 5550002; // Moscow, English
const clock = manualClock();
const msk = (date: string, time: string) => zonedToUtc(date, time, 'Europe/Moscow');

let h: ServiceHarness;
let duty: StaffMember;
let maria: number;
let john: number;

beforeAll(() => api.listen());
beforeEach(() => {
  clock.set(WEDNESDAY_10_MSK);
  h = createServiceHarness(api, { clock });
  duty = addDutyDoctor(h.services, 6670001, 'cardiology', 'Соколова Елена Викторовна');
  // Thursday 26.11: 09:00 … 10:30 in Moscow, every 30 minutes; Wednesday 25.11 the same.
  h.services.duty.addTemplate(duty.id, { weekday: 4, from: '09:00', to: '11:00', slotMinutes: 30 });
  h.services.duty.addTemplate(duty.id, { weekday: 3, from: '18:00', to: '19:00', slotMinutes: 30 });
  maria = h.registerPatient(MARIA, { regionCode: 'RU-PRI', timeZone: 'Asia/Vladivostok' });
  john = h.registerPatient(JOHN, { fullName: 'Smith John', regionCode: 'RU-MOW', timeZone: 'Europe/Moscow' });
  h.services.accounts.setLocale(JOHN, 'en');
});
afterEach(() => {
  h.close();
  api.reset();
});
afterAll(() => api.close());

const slotAt = (date: string, time: string) => h.services.duty.schedule(duty.id, msk(date, time), msk(date, time) + 1)[0]!;
const book = (account: number, patientId: number, time: string, date = '2026-11-26') => h.services.booking.book(account, patientId, slotAt(date, time).id, 'video');
const labels = (markup: ReplyMarkup | undefined) =>
  ((markup as { inline_keyboard?: Array<Array<{ text: string }>> } | undefined)?.inline_keyboard ?? []).flat().map((b) => b.text);
const lastSent = (chatId: number) => api.sent(chatId, PATIENT_TOKEN).at(-1)!;

describe('the booking notice states the cut-off', () => {
  it('ru: until when it can be cancelled or moved, in the patient’s own zone, with the Cancel button', async () => {
    book(MARIA, maria, '09:30');
    await h.deliver();
    const notice = lastSent(MARIA);
    expect(notice.text).toMatch(/^📅 Консультация назначена\./);
    // 09:30 Moscow is 16:30 in Vladivostok; 120 minutes before: 14:30 there.
    expect(notice.text!.split('\n').at(-1)).toBe(
      'Отменить или перенести запись можно до 14:30 по владивостокскому времени (МСК+7).',
    );
    expect(labels(notice.replyMarkup)).toEqual(['✖️ Отменить консультацию', '💬 Спросить дежурного врача']);
    expect(notice.text!.length).toBeLessThanOrEqual(400);
  });

  it('en: the same, and the date when the cut-off falls on the day before the start', async () => {
    h.services.duty.addTemplate(duty.id, { weekday: 5, from: '01:00', to: '02:00', slotMinutes: 30 });
    book(JOHN, john, '01:00', '2026-11-27');
    await h.deliver();
    expect(lastSent(JOHN).text!.split('\n').at(-1)).toBe(
      'You can cancel or move this booking until November 26, 23:00, Moscow time (MSK).',
    );
  });

  it('a cut-off that is not whole hours is shown exactly', async () => {
    h.close();
    h = createServiceHarness(api, { clock, duty: { ...DEFAULT_DUTY_LIMITS, cancelMinNoticeMinutes: 90 } });
    duty = addDutyDoctor(h.services, 6670001, 'cardiology', 'Соколова Елена Викторовна');
    h.services.duty.addTemplate(duty.id, { weekday: 4, from: '09:00', to: '11:00', slotMinutes: 30 });
    maria = h.registerPatient(MARIA, { regionCode: 'RU-PRI', timeZone: 'Asia/Vladivostok' });
    book(MARIA, maria, '09:30');
    await h.deliver();
    expect(lastSent(MARIA).text).toContain('можно до 15:00 по владивостокскому времени (МСК+7).');
    clock.set(msk('2026-11-26', '08:45'));
    book(MARIA, maria, '10:00');
    await h.deliver();
    expect(lastSent(MARIA).text).toContain('До начала меньше 90 мин: отменить или перенести эту запись уже нельзя.');
  });

  it('booked inside the cut-off: it says it can no longer be cancelled, and offers no Cancel button', async () => {
    // 75 minutes before 09:30: past the 60-minute booking notice, inside the 120-minute cut-off.
    clock.set(msk('2026-11-26', '08:15'));
    book(MARIA, maria, '09:30');
    await h.deliver();
    const notice = lastSent(MARIA);
    expect(notice.text!.split('\n').at(-1)).toBe(
      'До начала меньше 2 часов: отменить или перенести эту запись уже нельзя. Если не получится подключиться, врач отметит это сам.',
    );
    expect(labels(notice.replyMarkup)).toEqual(['💬 Спросить дежурного врача']);
  });
});

/** The patient's chat as it stands: each bot message's first line and its buttons. */
const chat = (chatId: number, token = PATIENT_TOKEN) =>
  api.history(chatId, token).filter((m) => 'text' in m && m.from?.is_bot).map((m) => ({ first: m.text!.split('\n')[0]!, buttons: labels(m.reply_markup) }));
const edits = (chatId: number) => api.callsOf('editMessageReplyMarkup').filter((c) => Number(c.params.chat_id) === chatId);
const flood = (seconds: number) => ({ error_code: 429, description: `Too Many Requests: retry after ${seconds}`, parameters: { retry_after: seconds } });
const CANCEL = '✖️ Отменить консультацию';
const ASK = '💬 Спросить дежурного врача';

describe('buttons of past states are edited away', () => {
  it('cancelled by the patient (in the Mini App): the booking notice loses its buttons', async () => {
    const id = book(MARIA, maria, '09:30');
    await h.deliver();
    expect(chat(MARIA)).toEqual([{ first: '📅 Консультация назначена.', buttons: [CANCEL, ASK] }]);
    h.services.booking.cancel(MARIA, id);
    await h.deliver();
    expect(edits(MARIA)).toHaveLength(1);
    expect(edits(MARIA)[0]!.params).toMatchObject({ message_id: api.sent(MARIA, PATIENT_TOKEN)[0]!.messageId });
    expect(chat(MARIA)).toEqual([{ first: '📅 Консультация назначена.', buttons: [] }]);
  });

  it('cancelled in the bot: the pressed message and every other one about it lose their buttons; an old press is answered as stale', async () => {
    const id = book(MARIA, maria, '09:30');
    await h.deliver();
    await h.patient.press({ id: MARIA, first_name: 'Мария' }, CANCEL);
    await h.patient.press({ id: MARIA, first_name: 'Мария' }, 'Да');
    await h.deliver();
    expect(h.services.scheduling.get(id)!.status).toBe('cancelled');
    expect(chat(MARIA).filter((m) => m.buttons.length > 0)).toEqual([]);
    // A client that still shows the old keyboard (the edit not yet there) presses Cancel: told it is already cancelled.
    const notice = api.history(MARIA, PATIENT_TOKEN).find((m) => 'text' in m && m.text!.startsWith('📅'))!;
    await h.patient.send(h.patient.updates.callback({ id: MARIA, first_name: 'Мария' }, cancelConsultationData.pack({ id, step: 'ask' }), notice));
    expect(api.sent(MARIA, PATIENT_TOKEN).at(-1)!.text).toBe('Эту консультацию уже нельзя отменить: она уже отменена.');
  });

  it('moved: the old notice’s buttons are gone, the move notice has them', async () => {
    const id = book(MARIA, maria, '09:30');
    await h.deliver();
    h.services.booking.reschedule(MARIA, id, slotAt('2026-11-26', '10:30').id);
    await h.deliver();
    expect(chat(MARIA)).toEqual([
      { first: '📅 Консультация назначена.', buttons: [] },
      { first: '🔁 Консультация перенесена с 26 ноября, 16:30 на 26 ноября, 17:30.', buttons: [CANCEL, ASK] },
    ]);
  });

  it('the cut-off passes: the scheduled job takes Cancel away at that moment, Ask the duty doctor stays', async () => {
    const id = book(MARIA, maria, '09:30');
    await h.deliver();
    h.services.scheduler.tick();
    // One minute before the cut-off (07:30 Moscow) nothing changes; one minute after, the edit is queued and sent.
    clock.set(msk('2026-11-26', '07:29'));
    h.services.scheduler.tick();
    expect(await h.deliver()).toBe(0);
    clock.set(msk('2026-11-26', '07:31'));
    h.services.scheduler.tick();
    await h.deliver();
    expect(chat(MARIA)).toEqual([{ first: '📅 Консультация назначена.', buttons: [ASK] }]);
    // A client still showing Cancel: told it is too late at once, not asked to confirm first.
    const notice = api.history(MARIA, PATIENT_TOKEN)[0]!;
    await h.patient.send(h.patient.updates.callback({ id: MARIA, first_name: 'Мария' }, cancelConsultationData.pack({ id, step: 'ask' }), notice));
    expect(api.sent(MARIA, PATIENT_TOKEN).at(-1)!.text).toMatch(/^Отменить консультацию у дежурного врача можно не позже чем за 120 мин до начала/);
    // The job's window is recorded: another tick queues nothing again.
    h.services.scheduler.tick();
    expect(await h.deliver()).toBe(0);
    expect(edits(MARIA)).toHaveLength(1);
  });

  it('a clock jump over the cut-off and the start (the sandbox) still takes the buttons away', async () => {
    book(MARIA, maria, '09:30');
    await h.deliver();
    h.services.scheduler.tick();
    clock.set(msk('2026-11-27', '12:00'));
    h.services.scheduler.tick();
    await h.deliver();
    expect(chat(MARIA)[0]).toEqual({ first: '📅 Консультация назначена.', buttons: [ASK] });
  });

  it('a 429 on the edit: tried again after retry_after, and made once', async () => {
    const id = book(MARIA, maria, '09:30');
    await h.deliver();
    api.failNext('editMessageReplyMarkup', flood(5));
    h.services.booking.cancel(MARIA, id);
    await h.deliver();
    expect(chat(MARIA)[0]!.buttons).toEqual([CANCEL, ASK]);
    clock.advance(5_000);
    await h.deliver();
    expect(chat(MARIA)[0]!.buttons).toEqual([]);
    expect(edits(MARIA).map((c) => c.response?.ok)).toEqual([false, true]);
    clock.advance(60_000);
    expect(await h.deliver()).toBe(0);
  });

  it('a message the patient deleted, or one too old to edit: the edit counts as done, not retried', async () => {
    const first = book(MARIA, maria, '09:30');
    await h.deliver();
    api.failNext('editMessageReplyMarkup', { error_code: 400, description: 'Bad Request: message to edit not found' });
    h.services.booking.cancel(MARIA, first);
    await h.deliver();
    const second = book(MARIA, maria, '10:00');
    await h.deliver();
    api.failNext('editMessageReplyMarkup', { error_code: 400, description: "Bad Request: message can't be edited" });
    h.services.booking.cancel(MARIA, second);
    await h.deliver();
    const rows = h.services.db.$client.prepare("SELECT sent_at IS NOT NULL AS sent, failed_at FROM outbox WHERE template = 'consultation_buttons'").all();
    expect(rows).toEqual([
      { sent: 1, failed_at: null },
      { sent: 1, failed_at: null },
    ]);
    clock.advance(3_600_000);
    expect(await h.deliver()).toBe(0);
  });

  it('the doctor cancels: the patient’s notice and the doctor’s reminder (Join) lose their buttons', async () => {
    const id = book(MARIA, maria, '09:30');
    await h.deliver();
    h.services.scheduler.tick();
    clock.set(msk('2026-11-26', '09:21'));
    h.services.scheduler.tick();
    await h.deliver();
    // The morning list came with it; the reminder is the one with the button into the room.
    expect(chat(duty.telegramId!, STAFF_TOKEN).map((m) => m.buttons)).toContainEqual(['🎥 Видеокомната']);
    h.services.duty.doctorCancels(duty.id, id, 'Срочная операция');
    await h.deliver();
    expect(chat(duty.telegramId!, STAFF_TOKEN).every((m) => m.buttons.length === 0)).toBe(true);
    expect(chat(MARIA).filter((m) => m.buttons.includes(CANCEL) || m.buttons.includes(ASK))).toEqual([]);
  });
});
