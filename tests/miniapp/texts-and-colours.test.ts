import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FluentResource } from '@fluent/bundle';
import { describe, expect, it } from 'vitest';
import { contrast, parseHex, readableBackground } from '../../miniapp/src/lib/contrast.js';
import { createTranslate } from '../../miniapp/src/lib/fluent.js';

describe('readable buttons on Telegram themes', () => {
  it('darkens the default light button until white text on it reaches 4.5:1, and leaves a dark enough one alone', () => {
    expect(contrast(parseHex('#50a8eb')!, parseHex('#ffffff')!)).toBeLessThan(3);
    const fixed = readableBackground('#50a8eb', '#ffffff');
    expect(contrast(parseHex(fixed)!, parseHex('#ffffff')!)).toBeGreaterThanOrEqual(4.5);
    expect(readableBackground('#1f5f99', '#ffffff')).toBe('#1f5f99');
  });

  it('lightens a button under dark text, and passes through colours it cannot read', () => {
    const fixed = readableBackground('#3a5a7a', '#000000');
    expect(contrast(parseHex(fixed)!, parseHex('#000000')!)).toBeGreaterThanOrEqual(4.5);
    expect(readableBackground('rgb(1,2,3)', '#ffffff')).toBe('rgb(1,2,3)');
  });
});

const localesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../miniapp/src/locales');
const sources = (locale: string) =>
  readdirSync(path.join(localesDir, locale))
    .filter((name) => name.endsWith('.ftl'))
    .map((name) => readFileSync(path.join(localesDir, locale, name), 'utf8'));
const texts = { ru: createTranslate('ru', sources('ru')), en: createTranslate('en', sources('en')) };

/** The codes a message names in its selector, the default `other` aside. */
function codes(locale: string, id: string): string[] {
  const message = sources(locale)
    .flatMap((text) => new FluentResource(text).body)
    .find((entry) => entry.id === id);
  const select = (message?.value as Array<{ type?: string; variants?: Array<{ key: { value: string } }> }> | null)?.find((e) => e.type === 'select');
  return (select?.variants ?? []).map((v) => v.key.value).filter((name) => name !== 'other').sort();
}

describe('the Mini App’s texts', () => {
  it('counts free times in Russian and English forms', () => {
    const ru = (n: number) => texts.ru('free-times', { count: n });
    expect([1, 2, 5, 21, 22, 11].map(ru)).toEqual([
      '1 свободное время',
      '2 свободных времени',
      '5 свободных времён',
      '21 свободное время',
      '22 свободных времени',
      '11 свободных времён',
    ]);
    expect([1, 3].map((n) => texts.en('free-times', { count: n }))).toEqual(['1 free time', '3 free times']);
  });

  it('has every status and error code in both languages', () => {
    for (const id of ['consultation-status', 'application-status', 'error-code']) {
      expect(codes('en', id)).toEqual(codes('ru', id));
    }
    expect(codes('ru', 'consultation-status')).toEqual(['cancelled', 'completed', 'no_show', 'scheduled']);
    // The waitlist's refusal of a day outside the window is said in words, not as "something went wrong".
    expect(codes('ru', 'error-code')).toContain('date_out_of_range');
    expect(texts.ru('error-code', { code: 'date_out_of_range' })).not.toBe(texts.ru('error-generic'));
    expect(texts.ru('error-code', { code: 'something_new' })).toBe(texts.ru('error-generic'));
  });
});
