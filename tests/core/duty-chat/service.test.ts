import { existsSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../app/services.js';
import { CAPTION_PART, splitText, TEXT_PART } from '../../../core/duty-chat/text.js';
import { zonedToUtc } from '../../../core/time.js';
import { consultations, outbox, slots, staff } from '../../../db/schema.js';
import { phoneJpeg } from '../../support/document-fixtures.js';
import { addDutyDoctor } from '../../support/duty-fixtures.js';
import { manualClock } from '../../support/service-harness.js';
import { addDoctor, addPatient, createCoreServices, takenApplication, WEDNESDAY_10_MSK } from '../../support/scheduling-fixtures.js';

const MARIA = 5550001;
const ANNA = 5550002;
const DUTY_TG = 6670001;
const STARTS = zonedToUtc('2026-11-26', '09:30', 'Europe/Moscow');
const ENDS = zonedToUtc('2026-11-26', '10:00', 'Europe/Moscow');

const clock = manualClock();
let services: Services;
let close: () => void;
let doctorId: number;

beforeEach(() => {
  clock.set(WEDNESDAY_10_MSK);
  ({ services, close } = createCoreServices(clock));
  doctorId = addDutyDoctor(services, DUTY_TG).id;
});
afterEach(() => close());

function book(accountId: number, startsAt = STARTS, endsAt = ENDS): { consultationId: number; patientId: number } {
  const patientId = addPatient(services, accountId);
  const slot = services.db.insert(slots).values({ staffId: doctorId, startsAt, endsAt, kind: 'duty' }).returning().get();
  return { consultationId: services.booking.book(accountId, patientId, slot.id, 'video'), patientId };
}

/** The code of the DomainError a promise rejects with. */
const expectDomainError = (promise: Promise<unknown>, code: string) => expect(promise).rejects.toMatchObject({ name: 'DomainError', code });

const chatRows = () => services.db.select().from(outbox).all().filter((r) => r.template.startsWith('duty_chat_'));
const filesDir = (services: Services) => path.join(path.dirname(services.db.$client.name), 'files', 'duty-chat');
const fileOf = (key: string) => path.join(filesDir(services), key.slice(0, 2), key.slice(2, 4), key);

describe('splitText', () => {
  it('keeps every word, cuts at a paragraph or a word and never inside an emoji, each part within the limit', () => {
    const paragraph = 'Давление по утрам 150/90, к вечеру снижается. '.repeat(40).trim();
    const text = `${paragraph}\n\n${'😀'.repeat(30)} ${paragraph}`;
    const parts = splitText(text, 500);
    expect(parts.length).toBeGreaterThan(4);
    for (const part of parts) expect(Array.from(part).length).toBeLessThanOrEqual(500);
    expect(parts.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
    expect(parts.every((p) => !p.includes('\uFFFD') && !/[\uD800-\uDBFF]$/.test(p))).toBe(true);
    expect(splitText('  коротко  ')).toEqual(['коротко']);
    expect(splitText('x'.repeat(TEXT_PART + 1)).map((p) => p.length)).toEqual([TEXT_PART, 1]);
  });
});

describe('duty chat service', () => {
  it('a long text becomes several stored messages, each with its own outbox row; a long caption follows its photo', async () => {
    const { consultationId } = book(MARIA);
    const long = 'Слово '.repeat(1500).trim();
    expect((await services.dutyChat.fromPatient(MARIA, consultationId, 10, { text: long })).stored).toBe(3);
    const caption = 'Подпись '.repeat(Math.ceil(CAPTION_PART / 8) + 5).trim();
    expect((await services.dutyChat.fromPatient(MARIA, consultationId, 11, { text: caption, photo: await phoneJpeg() })).stored).toBe(2);
    const history = services.dutyChat.history(consultationId);
    expect(history.map((m) => [m.patientMessageId, m.photoKey !== null, m.text === null])).toEqual([
      [10, false, false],
      [10, false, false],
      [10, false, false],
      [11, true, true],
      [11, false, false],
    ]);
    expect(history.slice(0, 3).map((m) => m.text).join(' ')).toBe(long);
    expect(chatRows().map((r) => [r.bot, r.chatId, r.template])).toEqual(history.map(() => ['staff', DUTY_TG, 'duty_chat_to_doctor']));
  });

  it('says why a chat is closed: another account, an application’s consultation, its state, its end, an inactive doctor', async () => {
    const { consultationId } = book(MARIA);
    const reason = (accountId: number, id = consultationId) => {
      const a = services.dutyChat.access(accountId, id);
      return a.open ? 'open' : a.reason;
    };
    expect(reason(MARIA)).toBe('open');
    addPatient(services, ANNA);
    expect(reason(ANNA)).toBe('not_found');

    // A center's consultation (path 1) has no duty chat.
    const centerDoctor = addDoctor(services, 7770001);
    const appId = takenApplication(services, addPatient(services, 5550003), centerDoctor);
    const scheduled = services.scheduling.scheduleApplication(centerDoctor, appId, zonedToUtc('2026-11-27', '11:00', 'Europe/Moscow'), 'video');
    expect(reason(5550003, scheduled.id)).toBe('not_found');
    expect(services.dutyChat.isDuty(scheduled.id)).toBe(false);
    expect(services.dutyChat.isDuty(consultationId)).toBe(true);

    services.db.update(staff).set({ active: false }).where(eq(staff.id, doctorId)).run();
    expect(reason(MARIA)).toBe('no_doctor');
    services.db.update(staff).set({ active: true }).where(eq(staff.id, doctorId)).run();
    for (const status of ['completed', 'no_show', 'cancelled'] as const) {
      services.db.update(consultations).set({ status }).where(eq(consultations.id, consultationId)).run();
      expect(reason(MARIA)).toBe(status);
    }
    services.db.update(consultations).set({ status: 'scheduled' }).where(eq(consultations.id, consultationId)).run();
    clock.set(ENDS - 1);
    expect(reason(MARIA)).toBe('open');
    clock.set(ENDS);
    expect(reason(MARIA)).toBe('ended');
    await expectDomainError(services.dutyChat.fromPatient(MARIA, consultationId, 12, { text: 'поздно' }), 'chat_closed');
    expect(services.dutyChat.openChats(MARIA)).toEqual([]);
  });

  it('a doctor’s reply maps through the outbox when the process stopped before the relay’s message id was recorded', async () => {
    const { consultationId } = book(MARIA);
    await services.dutyChat.fromPatient(MARIA, consultationId, 10, { text: 'Вопрос' });
    const [row] = chatRows();
    // Telegram accepted it as message 77 and the sender marked the row, then the process stopped before onSent.
    services.outbox.markSent(row!.id, clock.now(), 77);
    expect(services.dutyChat.history(consultationId)[0]!.staffMessageId).toBeNull();
    const doctor = services.staff.byTelegramId(DUTY_TG)!;
    const { stored } = await services.dutyChat.fromDoctor(doctor.id, DUTY_TG, 77, 78, { text: 'Ответ' });
    expect(stored).toBe(1);
    await expectDomainError(services.dutyChat.fromDoctor(doctor.id, DUTY_TG, 76, 79, { text: 'Мимо' }), 'chat_reply_unknown');
    expect(chatRows().filter((r) => r.bot === 'patient').map((r) => r.chatId)).toEqual([MARIA]);
  });

  it('a PDF is not a photo; a broken image is refused and leaves no file behind', async () => {
    const { consultationId } = book(MARIA);
    await expectDomainError(services.dutyChat.fromPatient(MARIA, consultationId, 10, { photo: Buffer.from('%PDF-1.4\n%%EOF\n') }), 'unsupported_type');
    const jpeg = await phoneJpeg();
    await expectDomainError(services.dutyChat.fromPatient(MARIA, consultationId, 11, { photo: jpeg.subarray(0, jpeg.length / 2) }), 'image_broken');
    expect(services.dutyChat.history(consultationId)).toEqual([]);
    expect(existsSync(filesDir(services))).toBe(false);
  });

  it('deleting an account removes its chat messages and photos, but keeps a photo another patient’s chat also shows', async () => {
    const maria = book(MARIA);
    const anna = book(ANNA, STARTS + 3_600_000, ENDS + 3_600_000);
    const shared = await phoneJpeg({ width: 80, height: 60 });
    await services.dutyChat.fromPatient(MARIA, maria.consultationId, 10, { photo: shared });
    await services.dutyChat.fromPatient(MARIA, maria.consultationId, 11, { photo: await phoneJpeg({ width: 96, height: 64 }) });
    await services.dutyChat.fromPatient(ANNA, anna.consultationId, 10, { photo: shared });
    const [sharedKey, ownKey] = services.dutyChat.history(maria.consultationId).map((m) => m.photoKey!);
    expect(services.dutyChat.history(anna.consultationId)[0]!.photoKey).toBe(sharedKey);

    await services.deleteAccount(MARIA);
    expect(existsSync(fileOf(ownKey!))).toBe(false);
    expect(existsSync(fileOf(sharedKey!))).toBe(true);
    expect(services.dutyChat.history(maria.consultationId)).toEqual([]);
    expect(services.dutyChat.history(anna.consultationId)).toHaveLength(1);
  });
});
