import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, generateVerificationCode, normalizeCode } from '../../../core/conclusions/code.js';

describe('verification code', () => {
  it('is three groups of four from an alphabet without 0/O and 1/I', () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(CODE_ALPHABET).not.toMatch(/[01OI]/);
    for (let i = 0; i < 200; i++) {
      const code = generateVerificationCode();
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    }
  });

  it('maps bytes to symbols evenly: no modulo bias', () => {
    // Bytes handed out 0, 1, …, 255, 0, … : 64 codes take 768 bytes, three of each value.
    let next = 0;
    const sequential = (size: number) => Uint8Array.from({ length: size }, () => next++ % 256);
    const counts = new Map<string, number>();
    for (let i = 0; i < 64; i++) {
      for (const ch of generateVerificationCode(sequential).replace(/-/g, '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(counts.size).toBe(32);
    expect(new Set(counts.values())).toEqual(new Set([24]));
  });

  it('does not repeat across many draws', () => {
    const seen = new Set(Array.from({ length: 10_000 }, () => generateVerificationCode()));
    expect(seen.size).toBe(10_000);
  });

  it('reads a code back however a person typed it', () => {
    expect(normalizeCode('K7QW-3MXP-9HTD')).toBe('K7QW-3MXP-9HTD');
    expect(normalizeCode('k7qw 3mxp 9htd')).toBe('K7QW-3MXP-9HTD');
    expect(normalizeCode('  k7qw3mxp9htd ')).toBe('K7QW-3MXP-9HTD');
    expect(normalizeCode('K7QW–3MXP—9HTD')).toBe('K7QW-3MXP-9HTD');
    // Cyrillic twins typed on a Russian layout: К, М, Х, Р, Т, Н.
    expect(normalizeCode('К7QW-3МXР-9НТD')).toBe('K7QW-3MXP-9HTD');
  });

  it('refuses what cannot be a code', () => {
    for (const bad of ['', 'K7QW-3MXP', 'K7QW-3MXP-9HTD-2', 'O7QW-3MXP-9HTD', 'I7QW-3MXP-9HTD', '07QW-3MXP-9HTD', 'K7QW/3MXP/9HTD', '<script>', 'K'.repeat(100)]) {
      expect(normalizeCode(bad), bad).toBeUndefined();
    }
  });
});
