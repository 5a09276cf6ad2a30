import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DUTY_LIMITS } from '../../../core/duty/limits.js';
import type { StaffMember } from '../../../core/staff/repository.js';
import { zonedToUtc } from '../../../core/time.js';
import { addDutyDoctor } from '../../support/duty-fixtures.js';
import { createFakeBotApi, type ReplyMarkup } from '../../support/fake-bot-api.js';
import { WEDNESDAY_10_MSK } from '../../support/scheduling-fixtures.js';
import { createServiceHarness, manualClock, PATIENT_TOKEN, type ServiceHarness } from '../../support/service-harness.js';

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
