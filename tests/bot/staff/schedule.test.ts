import { eq } from 'drizzle-orm';
import { Api, InlineKeyboard } from 'grammy';
import { describe, expect, it } from 'vitest';
import { scheduleData } from '../../../bot/staff/schedule/index.js';
import type { StaffMember } from '../../../core/staff/repository.js';
import { applications, consultations, outbox } from '../../../db/schema.js';
import { takenApplication } from '../../support/scheduling-fixtures.js';
import type { ServiceHarness } from '../../support/service-harness.js';
import { DOCTOR, msk, PATIENT_ACCOUNT, staffTests } from '../../support/staff-harness.js';
import { staffButtons, staffScreen } from '../../support/staff-screen.js';


let h: ServiceHarness;
let doctor: StaffMember;
let appId: number;
const { api, clock } = staffTests({
  seed: (harness) => {
    h = harness;
    doctor = h.addStaff(DOCTOR.id, 'doctor', 'bakulev', 'Петрова Анна Сергеевна');
    appId = takenApplication(h.services, h.registerPatient(PATIENT_ACCOUNT), doctor);
  },
});

const secondApplication = () =>
  takenApplication(h.services, h.registerPatient(PATIENT_ACCOUNT + 1, { fullName: 'Петров Пётр Петрович', birthDate: '1958-07-01' }), doctor);

const queued = (template: string) => h.services.db.select().from(outbox).where(eq(outbox.template, template)).all();

describe('staff bot: scheduling an application', () => {
  it('calendar → time → video books the consultation with its room and queues the patient notification', async () => {
    await h.staff.send(h.staff.updates.command(DOCTOR, '/schedule', String(appId)));
    const calendar = staffScreen(api, DOCTOR);
    expect(calendar.text).toContain(`Заявка №${appId} · Нарушения ритма сердца`);
    expect(calendar.text).toContain('Время — МСК');
    // Fourteen days from today (Wednesday 25.11, 10:00: 15 start times left today), three a row, then Cancel.
    expect(calendar.buttons.flat()).toHaveLength(15);
    expect(calendar.buttons[0]).toEqual(['Ср 25.11 (15)', 'Чт 26.11 (18)', 'Пт 27.11 (18)']);
    expect(calendar.buttons.flat()).toContain('Вт 08.12 (18)');
    expect(calendar.buttons.at(-1)).toEqual(['✖️ Отмена']);

    await h.staff.press(DOCTOR, 'Чт 26.11 (18)');
    const times = staffScreen(api, DOCTOR);
    expect(times.text).toBe('🕑 четверг, 26.11 — свободное время (МСК). Выберите кнопкой или напишите своё, например 14:30.');
    expect(times.buttons[0]).toEqual(['09:00', '09:30', '10:00', '10:30']);
    expect(times.buttons.flat()).toContain('17:30');
    expect(times.buttons.flat()).toContain('⌨️ Своё время');

    await h.staff.press(DOCTOR, '11:00');
    expect(staffScreen(api, DOCTOR).text).toBe('четверг, 26.11, 11:00 (МСК). Как пройдёт консультация?');
    await h.staff.press(DOCTOR, '🎥 Видео');

    const [booked] = h.services.scheduling.ofStaff(doctor, msk('2026-11-26', '00:00'), msk('2026-11-27', '00:00'));
    expect(booked).toMatchObject({ startsAt: Date.UTC(2026, 10, 26, 8, 0), mode: 'video', status: 'scheduled', applicationId: appId, patientName: 'Иванова Мария Петровна' });
    expect(booked!.room).toMatch(/^oz-[a-z2-7]{32}$/);
    expect(h.staff.seen(DOCTOR).at(-1)).toBe(
      [
        `✅ Консультация №${booked!.id} назначена.`,
        'Пациент: Иванова Мария Петровна',
        'Время: 26.11.2026, 11:00 (МСК)',
        'Формат: видео',
        'Пациент получит уведомление в боте.',
        `Карточка: /consultation ${booked!.id}`,
      ].join('\n'),
    );
    // The buttons of the flow are gone: nothing can book twice.
    expect(api.history(DOCTOR.id, h.staff.token).every((m) => !m.reply_markup)).toBe(true);
    expect(h.services.applicationRepository.byId(appId)!.status).toBe('scheduled');
    expect(queued('consultation_scheduled')).toEqual([
      expect.objectContaining({ bot: 'patient', chatId: PATIENT_ACCOUNT, params: JSON.stringify({ consultationId: booked!.id }), sentAt: null }),
    ]);
  });

  it('a doctor in another zone picks times on their own clock and reads them back in it', async () => {
    h.services.db.$client.prepare("update staff set time_zone = 'Asia/Yekaterinburg' where id = ?").run(doctor.id);
    await h.staff.send(h.staff.updates.command(DOCTOR, '/schedule', String(appId)));
    expect(staffScreen(api, DOCTOR).text).toContain('Время — МСК+2');
    await h.staff.press(DOCTOR, 'Чт 26.11 (18)');
    await h.staff.press(DOCTOR, '09:00');
    await h.staff.press(DOCTOR, '🎙 Аудио');
    const [booked] = h.services.scheduling.ofStaff(doctor, msk('2026-11-26', '00:00'), msk('2026-11-27', '00:00'));
    // 09:00 in Yekaterinburg is 07:00 in Moscow.
    expect(booked).toMatchObject({ startsAt: msk('2026-11-26', '07:00'), mode: 'audio' });
    expect(h.staff.seen(DOCTOR).at(-1)).toContain('Время: 26.11.2026, 09:00 (МСК+2)\nФормат: аудио');
  });

  it('a time typed earlier today is refused as past, and the free times are offered again', async () => {
    await h.staff.send(h.staff.updates.command(DOCTOR, '/schedule', String(appId)));
    await h.staff.press(DOCTOR, 'Ср 25.11 (15)');
    h.staff.seen(DOCTOR);
    await h.staff.send(h.staff.updates.text(DOCTOR, '09:30'));
    expect(h.staff.seen(DOCTOR)).toEqual([
      'Это время уже прошло или наступит слишком скоро — пациент не успеет получить уведомление. Выберите время позже.',
      '🕑 среда, 25.11 — свободное время (МСК). Выберите кнопкой или напишите своё, например 14:30.',
    ]);
    expect(staffButtons(api, DOCTOR).slice(0, 2)).toEqual(['10:30', '11:00']);
    // Within the half hour of notice counts as too soon, too.
    await h.staff.send(h.staff.updates.text(DOCTOR, '10:15'));
    expect(h.staff.seen(DOCTOR)[0]).toMatch(/^Это время уже прошло или наступит слишком скоро/);
    await h.staff.send(h.staff.updates.text(DOCTOR, 'в три часа'));
    expect(h.staff.seen(DOCTOR)).toEqual(['Не понял время. Напишите его в формате ЧЧ:ММ, например 14:30.']);
    // A typed time off the half-hour grid is fine.
    await h.staff.send(h.staff.updates.text(DOCTOR, '15.45'));
    expect(h.staff.seen(DOCTOR)).toEqual(['среда, 25.11, 15:45 (МСК). Как пройдёт консультация?']);
    await h.staff.press(DOCTOR, '🎥 Видео');
    expect(h.staff.seen(DOCTOR)[0]).toContain('Время: 25.11.2026, 15:45 (МСК)');
    expect(h.services.db.select().from(consultations).all()).toHaveLength(1);
  });

  it('a time the doctor already gave to another application is refused as taken, typed or pressed', async () => {
    h.services.scheduling.scheduleApplication(doctor, appId, msk('2026-11-26', '11:00'), 'video');
    const second = secondApplication();
    await h.staff.send(h.staff.updates.command(DOCTOR, '/schedule', String(second)));
    await h.staff.press(DOCTOR, 'Чт 26.11 (17)');
    expect(staffButtons(api, DOCTOR)).not.toContain('11:00');
    h.staff.seen(DOCTOR);
    await h.staff.send(h.staff.updates.text(DOCTOR, '11:15'));
    expect(h.staff.seen(DOCTOR)).toEqual([
      'Это время пересекается с другой вашей консультацией. Выберите другое.',
      '🕑 четверг, 26.11 — свободное время (МСК). Выберите кнопкой или напишите своё, например 14:30.',
    ]);

    // A time that was free when shown but was booked before the doctor chose video: the core refuses it.
    await h.staff.press(DOCTOR, '12:00');
    const third = takenApplication(h.services, h.registerPatient(PATIENT_ACCOUNT + 2, { fullName: 'Сидорова Анна Ивановна' }), doctor);
    h.services.scheduling.scheduleApplication(doctor, third, msk('2026-11-26', '12:00'), 'audio');
    h.staff.seen(DOCTOR);
    await h.staff.press(DOCTOR, '🎥 Видео');
    expect(h.staff.seen(DOCTOR)).toEqual([
      'Это время пересекается с другой вашей консультацией. Выберите другое.',
      '🕑 четверг, 26.11 — свободное время (МСК). Выберите кнопкой или напишите своё, например 14:30.',
    ]);
    expect(h.services.applicationRepository.byId(second)!.status).toBe('in_review');
    await h.staff.press(DOCTOR, '12:30');
    await h.staff.press(DOCTOR, '🎥 Видео');
    expect(h.staff.seen(DOCTOR).at(-1)).toMatch(/назначена[\s\S]*Петров Пётр Петрович[\s\S]*26\.11\.2026, 12:30/);
  });

  it('a free application of the center becomes the doctor’s when they book its time', async () => {
    const now = clock.now();
    const patientId = h.registerPatient(PATIENT_ACCOUNT + 3, { fullName: 'Козлова Вера Андреевна' });
    const free = h.services.db
      .insert(applications)
      .values({ patientId, centerCode: 'bakulev', conditionCode: 'cardiomyopathy', diagnosis: 'ДКМП', complaints: 'Одышка', status: 'submitted', submittedAt: now, updatedAt: now })
      .returning({ id: applications.id })
      .get().id;
    await h.staff.send(h.staff.updates.command(DOCTOR, '/schedule', String(free)));
    expect(h.services.applicationRepository.byId(free)!.assignedStaffId).toBeNull();
    await h.staff.press(DOCTOR, 'Пт 27.11 (18)');
    await h.staff.press(DOCTOR, '10:00');
    await h.staff.press(DOCTOR, '🎥 Видео');
    expect(h.staff.seen(DOCTOR).at(-1)).toMatch(/назначена\.\nПациент: Козлова Вера Андреевна\nВремя: 27\.11\.2026, 10:00 \(МСК\)/);
    expect(h.services.applicationRepository.byId(free)).toMatchObject({ assignedStaffId: doctor.id, status: 'scheduled' });
  });

  it('another doctor, a closed application and a missing number are told plainly; nothing opens', async () => {
    const COLLEAGUE = { id: 6660002, first_name: 'Олег', language_code: 'ru' };
    h.addStaff(COLLEAGUE.id, 'doctor', 'bakulev');
    await h.staff.send(h.staff.updates.command(COLLEAGUE, '/schedule', String(appId)));
    expect(h.staff.seen(COLLEAGUE)).toEqual(['Эту заявку ведёт другой врач.']);
    const STRANGER = { id: 6660003, first_name: 'Ирина', language_code: 'ru' };
    h.addStaff(STRANGER.id, 'doctor', 'kulakov');
    await h.staff.send(h.staff.updates.command(STRANGER, '/schedule', String(appId)));
    expect(h.staff.seen(STRANGER)).toEqual(['Заявка не найдена. Проверьте номер.']);
    await h.staff.send(h.staff.updates.command(DOCTOR, '/schedule'));
    expect(h.staff.seen(DOCTOR)).toEqual(['Укажите номер заявки: /schedule 12']);
    h.services.scheduling.scheduleApplication(doctor, appId, msk('2026-11-26', '11:00'), 'video');
    await h.staff.send(h.staff.updates.command(DOCTOR, '/schedule', String(appId)));
    expect(h.staff.seen(DOCTOR)).toEqual(['Назначить консультацию нельзя: заявка уже назначена.']);
    expect(api.sent(COLLEAGUE.id).concat(api.sent(STRANGER.id)).every((m) => m.buttons.length === 0)).toBe(true);
  });

  it('the card button starts the same flow; a full day says so; cancel and other commands leave the flow', async () => {
    // The triage card carries this button; here a message the staff bot sends stands in for the card.
    const keyboard = new InlineKeyboard().text('📅 Назначить', scheduleData.pack({ applicationId: appId }));
    await new Api(h.staff.token, { apiRoot: api.apiRoot }).sendMessage(DOCTOR.id, `Заявка №${appId}`, { reply_markup: keyboard });
    await h.staff.press(DOCTOR, '📅 Назначить');
    expect(staffScreen(api, DOCTOR).text).toContain(`Заявка №${appId}`);
    await h.staff.press(DOCTOR, '✖️ Отмена');
    expect(staffScreen(api, DOCTOR).text).toBe('Назначение отменено, консультация не создана.');
    expect(staffButtons(api, DOCTOR)).toEqual([]);

    // Late evening: nothing left today, the day is marked and cannot be picked.
    clock.set(msk('2026-11-25', '17:45'));
    await h.staff.send(h.staff.updates.command(DOCTOR, '/schedule', String(appId)));
    expect(staffButtons(api, DOCTOR)[0]).toBe('Ср 25.11 —');
    await h.staff.press(DOCTOR, 'Ср 25.11 —');
    const answer = api.callsOf('answerCallbackQuery', h.staff.token).at(-1)!;
    expect(answer.params).toMatchObject({ text: 'На этот день свободного времени нет — выберите другой.' });
    // Another command leaves the flow and runs: a typed time is no longer taken for this application.
    await h.staff.send(h.staff.updates.command(DOCTOR, '/today'));
    expect(h.staff.seen(DOCTOR).at(-1)).toMatch(/^📅 Сегодня, среда, 25.11.2026 \(МСК\)\nКонсультаций на сегодня нет\.$/);
    await h.staff.send(h.staff.updates.text(DOCTOR, '12:00'));
    expect(h.staff.seen(DOCTOR).at(-1)).not.toMatch(/Как пройдёт консультация/);
    expect(h.services.db.select().from(consultations).all()).toEqual([]);
  });
});
