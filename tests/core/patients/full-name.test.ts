import { describe, expect, it } from 'vitest';
import { normalizeFullName } from '../../../core/patients/full-name.js';
import { codeOf } from '../../support/domain-error.js';

describe('normalizeFullName', () => {
  it('keeps a well-typed name and folds extra spaces', () => {
    expect(normalizeFullName('  Иванова   Мария  Петровна ')).toBe('Иванова Мария Петровна');
  });

  it('capitalises a name typed in one case, hyphenated parts included', () => {
    expect(normalizeFullName('салтыкова-щедрина анна')).toBe('Салтыкова-Щедрина Анна');
    expect(normalizeFullName('ИВАНОВ ИВАН ИВАНОВИЧ')).toBe('Иванов Иван Иванович');
  });

  it('keeps deliberate mixed case and Latin names', () => {
    expect(normalizeFullName("Mary O'Neil")).toBe("Mary O'Neil");
  });

  it.each([
    ['Иван0в Иван', 'name_digits'],
    ['Иванов', 'name_too_short'],
    ['Иванов Иван!', 'name_symbols'],
    ['   ', 'name_empty'],
    [`${'Оченьдлиннаяфамилия '.repeat(8)}Иван`, 'name_too_long'],
  ])('refuses %s with %s', (input, code) => {
    expect(codeOf(() => normalizeFullName(input))).toBe(code);
  });
});
