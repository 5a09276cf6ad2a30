import { describe, expect, it } from 'vitest';
import { ROOM_NAME_PATTERN, newRoomName } from '../../../core/video/room.js';

describe('newRoomName', () => {
  it('10 000 names: all distinct, valid Jitsi room names, 160 random bits each', () => {
    const names = Array.from({ length: 10_000 }, () => newRoomName());
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^[a-z0-9-]+$/);
      expect(name).toMatch(/^oz-[a-z2-7]{32}$/);
      expect(name).toMatch(ROOM_NAME_PATTERN);
    }
    // 32 base32 characters carry 5 bits each; every one of the 32 symbols turns up about equally often
    // at every position (a broken encoder or a short random source skews or fixes some positions).
    const counts = Array.from({ length: 32 }, () => new Map<string, number>());
    for (const name of names) [...name.slice(3)].forEach((ch, i) => counts[i]!.set(ch, (counts[i]!.get(ch) ?? 0) + 1));
    for (const position of counts) {
      expect(position.size).toBe(32);
      // expected 312.5 per symbol; ±40% is far outside chance for 10 000 draws, so this never flakes
      for (const n of position.values()) {
        expect(n).toBeGreaterThan(187);
        expect(n).toBeLessThan(438);
      }
    }
  });

  it('encodes the random bytes as RFC 4648 base32, lower case', () => {
    // RFC 4648 §10: BASE32("foobar") = "MZXW6YTBOI======"; 20 bytes fill exactly 32 characters.
    const bytes = Buffer.concat([Buffer.from('foobar'), Buffer.alloc(14)]);
    expect(newRoomName(() => bytes)).toBe(`oz-mzxw6ytboi${'a'.repeat(22)}`);
    expect(newRoomName(() => Buffer.alloc(20, 0xff))).toBe(`oz-${'7'.repeat(32)}`);
  });

  it('refuses a random source that returns the wrong number of bytes', () => {
    expect(() => newRoomName(() => Buffer.alloc(16))).toThrow(RangeError);
  });
});
