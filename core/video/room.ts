import { randomBytes } from 'node:crypto';

/** Every room we create starts with this, so our rooms are told apart from anything else on the server. */
export const ROOM_PREFIX = 'oz-';

/** 160 random bits: 32 base32 characters exactly, no padding and no half-used last character. */
const RANDOM_BYTES = 20;

// RFC 4648 base32, lower-cased: Jitsi lower-cases room names anyway, and token_verification compares
// the token's `room` claim with the lower-cased room, so only lower case is safe.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * The room names a token may be minted for: ours, 'oz-' and 26 to 64 lower-case letters or digits, enough
 * for 128 bits in base32 or hex (rooms made before newRoomName was wired in are 'oz-' + 32 hex). It keeps
 * '*' (every room) and hand-made names out of tokens; the entropy itself comes from newRoomName.
 */
export const ROOM_NAME_PATTERN = /^oz-[a-z0-9]{26,64}$/;

/**
 * A new unguessable room name: 'oz-' and 160 bits from the CSPRNG in lower-case base32, which is a valid
 * Jitsi room name (lower-case letters, digits, hyphen) and reveals nothing about the consultation.
 */
export function newRoomName(random: (size: number) => Uint8Array = randomBytes): string {
  const bytes = random(RANDOM_BYTES);
  if (bytes.length !== RANDOM_BYTES) throw new RangeError(`expected ${RANDOM_BYTES} random bytes, got ${bytes.length}`);
  return ROOM_PREFIX + base32(bytes);
}

function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >>> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}
