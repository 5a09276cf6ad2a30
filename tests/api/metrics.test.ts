import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../../api/metrics.js';
import { createServer } from '../../api/server.js';
import { enqueue } from '../../core/outbox/repository.js';
import { enqueueSms } from '../../core/sms/outbox.js';
import { createFakeBotApi } from '../support/fake-bot-api.js';
import { initDataFor, MAX_AGE_SECONDS } from '../support/miniapp-api.js';
import { createServiceHarness, manualClock, PATIENT_TOKEN, type ServiceHarness } from '../support/service-harness.js';

const api = createFakeBotApi();
const MARIA = { id: 5550101, first_name: 'Мария', language_code: 'ru' };
const STRANGER = { id: 5550202, first_name: 'Пётр', language_code: 'ru' };
const TOKEN = 'metrics-token-for-tests-0123456789abcdef';
// What @hono/node-server hands a handler as its environment: the socket the request came in on.
const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress, remotePort: 40000, remoteFamily: remoteAddress.includes(':') ? 'IPv6' : 'IPv4' } } });
const LOOPBACK = from('127.0.0.1');

let h: ServiceHarness;
let clock: ReturnType<typeof manualClock>;
beforeAll(() => api.listen());
beforeEach(() => {
  clock = manualClock();
  h = createServiceHarness(api, { clock });
});
afterEach(() => {
  h.close();
  api.reset();
});
afterAll(() => api.close());

function server(token?: string) {
  return createServer({
    db: h.services.db,
    logger: h.services.logger,
    api: { services: h.services, maxAgeSeconds: MAX_AGE_SECONDS },
    health: { clock, maxLagSeconds: 300 },
    metrics: { metrics: h.services.metrics, token },
  });
}

async function scrape(app = server()): Promise<string> {
  const res = await app.request('/metrics', {}, LOOPBACK);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

/** The value of one series, by its name and labels as Prometheus prints them; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics', () => {
  it('counts updates per bot and update type as they reach the bots through the fake Bot API', async () => {
    expect(sample(await scrape(), 'oblako_bot_updates_total{bot="patient",type="message"}')).toBeUndefined();
    await h.patient.send(h.patient.updates.command(MARIA, '/start'));
    await h.patient.send(h.patient.updates.text(MARIA, 'здравствуйте'));
    // A press on a button of what the bot sent (the consent's).
    const button = api.sent(MARIA.id, PATIENT_TOKEN).flatMap((m) => m.message.reply_markup?.inline_keyboard?.flat() ?? []).find((b) => 'callback_data' in b);
    await h.patient.send(h.patient.updates.callback(MARIA, (button as { callback_data: string }).callback_data));
    await h.staff.send(h.staff.updates.command(STRANGER, '/start'));
    // The bots really answered: these updates went all the way through.
    expect(h.patient.seen(MARIA).length).toBeGreaterThan(0);
    expect(h.staff.seen(STRANGER).length).toBeGreaterThan(0);

    const text = await scrape();
    expect(sample(text, 'oblako_bot_updates_total{bot="patient",type="message"}')).toBe(2);
    expect(sample(text, 'oblako_bot_updates_total{bot="patient",type="callback_query"}')).toBe(1);
    expect(sample(text, 'oblako_bot_updates_total{bot="staff",type="message"}')).toBe(1);
  });

  it('times /api requests under their route pattern and status class, never a path with ids in it', async () => {
    h.registerPatient(MARIA.id);
    const app = server();
    const auth = { authorization: `tma ${initDataFor(MARIA.id, { authDate: clock.now() })}` };
    expect((await app.request('/api/consultations', { headers: auth })).status).toBe(200);
    expect((await app.request('/api/consultations/987654/join?patientId=1', { headers: auth })).status).toBe(404);
    expect((await app.request('/api/consultations/987655/join?patientId=1', { headers: auth })).status).toBe(404);
    expect((await app.request('/api/consultations/987656/cancel', { method: 'POST', headers: auth })).status).toBeGreaterThanOrEqual(400);
    expect((await app.request('/no/such/path/123456')).status).toBe(404);

    const text = await scrape(app);
    expect(sample(text, 'oblako_http_request_duration_seconds_count{method="GET",route="/api/consultations",status="2xx"}')).toBe(1);
    expect(sample(text, 'oblako_http_request_duration_seconds_count{method="GET",route="/api/consultations/:id/join",status="4xx"}')).toBe(2);
    expect(sample(text, 'oblako_http_request_duration_seconds_count{method="POST",route="/api/consultations/:id/cancel",status="4xx"}')).toBe(1);
    expect(sample(text, 'oblako_http_request_duration_seconds_count{method="GET",route="unmatched",status="4xx"}')).toBe(1);
    expect(sample(text, 'oblako_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/api/consultations",status="2xx"}')).toBe(1);
    expect(text).not.toMatch(/98765\d|123456/);
  });

  it('reads the outbox and SMS queues at scrape time: depth per bot, the oldest due age on the manual clock, failures', async () => {
    enqueue(h.services.db, { chatId: MARIA.id, template: 'application_in_review', params: { applicationId: 1, center: 'cardio' }, dedupeKey: 'm:1' }, clock.now());
    enqueue(h.services.db, { chatId: 777, template: 'application_new', params: { applicationId: 1 }, dedupeKey: 'm:2' }, clock.now() + 600_000);
    enqueueSms(h.services.db, { phone: '+79123456789', purpose: 'referral_invite', params: { code: 'x' }, dedupeKey: 's:1' }, clock.now());
    clock.advance(120_000);

    const text = await scrape();
    expect(sample(text, 'oblako_database_up')).toBe(1);
    expect(sample(text, 'oblako_outbox_pending{bot="patient"}')).toBe(1);
    expect(sample(text, 'oblako_outbox_oldest_due_age_seconds{bot="patient"}')).toBe(120);
    // Not due yet: waiting, not lagging.
    expect(sample(text, 'oblako_outbox_pending{bot="staff"}')).toBe(1);
    expect(sample(text, 'oblako_outbox_due{bot="staff"}')).toBe(0);
    expect(sample(text, 'oblako_outbox_oldest_due_age_seconds{bot="staff"}')).toBe(0);
    expect(sample(text, 'oblako_sms_outbox_pending')).toBe(1);
    expect(sample(text, 'oblako_sms_outbox_oldest_due_age_seconds')).toBe(120);

    const [row] = h.services.outbox.due(clock.now(), 1);
    h.services.outbox.markFailed(row!.id, clock.now(), 8, '403: Forbidden: bot was blocked by the user');
    const after = await scrape();
    expect(sample(after, 'oblako_outbox_pending{bot="patient"}')).toBe(0);
    expect(sample(after, 'oblako_outbox_failed{bot="patient"}')).toBe(1);
  });

  it('says the database is down instead of failing the scrape', async () => {
    const metrics = createMetrics({ db: h.services.db, clock, logger: pino({ level: 'silent' }), tokens: { patient: PATIENT_TOKEN } });
    const app = createServer({ db: h.services.db, logger: h.services.logger, metrics: { metrics } });
    h.services.db.$client.close();
    const text = await scrape(app);
    expect(sample(text, 'oblako_database_up')).toBe(0);
    expect(sample(text, 'oblako_outbox_pending{bot="patient"}')).toBeUndefined();
  });

  it('process metrics come on the same registry once the service asks for them', async () => {
    h.services.metrics.collectProcessMetrics();
    const text = await scrape();
    expect(text).toMatch(/^process_cpu_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('with METRICS_TOKEN, only Authorization: Bearer <token> is served', async () => {
    const app = server(TOKEN);
    const none = await app.request('/metrics', {}, LOOPBACK);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect((await app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}x` } }, LOOPBACK)).status).toBe(401);
    expect((await app.request('/metrics', { headers: { authorization: `Basic ${TOKEN}` } }, LOOPBACK)).status).toBe(401);
    const ok = await app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } }, from('203.0.113.7'));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/^# HELP oblako_bot_updates_total /m);
  });

  it('without METRICS_TOKEN, only loopback clients that no proxy forwarded are served', async () => {
    const app = server();
    expect((await app.request('/metrics', {}, from('::1'))).status).toBe(200);
    expect((await app.request('/metrics', {}, from('203.0.113.7'))).status).toBe(403);
    expect((await app.request('/metrics', {}, from('::ffff:10.0.0.5'))).status).toBe(403);
    // A reverse proxy on this host connects from loopback but says whom it forwards for.
    const proxied = await app.request('/metrics', { headers: { 'x-forwarded-for': '203.0.113.7' } }, LOOPBACK);
    expect(proxied.status).toBe(403);
    expect(await proxied.json()).toEqual({ error: { code: 'forbidden', message: 'Metrics are served to loopback clients only; set METRICS_TOKEN to scrape from elsewhere' } });
    // No socket to ask (not the node server): nothing proves the client is local.
    expect((await app.request('/metrics')).status).toBe(403);
  });
});
