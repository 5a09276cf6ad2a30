import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jitsiStandInScript } from '../../sandbox/page/jitsi-stand-in.js';
import { runBrowserTests, warnIfSkipped } from '../support/chromium.js';
import { addDutyDoctor, bookDirectly } from '../support/duty-fixtures.js';
import { DARK, startMiniAppStage, type MiniAppStage } from '../support/miniapp-browser.js';
import { addPatient } from '../support/scheduling-fixtures.js';

/**
 * The consultation room page (/room/<id>?t=…) in Debian's Chromium, served by the real server, with the sandbox's
 * stand-in of Jitsi's External API in place of https://meet.oblako.test/external_api.js: its buttons emit the call's
 * events as Jitsi would. Screenshots at 320 px and on a desktop go to test-artifacts/room/.
 */

const PATIENT = 5_560_001;
const ARTIFACTS = path.resolve('test-artifacts/room');
warnIfSkipped('room e2e');

describe.skipIf(!runBrowserTests)('the consultation room page in a real browser', () => {
  let stage: MiniAppStage;
  let consultationId = 0;
  let doctorId = 0;

  beforeAll(async () => {
    stage = await startMiniAppStage('oz-room-e2e-');
    const { services } = stage;
    const doctor = addDutyDoctor(services, 9_101, 'cardiology', 'Петрова Анна Сергеевна');
    doctorId = doctor.id;
    const patientId = addPatient(services, PATIENT, { fullName: 'Иванова Мария Петровна' });
    const slot = services.duty.addSlot(doctor.id, Math.ceil((Date.now() + 5 * 60_000) / 60_000) * 60_000);
    consultationId = bookDirectly(services, patientId, doctor.id, slot.id);
    services.room.knowBots({ staff: 'oblako_staff_test_bot', patient: 'oblako_test_bot' });
  }, 180_000);

  afterAll(async () => {
    expect(stage.pageErrors).toEqual([]);
    await stage.close();
  });

  /** Opens a room link as the phone's browser would, with Jitsi's script answered by the stand-in. */
  async function openRoom(url: string, width: number, fragment = ''): Promise<Page> {
    const page = await stage.browser.newPage({ viewport: { width, height: 720 }, deviceScaleFactor: 2, locale: 'ru-RU' });
    page.on('pageerror', (err) => stage.pageErrors.push(String(err)));
    await page.route('https://meet.oblako.test/external_api.js', (route) => route.fulfill({ contentType: 'text/javascript', body: jitsiStandInScript() }));
    await page.goto(url.replace('https://oblako.test', stage.base) + fragment);
    return page;
  }
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  const attendance = () => stage.services.room.attendance(consultationId);

  it('the patient: the connection checked, the call joined and recorded, sound only offered on a weak link, what happens next', async () => {
    const link = await stage.services.booking.join(PATIENT, consultationId);
    const theme = Buffer.from(JSON.stringify({ bg_color: DARK.bg_color, text_color: DARK.text_color, button_color: DARK.button_color, button_text_color: DARK.button_text_color, secondary_bg_color: DARK.secondary_bg_color, hint_color: DARK.hint_color })).toString('base64url');
    const page = await openRoom(link.url, 320, `#tg=${theme}`);
    await page.getByRole('heading', { name: 'Ваш врач: Петрова Анна Сергеевна' }).waitFor();
    await page.getByText(/^Связь хорошая/).waitFor({ timeout: 30_000 });
    // The ticket is gone from the address bar (and so from the history).
    expect(new URL(page.url()).search).toBe('');
    await shot(page, '01-patient-check-320-dark');

    await page.getByRole('button', { name: 'Войти в звонок' }).click();
    const settings = await page.locator('.jitsi-settings').textContent();
    for (const line of ['disableDeepLinking: true', 'autoKnock: true', 'prejoin: false', 'startAudioOnly: false', 'name: Мария И.', 'jwt: yes']) expect(settings).toContain(line);
    await page.getByText('Вы в зале ожидания').waitFor();
    await page.getByRole('button', { name: 'Я вошёл в звонок' }).click();
    await expect.poll(() => attendance().patientJoinedAt).not.toBeNull();

    await page.getByRole('button', { name: 'Связь ослабла' }).click();
    await page.getByText('Видео прерывается из-за слабого интернета').waitFor();
    await shot(page, '02-patient-weak-link-320-dark');
    await page.getByRole('button', { name: 'Только звук' }).click();
    expect(await page.evaluate('window.__OZ_JITSI_COMMANDS__')).toEqual([['setAudioOnly', true]]);
    await expect.poll(() => attendance().audioOnlyAt).not.toBeNull();

    await page.getByRole('button', { name: 'Положить трубку' }).click();
    await page.getByRole('heading', { name: 'Консультация завершена' }).waitFor();
    await page.getByText('бот пришлёт его вам в Telegram PDF-файлом').waitFor();
    expect(await page.getByRole('link', { name: 'Вернуться в Telegram' }).getAttribute('href')).toBe('https://t.me/oblako_test_bot');
    await expect.poll(() => attendance().patientLeftAt).not.toBeNull();
    await shot(page, '03-patient-done-320-dark');

    // The link was single-use: opening it again says so plainly, in a fresh browser without the tab's session.
    const again = await openRoom(link.url, 320);
    await again.getByText('Эта ссылка уже использована или устарела').waitFor();
    await again.close();
    await page.close();
  }, 90_000);

  it('a weak connection before the call: sound only is offered first', async () => {
    const link = await stage.services.booking.join(PATIENT, consultationId);
    const page = await stage.browser.newPage({ viewport: { width: 360, height: 720 }, locale: 'ru-RU' });
    page.on('pageerror', (err) => stage.pageErrors.push(String(err)));
    // About 1 Mb/s: enough for sound, not for video.
    await page.route('**/api/room/speedtest**', async (route) => {
      const bytes = Number(new URL(route.request().url()).searchParams.get('bytes'));
      await new Promise((r) => setTimeout(r, (bytes * 8) / 1000));
      await route.fulfill({ body: Buffer.alloc(bytes), contentType: 'application/octet-stream' });
    });
    await page.goto(link.url.replace('https://oblako.test', stage.base));
    await page.getByText(/^Связь слабая для видео/).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Войти только со звуком' }).waitFor();
    await page.getByRole('button', { name: 'Всё равно с видео' }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, '04-patient-weak-check-360.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('the doctor on a desktop: joined, then hung up, is handed to the conclusion in the staff bot', async () => {
    const member = stage.services.staff.byId(doctorId)!;
    const { link } = await stage.services.staffConsultations.join(member, consultationId);
    const page = await openRoom(link.url, 1280);
    await page.getByRole('heading', { name: /^Консультация №\d+: Мария И\.$/ }).waitFor();
    await page.getByText(/^Связь хорошая/).waitFor({ timeout: 30_000 });
    await shot(page, '05-doctor-check-1280');
    await page.getByRole('button', { name: 'Войти в звонок' }).click();
    await page.getByRole('button', { name: 'Я вошёл в звонок' }).click();
    await expect.poll(() => attendance().doctorJoinedAt).not.toBeNull();
    await page.getByRole('button', { name: 'Собеседник вошёл' }).click();
    await page.getByText('Пациент в звонке.').waitFor();
    await shot(page, '06-doctor-call-1280');
    await page.getByRole('button', { name: 'Положить трубку' }).click();
    await page.getByRole('heading', { name: 'Звонок завершён' }).waitFor();
    expect(await page.getByRole('link', { name: 'Написать заключение' }).getAttribute('href')).toBe(`https://t.me/oblako_staff_test_bot?start=conclude_${consultationId}`);
    await expect.poll(() => attendance().doctorLeftAt).not.toBeNull();
    await shot(page, '07-doctor-handoff-1280');
    await page.setViewportSize({ width: 320, height: 720 });
    await shot(page, '08-doctor-handoff-320');
    await page.close();
  }, 90_000);
});
