import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app/services.js';
import { addDays, zonedParts, zonedToUtc } from '../../core/time.js';
import { applications, slots } from '../../db/schema.js';
import { addDutyDoctor, bookDirectly } from '../support/duty-fixtures.js';
import { calls, DARK, emit, initDataFor, mainButton, shot, startMiniAppStage, type MiniAppStage, type OpenOptions } from '../support/miniapp-browser.js';
import { runBrowserTests, warnIfSkipped } from '../support/chromium.js';
import { addPatient } from '../support/scheduling-fixtures.js';

/**
 * The built Mini App, served by the real server over a fresh database, driven in Debian's Chromium by playwright-core
 * (the stage is tests/support/miniapp-browser.ts). Telegram is the SDK's own mock, with init data signed by the bot
 * token exactly as Telegram signs it; the test plays the client's part: it presses MainButton and BackButton and
 * answers the native popup. Screenshots of every screen go to test-artifacts/miniapp/.
 */

const PATIENT = 5_550_001;
const OTHER = 5_550_002;
const STRANGER = 5_550_003;
const ENGLISH = 5_550_004;
/** The patient lives two hours east of the doctors' Moscow time. */
const PATIENT_ZONE = 'Asia/Yekaterinburg';

warnIfSkipped('miniapp e2e');

/** "пятница, 27 ноября" as the patient reads it. */
const dayInPatientZone = (ms: number) => new Intl.DateTimeFormat('ru-RU', { timeZone: PATIENT_ZONE, weekday: 'long', day: 'numeric', month: 'long' }).format(ms);

describe.skipIf(!runBrowserTests)('Mini App in a real browser', () => {
  let stage: MiniAppStage;
  let services: Services;
  let dir: string;
  const seeded = {
    slots: [] as Array<{ id: number; startsAt: number }>,
    soonId: 0,
    patientId: 0,
    motherId: 0,
    otherId: 0,
    conclusion: undefined as { verificationCode: string; pdf: Uint8Array } | undefined,
    doctorName: 'Петрова Анна Сергеевна',
  };

  beforeAll(async () => {
    stage = await startMiniAppStage();
    ({ services, dir } = stage);
    const db = services.db;

    // A registered patient with a second profile (her mother), and another patient who will take a time first.
    seeded.patientId = addPatient(services, PATIENT, { fullName: 'Иванова Мария Петровна', timeZone: PATIENT_ZONE, regionCode: 'RU-SVE' });
    seeded.motherId = services.patients.create(PATIENT, {
      relation: 'relative',
      fullName: 'Смирнова Анна Ивановна',
      birthDate: '1940-02-11',
      phone: null,
      phoneVerified: false,
      regionCode: 'RU-SVE',
      timeZone: PATIENT_ZONE,
    }).id;
    seeded.otherId = addPatient(services, OTHER, { fullName: 'Козлов Пётр Ильич', phone: '+79120000002' });
    // An English-speaking patient (the bot's language is English for this account).
    addPatient(services, ENGLISH, { fullName: 'Jane Smith', phone: '+79120000004', timeZone: 'Europe/Moscow' });
    services.accounts.setLocale(ENGLISH, 'en');

    // Duty doctors in Moscow time: a cardiologist with four times in three days, a gynecologist with two the day
    // after. Three days, so that whatever the hour of the run the app names the date rather than "today"/"tomorrow".
    const cardio = addDutyDoctor(services, 9_001, 'cardiology', seeded.doctorName);
    const gyn = addDutyDoctor(services, 9_002, 'gynecology', 'Соколова Елена Викторовна');
    const day = addDays(zonedParts(Date.now(), 'Europe/Moscow').date, 3);
    for (const time of ['10:00', '10:30', '11:00', '11:30']) seeded.slots.push(services.duty.addSlot(cardio.id, zonedToUtc(day, time, 'Europe/Moscow')));
    for (const time of ['15:00', '15:30']) services.duty.addSlot(gyn.id, zonedToUtc(addDays(day, 1), time, 'Europe/Moscow'));
    // A consultation starting in five minutes: its join window is open.
    const soon = services.duty.addSlot(cardio.id, Math.ceil((Date.now() + 5 * 60_000) / 60_000) * 60_000);
    seeded.soonId = bookDirectly(services, seeded.patientId, cardio.id, soon.id);
    // The mother's consultation two days ago, concluded: its PDF downloads from the consultation's screen.
    const pastStart = Math.floor((Date.now() - 2 * 86_400_000) / 60_000) * 60_000;
    const pastSlot = db.insert(slots).values({ staffId: cardio.id, startsAt: pastStart, endsAt: pastStart + 30 * 60_000, kind: 'duty' }).returning({ id: slots.id }).get();
    const past = bookDirectly(services, seeded.motherId, cardio.id, pastSlot.id);
    seeded.conclusion = await services.conclusions.issue({
      consultationId: past,
      staffId: cardio.id,
      text: 'Состояние стабильное. Рекомендовано продолжить терапию.',
      outcome: 'conclusion',
      verifyBaseUrl: 'https://oblako.test',
    });
    // Maria's application to a center, in review: the home screen shows its state.
    db.insert(applications)
      .values({ patientId: seeded.patientId, centerCode: 'bakulev', conditionCode: 'arrhythmia', diagnosis: 'Фибрилляция предсердий', complaints: 'Перебои', status: 'in_review', submittedAt: Date.now() - 86_400_000, updatedAt: Date.now() })
      .run();
  }, 180_000);

  afterAll(async () => {
    await stage?.close();
    expect(stage?.pageErrors ?? []).toEqual([]);
  });

  /** A page as Telegram opens it, for Maria unless told otherwise. */
  const open = (opts: Omit<OpenOptions, 'initData'> & { initData?: string | null }) => stage.open({ ...opts, initData: opts.initData === undefined ? initDataFor(PATIENT) : opts.initData });

  it('books a duty doctor, meets a time taken meanwhile, sees the booking listed, moves it and cancels it', async () => {
    const page = await open({ width: 320 });

    // Home: greeting, the consultation starting soon, the profile switcher.
    await page.getByText('Здравствуйте, Мария Петровна!').waitFor();
    await page.getByRole('button', { name: /Смирнова Анна Ивановна/ }).waitFor();
    await page.locator('button.card').first().waitFor();
    expect(await page.locator('button.card').count()).toBe(1);
    await shot(page, '01-home-320-light');
    // Vertical swipes scroll the screens instead of folding the app away.
    expect((await calls(page)).some(([name, p]) => name === 'web_app_setup_swipe_behavior' && p?.allow_vertical_swipe === false)).toBe(true);
    const closing = async () => (await calls(page)).filter(([name]) => name === 'web_app_setup_closing_behavior').at(-1)?.[1]?.need_confirmation;
    expect(await closing()).not.toBe(true);

    // Booking: specialty → day → time (in the patient's zone: Moscow 10:00 is 12:00 in Yekaterinburg).
    await page.getByRole('button', { name: 'Записаться к дежурному врачу' }).click();
    await page.getByRole('heading', { name: 'Какой врач нужен?' }).waitFor();
    // A booking being made asks before Telegram closes the app.
    await expect.poll(closing).toBe(true);
    await shot(page, '02-book-specialty-320-light');
    expect((await calls(page)).some(([name, p]) => name === 'web_app_setup_back_button' && p?.is_visible === true)).toBe(true);
    await page.getByRole('button', { name: /Кардиология/ }).click();
    await page.getByRole('heading', { name: 'Выберите день' }).waitFor();
    await page.getByText('4 свободных времени').waitFor();
    await shot(page, '03-book-day-320-light');
    await page.getByRole('button', { name: /4 свободных времени/ }).click();
    await page.getByRole('heading', { name: 'Выберите время' }).waitFor();
    const times = await page.locator('.time-value').allTextContents();
    expect(times).toEqual(['12:00', '12:30', '13:00', '13:30']);
    // The zone as the bots, SMS and PDF write it (the server words it), never the browser's GMT offset or an IANA id.
    await page.getByText('Всё время — по екатеринбургскому времени (МСК+2).').waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(/GMT|UTC|Asia\/|Europe\//);
    await shot(page, '04-book-time-320-light');

    await page.getByRole('button', { name: /12:30/ }).click();
    await page.getByRole('heading', { name: 'Как будете общаться?' }).waitFor();
    await shot(page, '05-book-mode-320-light');
    await page.getByRole('button', { name: /Видеосвязь/ }).click();
    await page.getByRole('heading', { name: 'Проверьте и подтвердите' }).waitFor();
    await expect.poll(async () => (await mainButton(page))?.text).toBe('Записаться');
    expect((await mainButton(page))?.is_visible).toBe(true);
    await shot(page, '06-book-confirm-320-light');

    // Meanwhile another patient takes 12:30: the MainButton press is told so and shown the fresh list.
    services.booking.book(OTHER, seeded.otherId, seeded.slots[1]!.id, 'audio');
    await emit(page, 'main_button_pressed');
    await page.getByText('Это время только что занял другой пациент').waitFor();
    await expect.poll(() => page.locator('.time-value').allTextContents()).toEqual(['12:00', '13:00', '13:30']);
    await shot(page, '07-book-slot-taken-320-light');

    await page.getByRole('button', { name: /13:00/ }).click();
    await page.getByRole('button', { name: /Видеосвязь/ }).click();
    await page.getByRole('heading', { name: 'Проверьте и подтвердите' }).waitFor();
    await emit(page, 'main_button_pressed');
    await page.getByText('Вы записаны!').waitFor();
    expect((await calls(page)).some(([name, p]) => name === 'web_app_trigger_haptic_feedback' && p?.type === 'notification' && p?.notification_type === 'success')).toBe(true);
    await expect.poll(async () => (await mainButton(page))?.is_visible).toBe(false);
    await expect.poll(closing).toBe(false);
    await shot(page, '08-consultation-booked-320-light');

    const booked = services.booking.ofPatient(seeded.patientId).find((c) => c.status === 'scheduled' && c.id !== seeded.soonId)!;
    expect(booked.startsAt).toBe(seeded.slots[2]!.startsAt);

    // Listed: Back from the new consultation leads home, which now shows both.
    await emit(page, 'back_button_pressed');
    await page.getByText('Здравствуйте, Мария Петровна!').waitFor();
    await expect.poll(() => page.locator('button.card').count()).toBe(2);
    await page.getByRole('button', { name: 'Все мои консультации' }).click();
    await page.getByRole('heading', { name: 'Мои консультации' }).waitFor();
    await expect.poll(() => page.locator('button.card').count()).toBe(2);
    await shot(page, '09-consultations-320-light');

    // Move it to 13:30: day and time again, confirmed on MainButton; the answer is a new consultation.
    await page.locator('button.card', { hasText: '13:00' }).click();
    await page.getByRole('button', { name: 'Перенести на другое время' }).click();
    await page.getByRole('heading', { name: 'Выберите день' }).waitFor();
    await page.getByRole('button', { name: /2 свободных времени/ }).click();
    await expect.poll(() => page.locator('.time-value').allTextContents()).toEqual(['12:00', '13:30']);
    await page.getByRole('button', { name: /13:30/ }).click();
    await page.getByRole('heading', { name: 'Проверьте и подтвердите' }).waitFor();
    await expect.poll(async () => (await mainButton(page))?.text).toBe('Перенести');
    await emit(page, 'main_button_pressed');
    await page.getByText('Консультация перенесена.').waitFor();
    await page.getByText(`${dayInPatientZone(seeded.slots[3]!.startsAt)}, в 13:30`).waitFor();
    await shot(page, '10-consultation-rescheduled-320-light');
    const moved = services.booking.ofPatient(seeded.patientId).find((c) => c.status === 'scheduled' && c.id !== seeded.soonId)!;
    expect(moved.startsAt).toBe(seeded.slots[3]!.startsAt);
    expect(services.booking.ofPatient(seeded.patientId).find((c) => c.id === booked.id)?.status).toBe('cancelled');

    // Cancel with Telegram's native confirm popup.
    await page.getByRole('button', { name: 'Отменить запись' }).click();
    await expect.poll(async () => (await calls(page)).some(([name]) => name === 'web_app_open_popup')).toBe(true);
    const popup = (await calls(page)).find(([name]) => name === 'web_app_open_popup')![1] as { message: string; buttons: Array<{ id: string; text: string }> };
    // «в среду, 9 декабря»: the weekday after «в» is in the accusative.
    const day = dayInPatientZone(seeded.slots[3]!.startsAt).replace(/^(сред|пятниц|суббот)а/, '$1у');
    expect(popup.message).toBe(`Отменить консультацию ${day.startsWith('вторник') ? 'во' : 'в'} ${day}, в 13:30?`);
    expect(popup.buttons.map((b) => b.text)).toEqual(['Да, отменить', 'Нет, оставить']);
    await emit(page, 'popup_closed', { button_id: 'yes' });
    await page.getByText('Запись отменена').waitFor();
    await page.locator('.badge', { hasText: 'Отменена' }).waitFor();
    await shot(page, '11-consultation-cancelled-320-light');
    expect(services.booking.ofPatient(seeded.patientId).find((c) => c.id === moved.id)?.status).toBe('cancelled');

    // Both cancelled consultations are now under "past and cancelled"; only the one starting soon is upcoming.
    await emit(page, 'back_button_pressed');
    await page.getByText('Здравствуйте, Мария Петровна!').waitFor();
    await page.getByRole('button', { name: 'Все мои консультации' }).click();
    await expect.poll(() => page.locator('.card-cancelled').count()).toBe(2);
    expect(await page.locator('.card-scheduled').count()).toBe(1);
    await shot(page, '12-consultations-after-cancel-320-light');
    await page.close();
  }, 120_000);

  it('opens the room in the external browser when the join window is open, and says what to expect', async () => {
    // The phone's clock is 20 minutes slow: the window is the server's, read from the Date of its answers.
    const page = await open({ width: 390, theme: DARK, clockOffsetMs: -20 * 60_000 });
    await page.locator('.join-now').getByRole('button', { name: /Войти в консультацию/ }).waitFor();
    await page.locator('button.card').first().click();
    await page.getByRole('heading', { name: 'Как пройдёт консультация' }).waitFor();
    await page.getByText('врач впустит вас').waitFor();
    const join = page.getByRole('button', { name: /Войти в консультацию/ });
    await expect.poll(() => join.isEnabled()).toBe(true);
    await shot(page, '13-consultation-join-390-dark');
    await join.click();
    await expect.poll(async () => (await calls(page)).find(([name]) => name === 'web_app_open_link')?.[1]?.url).toMatch(/^https?:\/\//);
    await page.close();
  }, 60_000);

  it('looks right in the dark theme at 390 px: home and the times of a day', async () => {
    const page = await open({ width: 390, theme: DARK });
    await page.getByText('Здравствуйте, Мария Петровна!').waitFor();
    await page.locator('button.card').first().waitFor();
    await shot(page, '14-home-390-dark');
    await page.getByRole('button', { name: 'Записаться к дежурному врачу' }).click();
    await page.getByRole('button', { name: /Кардиология/ }).click();
    // The first day with free times (full days are listed too, quieter).
    await page.locator('.choice:not(.choice-muted)').first().click();
    await page.getByRole('heading', { name: 'Выберите время' }).waitFor();
    await shot(page, '15-book-time-390-dark');
    await page.close();
  }, 60_000);

  it('checks camera, microphone and speed, and gives one plain verdict', async () => {
    const page = await open({ width: 360 });
    await page.getByRole('button', { name: 'Проверить камеру и интернет' }).click();
    await page.getByRole('button', { name: 'Начать проверку' }).click();
    await page.locator('.notice strong').waitFor({ timeout: 30_000 });
    const verdict = await page.locator('.notice strong').textContent();
    // Over loopback the speed is far above 2 Mb/s, and Chromium's fake devices work: video.
    expect(verdict).toBe('Видеоконсультация пройдёт хорошо.');
    await expect.poll(() => page.locator('.state-ok').count()).toBe(3);
    await shot(page, '16-device-check-360-light');
    await page.close();
  }, 60_000);

  const openConclusion = async (page: Page) => {
    await page.getByText('Врач изучает документы').waitFor();
    await page.getByRole('button', { name: /Смирнова Анна Ивановна/ }).click();
    await page.getByText('Здравствуйте, Анна Ивановна!').waitFor();
    await page.getByText('Запланированных консультаций нет.').waitFor();
    await shot(page, '19-home-relative-360-light');
    await page.getByRole('button', { name: 'Все мои консультации' }).click();
    await page.locator('.card-completed').click();
    await page.locator('.badge', { hasText: 'Состоялась' }).waitFor();
    await page.getByText(`Код проверки заключения: ${seeded.conclusion!.verificationCode}`).waitFor();
  };
  const conclusionButton = (page: Page) => page.getByRole('button', { name: /Заключение врача \(PDF\)/ });

  it('switches to a relative’s profile and saves her conclusion through Telegram’s downloadFile with a signed link', async () => {
    const page = await open({ width: 360 });
    await openConclusion(page);
    await shot(page, '20-consultation-conclusion-360-light');
    await conclusionButton(page).click();
    const downloadRequest = async () => (await calls(page)).find(([name]) => name === 'web_app_request_file_download')?.[1] as { url: string; file_name: string } | undefined;
    await expect.poll(downloadRequest).toBeDefined();
    const request = (await downloadRequest())!;
    expect(request.file_name).toBe(`conclusion-${seeded.conclusion!.verificationCode}.pdf`);
    expect(request.url).toMatch(new RegExp(`^${stage.base}/api/files/[0-9.]+\\.[A-Za-z0-9_-]{43}$`));
    // What Telegram then does: fetch the address itself, with no init data.
    const fetched = await fetch(request.url);
    expect([fetched.status, fetched.headers.get('content-disposition')]).toEqual([200, `attachment; filename="${request.file_name}"`]);
    expect(Buffer.compare(Buffer.from(await fetched.arrayBuffer()), Buffer.from(seeded.conclusion!.pdf))).toBe(0);
    await emit(page, 'file_download_requested', { status: 'downloading' });
    await expect.poll(() => conclusionButton(page).isEnabled()).toBe(true);
    await page.close();
  }, 60_000);

  it('on a client older than Mini Apps 8.0 the PDF is fetched with init data and downloaded by the WebView', async () => {
    const page = await open({ width: 360, version: '7.10' });
    await openConclusion(page);
    const [download] = await Promise.all([page.waitForEvent('download'), conclusionButton(page).click()]);
    expect(download.suggestedFilename()).toBe(`conclusion-${seeded.conclusion!.verificationCode}.pdf`);
    const saved = path.join(dir, 'downloaded.pdf');
    await download.saveAs(saved);
    expect(Buffer.compare(readFileSync(saved), Buffer.from(seeded.conclusion!.pdf))).toBe(0);
    expect((await calls(page)).some(([name]) => name === 'web_app_request_file_download')).toBe(false);
    await page.close();
  }, 60_000);

  it('speaks English to an account whose bot language is English', async () => {
    const page = await open({ width: 390, theme: DARK, initData: initDataFor(ENGLISH, 'Jane') });
    await page.getByText('Hello, Jane Smith!').waitFor();
    await page.getByRole('button', { name: 'Book the duty doctor' }).click();
    await page.getByRole('heading', { name: 'Which doctor do you need?' }).waitFor();
    await page.getByRole('button', { name: /Cardiology/ }).click();
    await page.getByRole('heading', { name: 'Choose a day' }).waitFor();
    await shot(page, '21-book-day-390-dark-en');
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    await page.close();
  }, 60_000);

  it('outside Telegram says to open it from the bot; without init data names the menu button; an unregistered user is sent to the bot', async () => {
    const outside = await open({ width: 320, initData: null });
    await outside.getByRole('heading', { name: 'Откройте приложение в Telegram' }).waitFor();
    expect(await outside.getByRole('link', { name: 'Открыть бота' }).getAttribute('href')).toBe('https://t.me/oblako_test_bot');
    await shot(outside, '17-outside-telegram-320');
    await outside.close();

    // Opened from a reply keyboard's button: Telegram gives no init data, and the app says which button to use.
    const keyboard = await open({ width: 320, initData: '' });
    await keyboard.getByRole('heading', { name: 'Откройте приложение кнопкой в чате' }).waitFor();
    await shot(keyboard, '22-reply-keyboard-no-init-data-320');
    await keyboard.close();

    const stranger = await open({ width: 320, initData: initDataFor(STRANGER, 'Иван') });
    await stranger.getByRole('heading', { name: 'Сначала зарегистрируйтесь' }).waitFor();
    await stranger.getByRole('button', { name: 'Перейти в бот' }).click();
    await expect.poll(async () => (await calls(stranger)).find(([name]) => name === 'web_app_open_tg_link')?.[1]?.path_full).toBe('/oblako_test_bot');
    await shot(stranger, '18-not-registered-320');
    await stranger.close();
  }, 60_000);
});
