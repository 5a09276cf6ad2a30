import { emitEvent, mockTelegramEnv } from '@telegram-apps/sdk-react';

/**
 * A Telegram client imitated with the SDK's own mock: `vite dev` in a plain browser, and the end-to-end test, which
 * sets `window.__OZ_TELEGRAM_MOCK__` (signed init data, a theme) before the page loads. Real Telegram clients never
 * set it, and the server still checks the init data's signature, so the mock grants nothing. This module is its own
 * chunk: the first screen never downloads it.
 */
export interface TelegramMock {
  /** Raw init data, signed with the bot token (tests use @telegram-apps/init-data-node's sign). */
  initData: string;
  themeParams?: Record<string, `#${string}`>;
  platform?: string;
  /** The Mini Apps version the client claims (8.0 by default); an older one hides the methods it lacks (downloadFile). */
  version?: string;
}

export interface TelegramMockHandle {
  /** Every method the app called on "Telegram", in order: [name, params]. */
  calls: Array<[string, unknown]>;
  /** Sends an event to the app as the client would (main_button_pressed, popup_closed…). */
  emit(event: string, payload?: unknown): void;
}

declare global {
  interface Window {
    __OZ_TELEGRAM_MOCK__?: TelegramMock;
    __OZ_TELEGRAM__?: TelegramMockHandle;
  }
}

const DEV_THEME = {
  bg_color: '#ffffff',
  text_color: '#000000',
  hint_color: '#707579',
  link_color: '#2481cc',
  button_color: '#2481cc',
  button_text_color: '#ffffff',
  secondary_bg_color: '#f1f1f5',
  section_bg_color: '#ffffff',
  destructive_text_color: '#d1343c',
  accent_text_color: '#2481cc',
} as const;

function devInitData(): string {
  // A signed value from the developer's own bot token can be given as VITE_DEV_INIT_DATA; without it the API answers 401.
  const given = import.meta.env.VITE_DEV_INIT_DATA as string | undefined;
  if (given) return given;
  const user = { id: 1, first_name: 'Dev', language_code: 'ru' };
  return new URLSearchParams({ user: JSON.stringify(user), auth_date: String(Math.floor(Date.now() / 1000)), hash: 'dev', signature: 'dev' }).toString();
}

export function mockEnvironment(options: TelegramMock | undefined): void {
  const themeParams = options?.themeParams ?? DEV_THEME;
  const calls: TelegramMockHandle['calls'] = [];
  const noInsets = { top: 0, bottom: 0, left: 0, right: 0 };
  mockTelegramEnv({
    launchParams: {
      tgWebAppPlatform: options?.platform ?? 'android',
      tgWebAppVersion: options?.version ?? '8.0',
      tgWebAppThemeParams: themeParams,
      tgWebAppData: options?.initData ?? devInitData(),
    },
    onEvent(event, next) {
      const [name, params] = event as [string, unknown];
      calls.push([name, params]);
      switch (name) {
        case 'web_app_request_theme':
          return emitEvent('theme_changed', { theme_params: themeParams });
        case 'web_app_request_viewport':
          return emitEvent('viewport_changed', { height: window.innerHeight, width: window.innerWidth, is_expanded: true, is_state_stable: true });
        case 'web_app_request_safe_area':
          return emitEvent('safe_area_changed', noInsets);
        case 'web_app_request_content_safe_area':
          return emitEvent('content_safe_area_changed', noInsets);
        default:
          return next();
      }
    },
  });
  window.__OZ_TELEGRAM__ = {
    calls,
    emit: (event, payload) => (emitEvent as (e: string, p?: unknown) => void)(event, payload),
  };
}
