import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import type { Catalog } from '../core/catalog/index.js';
import { normalizeCode } from '../core/conclusions/code.js';
import { formatDateTime } from '../core/conclusions/format.js';
import type { ConclusionService, VerifiedConclusion } from '../core/conclusions/service.js';
import { loadTexts } from '../core/fluent.js';
import { LOCALES, type Locale } from '../core/locales.js';
import { rateLimit, tooManyJson, type Hit } from './rate-limit.js';

export interface VerifyRoutesDeps {
  conclusions: Pick<ConclusionService, 'verify'>;
  catalog: Pick<Catalog, 'outcomes'>;
  /** The per-client limit on every /verify request (api/rate-limit.ts); absent: none. */
  limit?: { hit: Hit; key: (c: Context) => string };
}

// Dates on the public page are in Moscow time, labelled: the visitor's zone is unknown.
const PAGE_ZONE = 'Europe/Moscow';

const STYLE = `body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f6f8;color:#1c1c1e}
main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem}
section{background:#fff;border-radius:12px;padding:1rem 1.25rem;margin-bottom:1rem;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:1.25rem;margin:0 0 .75rem}.ok{color:#1b7f3b}.bad{color:#b3261e}
dl{display:grid;grid-template-columns:minmax(8rem,auto) 1fr;gap:.25rem 1rem;margin:0}dt{color:#6b6b70}dd{margin:0;overflow-wrap:anywhere}
@media (max-width:30rem){dl{grid-template-columns:1fr;gap:0}dd{margin-bottom:.5rem}}
p{margin:.75rem 0 0;color:#444}code{font-size:1.05em;letter-spacing:.04em}
form{display:flex;gap:.5rem;flex-wrap:wrap}input{font:inherit;padding:.4rem .6rem;flex:1 1 12rem}button{font:inherit;padding:.4rem 1rem}`;

// Inline style allowed by its hash: the page loads nothing and runs no script.
const CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const texts = loadTexts(fileURLToPath(new URL('./locales', import.meta.url)));
const t = (locale: Locale, key: string) => texts(locale, `verify-${key}`);
/** The page's own words in every language, joined: a visitor's language is unknown. */
const everyLanguage = (key: string, glue: string) => LOCALES.map((locale) => t(locale, key)).join(glue);

/** The public check of a conclusion's verification code: GET /verify, /verify/<code> (HTML), /verify/<code>.json. */
export function createVerifyRoutes(deps: VerifyRoutesDeps) {
  const app = new Hono();

  if (deps.limit) {
    const limited = rateLimit(deps.limit.hit, deps.limit.key, (c, retryAfter) =>
      c.req.path.endsWith('.json') ? tooManyJson(c, retryAfter) : html(c, 429, tooManyPage()),
    );
    // '/verify/*' matches /verify itself too: one count per request.
    app.use('/verify/*', limited);
  }

  const outcomeOf = (code: string) => {
    const found = deps.catalog.outcomes.find((o) => o.code === code);
    const names = Object.fromEntries(LOCALES.map((locale) => [locale, found?.[locale] ?? code])) as Record<Locale, string>;
    return { code, ...names };
  };

  app.get('/verify', (c) => {
    const typed = c.req.query('code');
    if (typed === undefined) return html(c, 200, page(form()));
    const code = normalizeCode(typed);
    return code ? c.redirect(`/verify/${code}`, 303) : html(c, 404, notFoundPage(typed));
  });

  app.get('/verify/:file{[^/]+\\.json}', (c) => {
    const typed = c.req.param('file').slice(0, -'.json'.length);
    const found = deps.conclusions.verify(typed);
    c.header('Cache-Control', 'no-store');
    c.header('X-Robots-Tag', 'noindex, nofollow');
    if (!found) return c.json({ genuine: false, error: { code: 'conclusion_not_found', message: 'No conclusion has this code' } }, 404);
    return c.json({
      genuine: true,
      conclusion: {
        code: found.verificationCode,
        issuedAt: new Date(found.issuedAt).toISOString(),
        consultationAt: new Date(found.consultationAt).toISOString(),
        center: found.centerName,
        doctorName: found.doctorName,
        patientInitials: found.patientInitials,
        outcome: outcomeOf(found.outcome),
      },
    });
  });

  app.get('/verify/:code', (c) => {
    const typed = c.req.param('code');
    const found = deps.conclusions.verify(typed);
    return found ? html(c, 200, genuinePage(found, outcomeOf(found.outcome))) : html(c, 404, notFoundPage(typed));
  });

  return app;
}

function html(c: Context, status: 200 | 404 | 429, body: string) {
  c.header('Content-Security-Policy', CSP);
  c.header('X-Robots-Tag', 'noindex, nofollow');
  // The code sits in the URL: it must not leak to another site through the Referer header.
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Cache-Control', 'no-store');
  return c.html(body, status);
}

function genuinePage(v: VerifiedConclusion, outcome: Record<Locale, string>): string {
  const section = (lang: Locale) => {
    const rows: [string, string][] = [
      [t(lang, 'code'), v.verificationCode],
      [t(lang, 'center'), v.centerName[lang]],
      [t(lang, 'doctor'), v.doctorName],
      [t(lang, 'issued'), formatDateTime(v.issuedAt, PAGE_ZONE, lang)],
      [t(lang, 'consultation'), formatDateTime(v.consultationAt, PAGE_ZONE, lang)],
      [t(lang, 'patient'), v.patientInitials],
      [t(lang, 'outcome'), outcome[lang]],
    ];
    return `<section lang="${lang}"><h1 class="ok">✓ ${esc(t(lang, 'genuine'))}</h1><dl>${rows
      .map(([k, val]) => `<dt>${esc(k)}</dt><dd>${esc(val)}</dd>`)
      .join('')}</dl><p>${esc(t(lang, 'compare'))}</p></section>`;
  };
  return page(LOCALES.map(section).join(''));
}

function notFoundPage(typed: string): string {
  const shown = typed.length > 40 ? `${typed.slice(0, 40)}…` : typed;
  const section = (lang: Locale) =>
    `<section lang="${lang}"><h1 class="bad">✗ ${esc(t(lang, 'not-found'))}</h1><dl><dt>${esc(t(lang, 'code'))}</dt><dd><code>${esc(shown)}</code></dd></dl><p>${esc(t(lang, 'not-found-hint'))}</p></section>`;
  return page(LOCALES.map(section).join('') + form());
}

function tooManyPage(): string {
  const section = (lang: Locale) => `<section lang="${lang}"><h1 class="bad">${esc(t(lang, 'too-many'))}</h1><p>${esc(t(lang, 'too-many-hint'))}</p></section>`;
  return page(LOCALES.map(section).join(''));
}

function form(): string {
  const label = everyLanguage('enter', ' / ');
  return `<section><form method="get" action="/verify"><input name="code" aria-label="${esc(label)}" placeholder="XXXX-XXXX-XXXX" autocomplete="off" autocapitalize="characters" spellcheck="false" required maxlength="40"><button type="submit">${esc(everyLanguage('check', ' / '))}</button></form></section>`;
}

function page(body: string): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex,nofollow"><meta name="referrer" content="no-referrer"><title>${esc(everyLanguage('title', ' · '))}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}
