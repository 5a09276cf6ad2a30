import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { systemClock } from '../../core/clock.js';
import { createFakeBotApi } from '../support/fake-bot-api.js';
import { createNoteBench, type NoteBench } from '../core/outbox/fixtures.js';

// The running service's path: start() on the real clock with real timers, against a fake that enforces Telegram's limits.
const api = createFakeBotApi();
const ANNA = 5550001;

let b: NoteBench;
beforeAll(() => api.listen());
afterEach(() => {
  b.close();
  api.reset();
});
afterAll(() => api.close());

it('start() delivers everything within the limits, a chat in order, and stop() waits for what is in flight', async () => {
  api.enforceLimits();
  b = createNoteBench(api, systemClock);
  for (let i = 1; i <= 3; i++) b.note(ANNA, `Анне ${i}`);
  for (let i = 0; i < 40; i++) b.note(7000001 + i, 'Напоминание');
  const started = Date.now();
  b.sender.start(200);
  while (b.repo.pendingCount() > 0 && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 50));
  await b.sender.stop();

  expect(b.repo.pendingCount()).toBe(0);
  expect(api.calls.filter((c) => c.response?.ok === false)).toEqual([]);
  expect(api.sent(ANNA).map((m) => m.text)).toEqual(['Анне 1', 'Анне 2', 'Анне 3']);
  expect(api.sent().length).toBe(43);
  // 43 messages: a second window is needed, and Anna's third waits two gaps of at least a second.
  expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
  expect(b.rows().every((r) => r.sentAt !== null && r.sendingAt === null)).toBe(true);

  // Stopped: a row queued now stays queued.
  b.note(ANNA, 'после остановки');
  await new Promise((r) => setTimeout(r, 300));
  expect(api.sent(ANNA)).toHaveLength(3);
});
