import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createMiniAppStatic } from '../../api/miniapp-static.js';

const dir = mkdtempSync(path.join(tmpdir(), 'oz-miniapp-dist-'));
mkdirSync(path.join(dir, 'assets'));
writeFileSync(path.join(dir, 'index.html'), '<!doctype html><head><meta name="oz-bot-username" content="" /></head><body><div id="root"></div></body>');
const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;
writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), script);
writeFileSync(path.join(dir, 'secret.txt'), 'not under /app');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const app = createMiniAppStatic({ distDir: dir, botUsername: 'oblako_test_bot' });

describe('the Mini App under /app/', () => {
  it('serves the page with the bot username filled in, revalidated on every open', async () => {
    const res = await app.request('/app/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('<meta name="oz-bot-username" content="oblako_test_bot" />');
  });

  it('answers 304 to a client that has the current page', async () => {
    const first = await app.request('/app/');
    const etag = first.headers.get('etag')!;
    const again = await app.request('/app/', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('sends hashed assets compressed and cached for a year', async () => {
    const br = await app.request('/app/assets/index-abc123.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toContain('immutable');
    expect(br.headers.get('content-type')).toContain('text/javascript');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(script);

    const gz = await app.request('/app/assets/index-abc123.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(script);

    const plain = await app.request('/app/assets/index-abc123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it('redirects /app to /app/ and answers 404 for what is not there, or outside the folder', async () => {
    const redirect = await app.request('/app');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/app/');
    expect((await app.request('/app/assets/missing.js')).status).toBe(404);
    expect((await app.request('/app/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect((await app.request('/app/assets/..%2f..%2fsecret.txt')).status).toBe(404);
  });

  it('says the app is not built when the folder is empty', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'oz-miniapp-empty-'));
    const res = await createMiniAppStatic({ distDir: empty }).request('/app/');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
    rmSync(empty, { recursive: true, force: true });
  });
});
