import { and, eq } from 'drizzle-orm';
import { Api, InlineKeyboard } from 'grammy';
import { describe, expect, it } from 'vitest';
import { dayOffData } from '../../../bot/staff/slots/callback-data.js';
import type { StaffMember } from '../../../core/staff/repository.js';
import { zonedParts } from '../../../core/time.js';
import { auditLog, consultations, outbox } from '../../../db/schema.js';
import { addDutyDoctor, bookDirectly } from '../../support/duty-fixtures.js';
import { PATIENT_TOKEN, type ServiceHarness } from '../../support/service-harness.js';
import { msk, staffTests } from '../../support/staff-harness.js';
import { staffButtons, staffScreen } from '../../support/staff-screen.js';

const DUTY = { id: 6670001, first_name: 'Елена', language_code: 'ru' };
const MARIA = { id: 5550001, first_name: 'Мария', language_code: 'ru' };

let h: ServiceHarness;
let doctor: StaffMember;
// From Wednesday 25 November 2026, 10:00 in Moscow.
const { api } = staffTests({
  seed: (harness) => {
    h = harness;
    doctor = addDutyDoctor(h.services, DUTY.id, 'cardiology', 'Соколова Елена Викторовна');
  },
});

const slotsOn = (date: string) =>
  h.services.duty.schedule(doctor.id, msk(date, '00:00'), msk(date, '23:59')).map((s) => ({ time: zonedParts(s.startsAt, 'Europe/Moscow').time, booked: s.consultation?.id ?? null }));
const screen = () => staffScreen(api, DUTY);
const cancelledRows = () => h.services.db.select().from(outbox).where(eq(outbox.template, 'consultation_cancelled_by_doctor')).all();
const consultation = (id: number) => h.services.db.select().from(consultations).where(eq(consultations.id, id)).get()!;
/** Maria lives in Vladivostok (Moscow + 7) and has booked the Thursday 09:30 Moscow slot. */
function mariaBooksThursday(time = '09:30'): number {
  const patientId = h.registerPatient(MARIA.id, { regionCode: 'RU-PRI', timeZone: 'Asia/Vladivostok' });
  const slot = h.services.duty.schedule(doctor.id, msk('2026-11-26', time), msk('2026-11-26', time) + 1)[0]!;
  return bookDirectly(h.services, patientId, doctor.id, slot.id);
}

describe('staff bot: /slots for a duty doctor', () => {
  it('a weekly template added through the bot generates slots at the right UTC times for a doctor in Moscow', async () => {
    await h.staff.send(h.staff.updates.command(DUTY, '/slots'));
    expect(screen().text).toBe(
      [
        '🗓 Дежурства: Соколова Елена Викторовна',
        'Время — МСК',
        '',
        'Часы приёма по неделе:',
        'Не заданы — добавьте их кнопкой «➕ Добавить часы».',
        '',
        'Ближайшие 7 дней:',
        'Ср 25.11 — нет приёма',
        'Чт 26.11 — нет приёма',
        'Пт 27.11 — нет приёма',
        'Сб 28.11 — нет приёма',
        'Вс 29.11 — нет приёма',
        'Пн 30.11 — нет приёма',
        'Вт 01.12 — нет приёма',
      ].join('\n'),
    );
    expect(screen().buttons).toEqual([
      ['Ср 25.11', 'Чт 26.11', 'Пт 27.11', 'Сб 28.11'],
      ['Вс 29.11', 'Пн 30.11', 'Вт 01.12'],
      ['➕ Добавить часы', '➖ Убрать часы'],
      ['🌴 Выходной', '🔄 Обновить слоты'],
    ]);

    await h.staff.press(DUTY, '➕ Добавить часы');
    expect(screen().text).toBe('➕ Новые часы приёма. Выберите дни недели (можно несколько) и нажмите «Далее».');
    // "Next" with nothing chosen is refused with an alert.
    await h.staff.press(DUTY, 'Далее ➡️');
    expect(api.callsOf('answerCallbackQuery', h.staff.token).at(-1)!.params).toMatchObject({ text: 'Сначала выберите хотя бы один день.', show_alert: true });
    await h.staff.press(DUTY, 'Пн');
    await h.staff.press(DUTY, 'Ср');
    await h.staff.press(DUTY, 'Пт');
    await h.staff.press(DUTY, 'Вт');
    await h.staff.press(DUTY, '✅ Вт');
    expect(screen().buttons).toEqual([['✅ Пн', 'Вт', '✅ Ср', 'Чт'], ['✅ Пт', 'Сб', 'Вс'], ['Далее ➡️', '✖️ Отмена']]);
    await h.staff.press(DUTY, 'Далее ➡️');
    expect(screen().text).toBe('Дни: Пн, Ср, Пт. Напишите часы приёма через дефис, например 09:00-13:00 (время — МСК).');

    h.staff.seen(DUTY);
    await h.staff.send(h.staff.updates.text(DUTY, 'с утра'));
    await h.staff.send(h.staff.updates.text(DUTY, '13:00-09:00'));
    expect(h.staff.seen(DUTY)).toEqual([
      'Не понял часы. Напишите начало и конец через дефис, например 09:00-13:00.',
      'Конец приёма должен быть позже начала, например 09:00-13:00.',
    ]);
    await h.staff.send(h.staff.updates.text(DUTY, '9:00 – 13:00'));
    expect(screen().text).toBe('Пн, Ср, Пт 09:00–13:00 (МСК). Сколько минут на одного пациента?');
    expect(screen().buttons).toEqual([['15 мин', '20 мин', '30 мин', '45 мин', '60 мин'], ['« Другие часы', '✖️ Отмена']]);
    await h.staff.press(DUTY, '30 мин');

    // Today (Wednesday, 10:00) keeps 10:30…12:30; then Mondays, Wednesdays and Fridays up to 21 days ahead, 8 slots each.
    expect(h.staff.seen(DUTY).at(-1)).toBe('✅ Добавлено: Пн, Ср, Пт 09:00–13:00, по 30 мин. Открыто слотов: 77.');
    expect(h.services.duty.templates(doctor.id).map((t) => [t.weekday, t.from, t.to, t.slotMinutes])).toEqual([
      [1, '09:00', '13:00', 30],
      [3, '09:00', '13:00', 30],
      [5, '09:00', '13:00', 30],
    ]);
    const friday = h.services.duty.schedule(doctor.id, msk('2026-11-27', '00:00'), msk('2026-11-28', '00:00'));
    // 09:00 in Moscow (UTC+3) is 06:00 UTC; the last slot starts at 12:30, 09:30 UTC, and ends at 13:00.
    expect(friday.map((s) => new Date(s.startsAt).toISOString().slice(11, 16))).toEqual(['06:00', '06:30', '07:00', '07:30', '08:00', '08:30', '09:00', '09:30']);
    expect(friday.at(-1)!.endsAt).toBe(Date.UTC(2026, 10, 27, 10, 0));
    expect(slotsOn('2026-11-25').map((s) => s.time)).toEqual(['10:30', '11:00', '11:30', '12:00', '12:30']);

    await h.staff.press(DUTY, '« К расписанию');
    expect(screen().text).toContain('Часы приёма по неделе:\nПн, Ср, Пт 09:00–13:00, по 30 мин\n');
    expect(screen().text).toContain('Ср 25.11 — свободно 5, занято 0\nЧт 26.11 — нет приёма\nПт 27.11 — свободно 8, занято 0\n');
    expect(screen().text).not.toContain('Специальность не задана');
  });

  it('overlapping hours are refused and asked again; nothing of the refused set is added', async () => {
    h.services.duty.addTemplate(doctor.id, { weekday: 3, from: '12:00', to: '14:00', slotMinutes: 30 });
    await h.staff.send(h.staff.updates.command(DUTY, '/slots'));
    await h.staff.press(DUTY, '➕ Добавить часы');
    await h.staff.press(DUTY, 'Пн');
    await h.staff.press(DUTY, 'Ср');
    await h.staff.press(DUTY, 'Далее ➡️');
    await h.staff.send(h.staff.updates.text(DUTY, '09:00-13:00'));
    h.staff.seen(DUTY);
    await h.staff.press(DUTY, '30 мин');
    expect(h.staff.seen(DUTY)).toEqual([
      'Эти часы пересекаются с уже заданными в один из выбранных дней. Напишите другие часы.',
      'Дни: Пн, Ср. Напишите часы приёма через дефис, например 09:00-13:00 (время — МСК).',
    ]);
    // All or nothing: Monday, which did not overlap, was not added either.
    expect(h.services.duty.templates(doctor.id).map((t) => t.weekday)).toEqual([3]);
    await h.staff.send(h.staff.updates.text(DUTY, '08:00-12:00'));
    await h.staff.press(DUTY, '60 мин');
    expect(h.staff.seen(DUTY).at(-1)).toMatch(/^✅ Добавлено: Пн, Ср 08:00–12:00, по 60 мин\. Открыто слотов: \d+\.$/);
    expect(h.services.duty.templates(doctor.id).map((t) => [t.weekday, t.from])).toEqual([
      [1, '08:00'],
      [3, '08:00'],
      [3, '12:00'],
    ]);
  });

  it('a day off without bookings removes that day’s free slots at once; taking it back brings them back', async () => {
    h.services.duty.addTemplate(doctor.id, { weekday: 4, from: '09:00', to: '11:00', slotMinutes: 30 });
    await h.staff.send(h.staff.updates.command(DUTY, '/slots'));
    await h.staff.press(DUTY, '🌴 Выходной');
    expect(screen().text).toBe(
      '🌴 Какой день сделать выходным? Время — МСК. В скобках — число записей на этот день; 🌴 — уже выходной (нажмите, чтобы вернуть рабочий день).',
    );
    // 21 days from today, three a row, then the way back.
    expect(screen().buttons.flat()).toHaveLength(22);
    expect(screen().buttons[0]).toEqual(['Ср 25.11', 'Чт 26.11', 'Пт 27.11']);
    expect(screen().buttons.slice(-2)).toEqual([['Вс 13.12', 'Пн 14.12', 'Вт 15.12'], ['« К расписанию']]);

    await h.staff.press(DUTY, 'Чт 26.11');
    expect(screen().text).toBe('🌴 Чт 26.11 — выходной. Убрано свободных слотов: 4.');
    expect(slotsOn('2026-11-26')).toEqual([]);
    expect(slotsOn('2026-12-03')).toHaveLength(4);
    // Generating again does not bring them back.
    h.services.duty.generateAll();
    expect(slotsOn('2026-11-26')).toEqual([]);

    await h.staff.press(DUTY, '« К расписанию');
    expect(screen().text).toContain('\n\nВыходные: Чт 26.11\n');
    expect(screen().text).toContain('\nЧт 26.11 — выходной\n');
    await h.staff.press(DUTY, '🌴 Выходной');
    await h.staff.press(DUTY, '🌴 Чт 26.11');
    expect(screen().text).toBe('↩️ Чт 26.11 — снова рабочий день. Открыто слотов: 4.');
    expect(slotsOn('2026-11-26').map((s) => s.time)).toEqual(['09:00', '09:30', '10:00', '10:30']);
  });

  it('a day off with a booking cancels it only after confirmation; the patient is told in their own zone, with a button to rebook', async () => {
    h.services.duty.addTemplate(doctor.id, { weekday: 4, from: '09:00', to: '11:00', slotMinutes: 30 });
    const booked = mariaBooksThursday();
    await h.staff.send(h.staff.updates.command(DUTY, '/slots'));
    expect(screen().text).toContain('\nЧт 26.11 — свободно 3, занято 1\n');
    await h.staff.press(DUTY, '🌴 Выходной');
    await h.staff.press(DUTY, 'Чт 26.11 (1)');
    expect(screen().text).toBe(
      [
        '🌴 Сделать Чт 26.11 выходным? На этот день есть записи (1) — они будут отменены, каждый пациент получит сообщение с извинением и предложением записаться на другое время:',
        `• Чт 26.11 09:30 — №${booked} Иванова Мария Петровна`,
        '',
        'Напишите причину для пациента (до 500 символов) или нажмите «Без причины».',
      ].join('\n'),
    );
    expect(screen().buttons).toEqual([['Без причины'], ['« Не отменять']]);
    // Nothing has changed yet: the free slots are there, the booking stands, nobody is told.
    expect(slotsOn('2026-11-26')).toHaveLength(4);
    expect(consultation(booked).status).toBe('scheduled');
    expect(h.services.duty.daysOff(doctor.id)).toEqual([]);
    expect(cancelledRows()).toEqual([]);

    await h.staff.send(h.staff.updates.text(DUTY, 'Я заболела, простите.'));
    expect(screen().text).toBe(
      [
        'Подтвердите: Чт 26.11 — выходной, записи (1) отменяются:',
        `• Чт 26.11 09:30 — №${booked} Иванова Мария Петровна`,
        'Причина для пациента: «Я заболела, простите.»',
      ].join('\n'),
    );
    expect(consultation(booked).status).toBe('scheduled');
    await h.staff.press(DUTY, '🌴 Да, выходной и отменить записи (1)');
    expect(screen().text).toBe('🌴 Чт 26.11 — выходной. Отменено записей: 1 — пациенты получат сообщения. Убрано свободных слотов: 3.');
    expect(consultation(booked)).toMatchObject({ status: 'cancelled', cancelledBy: 'staff', cancelReason: 'Я заболела, простите.' });
    expect(slotsOn('2026-11-26')).toEqual([]);
    expect(cancelledRows()).toEqual([
      expect.objectContaining({ bot: 'patient', chatId: MARIA.id, params: JSON.stringify({ consultationId: booked, reason: 'Я заболела, простите.' }), sentAt: null }),
    ]);

    await h.deliver();
    // 09:30 in Moscow is 16:30 in Vladivostok.
    expect(h.patient.seen(MARIA)).toEqual([
      [
        '😔 К сожалению, врач отменил консультацию.',
        'Пациент: Иванова Мария Петровна',
        'Было назначено: четверг, 26 ноября, 16:30',
        'Часовой пояс: владивостокское время (МСК+7)',
        'Причина: Я заболела, простите.',
        '',
        'Приносим извинения. Пожалуйста, запишитесь на другое удобное время — это бесплатно.',
      ].join('\n'),
    ]);
    const message = api.sent(MARIA.id, PATIENT_TOKEN).at(-1)!;
    expect(message.replyMarkup).toEqual({ inline_keyboard: [[{ text: '📅 Выбрать другое время', web_app: { url: 'https://oblako.test/app/' } }]] });
  });

  it('a booking made while the doctor was deciding is shown and confirmed again, not cancelled unseen', async () => {
    h.services.duty.addTemplate(doctor.id, { weekday: 4, from: '09:00', to: '11:00', slotMinutes: 30 });
    const first = mariaBooksThursday('09:30');
    await h.staff.send(h.staff.updates.command(DUTY, '/slots'));
    await h.staff.press(DUTY, '🌴 Выходной');
    await h.staff.press(DUTY, 'Чт 26.11 (1)');
    await h.staff.press(DUTY, 'Без причины');
    const other = h.registerPatient(MARIA.id + 1, { fullName: 'Петров Пётр Петрович' });
    const second = bookDirectly(h.services, other, doctor.id, h.services.duty.schedule(doctor.id, msk('2026-11-26', '10:00'), msk('2026-11-26', '10:01'))[0]!.id);
    h.staff.seen(DUTY);
    await h.staff.press(DUTY, '🌴 Да, выходной и отменить записи (1)');
    expect(h.staff.seen(DUTY)).toEqual([
      'Пока вы решали, записи на Чт 26.11 изменились — проверьте ещё раз.',
      [
        'Подтвердите: Чт 26.11 — выходной, записи (2) отменяются:',
        `• Чт 26.11 09:30 — №${first} Иванова Мария Петровна`,
        `• Чт 26.11 10:00 — №${second} Петров Пётр Петрович`,
        'Причина не указана.',
      ].join('\n'),
    ]);
    expect([consultation(first).status, consultation(second).status]).toEqual(['scheduled', 'scheduled']);
    await h.staff.press(DUTY, '🌴 Да, выходной и отменить записи (2)');
    expect([consultation(first).status, consultation(second).status]).toEqual(['cancelled', 'cancelled']);
    expect(cancelledRows().map((r) => JSON.parse(r.params))).toEqual([{ consultationId: first }, { consultationId: second }]);
  });

  it('one booking is cancelled from its day with a reason; “don’t cancel” leaves it be', async () => {
    h.services.duty.addTemplate(doctor.id, { weekday: 4, from: '09:00', to: '11:00', slotMinutes: 30 });
    const booked = mariaBooksThursday();
    await h.staff.send(h.staff.updates.command(DUTY, '/slots'));
    await h.staff.press(DUTY, 'Чт 26.11');
    expect(screen().text).toBe(
      [
        '🗓 Чт 26.11 (МСК) · Соколова Елена Викторовна',
        'Свободно (3): 09:00, 10:00, 10:30',
        '',
        'Записи (1):',
        `09:30 — №${booked} Иванова Мария Петровна, видео`,
      ].join('\n'),
    );
    expect(screen().buttons).toEqual([['❌ 09:30 Иванова М. П.'], ['🌴 Сделать выходным'], ['« К расписанию']]);

    await h.staff.press(DUTY, '❌ 09:30 Иванова М. П.');
    expect(screen().text).toBe(
      [
        `❌ Отменить консультацию №${booked}: Иванова Мария Петровна, Чт 26.11 в 09:30 (МСК)? Пациент получит сообщение с извинением и предложением записаться на другое время.`,
        '',
        'Напишите причину для пациента (до 500 символов) или нажмите «Без причины».',
      ].join('\n'),
    );
    await h.staff.press(DUTY, '« Не отменять');
    expect(screen().text).toBe('Хорошо, ничего не отменено.');
    expect(consultation(booked).status).toBe('scheduled');

    await h.staff.press(DUTY, '« К расписанию');
    await h.staff.press(DUTY, 'Чт 26.11');
    await h.staff.press(DUTY, '❌ 09:30 Иванова М. П.');
    h.staff.seen(DUTY);
    await h.staff.send(h.staff.updates.text(DUTY, 'я'.repeat(501)));
    expect(h.staff.seen(DUTY)).toEqual(['Причина слишком длинная: 501 символов при максимуме 500. Сократите её и отправьте заново.']);
    await h.staff.send(h.staff.updates.text(DUTY, 'Срочная операция'));
    expect(screen().text).toBe(
      [`Подтвердите отмену консультации №${booked}: Иванова Мария Петровна, Чт 26.11 в 09:30 (МСК).`, 'Причина для пациента: «Срочная операция»'].join('\n'),
    );
    expect(screen().buttons).toEqual([['❌ Отменить, время закрыть'], ['❌ Отменить, время отдать другим'], ['« Не отменять']]);
    await h.staff.press(DUTY, '❌ Отменить, время закрыть');
    expect(screen().text).toBe(`✅ Консультация №${booked} отменена. Это время закрыто для записи. Пациент получит сообщение в боте.`);
    expect(consultation(booked)).toMatchObject({ status: 'cancelled', cancelledBy: 'staff', cancelReason: 'Срочная операция' });
    expect(slotsOn('2026-11-26').map((s) => s.time)).toEqual(['09:00', '10:00', '10:30']);
    expect(cancelledRows()).toHaveLength(1);
    // The day no longer lists it.
    await h.staff.press(DUTY, '« К расписанию');
    await h.staff.press(DUTY, 'Чт 26.11');
    expect(staffButtons(api, DUTY)).toEqual(['🌴 Сделать выходным', '« К расписанию']);
  });

  it('removing hours takes their free slots away and names the bookings that stay; refresh regenerates', async () => {
    h.services.duty.addTemplate(doctor.id, { weekday: 4, from: '09:00', to: '11:00', slotMinutes: 30 });
    h.services.duty.addTemplate(doctor.id, { weekday: 5, from: '15:00', to: '16:00', slotMinutes: 20 });
    const booked = mariaBooksThursday();
    await h.staff.send(h.staff.updates.command(DUTY, '/slots'));
    expect(screen().text).toContain('Часы приёма по неделе:\nЧт 09:00–11:00, по 30 мин\nПт 15:00–16:00, по 20 мин\n');
    await h.staff.press(DUTY, '➖ Убрать часы');
    expect(screen().buttons).toEqual([['Чт 09:00–11:00, по 30 мин'], ['Пт 15:00–16:00, по 20 мин'], ['« К расписанию']]);
    await h.staff.press(DUTY, 'Чт 09:00–11:00, по 30 мин');
    expect(screen().text).toBe(
      [
        'Убрано: Чт 09:00–11:00, по 30 мин.',
        '',
        'Записи на эти часы остаются. Отменить их можно здесь же, открыв день:',
        `• Чт 26.11 09:30 — №${booked} Иванова Мария Петровна`,
      ].join('\n'),
    );
    expect(slotsOn('2026-11-26')).toEqual([{ time: '09:30', booked }]);
    expect(h.services.duty.templates(doctor.id).map((t) => t.weekday)).toEqual([5]);

    // Slots another process deleted come back with a refresh.
    h.services.db.$client.prepare('delete from slots where staff_id = ? and starts_at >= ?').run(doctor.id, msk('2026-12-04', '00:00'));
    await h.staff.press(DUTY, '« К расписанию');
    await h.staff.press(DUTY, '🔄 Обновить слоты');
    expect(api.callsOf('answerCallbackQuery', h.staff.token).at(-1)!.params).toMatchObject({ text: 'Слоты созданы на 21 дн. вперёд. Новых: 6.' });
  });
});

describe('staff bot: who may manage duty slots', () => {
  it('a center’s doctor and a manager are told /slots is for duty doctors; a stranger learns nothing', async () => {
    const DOCTOR = { id: 6670002, first_name: 'Анна', language_code: 'ru' };
    const MANAGER = { id: 6670003, first_name: 'Олег', language_code: 'ru' };
    const STRANGER = { id: 6670004, first_name: 'Иван', language_code: 'ru' };
    h.addStaff(DOCTOR.id, 'doctor', 'bakulev');
    h.addStaff(MANAGER.id, 'manager', null);
    for (const user of [DOCTOR, MANAGER]) {
      await h.staff.send(h.staff.updates.command(user, '/slots'));
      expect(h.staff.seen(user)).toEqual(['Расписание дежурств — для дежурных врачей. Ваши консультации — /today и /week.']);
    }
    await h.staff.send(h.staff.updates.command(STRANGER, '/slots'));
    expect(h.staff.seen(STRANGER)).toEqual(['Этот бот — для сотрудников «Облака здоровья».']);
    expect([DOCTOR, MANAGER, STRANGER].every((u) => api.sent(u.id, h.staff.token).every((m) => m.buttons.length === 0))).toBe(true);
  });

  it('a button naming another duty doctor’s schedule is refused, and changes nothing', async () => {
    h.services.duty.addTemplate(doctor.id, { weekday: 4, from: '09:00', to: '11:00', slotMinutes: 30 });
    const OTHER = { id: 6670005, first_name: 'Пётр', language_code: 'ru' };
    const CENTER_DOCTOR = { id: 6670006, first_name: 'Анна', language_code: 'ru' };
    addDutyDoctor(h.services, OTHER.id, 'gynecology');
    h.addStaff(CENTER_DOCTOR.id, 'doctor', 'bakulev');
    for (const user of [OTHER, CENTER_DOCTOR]) {
      // A forged button, as a modified client could send it: the staff bot's own message stands in for it.
      const keyboard = new InlineKeyboard().text('🌴', dayOffData.pack({ staffId: doctor.id, day: '2026-11-26', off: true }));
      await new Api(h.staff.token, { apiRoot: api.apiRoot }).sendMessage(user.id, '…', { reply_markup: keyboard });
      await h.staff.press(user, '🌴');
      expect(api.callsOf('answerCallbackQuery', h.staff.token).at(-1)!.params).toMatchObject({ text: 'Это расписание вам недоступно.', show_alert: true });
    }
    // The doctor's own schedule, but a day outside the calendar it offers (today … 21 days on): refused too.
    const past = new InlineKeyboard().text('🌴 old', dayOffData.pack({ staffId: doctor.id, day: '2026-11-24', off: true }));
    await new Api(h.staff.token, { apiRoot: api.apiRoot }).sendMessage(DUTY.id, '…', { reply_markup: past });
    await h.staff.press(DUTY, '🌴 old');
    expect(api.callsOf('answerCallbackQuery', h.staff.token).at(-1)!.params).toMatchObject({ text: 'Это действие больше недоступно.' });
    expect(h.services.db.$client.prepare('select count(*) as n from duty_exceptions').get()).toEqual({ n: 0 });
    expect(slotsOn('2026-11-26')).toHaveLength(4);
  });

  it('an admin opens any duty doctor’s schedule and acts on it; the audit log names the admin', async () => {
    const ADMIN = { id: 6670009, first_name: 'Мария', language_code: 'ru' };
    const admin = h.addStaff(ADMIN.id, 'admin', null);
    h.services.duty.addTemplate(doctor.id, { weekday: 4, from: '09:00', to: '11:00', slotMinutes: 30 });
    addDutyDoctor(h.services, 6670010, 'gynecology', 'Лебедева Ольга Ивановна');
    await h.staff.send(h.staff.updates.command(ADMIN, '/slots'));
    expect(staffScreen(api, ADMIN)).toMatchObject({
      text: '🗓 Чьё расписание дежурств открыть?',
      buttons: [['Соколова Елена Викторовна'], ['Лебедева Ольга Ивановна']],
    });
    await h.staff.press(ADMIN, 'Соколова Елена Викторовна');
    expect(staffScreen(api, ADMIN).text).toMatch(/^🗓 Дежурства: Соколова Елена Викторовна\n/);
    expect(staffScreen(api, ADMIN).buttons.at(-1)).toEqual(['« Все дежурные']);
    await h.staff.press(ADMIN, '🌴 Выходной');
    await h.staff.press(ADMIN, 'Чт 26.11');
    expect(staffScreen(api, ADMIN).text).toBe('🌴 Чт 26.11 — выходной. Убрано свободных слотов: 4.');
    const audit = h.services.db.select().from(auditLog).where(and(eq(auditLog.action, 'duty.admin.day_off'), eq(auditLog.actorId, admin.id))).all();
    expect(audit.map((a) => JSON.parse(a.details!))).toEqual([{ staffId: doctor.id, date: '2026-11-26', cancelled: 0 }]);

    // /slots N opens one directly; a staff member who is not a duty doctor has no schedule.
    await h.staff.send(h.staff.updates.command(ADMIN, '/slots', String(doctor.id)));
    expect(staffScreen(api, ADMIN).text).toContain('Чт 26.11 — выходной');
    await h.staff.send(h.staff.updates.command(ADMIN, '/slots', String(admin.id)));
    expect(h.staff.seen(ADMIN).at(-1)).toBe('Это не дежурный врач: расписания дежурств у него нет.');
  });
});
