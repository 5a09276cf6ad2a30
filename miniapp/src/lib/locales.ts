/**
 * The Mini App's languages, the first the default. Adding one: a folder src/locales/<code>/ with the same .ftl files
 * as the others, and a line here (the tag names the Intl formats of dates and times).
 */
export const LOCALES = [
  { code: 'ru', tag: 'ru-RU' },
  { code: 'en', tag: 'en-GB' },
] as const;

export type Locale = (typeof LOCALES)[number]['code'];

/** The language of ours nearest to one Telegram or the browser names ("en-US" → en); the default otherwise. */
export function pickLocale(language: string | undefined): Locale {
  const base = language?.toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((l) => l.code === base)?.code ?? LOCALES[0].code;
}

/** The BCP 47 tag of a language for Intl. */
export function localeTag(locale: Locale): string {
  return LOCALES.find((l) => l.code === locale)!.tag;
}
