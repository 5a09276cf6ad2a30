import { describe, expect, it } from 'vitest';
import { ageOn, parseBirthDate, todayIn } from '../../../core/patients/birth-date.js';
import { codeOf } from '../../support/domain-error.js';

const today = '2026-11-25';

describe('parseBirthDate', () => {
  it.each([
    ['05.03.1961', '1961-03-05'],
    ['5.3.1961', '1961-03-05'],
    ['1961-03-05', '1961-03-05'],
    [' 05/03/1961 ', '1961-03-05'],
    ['05-03-1961', '1961-03-05'],
    ['29.02.2000', '2000-02-29'],
    ['25.11.2026', '2026-11-25'],
  ])('accepts %s as %s', (input, expected) => {
    expect(parseBirthDate(input, today)).toBe(expected);
  });

  it.each([
    ['31.02.2000', 'birth_date_impossible'],
    ['29.02.2001', 'birth_date_impossible'],
    ['00.01.1990', 'birth_date_impossible'],
    ['12.13.1990', 'birth_date_impossible'],
    ['26.11.2026', 'birth_date_future'],
    ['01.01.2090', 'birth_date_future'],
    ['05.03.61', 'birth_date_short_year'],
    ['01.01.1850', 'birth_date_too_old'],
    ['пятое марта', 'birth_date_format'],
    ['', 'birth_date_format'],
    ['1961', 'birth_date_format'],
  ])('refuses %s with %s', (input, code) => {
    expect(codeOf(() => parseBirthDate(input, today))).toBe(code);
  });
});

describe('todayIn and ageOn', () => {
  it('gives the calendar date of the zone, not of UTC', () => {
    const lateEveningUtc = Date.UTC(2026, 10, 25, 20, 0); // 06:00 next day in Vladivostok
    expect(todayIn('Asia/Vladivostok', lateEveningUtc)).toBe('2026-11-26');
    expect(todayIn('Europe/Kaliningrad', lateEveningUtc)).toBe('2026-11-25');
  });

  it('counts full years, turning a year older on the birthday itself', () => {
    expect(ageOn('1961-03-05', '2026-03-04')).toBe(64);
    expect(ageOn('1961-03-05', '2026-03-05')).toBe(65);
  });
});
