import { Bot, type Context } from 'grammy';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../api/server.js';
import { createUpdateTracker } from '../../app/update-tracker.js';
import { openDatabase } from '../../db/client.js';
import { createFakeBotApi } from '../support/fake-bot-api.js';

// Telegram redelivers an update whose webhook request is not answered in time. A slow update must be answered 200 at
// the timeout and still be handled exactly once, its reply sent once; shutdown waits for it.
const api = createFakeBotApi();
const TOKEN = '7001234567:AAF-webhook-timeout-test-token';
const SECRET = 'webhook-secret-for-tests_123';
const ANNA = { id: 5550021, is_bot: false, first_name: 'Анна', language_code: 'ru' };
const db = openDatabase(':memory:');

beforeAll(() => api.listen());
afterEach(() => api.reset());
afterAll(() => {
  api.close();
  db.$client.close();
});

function slowBot() {
  const bot = new Bot<Context>(TOKEN, {
    botInfo: api.botInfo(TOKEN),
    client: { apiRoot: api.apiRoot },
  });
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const handled: number[] = [];
  bot.on('message:text', async (ctx) => {
    handled.push(ctx.update.update_id);
    await gate;
    await ctx.reply('Готово');
  });
  return { bot, handled, release };
}

const update = (id: number) => ({
  update_id: id,
  message: { message_id: id, date: 1_790_000_000, chat: { id: ANNA.id, type: 'private', first_name: 'Анна' }, from: ANNA, text: 'Документ' },
});

describe('webhook mode with an update slower than the answer timeout', () => {
  it('answers Telegram 200 at the timeout, handles the update once, sends its reply once; shutdown waits for it', async () => {
    const { bot, handled, release } = slowBot();
    const updates = createUpdateTracker();
    updates.track(bot);
    const app = createServer({ db, logger: pino({ level: 'silent' }), webhooks: { bots: { patient: bot }, secretToken: SECRET, timeoutMs: 100 } });

    const started = performance.now();
    const res = await app.request('/webhook/patient', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
      body: JSON.stringify(update(1)),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(handled).toEqual([1]);
    expect(updates.inFlight).toBe(1);
    expect(api.sent(ANNA.id)).toEqual([]);

    let drained = false;
    const drain = updates.drain().then(() => (drained = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(drained).toBe(false);
    release();
    await drain;
    expect(handled).toEqual([1]);
    expect(api.sent(ANNA.id).map((m) => m.text)).toEqual(['Готово']);
    expect(api.callsOf('sendMessage')).toHaveLength(1);

    // Once shutdown has begun, a new update is refused (an error answer), so Telegram keeps it for the next process.
    const late = await app.request('/webhook/patient', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
      body: JSON.stringify(update(2)),
    });
    expect(late.status).toBe(500);
    expect(handled).toEqual([1]);
  });
});
