import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { LOCALES, type Locale } from './locales.js';

export type TextArgs = Record<string, FluentVariable>;

/** Says one message of a surface in a language; the key must exist. `keys` lists every message of the surface. */
export type Texts = ((locale: Locale, key: string, args?: TextArgs) => string) & { readonly keys: readonly string[] };

/**
 * Loads a surface's Fluent texts, `<dir>/<locale>/*.ftl`, for every supported locale. A missing language folder,
 * a file that does not parse, or a message one language lacks throws here, so a broken translation stops the
 * start instead of a page or a PDF.
 */
export function loadTexts(dir: string): Texts {
  const bundles = new Map<Locale, FluentBundle>();
  const ids = new Map<Locale, string[]>();
  for (const locale of LOCALES) {
    const folder = path.join(dir, locale);
    // Bidi isolation marks would land in PDFs and HTML as invisible characters.
    const bundle = new FluentBundle(locale, { useIsolating: false });
    const own: string[] = [];
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.ftl')).sort()) {
      const file = path.join(folder, name);
      const source = readFileSync(file, 'utf8');
      const resource = new FluentResource(source);
      // The runtime parser skips an entry it cannot parse without a word; the ids written in the file show what it lost.
      const written = [...source.matchAll(/^(-?[a-zA-Z][\w-]*)[ \t]*=/gm)].map((m) => m[1]!);
      const lost = written.filter((id) => !resource.body.some((entry) => entry.id === id));
      const errors = [...bundle.addResource(resource).map((e) => e.message), ...lost.map((id) => `${id} does not parse`)];
      if (errors.length > 0) throw new Error(`${file}: ${errors.join('; ')}`);
      own.push(...resource.body.filter((entry) => !entry.id.startsWith('-')).map((entry) => entry.id));
    }
    bundles.set(locale, bundle);
    ids.set(locale, own);
  }
  const all = new Set([...ids.values()].flat());
  for (const [locale, own] of ids) {
    const missing = [...all].filter((id) => !own.includes(id));
    if (missing.length > 0) throw new Error(`${path.join(dir, locale)} lacks ${missing.join(', ')}`);
  }
  const say = (locale: Locale, key: string, args?: TextArgs) => {
    const bundle = bundles.get(locale)!;
    const pattern = bundle.getMessage(key)?.value;
    if (!pattern) throw new Error(`no text ${key} in ${path.join(dir, locale)}`);
    const errors: Error[] = [];
    const text = bundle.formatPattern(pattern, args, errors);
    if (errors.length > 0) throw new Error(`${key} (${locale}): ${errors.map((e) => e.message).join('; ')}`);
    return text;
  };
  return Object.assign(say, { keys: [...all] });
}
