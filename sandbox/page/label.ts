import type { Hono } from 'hono';
import { textHtml } from './texts.js';

// No style attribute: /verify's Content-Security-Policy allows only its own style, and plain text is label enough.
const LABEL = `<p role="status"><strong>${textHtml('ru', 'banner-title')}</strong> — ${textHtml('ru', 'label')} (${textHtml('en', 'label')})</p>`;

const SANDBOX_META = '<meta name="oz-sandbox-page" content="/sandbox/">';

/**
 * Labels every HTML page a browser opens by itself on the sandbox's server (a /verify page, the Mini App outside its
 * phone frame, whose own label is around the frame): the service's answer, read uncompressed, with a line after
 * <body>. Requests from the frame (Sec-Fetch-Dest: iframe), the page's own routes and everything not HTML pass as they
 * are. It wraps the app's fetch because the service's routes answer before any middleware added after them could.
 */
export function labelSandboxPages(app: Hono): void {
  const inner = app.fetch;
  app.fetch = async (request, ...rest) => {
    const path = new URL(request.url).pathname;
    const destination = request.headers.get('sec-fetch-dest') ?? 'document';
    if (request.method !== 'GET' || destination !== 'document' || path.startsWith('/sandbox')) return inner(request, ...rest);
    const headers = new Headers(request.headers);
    headers.delete('accept-encoding');
    headers.delete('if-none-match');
    const response = await inner(new Request(request, { headers }), ...rest);
    if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
    const html = await response.text();
    const out = new Headers(response.headers);
    out.delete('content-length');
    out.delete('etag');
    // The meta tells the Mini App, opened outside the frame, to send the person to the sandbox's page, not to t.me.
    const labelled = html.replace(/<head[^>]*>/i, (tag) => `${tag}${SANDBOX_META}`).replace(/<body[^>]*>/i, (tag) => `${tag}${LABEL}`);
    return new Response(labelled, { status: response.status, headers: out });
  };
}
