import { hashToken, validate } from '@telegram-apps/init-data-node';
import type { HttpBindings } from '@hono/node-server';
import { createMiddleware } from 'hono/factory';
import type { AccountProfiles, Profile } from '../../core/booking/repository.js';
import type { Locale } from '../../core/catalog/index.js';
import type { Clock } from '../../core/clock.js';
import { ApiError, notFound } from './errors.js';

export interface AuthVariables {
  /** The Telegram user id the init data was signed for: the patient bot's account. */
  accountId: number;
  /** The account's live profiles, oldest first; never empty. */
  profiles: Profile[];
  /** The account's language in the patient bot. */
  locale: Locale;
}

export interface InitDataAuthOptions {
  /** The patient bot's token: Telegram signs the Mini App's init data with it. */
  token: string;
  maxAgeSeconds: number;
  clock: Clock;
  /** The account and its live profiles, read on every request (never cached: a deleted profile is gone at once). */
  account(accountId: number): AccountProfiles | undefined;
  /** Verified init data strings remembered (default 10 000); 0 turns the memory off. */
  verifiedCacheSize?: number;
}

// Real init data is well under 1 KB (a photo URL makes it longer); more is not Telegram's.
const MAX_INIT_DATA_LENGTH = 8192;
// Clocks drift: init data a little "from the future" is the client's clock, not an attack (it is signed anyway).
const CLOCK_SKEW_MS = 5 * 60_000;

const unauthorized = (message: string) => new ApiError(401, 'unauthorized', message);

/**
 * `Authorization: tma <initData>`: the HMAC is checked with @telegram-apps/init-data-node (secret = HMAC_SHA256
 * ("WebAppData", bot token), computed once here), the age against our clock (auth_date + maxAgeSeconds), then the
 * user must have an account with at least one profile in the patient bot (else 403 not_registered). Nothing else
 * is read before that.
 */
export function initDataAuth(opts: InitDataAuthOptions) {
  const hashed = hashToken(opts.token);
  const secret = hashed.buffer.slice(hashed.byteOffset, hashed.byteOffset + hashed.byteLength) as ArrayBuffer;
  const maxAgeMs = opts.maxAgeSeconds * 1000;

  // A Mini App sends the same init data with every request of a session. Its signature is a fact about that exact
  // string, so a string once verified is remembered with what it says; only a string with a valid HMAC gets in, and
  // the age is still checked on every request. Oldest first out when full.
  const verified = new Map<string, { accountId: number; authDate: number }>();
  const cacheSize = opts.verifiedCacheSize ?? 10_000;

  const verify = (raw: string): { accountId: number; authDate: number } => {
    const known = verified.get(raw);
    if (known) return known;
    try {
      // expiresIn 0: the library would use Date.now(); the age is checked by the caller against the service's clock.
      validate(raw, secret, { tokenHashed: true, expiresIn: 0 });
    } catch {
      throw unauthorized('Invalid init data');
    }
    const params = new URLSearchParams(raw);
    const authDate = Number(params.get('auth_date')) * 1000;
    if (!Number.isSafeInteger(authDate) || authDate <= 0) throw unauthorized('Invalid init data');
    const accountId = userIdOf(params.get('user'));
    if (accountId === undefined) throw unauthorized('Init data has no user');
    const facts = { accountId, authDate };
    if (cacheSize > 0) {
      if (verified.size >= cacheSize) verified.delete(verified.keys().next().value!);
      verified.set(raw, facts);
    }
    return facts;
  };

  return createMiddleware<{ Variables: AuthVariables }>(async (c, next) => {
    // Under @hono/node-server the header is read off the Node request itself: c.req.header() would first build a
    // whole Headers object for every request. Elsewhere (app.request in tests) the standard way.
    const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
    const header = incoming ? incoming.headers.authorization : c.req.header('authorization');
    const match = header ? /^tma\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) throw unauthorized('Authorization: tma <initData> required');
    const raw = match[1];
    if (raw.length > MAX_INIT_DATA_LENGTH) throw unauthorized('Init data too long');
    const { accountId, authDate } = verify(raw);
    const now = opts.clock.now();
    if (authDate > now + CLOCK_SKEW_MS) throw unauthorized('Invalid init data');
    if (now - authDate > maxAgeMs) throw unauthorized('Init data expired');
    const account = opts.account(accountId);
    if (!account) throw new ApiError(403, 'not_registered', 'Register in the patient bot first');
    c.set('accountId', accountId);
    c.set('profiles', account.profiles);
    c.set('locale', account.locale === 'en' ? 'en' : 'ru');
    await next();
  });
}

function userIdOf(json: string | null): number | undefined {
  if (!json) return undefined;
  try {
    const id = (JSON.parse(json) as { id?: unknown }).id;
    return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}

/** The default profile: the account holder's own, else the oldest. */
export function defaultProfile(profiles: Profile[]): Profile {
  return profiles.find((p) => p.relation === 'self') ?? profiles[0]!;
}

/** The profile a request acts for: the one named (404 unless it is the caller's), else the default. */
export function profileFor(profiles: Profile[], patientId: number | undefined): Profile {
  if (patientId === undefined) return defaultProfile(profiles);
  const found = profiles.find((p) => p.id === patientId);
  if (!found) throw notFound('Patient not found');
  return found;
}
