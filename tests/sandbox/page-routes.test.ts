import { parse, validate } from '@telegram-apps/init-data-node';
import sharp from 'sharp';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBotApiEmulator, type BotApiEmulator } from '../../sandbox/botapi/emulator.js';
import { SANDBOX_PATIENT } from '../../sandbox/demo.js';
import { createLogger } from '../../core/logger.js';
import { createMovableClock, type MovableClock } from '../../sandbox/clock.js';
import { pageAssets } from '../../sandbox/page/assets.js';
import { createSmsInbox, type SmsInbox } from '../../sandbox/sms-inbox.js';
import { createSandboxRoutes } from '../../sandbox/page/routes.js';

// The page's own HTTP side: what a person's clicks turn into (messages, presses, uploads), the chats as the page
// draws them, Mini App launches signed as Telegram signs them, and the stand-in video room.

const PATIENT = '1000000001:SANDBOX-patient-routes-test-token';
const STAFF = '1000000002:SANDBOX-staff-routes-test-token';
const PUBLIC_URL = 'https://oblako.sandbox.localhost';

let emulator: BotApiEmulator;
let app: ReturnType<typeof createSandboxRoutes>;
let clock: MovableClock;
let next: number | undefined;
let sms: SmsInbox;

interface State {
  revision: number;
  chats: Record<string, { messages: Array<{ id: number; fromBot: boolean; text?: string; photo?: { fileId: string }; inline?: unknown }>; keyboard?: { rows: unknown[][] }; toasts: Array<{ text: string }>; action?: string }>;
}
const state = async (after = -1) => (await (await app.request(`/sandbox/api/state?after=${after}`)).json()) as State;
const post = (path: string, body: unknown) => app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const assets = await pageAssets();

beforeEach(() => {
  emulator = createBotApiEmulator({
    bots: [
      { token: PATIENT, username: 'oblako_sandbox_bot', firstName: 'Облако' },
      { token: STAFF, username: 'oblako_staff_sandbox_bot', firstName: 'Облако: врачи' },
    ],
  });
  clock = createMovableClock();
  next = undefined;
  sms = createSmsInbox({ logger: createLogger('silent'), clock, onChange: () => undefined });
  app = createSandboxRoutes({
    emulator,
    tokens: { patient: PATIENT, staff: STAFF },
    publicUrl: PUBLIC_URL,
    jitsiDomain: 'meet.sandbox.localhost',
    assets,
    clock,
    nextConsultation: (now) => (next !== undefined && next > now ? next : undefined),
    sms,
  });
});

describe('the sandbox page routes', () => {
  it('serve the page with its SANDBOX banner, its script and styles, and redirect / to it', async () => {
    const page = await app.request('/sandbox/');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('ПЕСОЧНИЦА · SANDBOX');
    expect(html).toContain('"patient":"oblako_sandbox_bot"');
    expect((await app.request('/sandbox/assets/main.js')).headers.get('content-type')).toMatch(/javascript/);
    expect(await (await app.request('/sandbox/assets/chat.js')).text()).not.toMatch(/:\s*HTMLElement\b/);
    expect((await app.request('/sandbox/assets/page.css')).status).toBe(200);
    expect((await app.request('/sandbox/assets/nothing.js')).status).toBe(404);
    expect((await app.request('/')).headers.get('location')).toBe('/sandbox/');
  });

  it('a typed message reaches the bot as an update and the chat shows it; the bot’s answer with a keyboard too', async () => {
    expect((await post('/sandbox/api/chats/patient/text', { text: '/start' })).status).toBe(200);
    const updates = (await emulator.call(PATIENT, 'getUpdates', {})) as { ok: true; result: Array<{ message: { text: string; from: { id: number } } }> };
    expect(updates.result[0]!.message).toMatchObject({ text: '/start', from: { id: SANDBOX_PATIENT.id } });
    await emulator.call(PATIENT, 'sendMessage', { chat_id: SANDBOX_PATIENT.id, text: 'Телефон?', reply_markup: { keyboard: [[{ text: '📱 Поделиться номером', request_contact: true }]], one_time_keyboard: true } });
    const chat = (await state()).chats.patient!;
    expect(chat.messages.map((m) => [m.fromBot, m.text])).toEqual([[false, '/start'], [true, 'Телефон?']]);
    expect(chat.keyboard?.rows).toEqual([[{ text: '📱 Поделиться номером', request_contact: true }]]);
    // The one-time keyboard folds away once the person answers (here with the contact it asked for).
    expect((await post('/sandbox/api/chats/patient/contact', {})).status).toBe(200);
    expect((await state()).chats.patient!.keyboard).toBeUndefined();
    expect((await post('/sandbox/api/chats/patient/text', { text: '   ' })).status).toBe(400);
    expect((await post('/sandbox/api/chats/nobody/text', { text: 'x' })).status).toBe(404);
  });

  it('a press on a button the message shows is a callback query; the answer’s text comes back as a toast', async () => {
    const sent = (await emulator.call(STAFF, 'sendMessage', { chat_id: 5_000_002, text: 'Заявка', reply_markup: { inline_keyboard: [[{ text: '✋ Взять', callback_data: 'take:1' }]] } })) as { ok: true; result: { message_id: number } };
    const before = (await state()).revision;
    expect((await post('/sandbox/api/chats/doctor/callback', { messageId: sent.result.message_id, data: 'take:2' })).status).toBe(400);
    expect((await post('/sandbox/api/chats/doctor/callback', { messageId: sent.result.message_id, data: 'take:1' })).status).toBe(200);
    const updates = (await emulator.call(STAFF, 'getUpdates', {})) as { ok: true; result: Array<{ callback_query: { id: string; data: string } }> };
    const query = updates.result[0]!.callback_query;
    expect(query.data).toBe('take:1');
    await emulator.call(STAFF, 'answerCallbackQuery', { callback_query_id: query.id, text: 'Заявка теперь у вас' });
    const after = await state(before);
    expect(after.chats.doctor!.toasts).toEqual([{ text: 'Заявка теперь у вас', alert: false, revision: expect.any(Number) }]);
    expect(after.chats.patient!.toasts).toEqual([]);
  });

  it('uploads become photos (an album when several) or documents, and their bytes are served back', async () => {
    const image = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#c00' } }).jpeg().toBuffer();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(image)], { type: 'image/jpeg' }), 'a.jpg');
    form.append('file', new Blob([new Uint8Array(image)], { type: 'image/jpeg' }), 'b.jpg');
    form.append('asPhoto', '1');
    form.append('caption', 'ЭКГ');
    const response = await app.request('/sandbox/api/chats/patient/files', { method: 'POST', body: form });
    expect(response.status).toBe(200);
    const messages = (await state()).chats.patient!.messages;
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatchObject({ text: 'ЭКГ', photo: { width: 400, height: 300 } });
    const served = await app.request(`/sandbox/api/files/${encodeURIComponent(messages[1]!.photo!.fileId)}`);
    expect(Buffer.from(await served.arrayBuffer()).equals(image)).toBe(true);
    expect((await app.request('/sandbox/api/chats/patient/files', { method: 'POST', body: new FormData() })).status).toBe(400);
  });

  it('launches the Mini App with init data signed by the bot token, none from a keyboard button, nothing foreign', async () => {
    const launch = async (via: string, url = `${PUBLIC_URL}/app/`) => post('/sandbox/api/miniapp', { who: 'patient', url, via });
    const menu = (await (await launch('menu')).json()) as { path: string; initData: string };
    expect(menu.path).toBe('/app/');
    expect(() => validate(menu.initData, PATIENT)).not.toThrow();
    expect(() => validate(menu.initData, STAFF)).toThrow();
    expect(parse(menu.initData).user).toMatchObject({ id: SANDBOX_PATIENT.id, first_name: SANDBOX_PATIENT.firstName, language_code: 'ru' });
    expect(((await (await launch('keyboard')).json()) as { initData: unknown }).initData).toBeNull();
    expect((await launch('inline', 'https://evil.example/app/')).status).toBe(400);
  });

  it('the clock moves forward only by the page’s steps, to the next consultation too, and init data follows it', async () => {
    const clockOf = async () => ((await (await app.request('/sandbox/api/state')).json()) as { clock: { now: number; offsetMs: number; nextConsultation: number | null } }).clock;
    expect(await clockOf()).toMatchObject({ offsetMs: 0, nextConsultation: null });
    let jumps = 0;
    clock.onJump(() => jumps++);
    const before = (await state()).revision;
    expect((await post('/sandbox/api/clock', { move: '15m' })).status).toBe(200);
    expect((await post('/sandbox/api/clock', { move: '1h' })).status).toBe(200);
    expect((await post('/sandbox/api/clock', { move: '1d' })).status).toBe(200);
    expect(clock.offsetMs()).toBe(15 * 60_000 + 3600_000 + 86_400_000);
    expect((await clockOf()).now - Date.now()).toBeGreaterThan(86_400_000);
    expect(jumps).toBe(3);
    // The page waiting on the state learns of each move.
    expect((await state()).revision).toBe(before + 3);
    // Nothing booked: nowhere to go, said plainly; unknown or backward moves are refused.
    expect((await post('/sandbox/api/clock', { move: 'next' })).status).toBe(409);
    expect((await post('/sandbox/api/clock', { move: '-1d' })).status).toBe(400);
    expect((await post('/sandbox/api/clock', { by: -3600_000 })).status).toBe(400);
    next = clock.now() + 5 * 3600_000;
    expect((await clockOf()).nextConsultation).toBe(next);
    expect((await post('/sandbox/api/clock', { move: 'next' })).status).toBe(200);
    // A minute past the start: the consultation has begun, so its conclusion can be written.
    expect(clock.now() - (next + 60_000)).toBeGreaterThanOrEqual(0);
    expect(clock.now() - (next + 60_000)).toBeLessThan(5_000);
    const launched = (await (await post('/sandbox/api/miniapp', { who: 'patient', url: `${PUBLIC_URL}/app/`, via: 'menu' })).json()) as { initData: string };
    expect(Math.abs(parse(launched.initData).auth_date.getTime() - clock.now())).toBeLessThan(5_000);
  });

  it('the staff pane acts as each of the four staff roles; the SMS panel shows what the service sent', async () => {
    for (const who of ['doctor', 'duty', 'manager', 'admin']) expect((await post(`/sandbox/api/chats/${who}/text`, { text: '/start' })).status).toBe(200);
    const updates = (await emulator.call(STAFF, 'getUpdates', {})) as { result: Array<{ message: { from: { id: number } } }> };
    expect(new Set(updates.result.map((u) => u.message.from.id)).size).toBe(4);
    expect((await post('/sandbox/api/chats/nobody/text', { text: '/start' })).status).toBe(404);
    await sms.gateway.send({ phone: '+79991234567', text: 'Вас направили на консультацию: https://t.me/oblako_sandbox_bot?start=ref_abc' });
    const shown = ((await (await app.request('/sandbox/api/state')).json()) as { sms: Array<{ phone: string; text: string; at: number }> }).sms;
    expect(shown).toMatchObject([{ id: 1, phone: '+79991234567', text: 'Вас направили на консультацию: https://t.me/oblako_sandbox_bot?start=ref_abc' }]);
  });

  it('the stand-in video room says where the call would open, and escapes what it is given', async () => {
    const room = await (await app.request('/sandbox/room/oz-abcdefghijklmnopqrstuvwxyz234567')).text();
    expect(room).toContain('Здесь открылась бы видеоконсультация');
    expect(room).toContain('https://meet.sandbox.localhost/oz-abcdefghijklmnopqrstuvwxyz234567');
    expect(await (await app.request('/sandbox/room/%3Cscript%3E')).text()).not.toContain('<script>');
  });
});

describe('the sandbox page API answers the page only', () => {
  const send = (headers: Record<string, string>, url = 'http://127.0.0.1:8080/sandbox/api/chats/patient/text') =>
    app.request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ text: 'привет' }) });

  it('the page itself (same origin, loopback or a .localhost name) gets through', async () => {
    expect((await send({ origin: 'http://127.0.0.1:8080', 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await send({}, 'http://localhost:8080/sandbox/api/chats/patient/text')).status).toBe(200);
  });

  it('another site in the same browser, a sandboxed frame, or a rebound DNS name is refused, and nothing reaches the bot', async () => {
    expect((await send({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await send({ origin: 'null' })).status).toBe(403);
    expect((await send({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await send({}, 'http://rebound.evil.example:8080/sandbox/api/chats/patient/text')).status).toBe(403);
    expect((await app.request('http://rebound.evil.example:8080/sandbox/api/state')).status).toBe(403);
    const updates = (await emulator.call(PATIENT, 'getUpdates', {})) as { result: unknown[] };
    expect(updates.result).toEqual([]);
  });
});
