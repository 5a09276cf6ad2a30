import { describe, expect, it } from 'vitest';
import { printable, wrapText } from '../../../core/conclusions/text-layout.js';

// One point per character makes widths easy to reason about.
const mono = (s: string) => [...s].length;

describe('wrapText', () => {
  it("breaks at spaces and keeps the text's own line breaks and empty lines", () => {
    expect(wrapText('один два три четыре\n\nпять', 9, mono)).toEqual(['один два', 'три', 'четыре', '', 'пять']);
  });

  it('breaks a word after a hyphen before breaking it anywhere', () => {
    expect(wrapText('очень сердечно-сосудистой', 16, mono)).toEqual(['очень сердечно-', 'сосудистой']);
  });

  it('cuts a word longer than the line into pieces that fit', () => {
    expect(wrapText('абвгдежзийклмн', 5, mono)).toEqual(['абвгд', 'ежзий', 'клмн']);
  });

  it('never splits a character outside the BMP', () => {
    const lines = wrapText('𝔸𝔹ℂ𝔻𝔼𝔽', 4, mono);
    expect(lines.join('')).toBe('𝔸𝔹ℂ𝔻𝔼𝔽');
    for (const line of lines) expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});

describe('printable', () => {
  const latinAndCyrillic = (cp: number) => cp === 0x20 || cp === 0xa0 || (cp >= 0x21 && cp <= 0x7e) || (cp >= 0x400 && cp <= 0x4ff);

  it('normalizes line endings and tabs and drops invisible characters', () => {
    expect(printable('а\r\nб\rв\tг\u200bд\u00adе', latinAndCyrillic)).toBe('а\nб\nв    где');
  });

  it('spells arrows out and marks other missing glyphs with "?"', () => {
    expect(printable('АД → норма 😀', latinAndCyrillic)).toBe('АД -> норма ?');
  });

  it('turns a space the font lacks into a plain space', () => {
    expect(printable('5\u202fмг', latinAndCyrillic)).toBe('5 мг');
  });
});
