/**
 * The languages the service speaks, Russian first (the default). This is the one list: the bots, the conclusion
 * PDF and the verify page read it, and every `locales/` folder holds one subfolder per entry (docs/i18n.md).
 */
export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ru';

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** Maps any language code (Telegram's `en-GB`, `pt_BR`) onto a locale we have; the default for anything else. */
export function pickLocale(code: string | undefined | null): Locale {
  const base = code?.toLowerCase().split(/[-_]/)[0] ?? '';
  return isLocale(base) ? base : DEFAULT_LOCALE;
}
