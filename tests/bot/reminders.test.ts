import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StaffMember } from '../../core/staff/repository.js';
import { zonedToUtc } from '../../core/time.js';
import { consultations, outbox } from '../../db/schema.js';
import { addDutyDoctor } from '../support/duty-fixtures.js';
import { createFakeBotApi } from '../support/fake-bot-api.js';
import { takenApplication, WEDNESDAY_10_MSK } from '../support/scheduling-fixtures.js';
import { createServiceHarness, manualClock, PATIENT_TOKEN, type ServiceHarness } from '../support/service-harness.js';

const api = createFakeBotApi();
const clock = manualClock();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const msk = (date: string, time: string) => zonedToUtc(date, time, 'Europe/Moscow');

const MARIA = { id: 5560001, first_name: 'Мария', language_code: 'ru' }; // Vladivostok, MSK+7, Russian
const KARL = { id: 5560002, first_name: 'Karl', language_code: 'en' }; // Kaliningrad, MSK−1, English
const FRIDAY_09 = msk('2026-11-27', '09:00');
const FRIDAY_10 = msk('2026-11-27', '10:00');
const APP_BUTTON = { text: '📱 Открыть личный кабинет', web_app: { url: 'https://oblako.test/app/' } };
/** The 15-minute reminder's Join opens that consultation's screen in the Mini App, not its home. */
const joinButton = (id: number) => ({ text: '🎥 Войти в консультацию', web_app: { url: `https://oblako.test/app/?consultation=${id}` } });

let h: ServiceHarness;
let duty: StaffMember;
let maria: number;
let karl: number;

beforeAll(() => api.listen());
beforeEach(() => {
  clock.set(WEDNESDAY_10_MSK);
  h = createServiceHarness(api, { clock });
  duty = addDutyDoctor(h.services, 6670001, 'cardiology', 'Соколова Елена Викторовна');
  // Friday 27.11, 09:00–12:00 in Moscow, every 30 minutes.
  h.services.duty.addTemplate(duty.id, { weekday: 5, from: '09:00', to: '12:00', slotMinutes: 30 });
  maria = h.registerPatient(MARIA.id, { regionCode: 'RU-PRI', timeZone: 'Asia/Vladivostok' });
  karl = h.registerPatient(KARL.id, { fullName: 'Schmidt Karl', regionCode: 'RU-KGD', timeZone: 'Europe/Kaliningrad' });
  h.services.accounts.setLocale(KARL.id, 'en');
  // The scheduler's first run, at booking time: what was due before now is not its business.
  h.services.scheduler.tick();
});
afterEach(() => {
  h.close();
  api.reset();
});
afterAll(() => api.close());

const slotAt = (startsAt: number) => h.services.duty.schedule(duty.id, startsAt, startsAt + 1)[0]!.id;
const book = (accountId: number, patientId: number, startsAt: number) => h.services.booking.book(accountId, patientId, slotAt(startsAt), 'video');
/** Moves the clock to `at` and runs the scheduler there, as its 30-second timer would. */
const tickAt = (at: number) => {
  clock.set(at);
  return h.services.scheduler.tick();
};
const reminderRows = () =>
  h.services.db
    .select({ key: outbox.dedupeKey, sentAt: outbox.sentAt })
    .from(outbox)
    .where(eq(outbox.template, 'consultation_reminder'))
    .all();
const markup = () => api.sent(MARIA.id, PATIENT_TOKEN).at(-1)!.replyMarkup;
/** Delivers what is queued and returns what Maria newly sees. */
const mariaSees = async () => {
  await h.deliver();
  return h.patient.seen(MARIA);
};

describe('patient reminders: the right moments, in the patient’s own zone', () => {
  it('Vladivostok, a duty consultation: 24 h before with Open and Cancel, 15 min before with Join only (past the cancel cut-off)', async () => {
    const id = book(MARIA.id, maria, FRIDAY_09);
    await mariaSees(); // the booking notice

    expect(tickAt(FRIDAY_09 - 24 * HOUR - 1000)).toBe(0);
    expect(await mariaSees()).toEqual([]);
    tickAt(FRIDAY_09 - 24 * HOUR);
    expect(await mariaSees()).toEqual([
      [
        '⏰ Напоминаем о консультации.',
        'Пациент: Иванова Мария Петровна',
        'Врач: Соколова Елена Викторовна',
        'Когда: пятница, 27 ноября, 16:00',
        'Часовой пояс: владивостокское время (МСК+7)',
        'Связь: видео',
        '',
        'Вход в консультацию откроется за 10 минут до начала в личном кабинете (кнопка ниже). Там же можно заранее проверить камеру, микрофон и скорость интернета.',
        'Если не сможете прийти, отмените консультацию кнопкой ниже — время освободится для другого пациента.',
      ].join('\n'),
    ]);
    expect(markup()).toEqual({ inline_keyboard: [[APP_BUTTON], [{ text: '✖️ Отменить консультацию', callback_data: `consult-cancel:${id}:ask` }]] });

    tickAt(FRIDAY_09 - 15 * MINUTE - 1000);
    expect(await mariaSees()).toEqual([]);
    tickAt(FRIDAY_09 - 15 * MINUTE);
    expect(await mariaSees()).toEqual([
      [
        '🔔 Консультация начнётся через 15 минут.',
        'Пациент: Иванова Мария Петровна',
        'Врач: Соколова Елена Викторовна',
        'Когда: пятница, 27 ноября, 16:00',
        'Часовой пояс: владивостокское время (МСК+7)',
        'Связь: видео',
        '',
        'Нажмите «Войти» — вход открывается за 10 минут до начала. Врач впустит вас из зала ожидания.',
      ].join('\n'),
    ]);
    // A duty booking cannot be cancelled this close to the start: no button that would only say so.
    expect(markup()).toEqual({ inline_keyboard: [[joinButton(id)]] });

    tickAt(FRIDAY_09 + HOUR);
    expect(await mariaSees()).toEqual([]);
  });

  it('Kaliningrad, in English: the same moments, the time as the patient’s clock shows it', async () => {
    book(KARL.id, karl, FRIDAY_10);
    await h.deliver();
    h.patient.seen(KARL);
    tickAt(FRIDAY_10 - 24 * HOUR);
    await h.deliver();
    expect(h.patient.seen(KARL)).toEqual([
      [
        '⏰ A reminder of your consultation.',
        'Patient: Schmidt Karl',
        'Doctor: Соколова Елена Викторовна',
        'When: Friday, November 27, 09:00',
        'Time zone: Kaliningrad time (MSK−1)',
        'Connection: video',
        '',
        'You can join 10 minutes before the start in your account (the button below). There you can also check your camera, microphone and internet speed in advance.',
        'If you cannot come, please cancel with the button below so the time goes to another patient.',
      ].join('\n'),
    ]);
    tickAt(FRIDAY_10 - 15 * MINUTE);
    await h.deliver();
    expect(h.patient.seen(KARL)).toEqual([expect.stringMatching(/^🔔 The consultation starts in 15 minutes\.\n[\s\S]*\nWhen: Friday, November 27, 09:00\nTime zone: Kaliningrad time \(MSK−1\)\n/)]);
  });

  it('a consultation of the application path: both reminders, and Cancel still offered 15 minutes before (allowed until the start)', async () => {
    const doctor = h.addStaff(6660001, 'doctor', 'bakulev', 'Петрова Анна Сергеевна');
    const appId = takenApplication(h.services, maria, doctor);
    const c = h.services.scheduling.scheduleApplication(doctor, appId, FRIDAY_10, 'audio');
    await mariaSees();
    tickAt(FRIDAY_10 - 24 * HOUR);
    expect(await mariaSees()).toEqual([expect.stringContaining('Когда: пятница, 27 ноября, 17:00\nЧасовой пояс: владивостокское время (МСК+7)\nСвязь: только звук')]);
    tickAt(FRIDAY_10 - 15 * MINUTE);
    expect(await mariaSees()).toEqual([expect.stringMatching(/^🔔 Консультация начнётся через 15 минут\./)]);
    expect(markup()).toEqual({ inline_keyboard: [[joinButton(c.id)], [{ text: '✖️ Отменить консультацию', callback_data: `consult-cancel:${c.id}:ask` }]] });
  });

  it('booked less than 30 h ahead: no day-before reminder on top of the fresh confirmation; the 15-minute one comes', async () => {
    clock.set(FRIDAY_09 - 29 * HOUR);
    book(MARIA.id, maria, FRIDAY_09);
    await mariaSees();
    tickAt(FRIDAY_09 - 24 * HOUR);
    tickAt(FRIDAY_09 - 20 * HOUR);
    expect(await mariaSees()).toEqual([]);
    tickAt(FRIDAY_09 - 15 * MINUTE);
    expect(await mariaSees()).toEqual([expect.stringMatching(/^🔔/)]);
  });

  it('the minutes left are counted when it goes out late, and the Russian plural follows them', async () => {
    book(MARIA.id, maria, FRIDAY_09);
    await mariaSees();
    tickAt(FRIDAY_09 - 15 * MINUTE);
    clock.set(FRIDAY_09 - 2 * MINUTE);
    expect(await mariaSees()).toEqual([expect.stringMatching(/^🔔 Консультация начнётся через 2 минуты\./)]);
  });
});

describe('patient reminders: never twice, never stale, never for what is off', () => {
  it('none twice across a restart: a new scheduler on the same database neither repeats nor skips', async () => {
    book(MARIA.id, maria, FRIDAY_09);
    await mariaSees();
    tickAt(FRIDAY_09 - 24 * HOUR + 10_000);
    expect(await mariaSees()).toHaveLength(1);

    h.services.db.$client.close();
    h = h.restart();
    h.patient.seen(MARIA);
    tickAt(FRIDAY_09 - 24 * HOUR + 20_000);
    tickAt(FRIDAY_09 - 23 * HOUR);
    await h.deliver();
    expect(h.patient.seen(MARIA)).toEqual([]);
    expect(reminderRows()).toHaveLength(1);

    // Down across the 15-minute moment, up again before the start: it is sent once, late but still of use.
    h.services.db.$client.close();
    clock.set(FRIDAY_09 - 5 * MINUTE);
    h = h.restart();
    h.patient.seen(MARIA);
    h.services.scheduler.tick();
    h.services.scheduler.tick();
    await h.deliver();
    expect(h.patient.seen(MARIA)).toEqual([expect.stringMatching(/^🔔 Консультация начнётся через 5 минут\./)]);
    expect(reminderRows()).toHaveLength(2);
  });

  it('queued but not yet sent when the process stopped: sent once after the restart', async () => {
    book(MARIA.id, maria, FRIDAY_09);
    await mariaSees();
    tickAt(FRIDAY_09 - 24 * HOUR);
    h.services.db.$client.close();
    h = h.restart();
    tickAt(FRIDAY_09 - 24 * HOUR + MINUTE);
    await h.deliver();
    const reminders = api.sent(MARIA.id, PATIENT_TOKEN).filter((m) => m.text?.startsWith('⏰'));
    expect(reminders).toHaveLength(1);
  });

  it('down from before the 15-minute moment until after the start: nothing is sent late', async () => {
    book(MARIA.id, maria, FRIDAY_09);
    await mariaSees();
    tickAt(FRIDAY_09 - 24 * HOUR);
    await mariaSees();
    tickAt(FRIDAY_09 - 30 * MINUTE);
    h.services.db.$client.close();
    clock.set(FRIDAY_09 + MINUTE);
    h = h.restart();
    h.patient.seen(MARIA);
    h.services.scheduler.tick();
    await h.deliver();
    expect(h.patient.seen(MARIA)).toEqual([]);
    expect(reminderRows()).toHaveLength(1);
  });

  it('a day-before reminder found too close to the start (the process was down) is dropped', async () => {
    book(MARIA.id, maria, FRIDAY_09);
    await mariaSees();
    tickAt(FRIDAY_09 - 25 * HOUR);
    tickAt(FRIDAY_09 - 2 * HOUR);
    expect(await mariaSees()).toEqual([]);
  });

  it('queued, then the sender was slow: a reminder whose moment has passed is not sent', async () => {
    book(MARIA.id, maria, FRIDAY_09);
    await mariaSees();
    tickAt(FRIDAY_09 - 15 * MINUTE);
    clock.set(FRIDAY_09 + 30_000);
    expect(await mariaSees()).toEqual([]);
    expect(reminderRows()).toEqual([expect.objectContaining({ sentAt: FRIDAY_09 + 30_000 })]);
  });

  it('none for a cancelled consultation, whether cancelled before its moment or after it was queued', async () => {
    const early = book(MARIA.id, maria, FRIDAY_09);
    const late = book(MARIA.id, maria, FRIDAY_10);
    await mariaSees();
    h.services.booking.cancel(MARIA.id, early);
    tickAt(FRIDAY_09 - 24 * HOUR);
    tickAt(FRIDAY_10 - 24 * HOUR);
    h.services.booking.cancel(MARIA.id, late);
    expect(await mariaSees()).toEqual([]);
    tickAt(FRIDAY_09 - 15 * MINUTE);
    tickAt(FRIDAY_10 - 15 * MINUTE);
    expect(await mariaSees()).toEqual([]);
  });

  it('a rescheduled consultation is reminded for its new time only', async () => {
    const first = book(MARIA.id, maria, FRIDAY_09);
    await mariaSees();
    const moved = h.services.booking.reschedule(MARIA.id, first, slotAt(FRIDAY_10));
    await mariaSees();
    tickAt(FRIDAY_09 - 24 * HOUR);
    expect(await mariaSees()).toEqual([]);
    tickAt(FRIDAY_10 - 24 * HOUR);
    expect(await mariaSees()).toEqual([expect.stringContaining('Когда: пятница, 27 ноября, 17:00\n')]);
    tickAt(FRIDAY_09 - 15 * MINUTE);
    expect(await mariaSees()).toEqual([]);
    tickAt(FRIDAY_10 - 15 * MINUTE);
    expect(await mariaSees()).toEqual([expect.stringContaining('Когда: пятница, 27 ноября, 17:00\n')]);
    expect(reminderRows().map((r) => r.key)).toEqual([
      `consultation:${moved}:reminder:day:${FRIDAY_10}`,
      `consultation:${moved}:reminder:soon:${FRIDAY_10}`,
    ]);
  });

  it('a consultation moved to another time in place after its reminder was queued: the old one is skipped, the new time reminded', async () => {
    const id = book(MARIA.id, maria, FRIDAY_09);
    await mariaSees();
    tickAt(FRIDAY_09 - 24 * HOUR);
    h.services.db.update(consultations).set({ slotId: slotAt(msk('2026-11-27', '11:00')) }).where(eq(consultations.id, id)).run();
    expect(await mariaSees()).toEqual([]);
    tickAt(msk('2026-11-27', '11:00') - 24 * HOUR);
    expect(await mariaSees()).toEqual([expect.stringContaining('Когда: пятница, 27 ноября, 18:00\n')]);
  });
});

describe('a reschedule is one move', () => {
  const DOCTOR = { id: 6670001, first_name: 'Елена', language_code: 'ru' };

  it('the patient reads «перенесена с … на …» once, the doctor «перенесла консультацию …»: no cancelled-and-booked pair', async () => {
    const first = book(MARIA.id, maria, FRIDAY_09);
    await mariaSees();
    h.staff.seen(DOCTOR);
    const moved = h.services.booking.reschedule(MARIA.id, first, slotAt(FRIDAY_10));
    const patientSees = await mariaSees();
    expect(patientSees).toEqual([expect.stringMatching(/^🔁 Консультация перенесена с 27 ноября, 16:00 на 27 ноября, 17:00\.\n/)]);
    expect(patientSees[0]).toContain('Когда: пятница, 27 ноября, 17:00');
    expect(patientSees.join('\n')).not.toMatch(/назначена|отменена/);
    // The moved booking keeps its buttons: it can still be cancelled.
    expect(JSON.stringify(markup())).toContain('Отменить');
    const doctorSees = h.staff.seen(DOCTOR);
    expect(doctorSees).toEqual([expect.stringMatching(new RegExp(`^🔁 Иванова Мария Петровна перенесла консультацию №${moved} с 27\\.11\\.2026, 09:00 на 27\\.11\\.2026, 10:00`))]);
    expect(doctorSees.join('\n')).not.toMatch(/отменил|Новая запись/);
  });

  it('a move to another duty doctor is a cancellation for the first and a booking for the second; the patient still reads one move', async () => {
    const other = addDutyDoctor(h.services, 6670002, 'cardiology', 'Орлов Николай Андреевич');
    const otherSlot = h.services.duty.addSlot(other.id, FRIDAY_10 + 15 * MINUTE);
    const first = book(MARIA.id, maria, FRIDAY_09);
    await mariaSees();
    h.staff.seen(DOCTOR);
    h.services.booking.reschedule(MARIA.id, first, otherSlot.id);
    expect(await mariaSees()).toEqual([expect.stringMatching(/^🔁 Консультация перенесена с 27 ноября, 16:00 на 27 ноября, 17:15\./)]);
    expect(h.staff.seen(DOCTOR)).toEqual([expect.stringMatching(/отменила консультацию/)]);
    expect(h.staff.seen({ id: 6670002, first_name: 'Николай', language_code: 'ru' })).toEqual([expect.stringMatching(/Новая запись на дежурство/)]);
  });
});

describe('the buttons of a reminder', () => {
  it('Cancel from the day-before reminder asks, then cancels and frees the time', async () => {
    const id = book(MARIA.id, maria, FRIDAY_09);
    await mariaSees();
    tickAt(FRIDAY_09 - 24 * HOUR);
    await mariaSees();
    await h.patient.press(MARIA, '✖️ Отменить консультацию');
    expect(h.patient.seen(MARIA)).toEqual([
      'Отменить консультацию Ивановой Марии Петровны — пятница, 27 ноября, 16:00 по владивостокскому времени (МСК+7)?',
    ]);
    await h.patient.press(MARIA, 'Да');
    expect(h.patient.seen(MARIA).at(-1)).toMatch(/^Консультация отменена: пятница, 27 ноября, 16:00 по владивостокскому времени \(МСК\+7\)/);
    expect(h.services.scheduling.get(id)!.status).toBe('cancelled');
    // And the 15-minute reminder never comes.
    tickAt(FRIDAY_09 - 15 * MINUTE);
    expect(await mariaSees()).toEqual([]);
  });

  it('pressed after the duty cut-off (2 h before), it explains and keeps the booking', async () => {
    const id = book(MARIA.id, maria, FRIDAY_09);
    await mariaSees();
    tickAt(FRIDAY_09 - 24 * HOUR);
    await mariaSees();
    clock.set(FRIDAY_09 - HOUR);
    // Pressed before the cut-off's edit took the button away: explained at once, with no confirmation to go through.
    await h.patient.press(MARIA, '✖️ Отменить консультацию');
    expect(h.patient.seen(MARIA).at(-1)).toBe(
      'Отменить консультацию у дежурного врача можно не позже чем за 120 мин до начала, а это время уже прошло. Если подключиться не получится, врач отметит это сам.',
    );
    expect(h.services.scheduling.get(id)!.status).toBe('scheduled');
  });

  it('Cancel from the 15-minute reminder of an application’s consultation cancels it (allowed until the start)', async () => {
    const doctor = h.addStaff(6660001, 'doctor', 'bakulev', 'Петрова Анна Сергеевна');
    const appId = takenApplication(h.services, maria, doctor);
    const c = h.services.scheduling.scheduleApplication(doctor, appId, FRIDAY_10, 'video');
    await mariaSees();
    tickAt(FRIDAY_10 - 15 * MINUTE);
    await mariaSees();
    await h.patient.press(MARIA, '✖️ Отменить консультацию');
    await h.patient.press(MARIA, 'Да');
    expect(h.services.scheduling.get(c.id)!.status).toBe('cancelled');
    expect(h.services.applicationRepository.byId(appId)!.status).toBe('in_review');
  });
});

describe('after the doctor cancels', () => {
  it('the patient is offered to book again in the Mini App, and no reminder of the cancelled time follows', async () => {
    const id = book(MARIA.id, maria, FRIDAY_09);
    await mariaSees();
    tickAt(FRIDAY_09 - 24 * HOUR);
    await mariaSees();
    h.services.duty.doctorCancels(duty.id, id, 'Срочная операция');
    const seen = await mariaSees();
    expect(seen).toEqual([expect.stringMatching(/^😔 К сожалению, врач отменил консультацию\.[\s\S]*Пожалуйста, запишитесь на другое удобное время — это бесплатно\.$/)]);
    expect(markup()).toEqual({ inline_keyboard: [[{ text: '📅 Выбрать другое время', web_app: { url: 'https://oblako.test/app/' } }]] });
    tickAt(FRIDAY_09 - 15 * MINUTE);
    expect(await mariaSees()).toEqual([]);
  });
});
