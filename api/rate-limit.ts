import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../core/clock.js';

export interface FixedWindowOptions {
  clock: Clock;
  /** Requests a key may make in one window. */
  limit: number;
  windowMs: number;
  /** Keys counted at most in one window (default 100 000): a flood of new addresses cannot grow memory without end. */
  maxKeys?: number;
}

/** undefined: allowed; a number: refused, and the whole seconds until the window ends (Retry-After). */
export type Hit = (key: string) => number | undefined;

/**
 * A fixed-window counter on the service's clock (hono-rate-limiter cannot take an injected clock). Windows are aligned
 * to the clock, so every key rolls at once and the whole map of the last window is dropped: only the current
 * window's keys are ever held.
 */
export function fixedWindow({ clock, limit, windowMs, maxKeys = 100_000 }: FixedWindowOptions): Hit {
  let windowStart = Number.NEGATIVE_INFINITY;
  let counts = new Map<string, number>();
  return (key) => {
    const now = clock.now();
    if (now >= windowStart + windowMs || now < windowStart) {
      // Also when the clock went back (the sandbox's movable clock): a window never outlives its own time.
      windowStart = now - (now % windowMs);
      counts = new Map();
    }
    const count = (counts.get(key) ?? 0) + 1;
    if (!counts.has(key) && counts.size >= maxKeys) counts.delete(counts.keys().next().value!);
    counts.set(key, count);
    if (count <= limit) return undefined;
    return Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
  };
}

/**
 * The client's address: the socket's peer; with trustProxy (a reverse proxy on this host in front of the service),
 * the right-most X-Forwarded-For entry, the one the proxy itself appended; the entries left of it are the client's
 * own say and could be anything.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((h) => h.trim()).filter(Boolean);
    const last = hops.at(-1);
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Not served by @hono/node-server (no socket to ask): every such request shares one key.
    return 'unknown';
  }
}

/**
 * Counts each request under key(c) (undefined: not counted) and answers refused ones with onLimited, after setting
 * Retry-After.
 */
export function rateLimit(
  hit: Hit,
  key: (c: Context) => string | undefined,
  onLimited: (c: Context, retryAfterSeconds: number) => Response | Promise<Response>,
): MiddlewareHandler {
  return async (c, next) => {
    const k = key(c);
    const retryAfter = k === undefined ? undefined : hit(k);
    if (retryAfter === undefined) return next();
    c.header('Retry-After', String(retryAfter));
    return onLimited(c, retryAfter);
  };
}

/** The API's usual error body for a refused request. */
export const tooManyJson = (c: Context, _retryAfterSeconds: number) =>
  c.json({ error: { code: 'rate_limited', message: 'Too many requests' } }, 429);

export const PER_MINUTE = 60_000;
/** Per client address: the public code check (people type codes; a scraper guesses them). */
export const VERIFY_PER_MINUTE = 30;
/** Per client address, before init data is checked (every /api request, the room page's included). */
export const API_PER_ADDRESS_PER_MINUTE = 600;
/** Per Telegram user once init data is checked. */
export const API_PER_USER_PER_MINUTE = 300;
