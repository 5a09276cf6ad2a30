/**
 * Telegram's theme, when the Mini App opened this page: it passes its theme colours in the fragment (#tg=<base64url
 * JSON>), which never reaches a server or a log. Otherwise the page follows the browser's light or dark scheme.
 */
const KEYS = ['bg_color', 'text_color', 'hint_color', 'link_color', 'button_color', 'button_text_color', 'secondary_bg_color', 'destructive_text_color'] as const;
const COLOR = /^#[0-9a-f]{6}$/i;

export function applyTelegramTheme(hash: string): void {
  const match = /(?:^#|&)tg=([A-Za-z0-9_-]+)/.exec(hash);
  if (!match) return;
  let theme: Record<string, unknown>;
  try {
    theme = JSON.parse(atob(match[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
  } catch {
    return;
  }
  for (const key of KEYS) {
    const value = theme[key];
    if (typeof value === 'string' && COLOR.test(value)) document.documentElement.style.setProperty(`--tg-theme-${key.replace(/_/g, '-')}`, value);
  }
  document.documentElement.classList.add('tg-themed');
}
