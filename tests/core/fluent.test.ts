import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FluentResource } from '@fluent/bundle';
import { afterEach, describe, expect, it } from 'vitest';
import { loadTexts } from '../../core/fluent.js';
import { LOCALES } from '../../core/locales.js';
import { LOCALES as MINIAPP_LOCALES } from '../../miniapp/src/lib/locales.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SKIP = new Set(['node_modules', '.git', 'dist', 'data', 'test-artifacts']);

/** Every folder named locales/ in the source tree: the homes of user-facing texts. */
function localesFolders(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (SKIP.has(name) || !statSync(full).isDirectory()) return [];
    return name === 'locales' ? [full] : localesFolders(full);
  });
}

function ftlFiles(dir: string, base = dir): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return ftlFiles(full, base);
      return name.endsWith('.ftl') ? [path.relative(base, full)] : [];
    });
}

const ids = (file: string) =>
  new FluentResource(readFileSync(file, 'utf8')).body.map((entry) => entry.id).sort();

describe('Fluent texts', () => {
  let scratch: string | undefined;
  afterEach(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    scratch = undefined;
  });

  it('every locales/ folder holds one folder per supported language, with the same files and the same messages', () => {
    const folders = localesFolders(root).map((f) => path.relative(root, f));
    expect(folders).toEqual(expect.arrayContaining(['bot/locales', 'core/conclusions/locales', 'api/locales', 'sandbox/page/locales', 'sandbox/page/client/locales', 'miniapp/src/locales']));
    for (const folder of folders) {
      const full = path.join(root, folder);
      expect(readdirSync(full).sort(), folder).toEqual([...LOCALES].sort());
      const [first, ...others] = LOCALES;
      const files = ftlFiles(path.join(full, first));
      expect(files.length, folder).toBeGreaterThan(0);
      for (const locale of others) {
        expect(ftlFiles(path.join(full, locale)), `${folder}/${locale}`).toEqual(files);
        for (const file of files) {
          expect(ids(path.join(full, locale, file)), `${folder}/${locale}/${file}`).toEqual(ids(path.join(full, first, file)));
        }
      }
    }
  });

  it('the Mini App speaks the same languages, in the same order, as core/locales.ts', () => {
    // The Mini App is built apart and keeps its list beside the Intl tags it needs; this holds the two lists as one.
    expect(MINIAPP_LOCALES.map((l) => l.code)).toEqual([...LOCALES]);
  });

  it('the conclusion PDF and the verify page load their texts in every language', () => {
    const pdf = loadTexts(path.join(root, 'core/conclusions/locales'));
    const verify = loadTexts(path.join(root, 'api/locales'));
    expect(pdf('ru', 'pdf-page', { n: 2, total: 3 })).toBe('Стр. 2 из 3');
    expect(pdf('en', 'pdf-page', { n: 2, total: 3 })).toBe('Page 2 of 3');
    expect(verify('en', 'verify-genuine')).toBe('The conclusion is genuine');
  });

  const write = (files: Record<string, string>) => {
    scratch = mkdtempSync(path.join(tmpdir(), 'oz-fluent-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(scratch, name)), { recursive: true });
      writeFileSync(path.join(scratch, name), text);
    }
    return scratch;
  };

  it('a message one language lacks is refused when the texts are loaded, not when a page is shown', () => {
    const dir = write({ 'ru/a.ftl': 'hello = Привет\nbye = Пока\n', 'en/a.ftl': 'hello = Hello\n' });
    expect(() => loadTexts(dir)).toThrow(/en lacks bye/);
  });

  it('a file that does not parse, or a missing language folder, is refused at load', () => {
    expect(() => loadTexts(write({ 'ru/a.ftl': 'hello = Привет\n', 'en/a.ftl': 'hello = { $\n' }))).toThrow(/a\.ftl/);
    expect(() => loadTexts(write({ 'ru/a.ftl': 'hello = Привет\n' }))).toThrow();
  });

  it('an unknown key or a missing variable throws instead of printing a placeholder', () => {
    const t = loadTexts(write({ 'ru/a.ftl': 'hi = Привет, { $name }\n', 'en/a.ftl': 'hi = Hi, { $name }\n' }));
    expect(t('en', 'hi', { name: 'Anna' })).toBe('Hi, Anna');
    expect(() => t('en', 'nope')).toThrow(/no text nope/);
    expect(() => t('ru', 'hi')).toThrow(/hi \(ru\)/);
  });
});
