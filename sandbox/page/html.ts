import type { User } from 'grammy/types';
import { clientTexts, textHtml, type ClientTexts } from './texts.js';

/** What the page's script needs to know, written into the page as JSON. */
export interface PageConfig {
  publicUrl: string;
  jitsiDomain: string;
  bots: { patient: string; staff: string };
  people: Record<string, User>;
  texts: ClientTexts;
}

// JSON inside <script>: "<" escaped so no value can close the element.
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const BANNER = `<div class="sandbox-banner" role="status">
  <strong>${textHtml('ru', 'banner-title')}</strong>
  <span>${textHtml('ru', 'banner')}</span>
  <span class="en">${textHtml('en', 'banner')}</span>
</div>`;

export function renderPage(given: Omit<PageConfig, 'texts'>): string {
  const config: PageConfig = { ...given, texts: clientTexts() };
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${textHtml('ru', 'page-title')}</title>
<link rel="stylesheet" href="/sandbox/assets/page.css">
</head>
<body>
${BANNER}
<main class="stage">
  <section class="pane" id="pane-patient" aria-label="${textHtml('ru', 'pane-patient')}"></section>
  <section class="pane phone" id="pane-miniapp" aria-label="${textHtml('ru', 'pane-miniapp')}"></section>
  <section class="pane" id="pane-staff" aria-label="${textHtml('ru', 'pane-staff')}"></section>
</main>
<section class="tools" id="pane-tools" aria-label="${textHtml('ru', 'pane-tools')}"></section>
<footer class="sandbox-footer">
  ${textHtml('ru', 'footer', { url: `${config.publicUrl}/…`, jitsi: config.jitsiDomain })}
  <span class="en">${textHtml('en', 'footer')}</span>
</footer>
<script id="sandbox-config" type="application/json">${scriptJson(config)}</script>
<script type="module" src="/sandbox/assets/main.js"></script>
</body>
</html>`;
}

export function renderRoomPage(room: string, jitsiDomain: string): string {
  const safe = /^[a-z0-9-]{1,80}$/.test(room) ? room : 'invalid';
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${textHtml('ru', 'room-title')}</title>
<link rel="stylesheet" href="/sandbox/assets/page.css">
</head>
<body>
${BANNER}
<main class="room">
  <h1>${textHtml('ru', 'room-heading')}</h1>
  <p>${textHtml('ru', 'room-real', { link: `https://${jitsiDomain}/${safe}?jwt=…` })}</p>
  <p>${textHtml('ru', 'room-name', { room: safe })}</p>
  <p class="en">${textHtml('en', 'room-real')}</p>
  <p><a href="/sandbox/">← ${textHtml('ru', 'room-back')} / ${textHtml('en', 'room-back')}</a></p>
</main>
</body>
</html>`;
}
