import { fileURLToPath } from 'node:url';
import { loadTexts, type TextArgs } from '../../core/fluent.js';
import { LOCALES, type Locale } from '../../core/locales.js';

const pageTexts = loadTexts(fileURLToPath(new URL('./locales', import.meta.url)));
const browserTexts = loadTexts(fileURLToPath(new URL('./client/locales', import.meta.url)));

/** The page script's words (client/locales), every message in every language, its variables left as {name}. */
export type ClientTexts = Record<Locale, Record<string, string>>;

// The script's texts take a bot's username or a file size; client/texts.ts fills them in.
const BROWSER_VARIABLES = { bot: '{bot}', n: '{n}' };

export function clientTexts(): ClientTexts {
  return Object.fromEntries(
    LOCALES.map((locale) => [locale, Object.fromEntries(browserTexts.keys.map((key) => [key, browserTexts(locale, key, BROWSER_VARIABLES)]))]),
  ) as ClientTexts;
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A message of the server's pages as HTML in one language: its words escaped, each value given set as code. */
export function textHtml(locale: Locale, key: string, code: Record<string, string> = {}): string {
  const markers: TextArgs = Object.fromEntries(Object.keys(code).map((name) => [name, `{${name}}`]));
  return escapeHtml(pageTexts(locale, key, markers)).replace(/\{(\w+)\}/g, (marker, name: string) =>
    name in code ? `<code>${escapeHtml(code[name]!)}</code>` : marker,
  );
}
