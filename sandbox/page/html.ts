import type { User } from 'grammy/types';

/** What the page's script needs to know, written into the page as JSON. */
export interface PageConfig {
  publicUrl: string;
  jitsiDomain: string;
  bots: { patient: string; staff: string };
  people: Record<string, User>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
// JSON inside <script>: "<" escaped so no value can close the element.
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const BANNER = `<div class="sandbox-banner" role="status">
  <strong>ПЕСОЧНИЦА · SANDBOX</strong>
  <span>Это не Telegram: локальный эмулятор Bot API и демо-данные. Настоящим пациентам не подходит.</span>
  <span class="en">Not Telegram: a local Bot API emulator with demo data. Not for real patients.</span>
</div>`;

export function renderPage(config: PageConfig): string {
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Песочница · Облако здоровья (SANDBOX)</title>
<link rel="stylesheet" href="/sandbox/assets/page.css">
</head>
<body>
${BANNER}
<main class="stage">
  <section class="pane" id="pane-patient" aria-label="Чат пациента с ботом пациента"></section>
  <section class="pane phone" id="pane-miniapp" aria-label="Mini App"></section>
  <section class="pane" id="pane-staff" aria-label="Чат врача с ботом врачей"></section>
</main>
<footer class="sandbox-footer">
  Ссылки вида <code>${escapeHtml(config.publicUrl)}/…</code> ведут сюда же; видеозвонки (<code>${escapeHtml(config.jitsiDomain)}</code>) — на страницу-заглушку.
  <span class="en">Links to the service's public address open here; video calls open a stand-in page.</span>
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
<title>Видеокомната (SANDBOX)</title>
<link rel="stylesheet" href="/sandbox/assets/page.css">
</head>
<body>
${BANNER}
<main class="room">
  <h1>Здесь открылась бы видеоконсультация</h1>
  <p>В работающем сервисе ссылка ведёт на Jitsi: <code>https://${escapeHtml(jitsiDomain)}/${escapeHtml(safe)}?jwt=…</code>, с личным токеном участника.</p>
  <p>Комната: <code>${escapeHtml(safe)}</code></p>
  <p class="en">In the real service this link opens the Jitsi room above with the participant's own token. The sandbox has no Jitsi server.</p>
  <p><a href="/sandbox/">← Назад в песочницу / back to the sandbox</a></p>
</main>
</body>
</html>`;
}
