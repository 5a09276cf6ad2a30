import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureMiniAppBuilt } from '../../miniapp/build.js';
import { pdfWithPages, phoneJpeg } from '../support/document-fixtures.js';
import { clockEnv } from '../support/child-env.js';
import { launchChromium, runBrowserTests, warnIfSkipped } from '../support/chromium.js';

// The sandbox as a person meets it: `npm start` with no tokens (the real process, port 0, a temp DATA_DIR), its one
// URL opened in Chromium, and everything done by clicking and typing on the page: a patient registers, uploads
// documents, applies to a centre; the doctor takes and schedules it in the staff pane; the patient books a duty slot
// in the Mini App frame and cancels it. Screenshots and the process's output go to test-artifacts/sandbox/.
// To look around after a run: KEEP_SANDBOX=1 leaves the process and its data running, SANDBOX_LOG=debug logs more.
const ARTIFACTS = path.resolve('test-artifacts/sandbox');
const BAKULEV = 'НМИЦ ССХ им. А.Н. Бакулева';

let child: ChildProcess | undefined;
let dir = '';
let url = '';
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];
let output = '';

function startSandbox(): Promise<string> {
  dir = mkdtempSync(path.join(tmpdir(), 'oz-sandbox-e2e-'));
  child = spawn(process.execPath, ['--import', 'tsx', 'app/main.ts'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...clockEnv(), PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: process.env.SANDBOX_LOG ?? 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the sandbox did not start:\n${output}`)), 60_000);
    const check = () => {
      const found = /Open: (http:\/\/127\.0\.0\.1:\d+\/sandbox\/)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    child!.stdout!.on('data', check);
    child!.on('exit', () => reject(new Error(`the sandbox exited:\n${output}`)));
  });
}

const pane = (who: 'patient' | 'staff'): Locator => page.locator(`#pane-${who}`);
const frame = () => page.frameLocator('#pane-miniapp iframe');
const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });

/** Waits for a bot message in the pane whose text matches. */
async function botSays(who: 'patient' | 'staff', text: RegExp | string): Promise<void> {
  await pane(who).locator('.msg.in', { hasText: text }).last().waitFor({ timeout: 20_000 });
}
async function press(who: 'patient' | 'staff', name: string | RegExp): Promise<void> {
  await pane(who).getByRole('button', { name, exact: typeof name === 'string' }).last().click();
}
async function say(who: 'patient' | 'staff', text: string): Promise<void> {
  const input = pane(who).locator('textarea.composer-input');
  await input.fill(text);
  await input.press('Enter');
  await pane(who).locator('.msg.out', { hasText: text }).last().waitFor();
}
async function upload(who: 'patient' | 'staff', file: { name: string; mimeType: string; buffer: Buffer }, asPhoto: boolean): Promise<void> {
  await pane(who).locator('.composer-options input[type=checkbox]').setChecked(asPhoto);
  const before = await pane(who).locator('.msg.out').count();
  await pane(who).locator('input[type=file]').setInputFiles(file);
  await expect.poll(() => pane(who).locator('.msg.out').count()).toBeGreaterThan(before);
}

beforeAll(async () => {
  if (!runBrowserTests) return;
  await ensureMiniAppBuilt({ quiet: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  url = await startSandbox();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'ru-RU' });
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  // The share-contact confirmation, as a person answers it.
  page.on('dialog', (dialog) => void dialog.accept());
}, 120_000);

afterAll(async () => {
  if (dir) writeFileSync(path.join(ARTIFACTS, 'sandbox.log'), output);
  await browser?.close();
  if (child && child.exitCode === null && !process.env.KEEP_SANDBOX) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  if (dir && !process.env.KEEP_SANDBOX) rmSync(dir, { recursive: true, force: true });
});

warnIfSkipped('sandbox e2e');

describe.skipIf(!runBrowserTests)('the sandbox page', () => {
  it('is labelled SANDBOX, shows both chats and the Mini App frame, and the log says SANDBOX', async () => {
    expect(output).toMatch(/=+ SANDBOX =+/);
    await page.goto(url);
    await page.locator('.sandbox-banner', { hasText: 'ПЕСОЧНИЦА · SANDBOX' }).waitFor();
    await page.locator('.ma-banner', { hasText: 'SANDBOX' }).waitFor();
    await pane('patient').getByText('Пациент · бот пациента').waitFor();
    await pane('staff').getByText('Врач · бот врачей').waitFor();
    await shot('01-empty');
    // Links to the service's https address open this server; video join links open the stand-in room page.
    const mapped = await page.evaluate(`import('/sandbox/assets/links.js').then((m) => {
      const config = JSON.parse(document.getElementById('sandbox-config').textContent);
      return ['https://meet.sandbox.localhost/oz-abc234?jwt=x.y.z', 'https://oblako.sandbox.localhost/verify/2222-3333-4444', 'https://example.org/x'].map((u) => m.localUrl(config, u))
        .concat([m.sandboxBotLink(config, 'https://t.me/oblako_sandbox_bot?start=ref_abc'), m.sandboxBotLink(config, 'https://t.me/other_bot')]);
    })`);
    const origin = new URL(url).origin;
    expect(mapped).toEqual([`${origin}/sandbox/room/oz-abc234`, `${origin}/verify/2222-3333-4444`, 'https://example.org/x', { bot: 'patient', start: 'ref_abc' }, undefined]);
    const room = await (await fetch(`${origin}/sandbox/room/oz-abc234`)).text();
    expect(room).toContain('Здесь открылась бы видеоконсультация');
  });

  it('registers a patient: consent, name, birth date, shared contact, region', async () => {
    await press('patient', 'Начать');
    await botSays('patient', /согласие на обработку/);
    await press('patient', '✅ Согласен(на)');
    await botSays('patient', 'Напишите ваши фамилию, имя и отчество');
    await say('patient', 'Демо Анна Сергеевна');
    await botSays('patient', 'Дата рождения?');
    await say('patient', '31.02.1961');
    await botSays('patient', 'Такой даты нет в календаре');
    await say('patient', '05.03.1961');
    await botSays('patient', 'Номер телефона для связи');
    await press('patient', '📱 Поделиться номером');
    await pane('patient').locator('.msg.out .contact', { hasText: '+79990000001' }).waitFor();
    await botSays('patient', /Проверьте, пожалуйста:[\s\S]*Демо Анна Сергеевна[\s\S]*подтверждён[\s\S]*нажмите ваш регион/);
    await shot('02-registration-confirm');
    await press('patient', 'Москва');
    await botSays('patient', /Готово! Демо Анна Сергеевна зарегистрирована\./);
  }, 90_000);

  it('applies to a centre with the documents uploaded from the checklist: a PDF and photos', async () => {
    await press('patient', '📝 Заявка в центр');
    await press('patient', BAKULEV);
    await press('patient', 'Ишемическая болезнь сердца');
    await botSays('patient', /диагноз/i);
    await say('patient', 'ИБС. Стенокардия напряжения II ФК.');
    await botSays('patient', /жалоб/i);
    await say('patient', 'Давящие боли за грудиной при ходьбе.');
    await botSays('patient', /Не хватает/);
    const files = [
      { kind: 'Выписка из истории болезни (из стационара)', file: { name: 'vypiska.pdf', mimeType: 'application/pdf', buffer: await pdfWithPages(2) }, asPhoto: false },
      { kind: 'ЭКГ', file: { name: 'ecg.jpg', mimeType: 'image/jpeg', buffer: await phoneJpeg({ width: 800, height: 600 }) }, asPhoto: true },
      { kind: 'ЭхоКГ', file: { name: 'echo.jpg', mimeType: 'image/jpeg', buffer: await phoneJpeg({ width: 640, height: 480 }) }, asPhoto: true },
    ];
    for (const { kind, file, asPhoto } of files) {
      await press('patient', `📎 Загрузить: ${kind}`);
      await upload('patient', file, asPhoto);
      await press('patient', '✅ Готово');
      await botSays('patient', new RegExp(`✅ ${kind.replace(/[()]/g, '\\$&')}`));
    }
    await botSays('patient', 'Все нужные документы на месте');
    await shot('03-checklist-complete');
    await press('patient', '📨 Отправить заявку');
    await press('patient', '✅ Всё верно, отправить');
    await botSays('patient', /Заявка № \d+ отправлена/);
  }, 90_000);

  it('the doctor takes it and schedules a video consultation in the staff pane; the patient is told', async () => {
    await shot('04-staff-before');
    await botSays('staff', /Новая заявка №\d+/);
    await shot('04-doctor-card');
    await press('staff', '✋ Взять');
    await botSays('patient', /взял в работу врач центра/);
    await botSays('staff', 'В работе у вас');
    await press('staff', '📅 Назначить');
    const day = pane('staff').locator('.inline-btn').filter({ hasText: /^(Пн|Вт|Ср|Чт|Пт|Сб|Вс) \d\d\.\d\d/ }).last();
    await day.waitFor();
    await day.click();
    const time = pane('staff').locator('.inline-btn').filter({ hasText: /^\d\d:\d\d$/ }).last();
    await time.waitFor();
    await time.click();
    await press('staff', '🎥 Видео');
    await botSays('patient', /Отменить|консультаци/);
    await expect.poll(async () => pane('patient').locator('.inline-btn', { hasText: /Отменить/ }).count()).toBeGreaterThan(0);
    await shot('05-scheduled');
    // The doctor opens the patient's documents: the staff bot downloads them and uploads them into the doctor's chat.
    await press('staff', '📎 Документы');
    await expect.poll(() => pane('staff').locator('.msg.in .document, .msg.in .photo').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    const pdf = pane('staff').locator('.msg.in .document', { hasText: '.pdf' }).first();
    const href = await pdf.getAttribute('href');
    const served = await fetch(new URL(href!, url));
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect((await served.arrayBuffer()).byteLength).toBeGreaterThan(500);
    await shot('05b-doctor-documents');
  }, 90_000);

  it('books a duty slot in the Mini App frame, opened from the menu button, and cancels it', async () => {
    await pane('patient').locator('.menu-button.web-app').click();
    await frame().getByText(/Здравствуйте, Анна Сергеевна!/).waitFor({ timeout: 30_000 });
    await shot('06-miniapp-home');
    // The real SDK talked to the page, not the app's test mock: launch parameters from the hash, events to the parent.
    const app = page.frames().find((f) => f.url().includes('/app/'))!;
    expect(await app.evaluate("({ mock: '__OZ_TELEGRAM_MOCK__' in window || '__OZ_TELEGRAM__' in window, hash: location.hash })")).toMatchObject({
      mock: false,
      hash: expect.stringMatching(/tgWebAppData=.*tgWebAppPlatform=web/),
    });
    const calls = (await page.evaluate('window.__SANDBOX__.miniapp.calls.map((c) => c[0])')) as string[];
    expect(calls).toEqual(expect.arrayContaining(['iframe_ready', 'web_app_ready', 'web_app_expand', 'web_app_setup_main_button']));
    await frame().getByRole('button', { name: 'Записаться к дежурному врачу' }).click();
    await frame().getByRole('button', { name: /Кардиология/ }).click();
    await frame().getByRole('heading', { name: 'Выберите день' }).waitFor();
    // The furthest day offered, never today or tomorrow: its times are days past the 120-minute cancel cut-off at any
    // hour the test runs, so the Cancel button below is always there (the first free time of today may be inside it).
    await frame().locator('.choice:not(.choice-muted)').last().click();
    await frame().getByRole('heading', { name: 'Выберите время' }).waitFor();
    const bookedTime = (await frame().locator('.time-value').first().innerText()).trim();
    await frame().locator('.time-value').first().click();
    await frame().getByRole('button', { name: /Видеосвязь/ }).click();
    await frame().getByRole('heading', { name: 'Проверьте и подтвердите' }).waitFor();
    // Telegram's MainButton is drawn by the page under the frame, as Telegram draws it under the app.
    await page.locator('.ma-main').click();
    await frame().getByText('Вы записаны!').waitFor();
    await shot('07-miniapp-booked');

    // The booking notice in the chat lets the patient write to the duty doctor; the doctor answers with Reply.
    await press('patient', '💬 Спросить дежурного врача');
    await botSays('patient', 'не для экстренной помощи');
    await say('patient', 'Можно ли принимать аспирин перед консультацией?');
    await botSays('patient', '✓ Передано врачу.');
    await pane('staff').locator('select.account').selectOption('duty');
    await botSays('staff', /Дежурный чат · консультация №\d+[\s\S]*Можно ли принимать аспирин/);
    const relayed = pane('staff').locator('.msg.in', { hasText: 'Можно ли принимать аспирин' }).last();
    await relayed.hover();
    await relayed.locator('.reply-action').click();
    await pane('staff').locator('.reply-bar').waitFor();
    await say('staff', 'Да, принимайте как обычно.');
    await botSays('staff', /✓ Отправлено Демо Анне Сергеевне/);
    await botSays('patient', /Дежурный врач[\s\S]*Да, принимайте как обычно\./);
    await shot('07b-duty-chat');

    // Back to the list via the page's back button (back_button_pressed), then cancel with Telegram's popup.
    await pane('patient').locator('.inline-btn', { hasText: 'Выйти из чата с врачом' }).or(pane('patient').locator('.kb-btn', { hasText: 'Выйти из чата с врачом' })).last().click();
    await botSays('patient', 'Вы вышли из чата с дежурным врачом');
    await page.locator('.ma-back').click();
    await frame().getByRole('button', { name: 'Все мои консультации' }).click();
    // The one just booked: on the furthest day offered, so the last card at its time (the demo's own come earlier).
    await frame().locator('button.card', { hasText: bookedTime }).last().click();
    await frame().getByText(bookedTime).first().waitFor();
    await frame().getByRole('button', { name: 'Отменить запись' }).click();
    await page.locator('dialog.ma-popup').waitFor();
    await shot('08-miniapp-cancel-popup');
    await page.locator('dialog.ma-popup .ma-popup-btn.destructive').click();
    await frame().getByText('Запись отменена').waitFor();
    await shot('09-miniapp-cancelled');
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('path 3: the manager sends a referral table, the SMS appears on the page, its link leads the patient to apply', async () => {
    await pane('staff').locator('select.account').selectOption('manager');
    await press('staff', 'Начать');
    await botSays('staff', /Команды|менеджер/i);
    // The example table from docs/ with one spoilt row: the answer counts it and sends the table of rejected rows.
    const example = readFileSync(path.resolve(import.meta.dirname, '../../docs/referrals-example.csv'), 'utf8');
    const table = `${example.trimEnd()}\r\nОшибкина Ольга Олеговна;01.01.1970;12345;НМИЦ ССХ им. А.Н. Бакулева;Ишемическая болезнь сердца;ИБС;I25.1;Примерова Ольга Викторовна;ГБУЗ «Областная больница № 1»;Свердловская область\r\n`;
    await upload('staff', { name: 'napravleniya.csv', mimeType: 'text/csv', buffer: Buffer.from(table, 'utf8') }, false);
    await botSays('staff', /Таблица «napravleniya\.csv» загружена[\s\S]*Новых направлений: 4[\s\S]*Отклонено строк: 1/);
    await pane('staff').locator('.msg.in .document').last().waitFor({ timeout: 20_000 });
    await shot('11-referral-import');
    // SMS wait out the night in the patient's time zone: the clock moves an hour at a time until the first is sent.
    const sms = page.locator('#sms-panel .sms-item', { hasText: '+79000000001' });
    for (let hour = 0; hour < 14 && (await sms.count()) === 0; hour++) {
      await page.waitForTimeout(2500);
      if ((await sms.count()) === 0) await page.locator('#pane-tools .clock-move[data-move="1h"]').click();
    }
    await sms.waitFor({ timeout: 10_000 });
    await shot('12-sms-panel');
    await sms.locator('a.sms-link').click();
    await botSays('patient', /Вас направил[\s\S]*подтвердите/);
    await press('patient', '✅ Да, это я');
    await botSays('patient', 'напишите дату рождения пациента');
    await say('patient', '05.03.1961');
    // The rest depends on what the account already holds (here: Анна's own profile); each question gets its answer.
    const docs = [
      { kind: 'Выписка из истории болезни (из стационара)', file: { name: 'vypiska-2.pdf', mimeType: 'application/pdf', buffer: await pdfWithPages(1) }, asPhoto: false },
      { kind: 'ЭКГ', file: { name: 'ecg-2.jpg', mimeType: 'image/jpeg', buffer: await phoneJpeg({ width: 800, height: 600 }) }, asPhoto: true },
      { kind: 'ЭхоКГ', file: { name: 'echo-2.jpg', mimeType: 'image/jpeg', buffer: await phoneJpeg({ width: 640, height: 480 }) }, asPhoto: true },
    ];
    const lastBot = () => pane('patient').locator('.msg.in').last().innerText();
    for (let step = 0; step < 20; step++) {
      await page.waitForTimeout(1500);
      const text = await lastBot();
      if (/по направлению отправлена/.test(text)) break;
      const button = (name: RegExp) => pane('patient').getByRole('button', { name }).last();
      // The summary first: its «Кто пациент: …» line is not the question of who the patient is.
      if (/Профиль заполнен|Проверьте/.test(text)) await button(/Всё верно|Сохранить|Подтвердить/).click();
      else if (/Кто пациент\?|Кого регистрируем|Кем вам приходится/i.test(text)) await pane('patient').locator('.inline-btn, .kb-btn').filter({ hasNotText: /Себя|Отмена/ }).last().click();
      else if (/что беспокоит/.test(text)) await press('patient', 'Добавить нечего');
      else if (/Все нужные документы на месте/.test(text) || (docs.length === 0 && /Документы для заявки/.test(text))) await button(/Отправить заявку/).click();
      else if (/Осталось загрузить документы|Не хватает/.test(text)) {
        const next = docs.shift();
        if (!next) throw new Error(`the checklist asks for more than the test brings:\n${text}`);
        await press('patient', `📎 Загрузить: ${next.kind}`);
        await upload('patient', next.file, next.asPhoto);
        await press('patient', '✅ Готово');
      } else if (/✅ (Выписка|ЭКГ|ЭхоКГ)/.test(text) && docs.length) {
        const next = docs.shift()!;
        await press('patient', `📎 Загрузить: ${next.kind}`);
        await upload('patient', next.file, next.asPhoto);
        await press('patient', '✅ Готово');
      }
    }
    await shot('13-referral-applied');
    // The referral is the patient's now, every document its centre needs uploaded from its checklist, and it is sent.
    expect(docs).toEqual([]);
    expect(await lastBot()).toMatch(/Заявка № \d+ по направлению отправлена в НМИЦ ССХ/);
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('the doctor writes a conclusion only once the consultation has begun: the page moves the clock there', async () => {
    // The consultation still booked (the centre's or the duty doctor's: earlier steps cancelled one of them), as its
    // doctor sees it: before its start, the conclusion is refused.
    let id = '';
    const lastStaff = () => pane('staff').locator('.msg.in').last().innerText();
    for (const who of ['doctor', 'duty'] as const) {
      await pane('staff').locator('select.account').selectOption(who);
      const texts = await pane('staff').locator('.msg.in').allInnerTexts();
      const ids = [...new Set(texts.flatMap((t) => [...t.matchAll(/[Кк]онсультаци[яи] №(\d+)/g)].map((m) => m[1]!)))];
      for (const candidate of ids) {
        await say('staff', `/conclude ${candidate}`);
        await page.waitForTimeout(2000);
        if (/ещё не началась/.test(await lastStaff())) id = candidate;
        if (id) break;
      }
      if (id) break;
    }
    expect(id).not.toBe('');
    await page.locator('#pane-tools .clock-move[data-move="next"]').click();
    await page.locator('#pane-tools .clock-real', { hasText: 'реальное время:' }).waitFor();
    await shot('14-clock-moved');
    await say('staff', `/conclude ${id}`);
    await botSays('staff', new RegExp(`Заключение по консультации №${id}`));
    await say('staff', 'Стенокардия напряжения II ФК, течение стабильное. Показаний к операции нет.');
    await botSays('staff', 'Итог консультации');
    await pane('staff').locator('.msg-with-keyboard', { hasText: 'Итог консультации' }).last().locator('.inline-btn').first().click();
    await press('staff', 'Без рекомендаций');
    await press('staff', '✅ Выдать заключение');
    await botSays('staff', new RegExp(`Заключение по консультации №${id} выдано`));
    await pane('patient').locator('.msg.in .document', { hasText: '.pdf' }).last().waitFor({ timeout: 30_000 });
    await shot('15-conclusion');
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('the Mini App’s address opened in a plain tab says how to open it, never a blank page', async () => {
    const src = await page.locator('#pane-miniapp iframe').getAttribute('src').catch(() => null);
    const address = src ?? `${new URL(url).origin}/app/#tgWebAppVersion=8.0&tgWebAppPlatform=web&tgWebAppThemeParams=%7B%7D`;
    const tab = await browser!.newPage({ locale: 'ru-RU' });
    await tab.goto(address);
    await tab.getByRole('heading', { name: /Telegram/ }).waitFor();
    expect(await tab.getByRole('link', { name: /песочниц|sandbox/i }).getAttribute('href')).toBe('/sandbox/');
    await tab.close();
  });

  it('blocks and unblocks the patient bot from the chat header', async () => {
    await pane('patient').locator('.block-button').click();
    await pane('patient').locator('.blocked-bar').waitFor();
    expect(await pane('patient').locator('.composer').isHidden()).toBe(true);
    await shot('10-blocked');
    await pane('patient').locator('.blocked-bar .unblock').click();
    await pane('patient').locator('.composer').waitFor();
    const before = await pane('patient').locator('.msg.in').count();
    await say('patient', '/help');
    await expect.poll(() => pane('patient').locator('.msg.in').count()).toBeGreaterThan(before);
    expect(pageErrors).toEqual([]);
  });
});
