import { and, eq } from 'drizzle-orm';
import { Api, InlineKeyboard } from 'grammy';
import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { createStaffBot } from '../../../bot/staff/index.js';
import { createRoomService } from '../../../core/room/index.js';
import { declineData } from '../../../bot/staff/triage/callback-data.js';
import type { ConsultationView } from '../../../core/scheduling/service.js';
import { createStaffConsultations } from '../../../core/scheduling/staff-consultations.js';
import type { StaffMember } from '../../../core/staff/repository.js';
import { createVideoService } from '../../../core/video/index.js';
import { auditLog, outbox } from '../../../db/schema.js';
import { enterRoomLink, parseRoomLink } from '../../support/room-links.js';
import { JITSI, takenApplication } from '../../support/scheduling-fixtures.js';
import { STAFF_TOKEN, type ServiceHarness } from '../../support/service-harness.js';
import { COLLEAGUE, DOCTOR, doctorWithConsultation, msk, PATIENT_ACCOUNT, staffTests } from '../../support/staff-harness.js';
import { staffScreen } from '../../support/staff-screen.js';


let h: ServiceHarness;
let doctor: StaffMember;
let c: ConsultationView;
const { api, clock } = staffTests({
  seed: (harness) => {
    h = harness;
    ({ doctor, c } = doctorWithConsultation(h, msk('2026-11-25', '15:00')));
  },
});

const audits = (action: string) => h.services.db.select().from(auditLog).where(eq(auditLog.action, action)).all();

describe('staff bot: my consultations', () => {
  it('/today lists the day in Moscow time; /week groups the next seven days', async () => {
    const second = takenApplication(h.services, h.registerPatient(PATIENT_ACCOUNT + 1, { fullName: 'Петров Пётр Петрович' }), doctor);
    const tomorrow = h.services.scheduling.scheduleApplication(doctor, second, msk('2026-11-26', '09:30'), 'audio');
    await h.staff.send(h.staff.updates.command(DOCTOR, '/today'));
    expect(h.staff.seen(DOCTOR)).toEqual([
      [
        '📅 Сегодня, среда, 25.11.2026 (МСК)',
        '',
        `15:00 · №${c.id} · Иванова Мария Петровна · видео`,
        '',
        'Карточка консультации: /consultation и номер.',
      ].join('\n'),
    ]);
    await h.staff.send(h.staff.updates.command(DOCTOR, '/week'));
    expect(h.staff.seen(DOCTOR)).toEqual([
      [
        '📅 Мои консультации на 7 дней с 25.11.2026 (МСК)',
        '',
        'Сегодня, 25.11',
        `15:00 · №${c.id} · Иванова Мария Петровна · видео`,
        '',
        'Четверг, 26.11',
        `09:30 · №${tomorrow.id} · Петров Пётр Петрович · аудио`,
        '',
        'Карточка консультации: /consultation и номер.',
      ].join('\n'),
    ]);
    // A colleague's lists hold none of it.
    await h.staff.send(h.staff.updates.command(COLLEAGUE, '/today'));
    expect(h.staff.seen(COLLEAGUE)).toEqual(['📅 Сегодня, среда, 25.11.2026 (МСК)\nКонсультаций на сегодня нет.']);
  });

  it('/today shows a doctor in Yekaterinburg the same consultation on their clock', async () => {
    h.services.db.$client.prepare("update staff set time_zone = 'Asia/Yekaterinburg' where id = ?").run(doctor.id);
    await h.staff.send(h.staff.updates.command(DOCTOR, '/today'));
    expect(h.staff.seen(DOCTOR)[0]).toMatch(new RegExp(`^📅 Сегодня, среда, 25\\.11\\.2026 \\(МСК\\+2\\)\\n\\n17:00 · №${c.id} · `));
  });

  it('/consultation N shows its doctor the patient, age, time, mode, status and the application; others get not found', async () => {
    await h.staff.send(h.staff.updates.command(DOCTOR, '/consultation', String(c.id)));
    expect(h.staff.seen(DOCTOR)).toEqual([
      [
        `🩺 Консультация №${c.id} — назначена`,
        'Пациент: Иванова Мария Петровна, 65 лет',
        'Время: 25.11.2026, 15:00–15:30 (МСК)',
        'Формат: видео',
        '',
        `Заявка №${c.applicationId} · НМИЦ ССХ им. А.Н. Бакулева`,
        'Заболевание: Нарушения ритма сердца',
        'Диагноз: Фибрилляция предсердий, пароксизмальная форма',
        'Жалобы: Перебои в работе сердца, одышка при ходьбе',
      ].join('\n'),
    ]);
    // Before the start only the room; conclusion and no-show come once it has begun.
    expect(staffScreen(api, DOCTOR).buttons).toEqual([['🎥 Видеокомната']]);
    expect(audits('consultation.viewed')).toEqual([expect.objectContaining({ actorType: 'staff', actorId: doctor.id, patientId: c.patientId })]);

    await h.staff.send(h.staff.updates.command(COLLEAGUE, '/consultation', String(c.id)));
    await h.staff.send(h.staff.updates.command(COLLEAGUE, '/consultation', '999'));
    expect(h.staff.seen(COLLEAGUE)).toEqual(['Консультация не найдена. Проверьте номер.', 'Консультация не найдена. Проверьте номер.']);
    expect(audits('consultation.viewed')).toHaveLength(1);
    await h.staff.send(h.staff.updates.command(DOCTOR, '/consultation', 'двенадцать'));
    expect(h.staff.seen(DOCTOR)).toEqual(['Укажите номер консультации: /consultation 12']);

    clock.set(msk('2026-11-25', '15:05'));
    await h.staff.send(h.staff.updates.command(DOCTOR, '/consultation', `№${c.id}`));
    expect(staffScreen(api, DOCTOR).buttons).toEqual([['🎥 Видеокомната', '📝 Заключение'], ['🚫 Не пришёл']]);
  });

  it('/join gives the doctor a one-time room page link whose token makes them the moderator of this room only', async () => {
    await h.staff.send(h.staff.updates.command(DOCTOR, '/join', String(c.id)));
    const screen = staffScreen(api, DOCTOR);
    expect(screen.text).toBe(
      [
        `🎥 Консультация №${c.id}: Иванова Мария Петровна, 25.11.2026 в 15:00 (МСК), видео.`,
        'Вы — модератор: пациент ждёт в лобби, пока вы его не впустите.',
        'Ссылка личная и одноразовая, не пересылайте её; откройте до 15:00 (потом /join ' + c.id + ' даст новую). Звонок доступен с 25.11.2026 14:45 до 16:00 (МСК).',
      ].join('\n'),
    );
    // The ticket is in the button only, not in the text; the Jitsi token is in neither.
    expect(screen.text).not.toContain('?t=');
    const button = screen.message.reply_markup!.inline_keyboard[0]![0]!;
    expect(button.text).toBe('🎥 Открыть видеокомнату');
    const link = parseRoomLink((button as { url: string }).url);
    expect(link).toMatchObject({ origin: 'https://oblako.test', consultationId: c.id });
    clock.set(c.startsAt - 5 * 60_000);
    const { entry } = await enterRoomLink(h.services.room, (button as { url: string }).url);
    expect(entry).toMatchObject({ side: 'doctor', jitsi: { domain: JITSI.domain, roomName: c.room } });
    const { payload } = await jwtVerify(entry.jitsi.jwt, new TextEncoder().encode(JITSI.appSecret), {
      issuer: JITSI.appId,
      audience: 'jitsi',
      currentDate: new Date(c.startsAt),
    });
    expect(payload).toMatchObject({
      room: c.room,
      sub: JITSI.domain,
      context: { user: { id: `staff:${doctor.id}`, name: 'Петрова Анна Сергеевна', moderator: true, affiliation: 'owner' } },
      nbf: (c.startsAt - 15 * 60_000) / 1000,
      exp: (c.endsAt + 30 * 60_000) / 1000,
    });
    expect(audits('consultation.join_link')).toEqual([expect.objectContaining({ actorId: doctor.id, patientId: c.patientId })]);

    // Not for a colleague, not for an admin (who may read the card), and not once the window is over.
    await h.staff.send(h.staff.updates.command(COLLEAGUE, '/join', String(c.id)));
    expect(h.staff.seen(COLLEAGUE)).toEqual(['Консультация не найдена. Проверьте номер.']);
    const ADMIN = { id: 6660009, first_name: 'Админ', language_code: 'ru' };
    h.addStaff(ADMIN.id, 'admin', null);
    await h.staff.send(h.staff.updates.command(ADMIN, '/join', String(c.id)));
    expect(h.staff.seen(ADMIN)).toEqual(['Это консультация другого врача.']);
    await h.staff.send(h.staff.updates.command(ADMIN, '/consultation', String(c.id)));
    expect(h.staff.seen(ADMIN)[0]).toMatch(/^🩺 Консультация №\d+ — назначена\nПациент: Иванова Мария Петровна/);
    expect(staffScreen(api, ADMIN).buttons).toEqual([]);
    expect(audits('consultation.join_link')).toHaveLength(1);
    clock.set(msk('2026-11-25', '16:01'));
    h.staff.seen(DOCTOR);
    await h.staff.send(h.staff.updates.command(DOCTOR, '/join', String(c.id)));
    expect(h.staff.seen(DOCTOR)).toEqual(['Время этой консультации прошло — ссылка на комнату больше не выдаётся.']);
  });

  it('/join says plainly when Jitsi is not configured', async () => {
    const video = createVideoService(undefined, clock);
    const room = createRoomService({ ...h.services, video, consultation: (id) => h.services.scheduling.get(id), staffById: (id) => h.services.staff.byId(id), accountLocale: () => 'ru', connection: { minVideoKbps: 2000, minAudioKbps: 512 }, publicUrl: 'https://oblako.test' });
    const staffConsultations = createStaffConsultations({ ...h.services, video, room });
    const bot = createStaffBot({ ...h.services, video, staffConsultations, staffToken: STAFF_TOKEN }, { botInfo: api.botInfo(STAFF_TOKEN) });
    await bot.bot.handleUpdate(h.staff.updates.command(DOCTOR, '/join', String(c.id)));
    expect(h.staff.seen(DOCTOR)).toEqual([
      'Видеосвязь на сервере не настроена (нет настроек Jitsi), поэтому ссылку на комнату выдать нельзя. Сообщите администратору.',
    ]);
  });

  it('/noshow is refused before the start; after it, once confirmed, the patient is told and the application returns', async () => {
    await h.staff.send(h.staff.updates.command(DOCTOR, '/noshow', String(c.id)));
    expect(h.staff.seen(DOCTOR)).toEqual(['Консультация ещё не началась — это можно сделать после её начала.']);
    clock.set(msk('2026-11-25', '15:10'));
    await h.staff.send(h.staff.updates.command(COLLEAGUE, '/noshow', String(c.id)));
    expect(h.staff.seen(COLLEAGUE)).toEqual(['Консультация не найдена. Проверьте номер.']);

    await h.staff.send(h.staff.updates.command(DOCTOR, '/noshow', String(c.id)));
    expect(h.staff.seen(DOCTOR)).toEqual([
      `Отметить, что Иванова Мария Петровна не пришла на консультацию №${c.id} (25.11.2026, 15:00, МСК)? Пациент получит об этом сообщение.`,
    ]);
    await h.staff.press(DOCTOR, 'Отмена');
    expect(h.services.scheduling.get(c.id)!.status).toBe('scheduled');
    await h.staff.send(h.staff.updates.command(DOCTOR, '/noshow', String(c.id)));
    await h.staff.press(DOCTOR, '🚫 Да, не пришёл');
    expect(h.staff.seen(DOCTOR).at(-1)).toBe(
      `Отмечено: Иванова Мария Петровна не пришла на консультацию №${c.id}. Заявка №${c.applicationId} снова у вас — можно назначить новое время: /schedule ${c.applicationId}`,
    );
    expect(h.services.scheduling.get(c.id)!.status).toBe('no_show');
    expect(h.services.applicationRepository.byId(c.applicationId!)!.status).toBe('in_review');
    const told = h.services.db.select().from(outbox).where(and(eq(outbox.template, 'consultation_no_show'), eq(outbox.chatId, PATIENT_ACCOUNT))).all();
    expect(told).toHaveLength(1);
    // Asking again finds it closed.
    await h.staff.send(h.staff.updates.command(DOCTOR, '/noshow', String(c.id)));
    expect(h.staff.seen(DOCTOR).at(-1)).toBe('Консультация уже не открыта: она проведена, отменена или отмечена неявка.');
  });

  it('a triage question left open: /today leaves it and runs, and what is typed next is not taken as its answer', async () => {
    const appId = takenApplication(h.services, h.registerPatient(PATIENT_ACCOUNT + 1, { fullName: 'Петров Пётр Петрович' }), doctor);
    // The card's Decline button, on a message the staff bot sends here in place of the card.
    const keyboard = new InlineKeyboard().text('❌ Отклонить', declineData.pack({ id: appId }));
    await new Api(h.staff.token, { apiRoot: api.apiRoot }).sendMessage(DOCTOR.id, `Заявка №${appId}`, { reply_markup: keyboard });
    await h.staff.press(DOCTOR, '❌ Отклонить');
    await h.staff.press(DOCTOR, '✏️ Другая причина (написать)');
    h.staff.seen(DOCTOR);
    await h.staff.send(h.staff.updates.command(DOCTOR, '/today'));
    expect(h.staff.seen(DOCTOR)).toEqual(['Начатое действие по заявке прервано, пациенту ничего не отправлено.', expect.stringMatching(/^📅 Сегодня, среда/)]);
    await h.staff.send(h.staff.updates.text(DOCTOR, 'Это не причина отказа'));
    expect(h.services.applicationRepository.byId(appId)!.status).toBe('in_review');
  });

  it('a patient cancelling tells the doctor in the staff bot, on their clock', async () => {
    h.services.scheduling.cancelByPatient(PATIENT_ACCOUNT, c.id);
    h.services.db.delete(outbox).where(eq(outbox.bot, 'patient')).run();
    await h.deliver();
    expect(h.staff.seen(DOCTOR)).toEqual([
      `❌ Иванова Мария Петровна отменила консультацию №${c.id} (25.11.2026, 15:00, МСК). Это время снова свободно. Заявка №${c.applicationId} снова у вас: /schedule ${c.applicationId}`,
    ]);
  });
});

describe('staff bot: the room page’s side', () => {
  it('/today shows the real length of a held call, from the room page’s attendance', async () => {
    clock.set(msk('2026-11-25', '14:58'));
    const { link } = await h.services.staffConsultations.join(doctor, c.id);
    const doctorSession = (await enterRoomLink(h.services.room, link.url)).entry.session;
    h.services.room.report(doctorSession, 'joined');
    const patientLink = await h.services.booking.join(PATIENT_ACCOUNT, c.id);
    clock.set(msk('2026-11-25', '15:01'));
    const patientSession = (await enterRoomLink(h.services.room, patientLink.url)).entry.session;
    h.services.room.report(patientSession, 'joined');
    await h.staff.send(h.staff.updates.command(DOCTOR, '/today'));
    expect(h.staff.seen(DOCTOR)[0]).toContain(`15:00 · №${c.id} · Иванова Мария Петровна · видео · звонок идёт`);
    clock.set(msk('2026-11-25', '15:24'));
    h.services.room.report(doctorSession, 'left');
    await h.staff.send(h.staff.updates.command(DOCTOR, '/today'));
    expect(h.staff.seen(DOCTOR)[0]).toContain(`15:00 · №${c.id} · Иванова Мария Петровна · видео · звонок 23 мин`);
  });

  it('the room page’s “write the conclusion” (/start conclude_N) opens the conclusion flow for that consultation', async () => {
    clock.set(msk('2026-11-25', '15:30'));
    await h.staff.send(h.staff.updates.command(DOCTOR, '/start', `conclude_${c.id}`));
    expect(h.staff.seen(DOCTOR)[0]).toMatch(new RegExp(`^📝 Заключение по консультации №${c.id} \\(Иванова Мария Петровна\\)`));
    // Another doctor's consultation: the same refusal as /conclude.
    await h.staff.send(h.staff.updates.command(COLLEAGUE, '/start', `conclude_${c.id}`));
    expect(h.staff.seen(COLLEAGUE)).toEqual(['Консультация не найдена. Проверьте номер.']);
  });
});
