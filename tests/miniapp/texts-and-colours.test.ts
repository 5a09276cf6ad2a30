import { describe, expect, it } from 'vitest';
import { contrast, parseHex, readableBackground } from '../../miniapp/src/lib/contrast.js';
import { messages, plural } from '../../miniapp/src/lib/messages.js';

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

describe('the Mini App’s texts', () => {
  it('counts free times in Russian and English forms', () => {
    const ru = (n: number) => plural('ru', messages.ru.freeTimes, n);
    expect([1, 2, 5, 21, 22, 11].map(ru)).toEqual([
      '1 свободное время',
      '2 свободных времени',
      '5 свободных времён',
      '21 свободное время',
      '22 свободных времени',
      '11 свободных времён',
    ]);
    expect([1, 3].map((n) => plural('en', messages.en.freeTimes, n))).toEqual(['1 free time', '3 free times']);
  });

  it('has every status and error code in both languages', () => {
    for (const key of ['status', 'applicationStatus', 'errorCodes'] as const) {
      expect(Object.keys(messages.en[key]).sort()).toEqual(Object.keys(messages.ru[key]).sort());
    }
    expect(Object.keys(messages.ru.status).sort()).toEqual(['cancelled', 'completed', 'no_show', 'scheduled']);
    // The waitlist's refusal of a day outside the window is said in words, not as "something went wrong".
    expect(messages.ru.errorCodes).toHaveProperty('date_out_of_range');
  });
});
