import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTranslate } from '../../miniapp/src/lib/fluent.js';

// The Mini App's `whenAt` (lib/i18n.tsx, React-bound) passes the ISO weekday and "9 декабря" to this message.
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../miniapp/src/locales');
const load = (locale: string) =>
  createTranslate(
    locale,
    readdirSync(path.join(dir, locale))
      .filter((n) => n.endsWith('.ftl'))
      .map((n) => readFileSync(path.join(dir, locale, n), 'utf8')),
  );

describe('a moment inside a sentence: the weekday in the accusative, with its preposition', () => {
  const ru = load('ru');
  it.each([
    [1, '7 декабря', 'в понедельник, 7 декабря, в 14:00'],
    [2, '8 декабря', 'во вторник, 8 декабря, в 14:00'],
    [3, '9 декабря', 'в среду, 9 декабря, в 14:00'],
    [4, '10 декабря', 'в четверг, 10 декабря, в 14:00'],
    [5, '11 декабря', 'в пятницу, 11 декабря, в 14:00'],
    [6, '12 декабря', 'в субботу, 12 декабря, в 14:00'],
    [7, '13 декабря', 'в воскресенье, 13 декабря, в 14:00'],
  ])('weekday %i', (weekday, date, text) => expect(ru('when-day-at', { weekday, date, time: '14:00' })).toBe(text));

  it('the join hint reads as a sentence', () => {
    const when = ru('when-day-at', { weekday: 1, date: '7 декабря', time: '13:50' });
    expect(ru('join-opens-at', { when })).toBe('Войти можно будет в понедельник, 7 декабря, в 13:50, за 10 минут до начала.');
  });

  it('English says "on"', () => {
    expect(load('en')('when-day-at', { weekday: 1, date: '7 December', time: '14:00' })).toBe('on Monday, 7 December, at 14:00');
  });
});
