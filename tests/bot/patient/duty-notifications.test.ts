import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dutyRenderers } from '../../../bot/patient/notifications/duty.js';
import { createI18n } from '../../../bot/shared/i18n.js';
import { checkedRenderers } from '../../../bot/shared/renderers.js';
import { joinWaitlist } from '../../../core/duty/index.js';
import type { StaffMember } from '../../../core/staff/repository.js';
import { zonedToUtc } from '../../../core/time.js';
import { outbox, patients } from '../../../db/schema.js';
import { addDutyDoctor, bookDirectly } from '../../support/duty-fixtures.js';
import { createFakeBotApi } from '../../support/fake-bot-api.js';
import { takenApplication, WEDNESDAY_10_MSK } from '../../support/scheduling-fixtures.js';
import { createServiceHarness, manualClock, PATIENT_TOKEN, type ServiceHarness } from '../../support/service-harness.js';

const api = createFakeBotApi();
const MARIA = 5550001; // Vladivostok, Russian
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
  // Thursday 26.11: 09:00, 09:30 and 10:00 in Moscow.
  h.services.duty.addTemplate(duty.id, { weekday: 4, from: '09:00', to: '10:30', slotMinutes: 30 });
  maria = h.registerPatient(MARIA, { regionCode: 'RU-PRI', timeZone: 'Asia/Vladivostok' });
  john = h.registerPatient(JOHN, { fullName: 'Smith John', regionCode: 'RU-MOW', timeZone: 'Europe/Moscow' });
  h.services.accounts.setLocale(JOHN, 'en');
});
afterEach(() => {
  h.close();
  api.reset();
});
afterAll(() => api.close());

const slotAt = (time: string) => h.services.duty.schedule(duty.id, msk('2026-11-26', time), msk('2026-11-26', time) + 1)[0]!;
const book = (patientId: number, time: string) => bookDirectly(h.services, patientId, duty.id, slotAt(time).id);
const lastMarkup = (chatId: number) => api.sent(chatId, PATIENT_TOKEN).at(-1)!.replyMarkup;
const waitFor = (patientId: number, timeZone: string) =>
  joinWaitlist(h.services.db, { patientId, timeZone, specialty: 'cardiology', date: '2026-11-26', now: clock.now(), limits: h.services.dutyLimits }).entry.id;

describe('patient: the doctor cancelled the consultation', () => {
  it('ru: kind words, the time in the patient’s own zone, the reason, and a web_app button to book again', async () => {
    const id = book(maria, '09:30');
    h.services.duty.doctorCancels(duty.id, id, '  Срочная операция  ');
    await h.deliver();
    expect(h.patient.seen({ id: MARIA, first_name: 'Мария' })).toEqual([
      [
        '😔 К сожалению, врач отменил консультацию.',
        'Пациент: Иванова Мария Петровна',
        'Было назначено: четверг, 26 ноября, 16:30',
        'Часовой пояс: владивостокское время (МСК+7)',
        'Причина: Срочная операция',
        '',
        'Приносим извинения. Пожалуйста, запишитесь на другое удобное время — это бесплатно.',
      ].join('\n'),
    ]);
    expect(lastMarkup(MARIA)).toEqual({ inline_keyboard: [[{ text: '📅 Выбрать другое время', web_app: { url: 'https://oblako.test/app/' } }]] });
  });

  it('en, without a reason', async () => {
    const id = book(john, '09:00');
    h.services.duty.doctorCancels(duty.id, id);
    await h.deliver();
    expect(h.patient.seen({ id: JOHN, first_name: 'John' })).toEqual([
      [
        '😔 We are sorry: the doctor has cancelled the consultation.',
        'Patient: Smith John',
        'It was booked for: Thursday, November 26, 09:00',
        'Time zone: Moscow time (MSK)',
        '',
        'Please accept our apologies and book another time that suits you — it is free.',
      ].join('\n'),
    ]);
    expect(lastMarkup(JOHN)).toEqual({ inline_keyboard: [[{ text: '📅 Choose another time', web_app: { url: 'https://oblako.test/app/' } }]] });
  });

  it('a center’s consultation: the application is back with its doctor, nothing to book', async () => {
    const doctor = h.addStaff(6660001, 'doctor', 'bakulev', 'Петрова Анна Сергеевна');
    const appId = takenApplication(h.services, maria, doctor);
    const c = h.services.scheduling.scheduleApplication(doctor, appId, msk('2026-11-27', '11:00'), 'video');
    await h.deliver();
    h.patient.seen({ id: MARIA, first_name: 'Мария' });
    h.services.duty.doctorCancels(doctor.id, c.id, 'Нужна очная консультация');
    await h.deliver();
    expect(h.patient.seen({ id: MARIA, first_name: 'Мария' })).toEqual([
      [
        '😔 К сожалению, врач отменил консультацию.',
        'Пациент: Иванова Мария Петровна',
        'Было назначено: пятница, 27 ноября, 18:00',
        'Часовой пояс: владивостокское время (МСК+7)',
        'Причина: Нужна очная консультация',
        '',
        'Приносим извинения. Заявка снова у врача центра: он назначит новое время, и мы сообщим о нём здесь.',
      ].join('\n'),
    ]);
    expect(lastMarkup(MARIA)).toBeUndefined();
    expect(h.services.applicationRepository.byId(appId)!.status).toBe('in_review');
  });

  it('without an https PUBLIC_URL there is no web app to open: the words point to the bot’s menu', () => {
    const id = book(maria, '09:30');
    h.services.duty.doctorCancels(duty.id, id);
    const row = h.services.outbox.due(clock.now(), 10).find((r) => r.template === 'consultation_cancelled_by_doctor')!;
    const i18n = createI18n(() => undefined);
    for (const [locale, last] of [
      ['ru', 'Приносим извинения. Пожалуйста, запишитесь на другое удобное время — это бесплатно: откройте «Личный кабинет» в меню бота.'],
      ['en', 'Please accept our apologies and book another time that suits you — it is free: open “My account” in the bot\'s menu.'],
    ] as const) {
      const renderers = dutyRenderers({ ...h.services, publicUrl: 'http://localhost:8080' });
      const out = checkedRenderers(renderers).consultation_cancelled_by_doctor!(row, (key, params) => i18n.t(locale, key, params), locale);
      expect(out).toMatchObject({ kind: 'message' });
      expect(out).not.toHaveProperty('replyMarkup');
      expect((out as { text: string }).text.split('\n').at(-1)).toBe(last);
    }
  });

  it('nothing is sent when the profile was deleted before the message went out', async () => {
    const id = book(maria, '09:30');
    h.services.duty.doctorCancels(duty.id, id);
    h.services.db.update(patients).set({ deletedAt: clock.now() }).where(eq(patients.id, maria)).run();
    await h.deliver();
    expect(api.sent(MARIA, PATIENT_TOKEN)).toEqual([]);
    expect(h.services.db.select().from(outbox).where(eq(outbox.template, 'consultation_cancelled_by_doctor')).get()).toMatchObject({ sentAt: clock.now(), failedAt: null });
  });
});

describe('patient: a time freed up on the day they waited for', () => {
  it('ru and en: the freed time in each patient’s zone and a web_app button to book it', async () => {
    const booker = h.registerPatient(5550009, { fullName: 'Петров Пётр Петрович' });
    const id = book(booker, '09:30');
    waitFor(maria, 'Asia/Vladivostok');
    h.services.duty.doctorCancels(duty.id, id, undefined, { reopenSlot: true });
    await h.deliver();
    // Maria's Thursday 26th in Vladivostok covers Moscow's Wednesday 17:00 … Thursday 17:00: 09:30 Moscow is 16:30 there.
    expect(h.patient.seen({ id: MARIA, first_name: 'Мария' })).toEqual([
      [
        '🔔 Освободилось время у дежурного врача (кардиология) на день, который вы ждали.',
        'Пациент: Иванова Мария Петровна',
        'Когда: четверг, 26 ноября, 16:30',
        'Часовой пояс: владивостокское время (МСК+7)',
        '',
        'Время может занять другой пациент — запишитесь, пока оно свободно.',
      ].join('\n'),
    ]);
    expect(lastMarkup(MARIA)).toEqual({ inline_keyboard: [[{ text: '📅 Записаться', web_app: { url: 'https://oblako.test/app/' } }]] });

    const second = book(booker, '10:00');
    waitFor(john, 'Europe/Moscow');
    h.services.duty.doctorCancels(duty.id, second, undefined, { reopenSlot: true });
    await h.deliver();
    expect(h.patient.seen({ id: JOHN, first_name: 'John' })).toEqual([
      [
        '🔔 A duty doctor\'s time has freed up (cardiology) on the day you were waiting for.',
        'Patient: Smith John',
        'When: Thursday, November 26, 10:00',
        'Time zone: Moscow time (MSK)',
        '',
        'Another patient may take it — book while it is free.',
      ].join('\n'),
    ]);
    expect(lastMarkup(JOHN)).toEqual({ inline_keyboard: [[{ text: '📅 Book', web_app: { url: 'https://oblako.test/app/' } }]] });
  });

  it('nothing is sent when someone booked the time before the message went out, or the entry is gone', async () => {
    const booker = h.registerPatient(5550009, { fullName: 'Петров Пётр Петрович' });
    const id = book(booker, '09:30');
    waitFor(maria, 'Asia/Vladivostok');
    h.services.duty.doctorCancels(duty.id, id, undefined, { reopenSlot: true });
    book(booker, '09:30');
    const second = book(booker, '10:00');
    waitFor(john, 'Europe/Moscow');
    h.services.duty.doctorCancels(duty.id, second, undefined, { reopenSlot: true });
    h.services.db.update(patients).set({ deletedAt: clock.now() }).where(eq(patients.id, john)).run();
    await h.deliver();
    expect(api.sent(MARIA, PATIENT_TOKEN)).toEqual([]);
    expect(api.sent(JOHN, PATIENT_TOKEN)).toEqual([]);
    const rows = h.services.db.select().from(outbox).where(eq(outbox.template, 'waitlist_slot_free')).all();
    expect(rows.map((r) => [r.chatId, r.sentAt !== null, r.failedAt])).toEqual([
      [MARIA, true, null],
      [JOHN, true, null],
    ]);
  });
});
