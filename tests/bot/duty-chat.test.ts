import { existsSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { Message, Update } from 'grammy/types';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StaffMember } from '../../core/staff/repository.js';
import { zonedToUtc } from '../../core/time.js';
import { auditLog, consultations, dutyChatMessages, outbox, slots } from '../../db/schema.js';
import { gpsTags, phoneJpeg } from '../support/document-fixtures.js';
import { addDutyDoctor } from '../support/duty-fixtures.js';
import { createFakeBotApi, type RecordedCall } from '../support/fake-bot-api.js';
import { WEDNESDAY_10_MSK } from '../support/scheduling-fixtures.js';
import { createServiceHarness, manualClock, PATIENT_TOKEN, STAFF_TOKEN, type ServiceHarness } from '../support/service-harness.js';
import type { TestUser } from '../support/updates.js';

const api = createFakeBotApi();
const DUTY = { id: 6670001, first_name: 'Елена', language_code: 'ru' };
const OTHER = { id: 6670002, first_name: 'Пётр', language_code: 'ru' };
const MARIA = { id: 5550001, first_name: 'Мария', language_code: 'ru' };
const msk = (date: string, time: string) => zonedToUtc(date, time, 'Europe/Moscow');
/** Thursday 26 November 2026, 09:30–10:00 in Moscow; 16:30 in Vladivostok, where Maria lives. */
const STARTS = msk('2026-11-26', '09:30');
const ENDS = msk('2026-11-26', '10:00');

let h: ServiceHarness;
let doctor: StaffMember;
let patientId: number;
let consultationId: number;
const clock = manualClock();

beforeAll(() => api.listen());
beforeEach(async () => {
  clock.set(WEDNESDAY_10_MSK);
  h = createServiceHarness(api, { clock });
  doctor = addDutyDoctor(h.services, DUTY.id, 'cardiology', 'Соколова Елена Викторовна');
  patientId = h.registerPatient(MARIA.id, { regionCode: 'RU-PRI', timeZone: 'Asia/Vladivostok' });
  const slot = h.services.db.insert(slots).values({ staffId: doctor.id, startsAt: STARTS, endsAt: ENDS, kind: 'duty' }).returning().get();
  // Booked as the Mini App books: the notice to the patient and the doctor's «new booking» go through the outbox.
  consultationId = h.services.booking.book(MARIA.id, patientId, slot.id, 'video');
  await h.deliver();
  h.patient.seen(MARIA);
  h.staff.seen(DUTY);
});
afterEach(() => {
  h.close();
  api.reset();
});
afterAll(() => api.close());

const rows = () => h.services.db.select().from(dutyChatMessages).orderBy(dutyChatMessages.id).all();
const chatOutbox = () => h.services.db.select().from(outbox).all().filter((r) => r.template.startsWith('duty_chat_'));
const lastFrom = (user: TestUser, token: string) => api.history(user.id, token).filter((m) => m.from?.is_bot).at(-1)!;

/** A person's message that replies to `target` (Telegram puts the replied message, without its own reply, inside). */
function replying(update: Update, target: Message): Update {
  const { reply_to_message: _nested, ...replied } = target as Message & { reply_to_message?: unknown };
  (update.message as { reply_to_message?: unknown }).reply_to_message = replied;
  return update;
}

async function enterChat() {
  await h.patient.press(MARIA, '💬 Спросить дежурного врача');
  return h.patient.seen(MARIA);
}

/** The uploaded photo of a sendPhoto call: bytes sent as a file, never a file_id of another bot. */
function uploadedPhoto(call: RecordedCall): Buffer {
  const photo = call.params.photo as { filename: string; bytes: Buffer } | string;
  expect(typeof photo).toBe('object');
  return (photo as { bytes: Buffer }).bytes;
}

describe('duty-doctor chat: the patient writes, the doctor answers', () => {
  it('text both ways: the emergency warning comes first; the doctor reads a header; the reply reaches the patient; every message stored', async () => {
    // The booking notice carries the button (the Cancel one stays).
    const notice = api.sent(MARIA.id, PATIENT_TOKEN).filter((m) => m.text?.includes('Соколова')).at(-1)!;
    expect(notice.buttons.flat()).toEqual(['✖️ Отменить консультацию', '💬 Спросить дежурного врача']);

    const welcome = await enterChat();
    expect(welcome).toHaveLength(1);
    expect(welcome[0]!.startsWith('⚠️ Этот чат — не для экстренной помощи.')).toBe(true);
    expect(welcome[0]).toContain('звоните 103 или 112');
    expect(welcome[0]).toContain('Соколова Елена Викторовна');
    expect(welcome[0]).toContain('четверг, 26 ноября, 16:30');

    await h.patient.send(h.patient.updates.text(MARIA, 'Можно ли принимать аспирин перед консультацией?'));
    expect(h.patient.seen(MARIA)).toEqual(['✓ Передано врачу.']);
    expect(h.staff.seen(DUTY)).toEqual([]); // through the outbox, not sent from the patient's update

    await h.deliver();
    const relayed = lastFrom(DUTY, STAFF_TOKEN);
    expect('text' in relayed && relayed.text).toBe(
      [
        `💬 Дежурный чат · консультация №${consultationId}`,
        'Пациент: Иванова Мария Петровна',
        'Консультация: 26.11.2026 09:30 МСК',
        '',
        'Можно ли принимать аспирин перед консультацией?',
        '',
        '↩️ Чтобы ответить пациенту, ответьте (Reply) на это сообщение.',
      ].join('\n'),
    );

    await h.staff.send(replying(h.staff.updates.text(DUTY, 'Да, можно, как обычно.'), relayed));
    expect(h.staff.seen(DUTY).at(-1)).toBe('✓ Отправлено Ивановой Марии Петровне.');
    await h.deliver();
    const answer = api.sent(MARIA.id, PATIENT_TOKEN).at(-1)!;
    expect(answer.text).toBe(
      '💬 Дежурный врач Соколова Елена Викторовна, консультация четверг, 26 ноября, 16:30 по владивостокскому времени (МСК+7):\n\nДа, можно, как обычно.',
    );
    expect(answer.buttons.flat()).toEqual(['💬 Ответить врачу']);

    const [question, reply] = rows();
    expect(rows()).toHaveLength(2);
    expect(question).toMatchObject({
      consultationId,
      direction: 'patient',
      text: 'Можно ли принимать аспирин перед консультацией?',
      photoKey: null,
      patientChatId: MARIA.id,
      staffChatId: DUTY.id,
      staffMessageId: relayed.message_id,
    });
    expect(question!.patientMessageId).toEqual(expect.any(Number));
    expect(reply).toMatchObject({
      consultationId,
      direction: 'doctor',
      text: 'Да, можно, как обычно.',
      patientChatId: MARIA.id,
      patientMessageId: answer.messageId,
      staffChatId: DUTY.id,
    });
    // The doctor's reading of the patient's words is audited once per message relayed.
    const audits = h.services.db.select().from(auditLog).where(eq(auditLog.action, 'duty_chat.message_relayed')).all();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorType: 'staff', actorId: doctor.id, patientId });
    expect(JSON.parse(audits[0]!.details!)).toEqual({ consultationId, chatMessageId: question!.id, photo: false });
  });

  it('words with <, > and & in them are read exactly as typed, both ways (messages are Telegram HTML)', async () => {
    await enterChat();
    const typed = 'Давление <140/90> & пульс 80 — <b>нормально</b>?';
    await h.patient.send(h.patient.updates.text(MARIA, typed));
    await h.deliver();
    const relayed = lastFrom(DUTY, STAFF_TOKEN);
    expect('text' in relayed && relayed.text).toContain(`\n\n${typed}\n\n`);
    const answer = 'Да, <140/90> & 80 — норма.';
    await h.staff.send(replying(h.staff.updates.text(DUTY, answer), relayed));
    await h.deliver();
    const shown = api.sent(MARIA.id, PATIENT_TOKEN).at(-1)!.text!;
    expect(shown.slice(-answer.length - 3)).toBe(`:\n\n${answer}`);
  });

  it('a photo both ways: re-encoded without GPS, stored under the files folder, uploaded again by the other bot', async () => {
    await enterChat();
    const photo = api.addPhoto(await phoneJpeg({ width: 640, height: 480 }), { token: PATIENT_TOKEN });
    await h.patient.send(h.patient.updates.photo(MARIA, photo, { caption: 'Вот ЭКГ от вчера' }));
    expect(h.patient.seen(MARIA)).toEqual(['✓ Передано врачу.']);
    await h.deliver();

    const toDoctor = api.callsOf('sendPhoto', STAFF_TOKEN).at(-1)!;
    expect(toDoctor.params.chat_id).toBe(DUTY.id);
    expect(toDoctor.params.protect_content).toBe(true);
    const sentBytes = uploadedPhoto(toDoctor);
    const meta = await sharp(sentBytes).metadata();
    expect(meta.format).toBe('jpeg');
    expect(gpsTags(meta.exif)).toEqual([]);
    const relayed = lastFrom(DUTY, STAFF_TOKEN);
    expect('caption' in relayed && relayed.caption).toContain('Пациент: Иванова Мария Петровна');
    expect('caption' in relayed && relayed.caption).toContain('\n\nВот ЭКГ от вчера\n\n↩️ Чтобы ответить пациенту');

    const [stored] = rows();
    expect(stored).toMatchObject({ direction: 'patient', text: 'Вот ЭКГ от вчера', staffMessageId: relayed.message_id });
    const key = stored!.photoKey!;
    expect(key).toMatch(/^[0-9a-f]{64}\.jpg$/);
    expect(existsSync(path.join(h.dir, 'files', 'duty-chat', key.slice(0, 2), key.slice(2, 4), key))).toBe(true);
    expect((await h.services.dutyChat.readPhoto(key)).equals(sentBytes)).toBe(true);

    // The doctor answers with a photo of their own, replying to the patient's.
    const doctorPhoto = api.addPhoto(await phoneJpeg({ width: 320, height: 240 }), { token: STAFF_TOKEN });
    await h.staff.send(replying(h.staff.updates.photo(DUTY, doctorPhoto), relayed));
    expect(h.staff.seen(DUTY).at(-1)).toBe('✓ Отправлено Ивановой Марии Петровне.');
    await h.deliver();
    const toPatient = api.callsOf('sendPhoto', PATIENT_TOKEN).at(-1)!;
    expect(toPatient.params.chat_id).toBe(MARIA.id);
    expect(toPatient.params.protect_content).toBe(true);
    expect((await sharp(uploadedPhoto(toPatient)).metadata()).width).toBe(320);
    expect(api.sent(MARIA.id, PATIENT_TOKEN).at(-1)!.caption).toBe(
      '💬 Дежурный врач Соколова Елена Викторовна, консультация четверг, 26 ноября, 16:30 по владивостокскому времени (МСК+7):',
    );
    expect(rows().map((r) => [r.direction, r.photoKey !== null])).toEqual([
      ['patient', true],
      ['doctor', true],
    ]);
  });

  it('a sticker, a voice message or a file is refused politely, and nothing reaches the doctor', async () => {
    await enterChat();
    await h.patient.send(h.patient.updates.sticker(MARIA));
    const file = api.addFile(Buffer.from('%PDF-1.4\n'), { token: PATIENT_TOKEN });
    await h.patient.send(h.patient.updates.document(MARIA, file, { file_name: 'analysis.pdf', mime_type: 'application/pdf' }));
    const voice = h.patient.updates.text(MARIA, 'x');
    const { text: _text, ...bare } = voice.message as Message & { text?: string };
    voice.message = { ...bare, voice: { file_id: 'AwACAgIAAxkBAAIBvoice', file_unique_id: 'AgADvoice', duration: 4 } } as unknown as Update['message'];
    await h.patient.send(voice);
    const refusal =
      'В чат с врачом передаются только текст и фотографии. Стикеры, голосовые и видеосообщения, файлы не передаются — пожалуйста, напишите вопрос словами, а снимок документа пришлите как фото (не файлом).';
    expect(h.patient.seen(MARIA)).toEqual([refusal, refusal, refusal]);
    // A shared phone number answers the bot (a referral's phone), not the doctor: it goes on to the other features.
    await h.patient.send(h.patient.updates.contact(MARIA, { phone_number: '+79123456789', first_name: 'Мария', user_id: MARIA.id }));
    expect(h.patient.seen(MARIA)).not.toContain(refusal);
    expect(rows()).toEqual([]);
    expect(chatOutbox()).toEqual([]);
  });

  it('after the consultation ends, a message gets «chat closed» with a way to book again, and the chat mode is left', async () => {
    await enterChat();
    clock.set(ENDS);
    await h.patient.send(h.patient.updates.text(MARIA, 'Доктор, а ещё вопрос'));
    const closed = api.sent(MARIA.id, PATIENT_TOKEN).at(-1)!;
    expect(closed.text).toBe(
      'Чат с дежурным врачом по этой консультации закрыт: консультация уже прошла.\n\nЕсли остались вопросы, запишитесь на новую консультацию к дежурному врачу — это бесплатно.',
    );
    expect(closed.buttons.flat()).toEqual(['📅 Записаться на консультацию']);
    expect(closed.message.reply_markup?.inline_keyboard[0]![0]).toMatchObject({ web_app: { url: 'https://oblako.test/app/' } });
    // Out of chat mode: the next message is the bot's usual answer, not another «closed».
    h.patient.seen(MARIA);
    await h.patient.send(h.patient.updates.text(MARIA, 'Алло?'));
    expect(h.patient.seen(MARIA)).toEqual(['Я не понял сообщение. Выберите действие в меню ниже или отправьте /help.']);
    // The button on the old notice says the same.
    await enterChat();
    expect(api.sent(MARIA.id, PATIENT_TOKEN).at(-1)!.text).toContain('консультация уже прошла');
    expect(rows()).toEqual([]);
  });

  it('a cancelled consultation closes the chat: for the patient, and for the doctor replying to an earlier message', async () => {
    await enterChat();
    await h.patient.send(h.patient.updates.text(MARIA, 'Первый вопрос'));
    await h.deliver();
    const relayed = lastFrom(DUTY, STAFF_TOKEN);

    h.services.booking.cancel(MARIA.id, consultationId);
    await h.patient.send(h.patient.updates.text(MARIA, 'Второй вопрос'));
    expect(h.patient.seen(MARIA).at(-1)).toBe(
      'Чат с дежурным врачом по этой консультации закрыт: консультация отменена.\n\nЕсли остались вопросы, запишитесь на новую консультацию к дежурному врачу — это бесплатно.',
    );

    h.staff.seen(DUTY);
    await h.staff.send(replying(h.staff.updates.text(DUTY, 'Ответ'), relayed));
    expect(h.staff.seen(DUTY)).toEqual(['Чат закрыт, ответ пациенту не отправлен: консультация отменена.']);
    expect(rows().map((r) => r.text)).toEqual(['Первый вопрос']);
    await h.deliver();
    expect(api.sent(MARIA.id, PATIENT_TOKEN).filter((m) => m.text?.includes('Ответ'))).toEqual([]);
  });

  it('only the consultation’s doctor can answer: after it is handed to a colleague, the first doctor’s reply is refused', async () => {
    await enterChat();
    await h.patient.send(h.patient.updates.text(MARIA, 'Вопрос'));
    await h.deliver();
    const relayed = lastFrom(DUTY, STAFF_TOKEN);
    const colleague = addDutyDoctor(h.services, OTHER.id, 'cardiology', 'Петров Пётр Петрович');
    h.services.db.update(consultations).set({ staffId: colleague.id }).where(eq(consultations.id, consultationId)).run();

    h.staff.seen(DUTY);
    await h.staff.send(replying(h.staff.updates.text(DUTY, 'Мой ответ'), relayed));
    expect(h.staff.seen(DUTY)).toEqual([
      `Консультация №${consultationId} ведётся другим врачом: ответить пациенту может только её врач. Ответ не отправлен.`,
    ]);
    expect(rows().filter((r) => r.direction === 'doctor')).toEqual([]);
  });

  it('a reply to anything but a relayed message is explained to the doctor and goes nowhere', async () => {
    // The doctor replies to the bot's own notice of the booking.
    const notice = lastFrom(DUTY, STAFF_TOKEN);
    await h.staff.send(replying(h.staff.updates.text(DUTY, 'Хорошо, жду'), notice));
    expect(h.staff.seen(DUTY)).toEqual([
      'Это сообщение не из чата с пациентом, и ответ никуда не отправлен. Чтобы ответить пациенту, выберите «Ответить» (Reply) на его сообщении с заголовком «💬 Дежурный чат».',
    ]);
    // A sticker in reply to a patient's message: only text and photos go through.
    await enterChat();
    await h.patient.send(h.patient.updates.text(MARIA, 'Вопрос'));
    await h.deliver();
    h.staff.seen(DUTY);
    await h.staff.send(replying(h.staff.updates.sticker(DUTY), lastFrom(DUTY, STAFF_TOKEN)));
    expect(h.staff.seen(DUTY)).toEqual(['Пациенту передаются только текст и фотографии. Ответ не отправлен — напишите его текстом или пришлите фото.']);
    expect(rows().filter((r) => r.direction === 'doctor')).toEqual([]);
    expect(chatOutbox().filter((r) => r.bot === 'patient')).toEqual([]);
  });

  it('a relay the doctor never gets (the staff bot blocked, or given up) is told to the patient, with 103/112, once', async () => {
    await enterChat();
    api.blockChat(DUTY.id, { token: STAFF_TOKEN });
    await h.patient.send(h.patient.updates.text(MARIA, 'Болит голова третий день'));
    expect(h.patient.seen(MARIA)).toEqual(['✓ Передано врачу.']);
    await h.deliver();
    await h.deliver();
    expect(chatOutbox().find((r) => r.bot === 'staff')!.failedAt).not.toBeNull();
    const told = h.patient.seen(MARIA);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('не удалось доставить дежурному врачу');
    expect(told[0]).toContain('«Болит голова третий день»');
    expect(told[0]).toContain('103 или 112');
    expect(told[0]).toContain('четверг, 26 ноября, 16:30');
  });

  it('a relay whose lost attempt may have arrived, then refused for good: the patient is told it may not have reached the doctor', async () => {
    await enterChat();
    await h.patient.send(h.patient.updates.text(MARIA, 'Дошло ли?'));
    h.patient.seen(MARIA);
    api.breakNext('sendMessage', 'answer_lost');
    await h.deliver();
    api.blockChat(DUTY.id, { token: STAFF_TOKEN });
    clock.advance(10 * 60_000);
    await h.deliver();
    await h.deliver();
    const told = h.patient.seen(MARIA);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('«Дошло ли?» могло не дойти до дежурного врача');
    expect(told[0]).toContain('103 или 112');
  });

  it('a message whose doctor left before it could go (deactivated meanwhile) is told to the patient, not dropped in silence', async () => {
    await enterChat();
    await h.patient.send(h.patient.updates.text(MARIA, 'Вопрос до отключения'));
    h.patient.seen(MARIA);
    h.services.staff.setActive(doctor.id, false);
    await h.deliver();
    expect(api.sent(DUTY.id, STAFF_TOKEN).filter((m) => m.text?.includes('Вопрос до отключения'))).toEqual([]);
    expect(chatOutbox().find((r) => r.bot === 'staff')!.failedAt).not.toBeNull();
    expect(h.patient.seen(MARIA)).toEqual([expect.stringContaining('«Вопрос до отключения» не удалось доставить дежурному врачу')]);
    // Managers see why, not Telegram's fault.
    const MANAGER = { id: 6670009, first_name: 'Ольга', language_code: 'ru' };
    h.addStaff(MANAGER.id, 'manager', null);
    await h.staff.send(h.staff.updates.command(MANAGER, '/delivery'));
    expect(h.staff.seen(MANAGER).at(-1)).toContain('duty_chat_to_doctor · чат 6670001 — получатель больше не может его получить');
  });

  it('a relay sent again after its answer was lost: a reply to either copy reaches the patient', async () => {
    await enterChat();
    await h.patient.send(h.patient.updates.text(MARIA, 'Можно ли есть перед консультацией?'));
    api.breakNext('sendMessage', 'answer_lost');
    await h.deliver();
    const first = lastFrom(DUTY, STAFF_TOKEN);
    clock.advance(10 * 60_000);
    await h.deliver();
    const second = lastFrom(DUTY, STAFF_TOKEN);
    expect(second.message_id).not.toBe(first.message_id);
    expect('text' in second && second.text).toBe('text' in first && first.text);

    h.staff.seen(DUTY);
    await h.staff.send(replying(h.staff.updates.text(DUTY, 'Лучше натощак.'), first));
    expect(h.staff.seen(DUTY)).toEqual(['✓ Отправлено Ивановой Марии Петровне.']);
    await h.staff.send(replying(h.staff.updates.text(DUTY, 'И воду можно.'), second));
    expect(h.staff.seen(DUTY)).toEqual(['✓ Отправлено Ивановой Марии Петровне.']);
    await h.deliver();
    const answers = api.sent(MARIA.id, PATIENT_TOKEN).map((m) => m.text ?? '');
    expect(answers.filter((t) => t.endsWith('Лучше натощак.'))).toHaveLength(1);
    expect(answers.filter((t) => t.endsWith('И воду можно.'))).toHaveLength(1);
  });

  it('a bot message that only looks like a relay, and is not a resent one, is still refused', async () => {
    const notice = lastFrom(DUTY, STAFF_TOKEN);
    await enterChat();
    await h.patient.send(h.patient.updates.text(MARIA, 'Вопрос'));
    await h.deliver();
    h.staff.seen(DUTY);
    await h.staff.send(replying(h.staff.updates.text(DUTY, 'Ответ'), notice));
    expect(h.staff.seen(DUTY)[0]).toMatch(/^Это сообщение не из чата с пациентом/);
  });

  it('/cancel leaves the chat; the same update delivered twice is relayed once; /duty_doctor enters it again', async () => {
    await enterChat();
    const update = h.patient.updates.text(MARIA, 'Один вопрос');
    await h.patient.send(update);
    await h.patient.send(update);
    expect(rows()).toHaveLength(1);

    await h.patient.send(h.patient.updates.command(MARIA, '/cancel'));
    expect(h.patient.seen(MARIA).at(-1)).toBe('Вы вышли из чата с дежурным врачом. Вернуться можно командой /duty_doctor.');
    await h.patient.send(h.patient.updates.text(MARIA, 'Это не врачу'));
    expect(rows()).toHaveLength(1);

    await h.patient.send(h.patient.updates.command(MARIA, '/duty_doctor'));
    expect(h.patient.seen(MARIA).at(-1)).toContain('звоните 103 или 112');
    await h.patient.send(h.patient.updates.text(MARIA, 'Снова врачу'));
    expect(rows().map((r) => r.text)).toEqual(['Один вопрос', 'Снова врачу']);
    await h.deliver();
    expect(api.sent(DUTY.id, STAFF_TOKEN).filter((m) => m.text?.includes('💬 Дежурный чат'))).toHaveLength(2);
  });
});
