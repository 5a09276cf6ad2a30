import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app/services.js';
import { addDays, zonedParts, zonedToUtc } from '../../core/time.js';
import { outbox } from '../../db/schema.js';
import { addDutyDoctor, bookDirectly } from '../support/duty-fixtures.js';
import { DARK, emit, initDataFor, popups, shot, startMiniAppStage, type MiniAppStage } from '../support/miniapp-browser.js';
import { runBrowserTests, warnIfSkipped } from '../support/chromium.js';
import { addPatient } from '../support/scheduling-fixtures.js';

/**
 * The waitlist in the Mini App, in a real browser over the real server (tests/support/miniapp-browser.ts): a day whose
 * times are all booked opens to "tell me when a time frees up"; a day no doctor works is not offered at all; the
 * patient joins, sees it confirmed, marked in the day picker and listed on home; another patient's cancellation
 * queues the bot's waitlist_slot_free for her; she takes an entry back through Telegram's confirm popup. Screenshots
 * (w…) go to test-artifacts/miniapp/.
 */

const MARIA = 5_560_001;
const PETR = 5_560_002;
const JANE = 5_560_003;
/** Two hours east of the doctors' Moscow time. */
const MARIA_ZONE = 'Asia/Yekaterinburg';

warnIfSkipped('miniapp waitlist e2e');

/** "понедельник, 30 ноября" / "Monday 30 November" for a calendar day, as the app names it. */
const dayName = (date: string, tag = 'ru-RU') => new Intl.DateTimeFormat(tag, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(Date.parse(`${date}T12:00:00Z`));
/** "30 ноября" / "30 November". */
const dateName = (date: string, tag = 'ru-RU') => new Intl.DateTimeFormat(tag, { timeZone: 'UTC', day: 'numeric', month: 'long' }).format(Date.parse(`${date}T12:00:00Z`));
const startsWith = (text: string) => new RegExp(`^${text}`);
/** The waitlist's collection route, whatever the query (for page.route). */
const isWaitlist = (url: URL) => url.pathname === '/api/waitlist';

describe.skipIf(!runBrowserTests)('the waitlist in the Mini App', () => {
  let stage: MiniAppStage;
  let services: Services;
  const seeded = { maria: 0, petr: 0, petrBookings: [] as number[] };
  /**
   * Days in Moscow (three days on, so no run near midnight turns them into "today" in either zone): `full` has two
   * cardiology times, both booked by Pyotr; `open` has one free time; `empty` has no doctor at all; `later` has one
   * cardiology time, booked (and stays full throughout).
   */
  const day = { full: '', open: '', empty: '', later: '' };

  beforeAll(async () => {
    stage = await startMiniAppStage('oz-miniapp-waitlist-');
    services = stage.services;
    seeded.maria = addPatient(services, MARIA, { fullName: 'Иванова Мария Петровна', timeZone: MARIA_ZONE, regionCode: 'RU-SVE' });
    seeded.petr = addPatient(services, PETR, { fullName: 'Козлов Пётр Ильич', phone: '+79120000002' });
    addPatient(services, JANE, { fullName: 'Jane Smith', phone: '+79120000004' });
    services.accounts.setLocale(JANE, 'en');

    day.full = addDays(zonedParts(Date.now(), 'Europe/Moscow').date, 3);
    day.open = addDays(day.full, 1);
    day.empty = addDays(day.full, 2);
    day.later = addDays(day.full, 3);
    const cardio = addDutyDoctor(services, 9_101, 'cardiology', 'Петрова Анна Сергеевна');
    for (const time of ['10:00', '10:30']) {
      const slot = services.duty.addSlot(cardio.id, zonedToUtc(day.full, time, 'Europe/Moscow'));
      seeded.petrBookings.push(services.booking.book(PETR, seeded.petr, slot.id, 'video'));
    }
    services.duty.addSlot(cardio.id, zonedToUtc(day.open, '10:00', 'Europe/Moscow'));
    // Directly: Pyotr is at the limit of active bookings already.
    bookDirectly(services, seeded.petr, cardio.id, services.duty.addSlot(cardio.id, zonedToUtc(day.later, '10:00', 'Europe/Moscow')).id);
  }, 180_000);

  afterAll(async () => {
    await stage?.close();
    expect(stage?.pageErrors ?? []).toEqual([]);
  });

  const openAs = (userId: number, width: number, theme?: typeof DARK) => stage.open({ width, theme, initData: initDataFor(userId) });

  /** Home → booking → cardiology: the day picker. */
  async function dayPicker(page: Page, en = false) {
    await page.getByRole('button', { name: en ? 'Book the duty doctor' : 'Записаться к дежурному врачу' }).click();
    await page.getByRole('button', { name: en ? /Cardiology/ : /Кардиология/ }).click();
    await page.getByRole('heading', { name: en ? 'Choose a day' : 'Выберите день' }).waitFor();
  }

  const waitlistFreeRows = () =>
    services.db
      .select({ chatId: outbox.chatId, params: outbox.params })
      .from(outbox)
      .where(and(eq(outbox.template, 'waitlist_slot_free'), eq(outbox.bot, 'patient')))
      .all()
      .map((r) => ({ chatId: r.chatId, params: JSON.parse(r.params) as { waitlistId: number; slotId: number } }));

  it('joins the waitlist for a full day, is told when another patient cancels, and takes an entry back behind the confirm popup', async () => {
    const page = await openAs(MARIA, 320);
    await page.getByText('Здравствуйте, Мария Петровна!').waitFor();
    await dayPicker(page);

    // The day with times comes first; the full days are listed under their own heading; the day without a doctor is
    // not offered, one quiet line says why.
    await page.getByRole('heading', { name: 'Дни без свободного времени' }).waitFor();
    await page.getByRole('button', { name: startsWith(`${dayName(day.open)} 1 свободное время`) }).waitFor();
    const fullRow = page.getByRole('button', { name: startsWith(`${dayName(day.full)} Свободного времени нет`) });
    await fullRow.waitFor();
    await page.getByRole('button', { name: startsWith(`${dayName(day.later)} Свободного времени нет`) }).waitFor();
    await page.getByText('В остальные дни дежурный врач не принимает.').waitFor();
    expect(await page.getByRole('button', { name: startsWith(dayName(day.empty)) }).count()).toBe(0);
    await shot(page, 'w01-day-picker-320-light');

    // The full day: said plainly, with the waitlist offered.
    await fullRow.click();
    await page.getByRole('heading', { name: 'На этот день свободного времени нет' }).waitFor();
    await page.getByText(dayName(day.full)).waitFor();
    await shot(page, 'w02-full-day-320-light');
    await page.getByRole('button', { name: 'Сообщить, когда освободится время' }).click();
    await page.getByText(`Мы напишем вам в боте, если на ${dateName(day.full)} освободится время.`).waitFor();
    await page.getByRole('button', { name: 'Убрать из листа ожидания' }).waitFor();
    await shot(page, 'w03-waitlist-joined-320-light');
    const [entry] = services.booking.waiting(seeded.maria);
    expect(entry).toMatchObject({ specialty: 'cardiology', date: day.full });

    // Back in the day picker, the day is marked.
    await emit(page, 'back_button_pressed');
    await page.getByRole('button', { name: startsWith(`${dayName(day.full)} Вы в листе ожидания`) }).waitFor();
    await shot(page, 'w04-day-picker-marked-320-light');

    // Home lists it under the consultations.
    await page.getByRole('button', { name: startsWith(dayName(day.full)) }).click();
    await page.getByRole('button', { name: 'На главную' }).click();
    await page.getByRole('heading', { name: 'Лист ожидания' }).waitFor();
    await page.locator('.waitlist-entry', { hasText: dayName(day.full) }).waitFor();
    await shot(page, 'w05-home-waitlist-320-light');

    // Pyotr cancels his 10:00 on that day: in the same transaction the bot's message to Maria is queued.
    services.booking.cancel(PETR, seeded.petrBookings[0]!);
    expect(waitlistFreeRows()).toEqual([{ chatId: MARIA, params: { waitlistId: entry!.id, slotId: expect.any(Number) } }]);
    expect(services.booking.waiting(seeded.maria)).toEqual([]);
    // Told, she no longer waits: home, opened again, has no waitlist.
    const listed = page.waitForResponse((r) => r.url().includes('/api/waitlist') && r.request().method() === 'GET');
    await page.reload();
    await page.getByText('Здравствуйте, Мария Петровна!').waitFor();
    expect((await (await listed).json()).waitlist).toEqual([]);
    expect(await page.getByRole('heading', { name: 'Лист ожидания' }).count()).toBe(0);

    // Another full day: joined from the booking flow, then taken back from home.
    await dayPicker(page);
    await page.getByRole('button', { name: startsWith(dayName(day.later)) }).click();
    await page.getByRole('button', { name: 'Сообщить, когда освободится время' }).click();
    await page.getByText(`Мы напишем вам в боте, если на ${dateName(day.later)} освободится время.`).waitFor();
    await page.getByRole('button', { name: 'На главную' }).click();
    const remove = page.getByRole('button', { name: `Убрать из листа ожидания: ${dayName(day.later)}` });
    await remove.click();
    // "No, keep it" keeps it.
    await expect.poll(async () => (await popups(page)).length).toBe(1);
    expect((await popups(page))[0]).toMatchObject({
      message: `Больше не сообщать о свободном времени на ${dateName(day.later)}?`,
      buttons: [
        { id: 'yes', text: 'Да, не сообщать' },
        { id: 'no', text: 'Нет, оставить' },
      ],
    });
    await emit(page, 'popup_closed', { button_id: 'no' });
    await expect.poll(() => remove.isEnabled()).toBe(true);
    expect(services.booking.waiting(seeded.maria)).toHaveLength(1);
    // "Yes" removes it.
    await remove.click();
    await expect.poll(async () => (await popups(page)).length).toBe(2);
    await emit(page, 'popup_closed', { button_id: 'yes' });
    await page.getByText(`Хорошо. О свободном времени на ${dateName(day.later)} сообщать не будем.`).waitFor();
    expect(await page.locator('.waitlist-entry').count()).toBe(0);
    await shot(page, 'w06-home-waitlist-removed-320-light');
    expect(services.booking.waiting(seeded.maria)).toEqual([]);
    await page.close();
  }, 90_000);

  it('at 390 px in the dark theme: an entry on home and in the picker, the day already waited for, and asking twice is one entry', async () => {
    services.booking.joinWaitlist(MARIA, { id: seeded.maria, timeZone: MARIA_ZONE }, 'cardiology', day.later);
    const page = await openAs(MARIA, 390, DARK);
    await page.locator('.waitlist-entry', { hasText: dayName(day.later) }).waitFor();
    await shot(page, 'w07-home-waitlist-390-dark');

    await dayPicker(page);
    // Pyotr's cancelled time is free again: the full day now has one.
    await page.getByRole('button', { name: startsWith(`${dayName(day.full)} 1 свободное время`) }).waitFor();
    const marked = page.getByRole('button', { name: startsWith(`${dayName(day.later)} Вы в листе ожидания`) });
    await marked.waitFor();
    await shot(page, 'w08-day-picker-marked-390-dark');
    await marked.click();
    await page.getByText(`Мы напишем вам в боте, если на ${dateName(day.later)} освободится время.`).waitFor();
    await shot(page, 'w09-waitlist-waiting-390-dark');

    // Another screen that did not know (its list is empty) asks again: 200, the same words, still one entry.
    await page.route(isWaitlist, (route) =>
      route.request().method() === 'GET' ? route.fulfill({ status: 200, contentType: 'application/json', body: '{"waitlist":[]}' }) : route.continue(),
    );
    await page.getByRole('button', { name: 'На главную' }).click();
    await dayPicker(page);
    await page.getByRole('button', { name: startsWith(`${dayName(day.later)} Свободного времени нет`) }).click();
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/waitlist') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Сообщить, когда освободится время' }).click();
    expect((await answer).status()).toBe(200);
    await page.getByText(`Мы напишем вам в боте, если на ${dateName(day.later)} освободится время.`).waitFor();
    expect(services.booking.waiting(seeded.maria)).toHaveLength(1);
    await page.close();
  }, 60_000);

  it('speaks English, and says so plainly when the day can no longer be waited for', async () => {
    const page = await openAs(JANE, 390, DARK);
    await page.getByText('Hello, Jane Smith!').waitFor();
    await dayPicker(page, true);
    await page.getByRole('heading', { name: 'Days with no free times' }).waitFor();
    await page.getByText('On the other days the duty doctor does not see patients.').waitFor();
    expect(await page.getByRole('button', { name: startsWith(dayName(day.empty, 'en-GB')) }).count()).toBe(0);
    await page.getByRole('button', { name: startsWith(`${dayName(day.later, 'en-GB')} No free times`) }).click();
    await page.getByRole('heading', { name: 'No free times on this day' }).waitFor();

    // The server refuses the day (it passed while the screen was open, or a time freed up on it): a human sentence,
    // and the button stays.
    let refusal = 'date_out_of_range';
    await page.route(isWaitlist, (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ error: { code: refusal, message: 'Refused' } }) })
        : route.continue(),
    );
    await page.getByRole('button', { name: 'Tell me when a time frees up' }).click();
    await page.getByText('You can no longer join the waiting list for this day').waitFor();
    await shot(page, 'w10-waitlist-error-390-dark-en');
    refusal = 'day_not_full';
    await page.getByRole('button', { name: 'Tell me when a time frees up' }).click();
    await page.getByText('There is no waiting list for this day: it has free times').waitFor();
    await page.unroute(isWaitlist);

    await page.getByRole('button', { name: 'Tell me when a time frees up' }).click();
    await page.getByText(`We will message you in the bot if a time frees up on ${dateName(day.later, 'en-GB')}.`).waitFor();
    await shot(page, 'w11-waitlist-joined-390-dark-en');
    await page.getByRole('button', { name: 'To the home screen' }).click();
    await page.getByRole('heading', { name: 'Waiting list' }).waitFor();
    await page.locator('.waitlist-entry', { hasText: dayName(day.later, 'en-GB') }).waitFor();
    await shot(page, 'w12-home-waitlist-390-dark-en');
    await page.close();
  }, 60_000);
});
