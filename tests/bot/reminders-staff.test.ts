import { eq } from 'drizzle-orm';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StaffMember } from '../../core/staff/repository.js';
import { zonedToUtc } from '../../core/time.js';
import { applications, outbox, staff } from '../../db/schema.js';
import { addDutyDoctor, bookDirectly } from '../support/duty-fixtures.js';
import { createFakeBotApi } from '../support/fake-bot-api.js';
import { takenApplication, WEDNESDAY_10_MSK } from '../support/scheduling-fixtures.js';
import { createServiceHarness, manualClock, STAFF_TOKEN, type ServiceHarness } from '../support/service-harness.js';
import type { TestUser } from '../support/updates.js';

const api = createFakeBotApi();
const clock = manualClock();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const msk = (date: string, time: string) => zonedToUtc(date, time, 'Europe/Moscow');

const user = (id: number, first_name: string): TestUser => ({ id, first_name, language_code: 'ru' });
const DUTY = user(6670001, 'Елена');
const ANNA = user(6660001, 'Анна'); // a doctor of Bakulev who works in Vladivostok's zone
const OLEG = user(6660002, 'Олег'); // a doctor of Bakulev, nothing booked
const IRINA = user(6660003, 'Ирина'); // a doctor of Kulakov
const MANAGER = user(6660010, 'Михаил'); // a manager of the whole service
const KULAKOV_MANAGER = user(6660011, 'Кира'); // a manager of Kulakov only
const ADMIN = user(6660020, 'Артём');

let h: ServiceHarness;
let duty: StaffMember;
let anna: StaffMember;
let maria: number;
let petr: number;

beforeAll(() => api.listen());
beforeEach(() => {
  clock.set(WEDNESDAY_10_MSK);
  h = createServiceHarness(api, { clock });
  duty = addDutyDoctor(h.services, DUTY.id, 'cardiology', 'Соколова Елена Викторовна');
  // Friday 27.11 and Saturday 28.11, 09:00–12:00 in Moscow.
  h.services.duty.addTemplate(duty.id, { weekday: 5, from: '09:00', to: '12:00', slotMinutes: 30 });
  h.services.duty.addTemplate(duty.id, { weekday: 6, from: '09:00', to: '12:00', slotMinutes: 30 });
  anna = h.addStaff(ANNA.id, 'doctor', 'bakulev', 'Петрова Анна Сергеевна');
  h.services.db.update(staff).set({ timeZone: 'Asia/Vladivostok' }).where(eq(staff.id, anna.id)).run();
  anna = h.services.staff.byId(anna.id)!;
  h.addStaff(OLEG.id, 'doctor', 'bakulev', 'Орлов Олег Олегович');
  h.addStaff(IRINA.id, 'doctor', 'kulakov', 'Иванова Ирина Игоревна');
  h.addStaff(MANAGER.id, 'manager', null, 'Миронов Михаил');
  h.addStaff(KULAKOV_MANAGER.id, 'manager', 'kulakov', 'Киреева Кира');
  h.addStaff(ADMIN.id, 'admin', null, 'Артёмов Артём');
  maria = h.registerPatient(5560001, { regionCode: 'RU-PRI', timeZone: 'Asia/Vladivostok' });
  petr = h.registerPatient(5560002, { fullName: 'Петров Пётр Петрович' });
  h.services.scheduler.tick();
});
afterEach(() => {
  h.close();
  api.reset();
});
afterAll(() => api.close());

const slotAt = (startsAt: number) => h.services.duty.schedule(duty.id, startsAt, startsAt + 1)[0]!.id;
const bookDuty = (patientId: number, startsAt: number) => bookDirectly(h.services, patientId, duty.id, slotAt(startsAt));
const tickAt = (at: number) => {
  clock.set(at);
  return h.services.scheduler.tick();
};
/** Delivers what is queued and returns what each of these people newly saw in the staff bot. */
async function staffSee(...people: TestUser[]): Promise<string[][]> {
  await h.deliver();
  return people.map((p) => h.staff.seen(p));
}
const drain = async () => {
  await h.deliver();
  for (const p of [DUTY, ANNA, OLEG, IRINA, MANAGER, KULAKOV_MANAGER, ADMIN]) h.staff.seen(p);
};

describe('doctor: 10 minutes before', () => {
  it('the consultation’s doctor is reminded, in their zone, with the room button that gives the moderator’s link', async () => {
    const c = bookDuty(maria, msk('2026-11-27', '09:00'));
    tickAt(msk('2026-11-27', '08:30'));
    await drain(); // the morning list
    tickAt(msk('2026-11-27', '08:50') - 1000);
    expect(await staffSee(DUTY)).toEqual([[]]);
    tickAt(msk('2026-11-27', '08:50'));
    expect(await staffSee(DUTY, ANNA)).toEqual([
      [
        [
          `⏰ Через 10 мин — консультация №${c}: Иванова Мария Петровна, 09:00 (МСК), видео.`,
          'Кнопка ниже даст ссылку в комнату: вы в ней модератор и впускаете пациента из зала ожидания.',
        ].join('\n'),
      ],
      [],
    ]);
    await h.staff.press(DUTY, '🎥 Видеокомната');
    const reply = api.sent(DUTY.id, STAFF_TOKEN).at(-1)!;
    expect(reply.text).toMatch(new RegExp(`^🎥 Консультация №${c}: Иванова Мария Петровна`));
    // The room page's one-time link; the Jitsi token comes only when the page exchanges it.
    expect((reply.replyMarkup as InlineKeyboardMarkup).inline_keyboard[0]![0]).toMatchObject({ url: expect.stringMatching(new RegExp(`^https://oblako\\.test/room/${c}\\?t=[\\w-]{43}$`)) });
  });

  it('an application’s doctor in Vladivostok sees the time on her own clock; none for a cancelled one; none twice after a restart', async () => {
    const appId = takenApplication(h.services, maria, anna);
    const c = h.services.scheduling.scheduleApplication(anna, appId, msk('2026-11-27', '11:00'), 'audio');
    const cancelled = bookDuty(petr, msk('2026-11-27', '11:00'));
    h.services.duty.doctorCancels(duty.id, cancelled);
    tickAt(msk('2026-11-27', '10:00'));
    await drain(); // the morning list
    tickAt(msk('2026-11-27', '10:50'));
    expect(await staffSee(ANNA, DUTY)).toEqual([[expect.stringMatching(new RegExp(`^⏰ Через 10 мин — консультация №${c.id}: Иванова Мария Петровна, 18:00 \\(МСК\\+7\\), аудио\\.`))], []]);
    h.services.db.$client.close();
    h = h.restart();
    h.staff.seen(ANNA);
    tickAt(msk('2026-11-27', '10:55'));
    await h.deliver();
    expect(h.staff.seen(ANNA)).toEqual([]);
  });
});

describe('doctors: the day’s list at 08:00 Moscow time', () => {
  let friday: number[];
  beforeEach(() => {
    friday = [bookDuty(maria, msk('2026-11-27', '10:00')), bookDuty(petr, msk('2026-11-27', '09:00'))];
    const gone = bookDuty(petr, msk('2026-11-27', '11:30'));
    h.services.duty.doctorCancels(duty.id, gone);
    bookDuty(maria, msk('2026-11-28', '09:00'));
    const appId = takenApplication(h.services, maria, anna);
    h.services.scheduling.scheduleApplication(anna, appId, msk('2026-11-27', '11:00'), 'video');
  });

  it('each doctor with consultations that day gets them once, in their own zone, as /today lists them', async () => {
    await drain();
    tickAt(msk('2026-11-27', '08:00') - 1000);
    expect(await staffSee(DUTY, ANNA, OLEG)).toEqual([[], [], []]);
    tickAt(msk('2026-11-27', '08:00'));
    expect(await staffSee(DUTY, ANNA, OLEG, IRINA)).toEqual([
      [
        [
          '☀️ Доброе утро! Консультаций на сегодня: 2.',
          '📅 Сегодня, пятница, 27.11.2026 (МСК)',
          '',
          `09:00 · №${friday[1]} · Петров Пётр Петрович · видео`,
          `10:00 · №${friday[0]} · Иванова Мария Петровна · видео`,
          '',
          'Карточка консультации: /consultation и номер.',
        ].join('\n'),
      ],
      [expect.stringMatching(/^☀️ Доброе утро! Консультаций на сегодня: 1\.\n📅 Сегодня, пятница, 27\.11\.2026 \(МСК\+7\)\n\n18:00 · №\d+ · Иванова Мария Петровна · видео\n/)],
      [],
      [],
    ]);

    // Later ticks the same morning, and a restart, send nothing more.
    tickAt(msk('2026-11-27', '08:00') + 30_000);
    h.services.db.$client.close();
    h = h.restart();
    for (const p of [DUTY, ANNA]) h.staff.seen(p);
    tickAt(msk('2026-11-27', '09:30'));
    tickAt(msk('2026-11-27', '23:59'));
    expect(await staffSee(DUTY, ANNA)).toEqual([[], []]);

    // Saturday has its own list: once again, for the one who has consultations then.
    tickAt(msk('2026-11-28', '08:00'));
    tickAt(msk('2026-11-28', '08:01'));
    const [dutySaturday, annaSaturday] = await staffSee(DUTY, ANNA);
    expect(dutySaturday).toEqual([expect.stringMatching(/^☀️ Доброе утро! Консультаций на сегодня: 1\.\n📅 Сегодня, суббота, 28\.11\.2026 \(МСК\)\n/)]);
    expect(annaSaturday).toEqual([]);
    const digests = h.services.db.select({ key: outbox.dedupeKey }).from(outbox).where(eq(outbox.template, 'doctor_day_digest')).all();
    expect(digests.map((d) => d.key).sort()).toEqual([`digest:${anna.id}:2026-11-27`, `digest:${duty.id}:2026-11-27`, `digest:${duty.id}:2026-11-28`].sort());
  });

  it('the process was down at 08:00: the list goes out when it is back that day, but not after 18:00', async () => {
    await drain();
    tickAt(msk('2026-11-27', '07:00'));
    h.services.db.$client.close();
    clock.set(msk('2026-11-27', '10:30'));
    h = h.restart();
    h.services.scheduler.tick();
    expect((await staffSee(DUTY))[0]).toEqual([expect.stringMatching(/^☀️ Доброе утро! Консультаций на сегодня: 2\./)]);

    tickAt(msk('2026-11-28', '07:00'));
    h.services.db.$client.close();
    clock.set(msk('2026-11-28', '18:30'));
    h = h.restart();
    h.staff.seen(DUTY);
    h.services.scheduler.tick();
    expect((await staffSee(DUTY))[0]).toEqual([]);
  });

  it('a day whose consultations were all cancelled before the list went out sends nothing', async () => {
    await drain();
    tickAt(msk('2026-11-28', '08:00'));
    const saturday = h.services.scheduling.ofStaff(duty, msk('2026-11-28', '00:00'), msk('2026-11-29', '00:00'))[0]!;
    h.services.duty.doctorCancels(duty.id, saturday.id);
    expect((await staffSee(DUTY))[0]).toEqual([]);
  });
});

describe('triage SLA', () => {
  /** A submitted application nobody has taken, submitted now. */
  const submitted = (patientId: number, centerCode = 'bakulev') =>
    h.services.db
      .insert(applications)
      .values({
        patientId,
        centerCode,
        conditionCode: centerCode === 'bakulev' ? 'arrhythmia' : 'infertility',
        diagnosis: 'Фибрилляция предсердий',
        complaints: 'Перебои в работе сердца',
        status: 'submitted',
        submittedAt: clock.now(),
        updatedAt: clock.now(),
      })
      .returning({ id: applications.id })
      .get().id;
  const everyone = [ANNA, OLEG, IRINA, MANAGER, KULAKOV_MANAGER, ADMIN, DUTY];

  it('24 h: the center’s doctors, with the card and Take; 48 h: the doctors, the managers and the admins; once each', async () => {
    const id = submitted(maria);
    await drain();
    tickAt(WEDNESDAY_10_MSK + 24 * HOUR - 1000);
    expect(await staffSee(...everyone)).toEqual(everyone.map(() => []));

    tickAt(WEDNESDAY_10_MSK + 24 * HOUR);
    const day = await staffSee(...everyone);
    const card = (n: string[]) => n[0]!.split('\n');
    expect(card(day[0]!).slice(0, 3)).toEqual([`⏰ Заявку №${id} никто не взял уже 24 ч. Пациенту обещан ответ за 1–3 дня.`, '', `Заявка №${id}`]);
    expect(day[0]!.at(-1)).toMatch(/⏳ Ждёт врача\.$/);
    expect(day[1]).toHaveLength(1);
    expect(day.slice(2)).toEqual([[], [], [], [], []]);
    expect((api.sent(OLEG.id, STAFF_TOKEN).at(-1)!.replyMarkup as InlineKeyboardMarkup).inline_keyboard.flat().map((b) => b.text)).toContain('✋ Взять');

    tickAt(WEDNESDAY_10_MSK + 36 * HOUR);
    expect(await staffSee(...everyone)).toEqual(everyone.map(() => []));

    tickAt(WEDNESDAY_10_MSK + 48 * HOUR);
    const two = await staffSee(...everyone);
    expect(two[0]).toEqual([expect.stringMatching(new RegExp(`^⏰ Заявку №${id} никто не взял уже 48 ч\\.`))]);
    expect(two[1]).toHaveLength(1);
    expect(two[2]).toEqual([]);
    const managerText = [
      `⚠️ Заявка №${id} в НМИЦ ССХ им. А.Н. Бакулева ждёт врача уже 48 ч: её никто не взял.`,
      'Подана: 25.11.2026 10:00 (МСК)',
      'Врачей центра в боте: 2. Им отправлено напоминание.',
    ].join('\n');
    expect(two[3]).toEqual([managerText]);
    expect(two[4]).toEqual([]);
    expect(two[5]).toEqual([managerText]);
    expect(two[6]).toEqual([]);

    h.services.db.$client.close();
    h = h.restart();
    for (const p of everyone) h.staff.seen(p);
    tickAt(WEDNESDAY_10_MSK + 72 * HOUR);
    tickAt(WEDNESDAY_10_MSK + 96 * HOUR);
    expect(await staffSee(...everyone)).toEqual(everyone.map(() => []));
  });

  it('none for an application a doctor has taken; one taken after the reminder was queued is not sent', async () => {
    takenApplication(h.services, maria, anna);
    const second = submitted(petr);
    await drain();
    tickAt(WEDNESDAY_10_MSK + 24 * HOUR);
    const taken = h.services.applications.take(anna, second);
    expect(taken.ok).toBe(true);
    await drain();
    const slaRows = () => h.services.db.select().from(outbox).where(eq(outbox.template, 'application_sla')).all();
    expect(slaRows().every((r) => r.sentAt !== null)).toBe(true);
    expect(api.sent().filter((m) => m.text?.startsWith('⏰ Заявку'))).toEqual([]);
    tickAt(WEDNESDAY_10_MSK + 48 * HOUR);
    await drain();
    expect(slaRows()).toHaveLength(2);
    expect(api.sent().filter((m) => m.text?.startsWith('⏰ Заявку') || m.text?.startsWith('⚠️ Заявка'))).toEqual([]);
  });

  it('Take under the reminder takes the application', async () => {
    const id = submitted(maria);
    await drain();
    tickAt(WEDNESDAY_10_MSK + 24 * HOUR);
    await drain();
    await h.staff.press(OLEG, '✋ Взять');
    expect(h.services.applicationRepository.byId(id)).toMatchObject({ status: 'in_review', assignedStaffId: h.services.staff.byTelegramId(OLEG.id)!.id });
  });

  it('down across both moments: only the 48-hour reminder, once', async () => {
    const id = submitted(maria);
    await drain();
    tickAt(WEDNESDAY_10_MSK + HOUR);
    h.services.db.$client.close();
    clock.set(WEDNESDAY_10_MSK + 50 * HOUR);
    h = h.restart();
    for (const p of everyone) h.staff.seen(p);
    h.services.scheduler.tick();
    const seen = await staffSee(ANNA, MANAGER);
    expect(seen[0]).toEqual([expect.stringMatching(new RegExp(`^⏰ Заявку №${id} никто не взял уже 48 ч\\.`))]);
    expect(seen[1]).toHaveLength(1);
  });
});
