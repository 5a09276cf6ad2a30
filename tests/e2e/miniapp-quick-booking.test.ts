import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app/services.js';
import { addDays, zonedParts, zonedToUtc } from '../../core/time.js';
import { consultations, slots } from '../../db/schema.js';
import { addDutyDoctor, bookDirectly } from '../support/duty-fixtures.js';
import { DARK, emit, initDataFor, LIGHT, mainButton, shot, startMiniAppStage, type MiniAppStage } from '../support/miniapp-browser.js';
import { runBrowserTests, warnIfSkipped } from '../support/chromium.js';
import { addPatient } from '../support/scheduling-fixtures.js';

/**
 * Booking a duty doctor from the home screen's nearest free times: tap a time, video or audio, MainButton. Every tap
 * is counted; the limit is 4 from opening the Mini App. Screenshots at 320 and 390 px, light and dark.
 */

const MARIA = 5_560_001;
const NEW_PATIENT = 5_560_002;
const ZONE = 'Asia/Novosibirsk';

warnIfSkipped('miniapp quick booking e2e');

describe.skipIf(!runBrowserTests)('Mini App: booking from the home screen', () => {
  let stage: MiniAppStage;
  let services: Services;
  const slotStarts: number[] = [];

  beforeAll(async () => {
    stage = await startMiniAppStage('oz-miniapp-quick-');
    services = stage.services;
    const maria = addPatient(services, MARIA, { fullName: 'Иванова Мария Петровна', timeZone: ZONE, regionCode: 'RU-NVS' });
    addPatient(services, NEW_PATIENT, { fullName: 'Петров Иван Сергеевич', phone: '+79120000009', timeZone: ZONE, regionCode: 'RU-NVS' });
    const cardio = addDutyDoctor(services, 9_101, 'cardiology', 'Петрова Анна Сергеевна');
    const cardio2 = addDutyDoctor(services, 9_103, 'cardiology', 'Орлов Николай Андреевич');
    const gyn = addDutyDoctor(services, 9_102, 'gynecology', 'Соколова Елена Викторовна');
    // Two days ahead, so whatever the hour of the run each time is bookable and cancellable.
    const day = addDays(zonedParts(Date.now(), 'Europe/Moscow').date, 2);
    for (const time of ['09:00', '09:30', '10:00']) slotStarts.push(services.duty.addSlot(cardio.id, zonedToUtc(day, time, 'Europe/Moscow')).startsAt);
    for (const time of ['09:00', '11:00']) services.duty.addSlot(cardio2.id, zonedToUtc(day, time, 'Europe/Moscow'));
    services.duty.addSlot(gyn.id, zonedToUtc(addDays(day, 1), '12:00', 'Europe/Moscow'));
    // Maria saw a cardiologist before: her home screen offers cardiology.
    const pastStart = zonedToUtc(addDays(day, -5), '09:00', 'Europe/Moscow');
    const past = services.db.insert(slots).values({ staffId: cardio.id, startsAt: pastStart, endsAt: pastStart + 30 * 60_000, kind: 'duty' }).returning({ id: slots.id }).get();
    const pastId = bookDirectly(services, maria, cardio.id, past.id);
    services.db.update(consultations).set({ status: 'completed' }).where(eq(consultations.id, pastId)).run();
  }, 180_000);

  afterAll(async () => {
    await stage?.close();
    expect(stage?.pageErrors ?? []).toEqual([]);
  });

  it('books in 3 taps from opening (was 6, 7 with the menu button): a time, video, MainButton', async () => {
    const page = await stage.open({ width: 320, initData: initDataFor(MARIA) });
    let taps = 0;
    await page.getByRole('heading', { name: 'Ближайшее свободное время' }).waitFor();
    // Moscow 09:00 is 13:00 in Novosibirsk; each day's times under one heading, the tiles only the time (two doctors
    // free at 13:00 are one tile).
    await expect.poll(() => page.locator('.slot-group .time-value').allTextContents()).toEqual(['13:00', '13:30', '14:00', '15:00']);
    expect(await page.locator('.slot-group .time', { hasText: 'Петрова' }).count()).toBe(0);
    await shot(page, 'quick-01-home-320-light');

    taps++;
    await page.locator('.slot-group .time').nth(1).click();
    await page.getByRole('heading', { name: 'Как будете общаться?' }).waitFor();
    taps++;
    await page.getByRole('button', { name: /Видеосвязь/ }).click();
    await page.getByRole('heading', { name: 'Проверьте и подтвердите' }).waitFor();
    await page.getByText(/Отменить или перенести запись можно до \d+ \S+, 11:30 — за 2 часа до начала/).waitFor();
    await expect.poll(async () => (await mainButton(page))?.text).toBe('Записаться');
    await shot(page, 'quick-02-confirm-320-light');
    taps++;
    await emit(page, 'main_button_pressed');
    await page.getByText('Вы записаны!').waitFor();
    expect(taps).toBeLessThanOrEqual(4);
    const booked = services.booking.ofPatient(services.patients.list(MARIA)[0]!.id).find((c) => c.status === 'scheduled')!;
    expect(booked.mode).toBe('video');
    expect(booked).toMatchObject({ startsAt: slotStarts[1], doctorName: 'Петрова Анна Сергеевна' });
    await page.close();
  }, 120_000);

  it('the time step shows each doctor once above their times', async () => {
    const page = await stage.open({ width: 390, initData: initDataFor(NEW_PATIENT, 'Иван') });
    await page.getByRole('button', { name: 'Записаться к дежурному врачу' }).click();
    await page.getByRole('button', { name: /Кардиология/ }).click();
    await page.getByRole('button', { name: /5 свободных времён|5 свободного времени|свобод/ }).first().click();
    await page.getByRole('heading', { name: 'Выберите время' }).waitFor();
    expect(await page.locator('.slot-group-title').allTextContents()).toEqual(['Петрова Анна Сергеевна', 'Орлов Николай Андреевич']);
    await shot(page, 'quick-03-times-390-light');
    await page.close();
  }, 120_000);

  it.each([
    [320, 'light', LIGHT],
    [390, 'light', LIGHT],
    [320, 'dark', DARK],
    [390, 'dark', DARK],
  ] as const)('home with the nearest times at %i px, %s', async (width, name, theme) => {
    // A patient who saw no doctor yet: every specialty's nearest times, each under its name.
    const page = await stage.open({ width, theme, initData: initDataFor(NEW_PATIENT, 'Иван') });
    await page.getByRole('heading', { name: 'Ближайшее свободное время' }).waitFor();
    await expect.poll(() => page.locator('.slot-group-title').count()).toBeGreaterThan(1);
    expect((await page.locator('.slot-group-title').allTextContents()).some((t) => t.startsWith('Гинеколог'))).toBe(true);
    await shot(page, `quick-home-${width}-${name}`);
    await page.locator('.slot-group .time').first().click();
    await page.getByRole('button', { name: /Видеосвязь/ }).click();
    await page.getByRole('heading', { name: 'Проверьте и подтвердите' }).waitFor();
    await shot(page, `quick-confirm-${width}-${name}`);
    await page.close();
  }, 120_000);
});
