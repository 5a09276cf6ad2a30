import {
  backButton,
  closingBehavior,
  downloadFile as sdkDownloadFile,
  hapticFeedback,
  isAccessDeniedError,
  init as initSDK,
  initData,
  isTMA,
  mainButton,
  miniApp,
  openLink,
  openTelegramLink,
  popup,
  swipeBehavior,
  themeParams,
  viewport,
} from '@telegram-apps/sdk-react';
import { readableBackground } from './contrast';

/**
 * Mounts the SDK parts the app uses and binds Telegram's theme to CSS variables (--tg-theme-*), once, before the
 * first render. Returns false outside Telegram (no launch parameters), where the app only says to open it from the bot.
 */
export function init(opts: { mocked?: boolean } = {}): boolean {
  if (!isTMA() || (!opts.mocked && !hasTelegramHost())) return false;
  try {
    mountSdk();
  } catch {
    // A client the SDK cannot talk to is, for the patient, the same as no client: say how to open the app instead.
    return false;
  }
  return true;
}

/**
 * A Telegram client to talk to: a native app's bridge, or Telegram Web's page around this frame. Launch parameters
 * alone (the app's address copied, hash and all, into a browser tab) are not one: the SDK would wait for answers
 * that never come, and the patient would see a blank page.
 */
function hasTelegramHost(): boolean {
  const w = window as unknown as { TelegramWebviewProxy?: unknown; external?: { notify?: unknown } };
  return w.TelegramWebviewProxy !== undefined || typeof w.external?.notify === 'function' || window.parent !== window;
}

function mountSdk(): void {
  initSDK();
  initData.restore();
  backButton.mount.ifAvailable();
  mainButton.mount.ifAvailable();
  themeParams.mountSync.ifAvailable();
  themeParams.bindCssVars.ifAvailable();
  // Status colours (green, amber) need their own shades on a dark theme; CSS cannot tell Telegram's theme apart.
  const markTheme = () => {
    document.documentElement.dataset.theme = themeParams.isDark() ? 'dark' : 'light';
  };
  markTheme();
  themeParams.isDark.sub(markTheme);
  bindReadableButton();
  miniApp.mountSync.ifAvailable();
  miniApp.bindCssVars.ifAvailable();
  miniApp.setHeaderColor.ifAvailable('bg_color');
  if (viewport.mount.isAvailable()) {
    viewport
      .mount()
      .then(() => {
        viewport.bindCssVars.ifAvailable();
        // Full height from the start: long lists in large type need the room.
        viewport.expand.ifAvailable();
      })
      .catch(() => undefined);
  }
  // Every screen scrolls (lists in large type): a downward swipe must scroll, not fold the app away mid-booking.
  swipeBehavior.mount.ifAvailable();
  swipeBehavior.disableVertical.ifAvailable();
  closingBehavior.mount.ifAvailable();
  miniApp.ready.ifAvailable();
}

/** Telegram asks "close anyway?" while `on`: a booking half made is not lost to a stray tap on Close. */
export function setClosingConfirmation(on: boolean): void {
  if (on) closingBehavior.enableConfirmation.ifAvailable();
  else closingBehavior.disableConfirmation.ifAvailable();
}

/**
 * --oz-button-bg: the theme's button colour, darkened (or lightened) just enough for its text to reach 4.5:1; the
 * MainButton gets the same colour, so in-page and native buttons match.
 */
function bindReadableButton(): void {
  const apply = () => {
    const bg = themeParams.buttonColor();
    const text = themeParams.buttonTextColor();
    if (!bg || !text) return;
    const readable = readableBackground(bg, text);
    document.documentElement.style.setProperty('--oz-button-bg', readable);
    if (readable !== bg) mainButton.setParams.ifAvailable({ backgroundColor: readable as `#${string}` });
  };
  apply();
  themeParams.state.sub(apply);
}

/** The raw init data for `Authorization: tma …`; empty when Telegram gave none (opened from a reply keyboard). */
export function rawInitData(): string {
  return initData.raw() ?? '';
}

/** The Telegram user's language, the best guess until /api/me answers with the bot's own setting. */
export function telegramLanguage(): string | undefined {
  return initData.user()?.language_code;
}

export function haptic(kind: 'success' | 'error' | 'warning' | 'select'): void {
  if (kind === 'select') hapticFeedback.selectionChanged.ifAvailable();
  else hapticFeedback.notificationOccurred.ifAvailable(kind);
}

/** Telegram's own confirm popup; the browser's confirm where the client has none. */
export async function confirm(message: string, yes: string, no: string): Promise<boolean> {
  if (popup.show.isAvailable()) {
    const id = await popup.show({
      message,
      buttons: [
        { id: 'yes', type: 'destructive', text: yes },
        { id: 'no', type: 'default', text: no },
      ],
    });
    return id === 'yes';
  }
  return window.confirm(message);
}

/** Opens a page in the phone's browser, outside Telegram's WebView (calls need the camera and microphone). */
export function openExternal(url: string): void {
  const absolute = new URL(url, window.location.href).toString();
  if (openLink.isAvailable()) openLink(absolute);
  else window.open(absolute, '_blank', 'noopener');
}

const THEME_KEYS = ['bg_color', 'text_color', 'hint_color', 'link_color', 'button_color', 'button_text_color', 'secondary_bg_color', 'destructive_text_color'];

/**
 * Telegram's theme colours as the room page reads them from its fragment (#tg=<base64url JSON>): the page opens in the
 * phone's browser, where Telegram's theme is not, and a fragment never reaches a server or a log.
 */
export function themeFragment(): string {
  const style = getComputedStyle(document.documentElement);
  const theme = Object.fromEntries(THEME_KEYS.map((k) => [k, style.getPropertyValue(`--tg-theme-${k.replace(/_/g, '-')}`).trim()]).filter(([, v]) => /^#[0-9a-f]{6}$/i.test(v!)));
  if (Object.keys(theme).length === 0) return '';
  return `#tg=${btoa(JSON.stringify(theme)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/** Whether the client has Telegram's own download popup (Mini Apps 8.0). */
export function canTelegramDownload(): boolean {
  return sdkDownloadFile.isAvailable();
}

/**
 * Telegram's own download popup, for a file at an https address Telegram fetches itself, without our init data.
 * False when the person declined the popup.
 */
export function telegramDownload(url: string, fileName: string): Promise<boolean> {
  return sdkDownloadFile(new URL(url, window.location.href).toString(), fileName).then(
    () => true,
    (err: unknown) => {
      if (isAccessDeniedError(err)) return false;
      throw err;
    },
  );
}

/** Opens a t.me link inside Telegram (the bot's chat). */
export function openTelegram(url: string): void {
  if (openTelegramLink.isAvailable()) openTelegramLink(url);
  else window.location.href = url;
}

/** The sandbox's page, when this server is the sandbox (it says so in a meta tag); undefined on a real service. */
export function sandboxPageLink(): string | undefined {
  const page = document.querySelector<HTMLMetaElement>('meta[name="oz-sandbox-page"]')?.content.trim();
  return page && page.startsWith('/') && !page.startsWith('//') ? page : undefined;
}

/** https://t.me/<patient bot>, from the page the server filled in; undefined when it did not know the name. */
export function botLink(start?: string): string | undefined {
  const name = document.querySelector<HTMLMetaElement>('meta[name="oz-bot-username"]')?.content.trim();
  if (!name) return undefined;
  return `https://t.me/${name}${start ? `?start=${encodeURIComponent(start)}` : ''}`;
}
