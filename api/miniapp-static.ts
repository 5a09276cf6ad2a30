import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { Hono, type Context } from 'hono';

export interface MiniAppStaticOptions {
  /** The built Mini App (default miniapp/dist beside this folder). */
  distDir?: string;
  /** The patient bot's @username, written into the page so "open the bot" can link to it. */
  botUsername?: string;
}

const DEFAULT_DIST = fileURLToPath(new URL('../miniapp/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.webmanifest']);

interface Entry {
  mtimeMs: number;
  body: Buffer;
  etag: string;
  gzip?: Buffer;
  br?: Buffer;
}

/**
 * Serves the built Mini App under /app/. Patients open it on weak mobile connections, so files are compressed once
 * (brotli or gzip, whichever the client takes) and kept in memory; hashed assets are cached for a year, the page
 * itself is revalidated (ETag) so a new release reaches everyone at the next open.
 */
export function createMiniAppStatic(opts: MiniAppStaticOptions = {}) {
  const dist = path.resolve(opts.distDir ?? DEFAULT_DIST);
  const cache = new Map<string, Entry>();

  const load = (rel: string): Entry | undefined => {
    const file = path.resolve(dist, rel);
    if (!file.startsWith(dist + path.sep)) return undefined;
    let mtimeMs: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) return undefined;
      mtimeMs = st.mtimeMs;
    } catch {
      return undefined;
    }
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === mtimeMs) return hit;
    let body = readFileSync(file);
    if (rel === 'index.html' && opts.botUsername) {
      body = Buffer.from(body.toString('utf8').replace('<meta name="oz-bot-username" content="" />', `<meta name="oz-bot-username" content="${opts.botUsername.replace(/[^\w]/g, '')}" />`));
    }
    const entry: Entry = { mtimeMs, body, etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"` };
    cache.set(file, entry);
    return entry;
  };

  const send = (c: Context, rel: string, immutable: boolean, noStore = false) => {
    const entry = load(rel);
    if (!entry) {
      if (rel === 'index.html') return c.text('The Mini App is not built yet: run `npm run build`.', 503);
      return c.json({ error: { code: 'not_found', message: 'Not found' } }, 404);
    }
    const ext = path.extname(rel);
    c.header('Content-Type', TYPES[ext] ?? 'application/octet-stream');
    c.header('Cache-Control', noStore ? 'no-store' : immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    c.header('ETag', entry.etag);
    c.header('X-Content-Type-Options', 'nosniff');
    if (c.req.header('If-None-Match') === entry.etag) return c.body(null, 304);
    if (!COMPRESSIBLE.has(ext) || entry.body.length < 1024) return c.body(new Uint8Array(entry.body));
    c.header('Vary', 'Accept-Encoding');
    const accepts = c.req.header('Accept-Encoding') ?? '';
    if (/\bbr\b/.test(accepts)) {
      entry.br ??= brotliCompressSync(entry.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: entry.body.length } });
      c.header('Content-Encoding', 'br');
      return c.body(new Uint8Array(entry.br));
    }
    if (/\bgzip\b/.test(accepts)) {
      entry.gzip ??= gzipSync(entry.body, { level: 9 });
      c.header('Content-Encoding', 'gzip');
      return c.body(new Uint8Array(entry.gzip));
    }
    return c.body(new Uint8Array(entry.body));
  };

  const app = new Hono();
  app.get('/app', (c) => c.redirect('/app/', 301));
  app.get('/app/', (c) => send(c, 'index.html', false));
  app.get('/app/index.html', (c) => send(c, 'index.html', false));
  // Vite names every asset by its content hash, so an asset URL never changes meaning.
  app.get('/app/assets/:file{.+}', (c) => send(c, `assets/${c.req.param('file')}`, true));
  app.get('/app/:file{.+}', (c) => send(c, c.req.param('file'), false));
  // The consultation room page (miniapp/room.html): the address carries a one-time ticket, so no referrer leaks it and
  // no cache keeps the page under it.
  app.get('/room/:id{[1-9][0-9]{0,14}}', (c) => {
    c.header('Referrer-Policy', 'no-referrer');
    return send(c, 'room.html', false, true);
  });
  return app;
}
