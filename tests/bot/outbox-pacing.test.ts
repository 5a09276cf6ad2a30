import { Api } from 'grammy';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { createFakeBotApi, type RecordedCall } from '../support/fake-bot-api.js';
import { manualClock } from '../support/service-harness.js';
import { createNoteBench, PATIENT_TOKEN, STAFF_TOKEN, type NoteBench } from '../core/outbox/fixtures.js';

const T0 = Date.UTC(2026, 10, 25, 7, 0);
const clock = manualClock(T0);
const api = createFakeBotApi({ now: () => clock.now() });
const ANNA = 5550001;
const others = Array.from({ length: 60 }, (_, i) => 7000001 + i);

let b: NoteBench;
beforeAll(() => api.listen());
beforeEach(() => {
  clock.set(T0);
  // The fake answers 429 whenever Telegram would: more than 30 a second from one bot, or two to a chat within a second.
  api.enforceLimits();
  b = createNoteBench(api, clock);
});
afterEach(() => {
  b.close();
  api.reset();
});
afterAll(() => api.close());

/** Pumps the sender while the manual clock moves on in small steps, until nothing is left or `ms` have passed. */
async function run(ms: number, step = 25): Promise<void> {
  for (let t = 0; t <= ms && b.repo.pendingCount() > 0; t += step) {
    await b.sender.pump();
    clock.advance(step);
  }
}

const accepted = (token = PATIENT_TOKEN) => api.callsOf('sendMessage', token).filter((c) => c.response?.ok);
/** The most calls that fall in any window of `ms` (counted the way the fake counts them). */
function busiestWindow(calls: RecordedCall[], ms: number): number {
  const at = calls.map((c) => c.at).sort((x, y) => x - y);
  let best = 0;
  for (let i = 0, j = 0; i < at.length; i++) {
    while (at[i]! - at[j]! >= ms) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

it('one chat gets one message a second while the others go on, and the bot never exceeds 30 a second', async () => {
  b.note(ANNA, 'Анне 1');
  b.note(ANNA, 'Анне 2');
  b.note(ANNA, 'Анне 3');
  for (const chat of others) b.note(chat, `Пациенту ${chat}`);
  await run(10_000);

  expect(b.repo.pendingCount()).toBe(0);
  expect(api.calls.filter((c) => c.response?.ok === false)).toEqual([]);
  expect(api.sent(ANNA).map((m) => m.text)).toEqual(['Анне 1', 'Анне 2', 'Анне 3']);
  for (const chat of others) expect(api.sent(chat).map((m) => m.text)).toEqual([`Пациенту ${chat}`]);

  const annaAt = accepted().filter((c) => Number(c.params.chat_id) === ANNA).map((c) => c.at);
  expect(annaAt[1]! - annaAt[0]!).toBeGreaterThanOrEqual(1_000);
  expect(annaAt[2]! - annaAt[1]!).toBeGreaterThanOrEqual(1_000);
  // Anna's queue held nobody else up: the first second went to her first message and 29 others.
  expect(accepted().filter((c) => c.at === T0)).toHaveLength(30);
  expect(busiestWindow(accepted(), 1_000)).toBe(30);
  // 63 messages, 30 a second (the fake answers at once): windows at 0, 1 and 2 s, Anna's queue first in each.
  expect(Math.max(...accepted().map((c) => c.at)) - T0).toBe(2_000);
  expect(annaAt.map((at) => at - T0)).toEqual([0, 1_000, 2_000]);
});

it('a sliding window counted from the answers: the next 30 only a full second after the last answer', async () => {
  for (const chat of others) b.note(chat, 'Напоминание');
  await b.sender.pump();
  expect(accepted()).toHaveLength(30);
  clock.advance(999);
  await b.sender.pump();
  expect(accepted()).toHaveLength(30);
  clock.advance(1);
  await b.sender.pump();
  expect(accepted()).toHaveLength(60);
});

it("the bot's direct replies take their place: the outbox waits for the window and the chat's second", async () => {
  const replies = new Api(PATIENT_TOKEN, { apiRoot: api.apiRoot });
  replies.config.use(b.sender.observe('patient'));
  for (const chat of others.slice(0, 29)) await replies.sendMessage(chat, 'Ответ на сообщение');
  await replies.sendMessage(ANNA, 'Ответ Анне');
  b.note(ANNA, 'Уведомление Анне');
  b.note(others[59]!, 'Уведомление');
  await b.sender.pump();
  expect(accepted()).toHaveLength(30);
  clock.advance(1_000);
  await b.sender.pump();
  expect(accepted().slice(30).map((c) => c.params.text)).toEqual(['Уведомление Анне', 'Уведомление']);
  expect(api.calls.filter((c) => c.response?.ok === false)).toEqual([]);
});

it('each bot has its own 30 a second', async () => {
  for (const chat of others.slice(0, 40)) {
    b.note(chat, 'Пациенту');
    b.note(chat, 'Врачу', { bot: 'staff' });
  }
  await b.sender.pump();
  expect(accepted(PATIENT_TOKEN)).toHaveLength(30);
  expect(accepted(STAFF_TOKEN)).toHaveLength(30);
  await run(5_000);
  expect(b.repo.pendingCount()).toBe(0);
  expect(api.calls.filter((c) => c.response?.ok === false)).toEqual([]);
});
