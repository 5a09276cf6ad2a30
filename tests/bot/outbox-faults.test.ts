import { Api } from 'grammy';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeBotApi } from '../support/fake-bot-api.js';
import { manualClock } from '../support/service-harness.js';
import { createNoteBench, PATIENT_TOKEN, STAFF_TOKEN, type NoteBench } from '../core/outbox/fixtures.js';

const T0 = Date.UTC(2026, 10, 25, 7, 0);
const clock = manualClock(T0);
const api = createFakeBotApi({ now: () => clock.now() });
const ANNA = 5550001;
const BORIS = 5550002;
const texts = (chatId: number) => api.sent(chatId, PATIENT_TOKEN).map((m) => m.text);
const sends = () => api.callsOf('sendMessage');
const flood = (seconds: number) => ({ error_code: 429, description: `Too Many Requests: retry after ${seconds}`, parameters: { retry_after: seconds } });
const serverError = { error_code: 500, description: 'Internal Server Error' };

let b: NoteBench;
beforeAll(() => api.listen());
beforeEach(() => clock.set(T0));
afterEach(() => {
  b.close();
  api.reset();
});
afterAll(() => api.close());

describe('429 Too Many Requests', () => {
  it('waits at least retry_after, then sends once', async () => {
    b = createNoteBench(api, clock);
    api.failNext('sendMessage', flood(7));
    b.note(ANNA, 'Напоминание о консультации');
    await b.sender.pump();
    expect(sends()).toHaveLength(1);
    clock.advance(6_999);
    await b.sender.pump();
    expect(sends()).toHaveLength(1);
    clock.advance(1);
    await b.sender.pump();
    expect(texts(ANNA)).toEqual(['Напоминание о консультации']);
    expect(sends()).toHaveLength(2);
    // Telegram asked us to wait; that is not a failed attempt.
    expect(b.rows()[0]).toMatchObject({ sentAt: T0 + 7_000, failedAt: null, sendingAt: null, attempts: 0, lastError: null });
  });

  it('on a chat not written to lately it pauses the whole bot, then everything goes once', async () => {
    b = createNoteBench(api, clock, { concurrency: 1 });
    api.failNext('sendMessage', flood(3));
    b.note(ANNA, 'Анне');
    b.note(BORIS, 'Борису');
    await b.sender.pump();
    expect(sends()).toHaveLength(1);
    clock.advance(2_999);
    await b.sender.pump();
    expect(sends()).toHaveLength(1);
    clock.advance(1);
    await b.sender.pump();
    expect(texts(ANNA)).toEqual(['Анне']);
    expect(texts(BORIS)).toEqual(['Борису']);
  });

  it('right after a message to the same chat it pauses only that chat', async () => {
    b = createNoteBench(api, clock);
    b.note(ANNA, 'Первое');
    await b.sender.pump();
    clock.advance(1_100);
    api.failNext('sendMessage', flood(5));
    b.note(ANNA, 'Второе');
    await b.sender.pump();
    expect(texts(ANNA)).toEqual(['Первое']);
    b.note(BORIS, 'Борису');
    await b.sender.pump();
    expect(texts(BORIS)).toEqual(['Борису']);
    clock.advance(5_000);
    await b.sender.pump();
    expect(texts(ANNA)).toEqual(['Первое', 'Второе']);
  });
});

describe('5xx, network errors and timeouts', () => {
  it('500 twice: retried with growing backoff (never earlier), then sent once', async () => {
    b = createNoteBench(api, clock);
    api.failNext('sendMessage', serverError, 2);
    b.note(ANNA, 'Заявка принята');
    await b.sender.pump();
    // random() is 0.5 here: 2 s step → 1.5 s, then a 4 s step → 3 s.
    clock.advance(1_499);
    await b.sender.pump();
    expect(sends()).toHaveLength(1);
    clock.advance(1);
    await b.sender.pump();
    expect(sends()).toHaveLength(2);
    clock.advance(2_999);
    await b.sender.pump();
    expect(sends()).toHaveLength(2);
    clock.advance(1);
    await b.sender.pump();
    expect(texts(ANNA)).toEqual(['Заявка принята']);
    expect(b.rows()[0]).toMatchObject({ attempts: 2, sentAt: clock.now(), lastError: null, sendingAt: null });
  });

  it('401 (a revoked token) is our configuration, not the message: kept and retried, not failed', async () => {
    b = createNoteBench(api, clock);
    api.failNext('sendMessage', { error_code: 401, description: 'Unauthorized' });
    b.note(ANNA, 'Заявка принята');
    await b.sender.pump();
    expect(b.rows()[0]).toMatchObject({ failedAt: null, attempts: 1, lastError: '401 Unauthorized' });
    clock.advance(1_500);
    await b.sender.pump();
    expect(texts(ANNA)).toEqual(['Заявка принята']);
  });

  it("400 cannot succeed as it is: failed at once, the chat's next message goes on", async () => {
    b = createNoteBench(api, clock);
    api.failNext('sendMessage', { error_code: 400, description: 'Bad Request: message is too long' });
    b.note(ANNA, 'Слишком длинное');
    b.note(ANNA, 'Следующее');
    await b.sender.pump();
    expect(b.rows()[0]).toMatchObject({ failedAt: T0, attempts: 1, lastError: '400 Bad Request: message is too long' });
    clock.advance(1_000);
    await b.sender.pump();
    expect(texts(ANNA)).toEqual(['Следующее']);
  });

  it('a network error before Telegram saw the request: sent once on the retry', async () => {
    b = createNoteBench(api, clock);
    api.breakNext('sendMessage', 'network');
    b.note(ANNA, 'Заявка принята');
    await b.sender.pump();
    expect(texts(ANNA)).toEqual([]);
    // The sender cannot tell a refused connection from a lost answer: the row is in doubt until the retry.
    expect(b.rows()[0]).toMatchObject({ sentAt: null, attempts: 1, sendingAt: T0 });
    clock.advance(1_500);
    await b.sender.pump();
    expect(texts(ANNA)).toEqual(['Заявка принята']);
    expect(b.rows()[0]).toMatchObject({ sentAt: T0 + 1_500, sendingAt: null });
  });

  it('an edit whose answer timed out after Telegram made it: repeated, no duplicate, marked sent', async () => {
    b = createNoteBench(api, clock, { timeoutSeconds: 0.2 });
    const original = await new Api(PATIENT_TOKEN, { apiRoot: api.apiRoot }).sendMessage(ANNA, 'Заявка № 7: ждёт врача');
    api.breakNext('editMessageText', 'timeout');
    b.note(ANNA, 'Заявка № 7: взята врачом', { messageId: original.message_id });
    await b.sender.pump();
    expect(b.rows()[0]).toMatchObject({ sentAt: null, attempts: 1 });
    expect(b.rows()[0]!.lastError).toMatch(/timed out/);
    clock.advance(1_500);
    await b.sender.pump();
    expect(api.history(ANNA).map((m) => m.text)).toEqual(['Заявка № 7: взята врачом']);
    expect(api.callsOf('editMessageText').at(-1)!.response).toMatchObject({ ok: false, error_code: 400 });
    expect(b.rows()[0]).toMatchObject({ sentAt: T0 + 1_500, messageId: original.message_id, sendingAt: null });
  });

  it('a send whose answer was lost after Telegram delivered it: sent again (never lost) and marked as a possible duplicate', async () => {
    b = createNoteBench(api, clock);
    api.breakNext('sendMessage', 'answer_lost');
    b.note(ANNA, 'Консультация завтра в 10:00');
    await b.sender.pump();
    clock.advance(1_500);
    await b.sender.pump();
    // The Bot API cannot say whether the first copy arrived; the documented rule prefers a repeat to a loss.
    expect(texts(ANNA)).toEqual(['Консультация завтра в 10:00', 'Консультация завтра в 10:00']);
    expect(b.rows()[0]!.lastError).toMatch(/^resent after an interrupted attempt/);
    expect(b.repo.deliveryReport(clock.now()).resentLastDay).toBe(1);
  });
});

describe('giving up', () => {
  it('after the bound: failed with the reason, nothing more sent, counted for the staff', async () => {
    b = createNoteBench(api, clock, { giveUpMs: 60_000 });
    api.failNext('sendMessage', serverError, 1_000);
    b.note(ANNA, 'Заявка принята');
    for (let i = 0; i < 90 && b.rows()[0]!.failedAt === null; i++) {
      await b.sender.pump();
      clock.advance(1_000);
    }
    const [row] = b.rows();
    expect(row!.failedAt).not.toBeNull();
    expect(row!.failedAt! - T0).toBeLessThanOrEqual(60_000);
    expect(row!.lastError).toMatch(/^gave up after \d+ attempts: 500 Internal Server Error$/);
    const calls = sends().length;
    clock.advance(3_600_000);
    await b.sender.pump();
    expect(sends()).toHaveLength(calls);
    expect(b.repo.deliveryReport(clock.now())).toMatchObject({ pending: 0, failedLastDay: 1, failed: [{ chatId: ANNA, template: 'note' }] });
  });

  it('a message past its expiresAt is not sent late: failed as expired, whether it waited or kept failing', async () => {
    b = createNoteBench(api, clock);
    b.note(ANNA, 'Через 15 минут консультация', { expiresAt: T0 - 1 });
    api.failNext('sendMessage', serverError, 1_000);
    b.note(BORIS, 'Через 15 минут консультация', { expiresAt: T0 + 20_000 });
    for (let i = 0; i < 30; i++) {
      await b.sender.pump();
      clock.advance(1_000);
    }
    const [late, failing] = b.rows();
    expect(late).toMatchObject({ sentAt: null, lastError: 'expired before it could be delivered', attempts: 0 });
    expect(failing!.lastError).toMatch(/^expired: 500/);
    expect(api.calls.filter((c) => Number(c.params.chat_id) === ANNA)).toEqual([]);
    expect(texts(BORIS)).toEqual([]);
  });

  it('403 from the staff bot fails that row only (staff have no SMS fallback)', async () => {
    b = createNoteBench(api, clock);
    api.blockChat(6660001, { token: STAFF_TOKEN });
    b.note(6660001, 'Новая заявка', { bot: 'staff' });
    await b.sender.pump();
    expect(b.rows()[0]).toMatchObject({ lastError: '403 Forbidden: bot was blocked by the user', sendingAt: null });
    expect(b.rows()[0]!.failedAt).toBe(T0);
  });
});
