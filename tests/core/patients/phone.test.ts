import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../../core/patients/phone.js';

describe('normalizePhone', () => {
  it.each([
    ['+7 912 345-67-89', '+79123456789'],
    ['8 (912) 345-67-89', '+79123456789'],
    ['79123456789', '+79123456789'],
    ['9123456789', '+79123456789'],
    ['+375 29 123-45-67', '+375291234567'],
  ])('reads %s as %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(['12345', 'телефон', '+7 000 000 00 00'])('refuses %s', (input) => {
    expect(() => normalizePhone(input)).toThrow('phone_invalid');
  });
});
