import { Api, type Transformer } from 'grammy';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { createFakeBotApi } from '../support/fake-bot-api.js';
import { manualClock } from '../support/service-harness.js';
import { createNoteBench, PATIENT_TOKEN, type NoteBench } from '../core/outbox/fixtures.js';

const T0 = Date.UTC(2026, 10, 25, 7, 0);
const clock = manualClock(T0);
const api = createFakeBotApi({ now: () => clock.now() });
const ANNA = 5550001;
const never = new Promise<never>(() => {});
/** The process stops right after Telegram carried the request out: its answer is never recorded. */
const stopAfterTelegram: Transformer = async (prev, method, payload, signal) => {
  await prev(method, payload, signal);
  return never;
};
/** The process stops after sending_at was committed, before the request left. */
const stopBeforeTelegram: Transformer = () => never;
const texts = () => api.sent(ANNA, PATIENT_TOKEN).map((m) => m.text);

let b: NoteBench;
beforeAll(() => api.listen());
beforeEach(() => clock.set(T0));
afterEach(() => {
  b.close();
  api.reset();
});
afterAll(() => api.close());

/** Runs the first sender until it is inside the Bot API call for the first row, and abandons it there, as a crash would. */
async function crashInFlight(): Promise<void> {
  void b.sender.pump();
  await vi.waitFor(() => expect(b.rows()[0]!.sendingAt).toBe(T0));
}

it('stopped after Telegram delivered a message, before marking it: sent again after the restart (never lost), marked as a possible duplicate', async () => {
  b = createNoteBench(api, clock, { transformer: stopAfterTelegram });
  b.note(ANNA, 'Консультация завтра в 10:00');
  await crashInFlight();
  await vi.waitFor(() => expect(texts()).toHaveLength(1));
  expect(b.rows()[0]).toMatchObject({ sentAt: null, failedAt: null });

  clock.advance(60_000);
  await b.restart().pump();
  expect(texts()).toEqual(['Консультация завтра в 10:00', 'Консультация завтра в 10:00']);
  expect(b.rows()[0]).toMatchObject({ sentAt: T0 + 60_000, sendingAt: null });
  expect(b.rows()[0]!.lastError).toMatch(/^resent after an interrupted attempt/);
  expect(b.repo.deliveryReport(clock.now())).toMatchObject({ pending: 0, resentLastDay: 1 });
});

it('stopped before the request left: delivered once after the restart', async () => {
  b = createNoteBench(api, clock, { transformer: stopBeforeTelegram });
  b.note(ANNA, 'Заявка принята');
  await crashInFlight();
  expect(b.repo.deliveryReport(clock.now())).toMatchObject({ pending: 1, inDoubt: 1 });

  clock.advance(60_000);
  await b.restart().pump();
  expect(texts()).toEqual(['Заявка принята']);
  expect(b.repo.deliveryReport(clock.now())).toMatchObject({ pending: 0, inDoubt: 0, failedLastDay: 0 });
});

it('an edit carried out, then the process stopped: repeated after the restart, no second message', async () => {
  const original = await new Api(PATIENT_TOKEN, { apiRoot: api.apiRoot }).sendMessage(ANNA, 'Заявка № 7 ждёт врача');
  b = createNoteBench(api, clock, { transformer: stopAfterTelegram });
  b.note(ANNA, 'Заявку № 7 взял врач Петрова А. С.', { messageId: original.message_id });
  await crashInFlight();
  await vi.waitFor(() => expect(api.callsOf('editMessageText')[0]?.response?.ok).toBe(true));

  clock.advance(60_000);
  await b.restart().pump();
  expect(api.history(ANNA).map((m) => m.text)).toEqual(['Заявку № 7 взял врач Петрова А. С.']);
  expect(api.callsOf('sendMessage')).toHaveLength(1);
  // Telegram's "message is not modified" is the proof that the edit was made: sent, with no duplicate mark.
  expect(b.rows()[0]).toMatchObject({ sentAt: T0 + 60_000, messageId: original.message_id, lastError: null, sendingAt: null });
});

it("the chat's later messages wait behind the one in doubt and keep their order", async () => {
  b = createNoteBench(api, clock, { transformer: stopBeforeTelegram });
  b.note(ANNA, 'Первое');
  b.note(ANNA, 'Второе');
  await crashInFlight();
  expect(texts()).toEqual([]);

  clock.advance(60_000);
  const sender = b.restart();
  await sender.pump();
  clock.advance(1_000);
  await sender.pump();
  expect(texts()).toEqual(['Первое', 'Второе']);
  expect(b.repo.pendingCount()).toBe(0);
});

it('a 429 on the resend keeps the doubt: the message that finally goes is still marked as a possible duplicate', async () => {
  b = createNoteBench(api, clock, { transformer: stopAfterTelegram });
  b.note(ANNA, 'Консультация завтра в 10:00');
  await crashInFlight();
  await vi.waitFor(() => expect(texts()).toHaveLength(1));

  clock.advance(60_000);
  api.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 2', parameters: { retry_after: 2 } });
  const sender = b.restart();
  await sender.pump();
  expect(b.rows()[0]!.sendingAt).not.toBeNull();
  clock.advance(2_000);
  await sender.pump();
  expect(texts()).toHaveLength(2);
  expect(b.rows()[0]!.lastError).toMatch(/^resent after an interrupted attempt/);
});
