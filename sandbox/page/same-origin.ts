import type { MiddlewareHandler } from 'hono';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The page's API acts as the patient and the doctors without a login, so only the page itself may call it: another
 * site open in the same browser must not (Origin, Sec-Fetch-Site), nor a page that rebinds its own DNS name to this
 * machine (Host). `host` is the address the sandbox listens on: a wildcard (0.0.0.0, ::) is a person's choice to
 * expose it, and then any Host name is accepted, the origin checks still apply.
 */
export function sameOriginOnly(host: string): MiddlewareHandler {
  const anyHost = host === '0.0.0.0' || host === '::';
  const allowed = new Set([...LOOPBACK, host.includes(':') ? `[${host}]` : host]);
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (!anyHost && !allowed.has(url.hostname) && !url.hostname.endsWith('.localhost')) {
      return c.json({ error: 'this address is not the sandbox page' }, 403);
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== 'null' && URL.canParse(origin) && new URL(origin).host !== url.host) {
      return c.json({ error: 'only the sandbox page may call its API' }, 403);
    }
    if (origin === 'null') return c.json({ error: 'only the sandbox page may call its API' }, 403);
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      return c.json({ error: 'only the sandbox page may call its API' }, 403);
    }
    return next();
  };
}
