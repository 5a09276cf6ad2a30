import type { Bot, Context } from 'grammy';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from '../../api/server.js';
import { createFakeBotApi } from '../support/fake-bot-api.js';
import { createPatientBotHarness, PATIENT_TOKEN, type PatientBotHarness } from '../support/patient-bot.js';

const api = createFakeBotApi();
const SECRET = 'webhook-secret-for-tests_123';
const ANNA = { id: 5550010, first_name: 'Анна', language_code: 'ru' };

let h: PatientBotHarness;
beforeAll(() => api.listen());
beforeEach(() => {
  h = createPatientBotHarness(api);
});
afterEach(() => {
  h.close();
  api.reset();
});
afterAll(() => api.close());

function app() {
  return createServer({
    db: h.db,
    logger: h.services.logger,
    webhooks: { bots: { patient: h.bot as unknown as Bot<Context> }, secretToken: SECRET },
  });
}

describe('HTTP server', () => {
  it('a webhook update with the right secret token reaches the patient bot', async () => {
    const update = h.updates.command(ANNA, '/start');
    const res = await app().request('/webhook/patient', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
      body: JSON.stringify(update),
    });
    expect(res.status).toBe(200);
    expect(api.sent(ANNA.id, PATIENT_TOKEN)[0]!.text).toMatch(/Облако здоровья/);
  });

  it('a webhook request without the secret, or with a wrong one, is refused and never reaches the bot', async () => {
    const update = h.updates.command(ANNA, '/start');
    for (const headers of [{}, { 'X-Telegram-Bot-Api-Secret-Token': 'guess' }] as Record<string, string>[]) {
      const res = await app().request('/webhook/patient', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(update),
      });
      expect(res.status).toBe(401);
    }
    expect(api.sent(ANNA.id, PATIENT_TOKEN)).toEqual([]);
  });

  it('/healthz says the database answers; unknown paths are JSON 404s', async () => {
    const health = await app().request('/healthz');
    expect(await health.json()).toMatchObject({ status: 'ok', ok: true, db: 'ok' });
    const missing = await app().request('/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'not_found', message: 'Not found' } });
  });
});
