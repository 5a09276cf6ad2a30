import { randomBytes } from 'node:crypto';

/**
 * 32 symbols without the look-alikes 0/O and 1/I: five bits each, so twelve of them carry 60 random bits.
 * Guessing a live code by brute force through the public /verify page is out of reach at that entropy.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const GROUPS = 3;
const GROUP_LENGTH = 4;
const CODE_LENGTH = GROUPS * GROUP_LENGTH;

// A reader with a Russian layout types the Cyrillic twins of Latin capitals; they are the same key on paper.
const CYRILLIC_TWINS: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X',
};

/** A fresh verification code, `XXXX-XXXX-XXXX`. */
export function generateVerificationCode(random: (size: number) => Uint8Array = randomBytes): string {
  const bytes = random(CODE_LENGTH);
  let raw = '';
  // 256 is a multiple of 32, so taking the low five bits of a uniform byte is uniform: no modulo bias.
  for (let i = 0; i < CODE_LENGTH; i++) raw += CODE_ALPHABET[bytes[i]! & 31];
  return format(raw);
}

/**
 * The canonical `XXXX-XXXX-XXXX` form of a code as a person typed it (any case, spaces, dashes, Cyrillic
 * look-alike letters), or undefined when it cannot be a code.
 */
export function normalizeCode(input: string): string | undefined {
  if (input.length > 64) return undefined;
  let raw = '';
  for (const ch of input.toUpperCase()) {
    if (/[\s\p{Pd}_.]/u.test(ch)) continue;
    raw += CYRILLIC_TWINS[ch] ?? ch;
  }
  if (raw.length !== CODE_LENGTH) return undefined;
  for (const ch of raw) if (!CODE_ALPHABET.includes(ch)) return undefined;
  return format(raw);
}

function format(raw: string): string {
  const groups: string[] = [];
  for (let i = 0; i < CODE_LENGTH; i += GROUP_LENGTH) groups.push(raw.slice(i, i + GROUP_LENGTH));
  return groups.join('-');
}
