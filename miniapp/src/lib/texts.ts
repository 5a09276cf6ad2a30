import { createTranslate, type Translate } from './fluent';
import type { Locale } from './locales';

// Every src/locales/<code>/<feature>.ftl, bundled as text at build time.
const files = import.meta.glob<string>('../locales/*/*.ftl', { query: '?raw', import: 'default', eager: true });
const translators = new Map<Locale, Translate>();

/** The texts of a language (src/locales/<locale>/*.ftl), parsed on first use. */
export function translator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    const sources = Object.entries(files)
      .filter(([file]) => file.split('/').at(-2) === locale)
      .map(([, text]) => text);
    t = createTranslate(locale, sources);
    translators.set(locale, t);
  }
  return t;
}
