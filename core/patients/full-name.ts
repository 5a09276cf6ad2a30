import { DomainError } from '../errors.js';

// Letters of any script, with the hyphens and apostrophes of real surnames (Салтыков-Щедрин, O'Neil).
const WORD = /^[\p{L}][\p{L}\p{M}'’-]*$/u;

/** Validates and tidies a full name: at least a surname and a name, letters only, at most 150 characters. */
export function normalizeFullName(input: string): string {
  const words = input.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) throw new DomainError('name_empty');
  if (/\d/.test(input)) throw new DomainError('name_digits');
  if (!words.every((w) => WORD.test(w))) throw new DomainError('name_symbols');
  if (words.length < 2) throw new DomainError('name_too_short');
  const joined = words.join(' ');
  if (joined.length > 150) throw new DomainError('name_too_long');
  // Only fix names typed all in one case ("иванов иван", "ИВАНОВ ИВАН"); keep deliberate casing (МакКуин).
  const oneCase = joined === joined.toLowerCase() || joined === joined.toUpperCase();
  return oneCase
    ? words.map((w) => w.toLowerCase().replace(/(^|[-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase())).join(' ')
    : joined;
}
