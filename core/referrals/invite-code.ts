import { randomBytes } from 'node:crypto';

/** The deep-link payload of a referral invite is `ref_<code>`: `t.me/<patient bot>?start=ref_<code>`. */
export const REFERRAL_PAYLOAD_PREFIX = 'ref_';

// 9 random bytes are 72 bits, exactly 12 base64url characters (no padding): out of reach of guessing, and short
// enough that the SMS with the link stays one segment.
const CODE_BYTES = 9;
export const INVITE_CODE_LENGTH = 12;
const CODE_PATTERN = /^[A-Za-z0-9_-]{12}$/;

/** A fresh, unguessable invite code: 12 characters of A-Za-z0-9_- (Telegram's alphabet for /start payloads). */
export function generateInviteCode(random: (size: number) => Uint8Array = randomBytes): string {
  return Buffer.from(random(CODE_BYTES)).toString('base64url');
}

/** The /start payload for a referral's invite code (16 characters, well under Telegram's 64). */
export function referralPayload(code: string): string {
  return `${REFERRAL_PAYLOAD_PREFIX}${code}`;
}

/** The invite code in a /start payload, or undefined when the payload is not a well-formed referral invite. */
export function parseReferralPayload(payload: string | undefined | null): string | undefined {
  if (!payload?.startsWith(REFERRAL_PAYLOAD_PREFIX)) return undefined;
  const code = payload.slice(REFERRAL_PAYLOAD_PREFIX.length);
  return CODE_PATTERN.test(code) ? code : undefined;
}
