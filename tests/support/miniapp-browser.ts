import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { sign } from '@telegram-apps/init-data-node';
import { pino } from 'pino';
import type { Browser, Page } from 'playwright-core';
import { createServer } from '../../api/server.js';
import { createServices, type Services } from '../../app/services.js';
import { openDatabase } from '../../db/client.js';
import { ensureMiniAppBuilt } from '../../miniapp/build.js';
import { launchChromium } from './chromium.js';
import { JITSI } from './scheduling-fixtures.js';

/**
 * The stage of the Mini App's end-to-end tests: the built app served by the real server over a fresh database, and
 * Debian's Chromium driven by playwright-core. Telegram is the SDK's own mock (the app loads it when the page sets
 * window.__OZ_TELEGRAM_MOCK__), with init data signed by the bot token exactly as Telegram signs it; the test plays
 * the client's part through `calls` and `emit`. Screenshots go to test-artifacts/miniapp/.
 */

export const TOKEN = '7001234567:AAF-patient-bot-token-for-tests';
export const ARTIFACTS = path.resolve('test-artifacts/miniapp');

export const LIGHT = {
  bg_color: '#ffffff',
  text_color: '#000000',
  hint_color: '#a8a8a8',
  link_color: '#2678b6',
  button_color: '#50a8eb',
  button_text_color: '#ffffff',
  secondary_bg_color: '#efeff3',
  section_bg_color: '#ffffff',
  section_header_text_color: '#3a95d5',
  accent_text_color: '#1c93e3',
  subtitle_text_color: '#82868a',
  destructive_text_color: '#cc2929',
  header_bg_color: '#ffffff',
} as const;
export const DARK = {
  bg_color: '#212d3b',
  text_color: '#ffffff',
  hint_color: '#7d8b99',
  link_color: '#5eabe1',
  button_color: '#5288c1',
  button_text_color: '#ffffff',
  secondary_bg_color: '#151e27',
  section_bg_color: '#1d2733',
  section_header_text_color: '#6ab3f3',
  accent_text_color: '#64b5ef',
  subtitle_text_color: '#7e8b99',
  destructive_text_color: '#ee686f',
  header_bg_color: '#242d39',
} as const;
export type Theme = typeof LIGHT | typeof DARK;


export function initDataFor(userId: number, firstName = 'Мария'): string {
  return sign({ user: { id: userId, first_name: firstName, language_code: 'ru' }, chat_type: 'sender', chat_instance: '-1' }, TOKEN, new Date());
}

export type Call = [string, Record<string, unknown> | undefined];

/** Every method the app called on "Telegram", in order. */
export const calls = (page: Page) => page.evaluate('window.__OZ_TELEGRAM__.calls') as Promise<Call[]>;
/** An event from the client: main_button_pressed, back_button_pressed, popup_closed… */
export const emit = (page: Page, event: string, payload?: unknown) => page.evaluate(`window.__OZ_TELEGRAM__.emit(${JSON.stringify(event)}, ${JSON.stringify(payload ?? null)})`);
export const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
/** The MainButton as the app last set it up. */
export const mainButton = async (page: Page) => {
  const setups = (await calls(page)).filter(([name]) => name === 'web_app_setup_main_button');
  return setups.at(-1)?.[1] as { is_visible?: boolean; is_active?: boolean; text?: string } | undefined;
};
/** The native popups the app opened, in order. */
export const popups = async (page: Page) =>
  (await calls(page)).filter(([name]) => name === 'web_app_open_popup').map(([, p]) => p as { message: string; buttons: Array<{ id: string; text: string }> });

export interface OpenOptions {
  width: number;
  theme?: Theme;
  /** Signed init data; null: no Telegram at all (a plain browser). */
  initData: string | null;
  /** The phone's clock this far off the real one. */
  clockOffsetMs?: number;
  /** The Mini Apps version the mocked client claims; 8.0 by default. */
  version?: string;
}

export interface MiniAppStage {
  dir: string;
  services: Services;
  base: string;
  browser: Browser;
  /** Uncaught errors of every page opened; a test file's afterAll expects none. */
  pageErrors: string[];
  /** A page as Telegram opens it: the SDK's mock with the init data and a theme (light by default). */
  open(opts: OpenOptions): Promise<Page>;
  close(): Promise<void>;
}

/** Builds the app when stale, starts the real server over a fresh database and launches Chromium. */
export async function startMiniAppStage(prefix = 'oz-miniapp-e2e-'): Promise<MiniAppStage> {
  await ensureMiniAppBuilt({ quiet: true });
  mkdirSync(ARTIFACTS, { recursive: true });

  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const db = openDatabase(path.join(dir, 'db.sqlite'));
  const services = createServices({
    config: { patientBotToken: TOKEN, telegramApiRoot: 'http://telegram.test', filesDir: path.join(dir, 'files'), publicUrl: 'https://oblako.test', jitsi: JITSI },
    db,
    clock: { now: () => Date.now() },
    logger: pino({ level: process.env.TEST_LOG ?? 'silent' }),
  });
  const app = createServer({ db, logger: services.logger, verify: services, miniapp: { botUsername: 'oblako_test_bot' }, api: { services, maxAgeSeconds: 3600 }, room: { room: services.room } });
  const server: ServerType = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // The device check: a fake camera and microphone, allowed without a prompt.
  const browser = await launchChromium(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream']);

  const pageErrors: string[] = [];
  return {
    dir,
    services,
    base,
    browser,
    pageErrors,
    async open(opts) {
      const page = await browser.newPage({ viewport: { width: opts.width, height: 740 }, deviceScaleFactor: 2, locale: 'ru-RU' });
      if (opts.clockOffsetMs) await page.clock.install({ time: Date.now() + opts.clockOffsetMs });
      page.on('pageerror', (err) => pageErrors.push(String(err)));
      if (opts.initData !== null) {
        const mock = { initData: opts.initData, themeParams: opts.theme ?? LIGHT, ...(opts.version ? { version: opts.version } : {}) };
        await page.addInitScript(`window.__OZ_TELEGRAM_MOCK__ = ${JSON.stringify(mock)};`);
      }
      await page.goto(`${base}/app/`);
      return page;
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
