import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from '../../../core/accounts/consent.js';
import { criticalNotice } from '../../../core/outbox/fallback.js';
import { createOutboxRepository, insertOutboxRow as enqueue, type OutboxRepository, type OutboxRow } from '../../../core/outbox/repository.js';
import { openDatabase, type Db } from '../../../db/client.js';
import { accounts, outbox } from '../../../db/schema.js';

const T0 = Date.UTC(2026, 10, 25, 7, 0);
const HOUR = 3_600_000;
let db: Db;
let repo: OutboxRepository;

type Message = Parameters<typeof enqueue>[1];

const message = (chatId: number, key: string, extra: Partial<Message> = {}): Message => ({
  bot: 'patient',
  chatId,
  template: 'note',
  params: { text: key },
  dedupeKey: key,
  ...extra,
});

beforeEach(() => {
  db = openDatabase(':memory:');
  repo = createOutboxRepository(db);
});
afterEach(() => db.$client.close());

describe('queue', () => {
  it("enqueueing the same key twice is one row, stamped with the service's clock", () => {
    enqueue(db, message(1, 'a'), T0);
    enqueue(db, message(1, 'a', { params: { text: 'другой' } }), T0 + 5);
    expect(db.select().from(outbox).all()).toEqual([expect.objectContaining({ dedupeKey: 'a', params: '{"text":"a"}', createdAt: T0, nextAttemptAt: T0 })]);
  });

  it("due gives each chat's oldest pending row only, oldest first; a row waiting to retry holds its chat", () => {
    enqueue(db, message(1, 'a1'), T0);
    enqueue(db, message(2, 'b1'), T0);
    enqueue(db, message(1, 'a2'), T0);
    enqueue(db, message(3, 'c1', { bot: 'staff' }), T0);
    enqueue(db, message(3, 'c-patient'), T0);
    expect(repo.due(T0, 10).map((r) => r.dedupeKey)).toEqual(['a1', 'b1', 'c1', 'c-patient']);

    const [a1, b1] = repo.due(T0, 10);
    repo.markSent(a1!.id, T0, 11);
    repo.retryLater(b1!.id, 1, T0 + 1_000, '500 Internal Server Error');
    enqueue(db, message(2, 'b2'), T0);
    expect(repo.due(T0, 10).map((r) => r.dedupeKey)).toEqual(['a2', 'c1', 'c-patient']);
    expect(repo.due(T0 + 1_000, 10).map((r) => r.dedupeKey)).toEqual(['a2', 'c1', 'c-patient', 'b1']);
    expect(repo.due(T0, 1).map((r) => r.dedupeKey)).toEqual(['a2']);
  });

  it('a row no renderer knows waits on its own, holding none of its chat', () => {
    enqueue(db, message(1, 'unknown', { template: 'from_a_newer_release' }), T0);
    enqueue(db, message(1, 'next'), T0);
    const [unknown] = repo.due(T0, 10);
    repo.retryLater(unknown!.id, 0, T0 + 600_000, 'no renderer for from_a_newer_release');
    expect(repo.due(T0, 10).map((r) => r.dedupeKey)).toEqual(['next']);
    expect(repo.due(T0 + 600_000, 10).map((r) => r.dedupeKey)).toEqual(['next', 'unknown']);
  });

  it('sending_at: set by markSending, kept by an in-doubt retry, cleared by every outcome', () => {
    enqueue(db, message(1, 'a'), T0);
    const [row] = repo.due(T0, 1);
    repo.markSending(row!.id, T0);
    expect(repo.due(T0, 1)[0]!.sendingAt).toBe(T0);
    repo.retryLater(row!.id, 1, T0, 'timed out', true);
    expect(repo.due(T0, 1)[0]!.sendingAt).toBe(T0);
    repo.retryLater(row!.id, 2, T0, '502 Bad Gateway');
    expect(repo.due(T0, 1)[0]!.sendingAt).toBeNull();
    repo.markSending(row!.id, T0 + 1);
    repo.markFailed(row!.id, T0 + 2, 3, '400 Bad Request: chat not found');
    expect(db.select().from(outbox).get()).toMatchObject({ sendingAt: null, failedAt: T0 + 2, attempts: 3 });
  });
});

describe('reachability', () => {
  const consent = (id: number) => db.insert(accounts).values({ telegramId: id, consentVersion: CONSENT_VERSION, consentAt: T0 }).run();

  it('a refused row marks the account unreachable; coming back revives only what was refused for that within a day', () => {
    consent(1);
    for (const key of ['old', 'recent', 'other-reason']) enqueue(db, message(1, key), T0);
    const [old] = repo.due(T0, 1);
    repo.markUnreachable(old!, T0, 1, '403 Forbidden: bot was blocked by the user');
    const [recent] = repo.due(T0, 1);
    repo.markUnreachable(recent!, T0 + 2 * HOUR, 0, 'not sent: the patient has blocked the bot');
    const [other] = repo.due(T0, 1);
    repo.markFailed(other!.id, T0 + 2 * HOUR, 1, '400 Bad Request: message is too long');
    expect(repo.isUnreachable(1)).toBe(true);
    expect(repo.due(T0 + 3 * HOUR, 10)).toEqual([]);

    expect(repo.markReachable(1, T0 + 25 * HOUR)).toBe(1);
    expect(repo.isUnreachable(1)).toBe(false);
    expect(repo.due(T0 + 25 * HOUR, 10).map((r) => r.dedupeKey)).toEqual(['recent']);
    // Already reachable: nothing happens, nothing is written.
    expect(repo.markReachable(1, T0 + 26 * HOUR)).toBe(0);
  });

  it('a chat without an account is never "unreachable"; my_chat_member kicked marks it without any row', () => {
    expect(repo.isUnreachable(42)).toBe(false);
    consent(2);
    repo.markBlocked(2);
    expect(db.select({ r: accounts.reachable }).from(accounts).where(eq(accounts.telegramId, 2)).get()).toEqual({ r: false });
  });

  it('critical notices: scheduled and cancelled by the doctor, or a declared one; never for staff', () => {
    const row = (template: string, params: OutboxRow['params'] = {}, bot: 'patient' | 'staff' = 'patient') => ({ bot, template, params });
    expect(criticalNotice(row('consultation_scheduled'))).toBe('scheduled');
    expect(criticalNotice(row('consultation_cancelled_by_doctor'))).toBe('cancelled');
    expect(criticalNotice(row('consultation_moved', { smsFallback: 'rescheduled' }))).toBe('rescheduled');
    expect(criticalNotice(row('application_in_review'))).toBeUndefined();
    expect(criticalNotice(row('consultation_moved', { smsFallback: 'anything' }))).toBeUndefined();
    expect(criticalNotice(row('consultation_scheduled', {}, 'staff'))).toBeUndefined();
  });
});

describe('delivery report', () => {
  it('counts pending (with the oldest age), in doubt, failed and resent in the last day; lists failures newest first', () => {
    enqueue(db, message(1, 'pending'), T0);
    enqueue(db, message(2, 'doubt'), T0 + HOUR);
    enqueue(db, message(3, 'failed-old'), T0);
    enqueue(db, message(4, 'failed-new'), T0);
    enqueue(db, message(5, 'resent'), T0);
    const id = (key: string) => db.select().from(outbox).where(eq(outbox.dedupeKey, key)).get()!.id;
    repo.markSending(id('doubt'), T0 + HOUR);
    repo.markFailed(id('failed-old'), T0 - 2 * HOUR, 1, 'old');
    repo.markFailed(id('failed-new'), T0 + 20 * HOUR, 4, 'gave up after 4 attempts: 500 Internal Server Error');
    repo.markSent(id('resent'), T0 + 20 * HOUR, 9, 'resent after an interrupted attempt; may have arrived twice');
    const report = repo.deliveryReport(T0 + 23 * HOUR);
    expect(report).toMatchObject({ pending: 2, oldestPendingAgeMs: 23 * HOUR, inDoubt: 1, failedLastDay: 1, resentLastDay: 1, unreachableCount: 0 });
    expect(report.failed).toEqual([
      { id: id('failed-new'), bot: 'patient', chatId: 4, template: 'note', failedAt: T0 + 20 * HOUR, lastError: 'gave up after 4 attempts: 500 Internal Server Error' },
    ]);
  });
});
