import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { Context } from 'grammy';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../../bot/shared/i18n.js';
import { smsRenderers } from '../../../bot/sms/renderers.js';
import { OPERATOR } from '../../../core/actor.js';
import { DEFAULT_LEASE_MS } from '../../../core/outbox/lease.js';
import { createReferralInvites } from '../../../core/referrals/invites.js';
import type { SmsGateway } from '../../../core/sms/gateway.js';
import { createLogSmsGateway } from '../../../core/sms/log-gateway.js';
import { enqueueSms, insertSmsRow } from '../../../core/sms/outbox.js';
import { createSmsRepository } from '../../../core/sms/repository.js';
import { createSmsSender } from '../../../core/sms/sender.js';
import { createSmsRuGateway } from '../../../core/sms/smsru-gateway.js';
import { openDatabase, type Db } from '../../../db/client.js';
import { referrals, smsOutbox } from '../../../db/schema.js';
import { createSmsRuFake } from './smsru-fake.js';

const API_ID = 'A1B2C3D4-E5F6-A7B8-C9D0-E1F2A3B4C5D6';
const CODE = 'Ab3_x-Z9qK0w';
const PHONE = '+79123456789';
const fake = createSmsRuFake({ apiId: API_ID });
const i18n = createI18n<Context>(() => undefined);
const translate = (locale: string, key: string, params: Record<string, string>) => i18n.t(locale, key, params);

let db: Db;
let now: number;
const clock = { now: () => now };
let logs: string[];
const logger = () =>
  pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _enc, done) {
        logs.push(chunk.toString());
        done();
      },
    }),
  );

beforeAll(() => fake.listen());
beforeEach(() => {
  db = openDatabase(':memory:');
  now = Date.UTC(2026, 10, 25, 7, 0);
  logs = [];
});
afterEach(() => {
  fake.reset();
  db.$client.close();
});
afterAll(() => fake.close());

/** A referral as the import leaves it: its first invite queued in the same transaction. */
function referralWithInvite(phone = PHONE, timeZone?: string): number {
  return db.transaction((tx) => {
    const id = tx
      .insert(referrals)
      .values({ personKey: `иванова мария петровна|1961-03-05|${phone}`, fullName: 'Иванова Мария Петровна', birthDate: '1961-03-05', phone, centerCode: 'bakulev', conditionCode: 'chd', inviteCode: CODE, createdAt: now })
      .returning({ id: referrals.id })
      .get().id;
    enqueueSms(tx, { phone, purpose: 'referral_invite', params: timeZone ? { code: CODE, timeZone } : { code: CODE }, referralId: id, dedupeKey: `referral_invite:${id}:1` }, now);
    return id;
  });
}

function sender(gateway: SmsGateway = createSmsRuGateway({ apiId: API_ID, timeoutMs: 200 }), username: string | null = 'oblako_zdorovya_bot') {
  return createSmsSender({
    repo: createSmsRepository(db),
    gateway,
    renderers: smsRenderers({ translate, botUsername: () => username ?? undefined }),
    clock,
    logger: logger(),
  });
}

const row = () => db.select().from(smsOutbox).get()!;
const referral = (id: number) => db.select({ state: referrals.inviteState, sentAt: referrals.inviteSentAt, error: referrals.inviteError }).from(referrals).where(eq(referrals.id, id)).get()!;
/**
 * Runs the sender at each time the single row is due until it is sent or failed: when it was tried, when the renderer
 * held it instead (and until when), and how long it was being tried: from each try to the next try or hold.
 */
async function untilSettled(s: ReturnType<typeof sender>) {
  const tries: number[] = [];
  const holds: Array<{ at: number; until: number }> = [];
  let tryingMs = 0;
  let lastTry: number | undefined;
  for (let step = 0; step < 500; step++) {
    // The pause after a try counts until the next try or hold; a hold's own wait does not.
    if (lastTry !== undefined) tryingMs += now - lastTry;
    const before = fake.requests.length;
    await s.flush();
    const r = row();
    const tried = fake.requests.length > before;
    if (tried) tries.push(now);
    else holds.push({ at: now, until: r.nextAttemptAt });
    lastTry = tried ? now : undefined;
    if (r.state !== 'queued') return { tries, holds, tryingMs };
    now = r.nextAttemptAt;
  }
  throw new Error('the row never settled');
}

const LINK_TEXT = `Облако здоровья: направление на онлайн-консультацию. Откройте: https://t.me/oblako_zdorovya_bot?start=ref_${CODE}`;

describe('SMS sender through SMS.ru', () => {
  it('a sent message: one POST as SMS.ru documents it; the row and the referral record it', async () => {
    const id = referralWithInvite();
    expect(await sender().flush()).toBe(1);
    expect(fake.requests).toEqual([{ method: 'POST', fields: { api_id: API_ID, to: '79123456789', msg: LINK_TEXT, json: '1' } }]);
    expect(row()).toMatchObject({ state: 'sent', attempts: 1, providerMessageId: '000000-10000000', text: LINK_TEXT, sentAt: now, lastError: null });
    expect(referral(id)).toEqual({ state: 'sent', sentAt: now, error: null });
    // Nothing is due any more: a second run sends nothing.
    expect(await sender().flush()).toBe(0);
    expect(fake.requests).toHaveLength(1);
  });

  it('the sender name and test mode go along when configured', async () => {
    referralWithInvite();
    await sender(createSmsRuGateway({ apiId: API_ID, sender: 'OblakoZd', test: true })).flush();
    expect(fake.requests[0]!.fields).toMatchObject({ from: 'OblakoZd', test: '1' });
    expect(row().state).toBe('sent');
  });

  it('a refused number is failed at once with the reason, on the row and the referral', async () => {
    const id = referralWithInvite();
    fake.failNext(fake.refuse(207));
    await sender().flush();
    expect(row()).toMatchObject({ state: 'failed', attempts: 1, lastError: 'SMS.ru 207: no delivery route to this number', text: LINK_TEXT });
    expect(referral(id)).toEqual({ state: 'failed', sentAt: null, error: 'SMS.ru 207: no delivery route to this number' });
    now += 24 * 3600_000;
    expect(await sender().flush()).toBe(0);
    expect(fake.requests).toHaveLength(1);
  });

  it('a malformed number the provider rejects (202) is not retried', async () => {
    referralWithInvite('+7912345');
    await sender().flush();
    expect(row()).toMatchObject({ state: 'failed', lastError: expect.stringMatching(/^SMS\.ru 202: invalid recipient number/) });
  });

  it('no money on the account: kept queued with backoff, sent once the account is topped up', async () => {
    const id = referralWithInvite();
    fake.failNext(fake.refuse(201, 'request'), fake.refuse(201, 'request'));
    const s = sender();
    await s.flush();
    expect(row()).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: now + 30_000, lastError: 'SMS.ru 201: not enough money on the SMS.ru account' });
    expect(referral(id)).toEqual({ state: 'queued', sentAt: null, error: 'SMS.ru 201: not enough money on the SMS.ru account' });
    // Not due yet: nothing is sent before the backoff ends.
    now += 29_000;
    expect(await s.flush()).toBe(0);
    now += 1_000;
    await s.flush();
    expect(row()).toMatchObject({ state: 'queued', attempts: 2, nextAttemptAt: now + 60_000 });
    now += 60_000;
    await s.flush();
    expect(row()).toMatchObject({ state: 'sent', attempts: 3, lastError: null });
    expect(referral(id)).toEqual({ state: 'sent', sentAt: now, error: null });
    expect(fake.requests).toHaveLength(3);
  });

  it('HTTP 500: retried with growing pauses, and failed after 24 hours of trying; the nights it was held do not count', async () => {
    // Moscow's daytime from 10:00: the retries run into its nights, where the invite waits for 09:00.
    const id = referralWithInvite(PHONE, 'Europe/Moscow');
    fake.failAlways({ kind: 'http', status: 500 });
    const start = now;
    const { tries, holds, tryingMs } = await untilSettled(sender());
    const pauses = tries.slice(1, 8).map((t, i) => t - tries[i]!);
    expect(pauses).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_800_000]);
    // Tried only in Moscow's daytime (09:00-21:00 is 06:00-18:00 UTC), held each night until 09:00.
    expect(tries.every((t) => new Date(t).getUTCHours() >= 6 && new Date(t).getUTCHours() < 18)).toBe(true);
    expect(holds.map((h) => new Date(h.until).toISOString())).toEqual(['2026-11-26T06:00:00.000Z', '2026-11-27T06:00:00.000Z']);
    expect(tryingMs).toBeGreaterThanOrEqual(24 * 3600_000);
    expect(tryingMs).toBeLessThan(24 * 3600_000 + 1_800_000);
    expect(now - start).toBeGreaterThanOrEqual(2 * 24 * 3600_000);
    expect(tries).toHaveLength(54);
    expect(row()).toMatchObject({ state: 'failed', attempts: 54, lastError: 'gave up after 54 attempts: SMS.ru HTTP 500' });
    expect(referral(id)).toMatchObject({ state: 'failed', error: 'gave up after 54 attempts: SMS.ru HTTP 500' });
  });

  it('an invite of unknown zone held until the daytime window, then HTTP 500s: 24 h of trying across the following days, not failed after the first window', async () => {
    now = Date.UTC(2026, 10, 25, 19, 0); // 22:00 in Moscow: night somewhere in Russia until 10:00 Moscow time
    const id = referralWithInvite();
    fake.failAlways({ kind: 'http', status: 500 });
    const s = sender();
    await s.flush();
    expect(fake.requests).toHaveLength(0);
    expect(row()).toMatchObject({ state: 'queued', attempts: 0, nextAttemptAt: Date.UTC(2026, 10, 26, 7, 0) });

    const { tries, holds, tryingMs } = await untilSettled(s);
    expect(tries[0]).toBe(Date.UTC(2026, 10, 26, 7, 0));
    // Only in the hour that is daytime from Kaliningrad to Kamchatka (07:00-09:00 UTC).
    expect(tries.every((t) => [7, 8].includes(new Date(t).getUTCHours()))).toBe(true);
    // Not failed once the first window closed (as a bound counted from the queueing, or from the first try, would
    // have it at the next morning's first try): held each night and tried again, day after day.
    const firstDay = tries.filter((t) => t < Date.UTC(2026, 10, 27)).length;
    expect(tries.length).toBeGreaterThan(firstDay + 1);
    const days = new Set(tries.map((t) => new Date(t).toISOString().slice(0, 10)));
    expect(days.size).toBe(holds.length);
    expect(days.size).toBeGreaterThanOrEqual(12);
    expect(tryingMs).toBeGreaterThanOrEqual(24 * 3600_000);
    expect(tryingMs).toBeLessThan(24 * 3600_000 + 1_800_000);
    expect(tries).toHaveLength(54);
    expect(row()).toMatchObject({ state: 'failed', attempts: 54, lastError: 'gave up after 54 attempts: SMS.ru HTTP 500' });
    expect(referral(id)).toMatchObject({ state: 'failed', error: 'gave up after 54 attempts: SMS.ru HTTP 500' });
  });

  it('quiet hours: an invite waits for 09:00 in its zone (or for an hour that is daytime all over Russia); a notice does not wait', async () => {
    now = Date.UTC(2026, 10, 25, 13, 0); // 23:00 in Vladivostok, 16:00 in Moscow
    const vladivostok = referralWithInvite(PHONE, 'Asia/Vladivostok');
    const s = sender();
    await s.flush();
    expect(fake.requests).toHaveLength(0);
    expect(row()).toMatchObject({ state: 'queued', attempts: 0, nextAttemptAt: Date.UTC(2026, 10, 25, 23, 0) });
    now = Date.UTC(2026, 10, 25, 23, 0);
    await s.flush();
    expect(row()).toMatchObject({ state: 'sent', attempts: 1 });
    expect(referral(vladivostok).state).toBe('sent');

    db.$client.exec('delete from sms_outbox; delete from referrals');
    now = Date.UTC(2026, 10, 25, 10, 0); // 13:00 in Moscow, but 22:00 in Kamchatka
    referralWithInvite(PHONE);
    await s.flush();
    expect(row()).toMatchObject({ state: 'queued', nextAttemptAt: Date.UTC(2026, 10, 26, 7, 0) });

    enqueueSms(db, { phone: PHONE, purpose: 'notice_fallback', params: { notice: 'cancelled', startsAt: now + 86_400_000, timeZone: 'Asia/Vladivostok' }, dedupeKey: 'fallback:quiet' }, now);
    await s.flush();
    expect(fake.requests).toHaveLength(2);
  });

  it('a timeout: recorded, retried later, then sent — nothing lost', async () => {
    const id = referralWithInvite();
    fake.failNext({ kind: 'timeout' });
    const s = sender();
    await s.flush();
    expect(row()).toMatchObject({ state: 'queued', attempts: 1, lastError: 'SMS.ru did not answer within 0.2 s' });
    expect(referral(id)).toMatchObject({ state: 'queued', error: 'SMS.ru did not answer within 0.2 s' });
    now += 30_000;
    await s.flush();
    expect(row()).toMatchObject({ state: 'sent', attempts: 2, providerMessageId: expect.stringMatching(/^000000-\d+$/) });
    expect(fake.requests).toHaveLength(2);
    expect(referral(id).state).toBe('sent');
  });

  it('timeouts until the bound: failed with the reason, never silently dropped', async () => {
    referralWithInvite();
    fake.failAlways({ kind: 'timeout' });
    const s = createSmsSender({
      repo: createSmsRepository(db),
      gateway: createSmsRuGateway({ apiId: API_ID, timeoutMs: 50 }),
      renderers: smsRenderers({ translate, botUsername: () => 'oblako_zdorovya_bot' }),
      clock,
      logger: logger(),
      options: { giveUpAfterMs: 5 * 60_000 },
    });
    for (let i = 0; i < 20 && row().state === 'queued'; i++) {
      await s.flush();
      now = Math.max(now, row().nextAttemptAt);
    }
    expect(row()).toMatchObject({ state: 'failed', lastError: expect.stringMatching(/^gave up after \d+ attempts: SMS\.ru did not answer within 0\.05 s$/) });
  });

  it('a failed connection is retried, then sent', async () => {
    referralWithInvite();
    fake.failNext({ kind: 'network' });
    const s = sender();
    await s.flush();
    expect(row()).toMatchObject({ state: 'queued', attempts: 1, lastError: expect.stringMatching(/^SMS\.ru unreachable: /) });
    now += 30_000;
    await s.flush();
    expect(row()).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('an unreadable answer and a temporarily unavailable service are retried', async () => {
    referralWithInvite();
    fake.failNext({ kind: 'garbage' }, fake.refuse(220, 'request'));
    const s = sender();
    await s.flush();
    expect(row()).toMatchObject({ state: 'queued', lastError: expect.stringMatching(/^SMS\.ru answered something unreadable/) });
    now += 30_000;
    await s.flush();
    expect(row()).toMatchObject({ state: 'queued', attempts: 2, lastError: 'SMS.ru 220: service temporarily unavailable' });
    now += 60_000;
    await s.flush();
    expect(row().state).toBe('sent');
  });

  it('a wrong api_id is kept for a retry (fixing the key sends everything queued) and logged', async () => {
    referralWithInvite();
    await sender(createSmsRuGateway({ apiId: 'WRONG-WRONG-WRONG-WRONG' })).flush();
    expect(row()).toMatchObject({ state: 'queued', lastError: 'SMS.ru 200: invalid api_id (check SMSRU_API_ID)' });
    now += 30_000;
    await sender().flush();
    expect(row().state).toBe('sent');
  });

  it("a crash while the provider is answering loses nothing: the row is still queued, the next start sends it once the dead one's lease runs out", async () => {
    const id = referralWithInvite();
    let calls = 0;
    const hanging: SmsGateway = { name: 'hanging', send: () => (calls++, new Promise(() => {})) };
    void sender(hanging).flush();
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toBe(1);
    expect(row()).toMatchObject({ state: 'queued', attempts: 0 });
    expect(referral(id).state).toBe('queued');
    // "Restart": a new sender over the same database. The hanging one's claim holds the row until its lease runs out.
    await sender().flush();
    expect(row()).toMatchObject({ state: 'queued', attempts: 0 });
    now += DEFAULT_LEASE_MS;
    await sender().flush();
    expect(row()).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('without the patient bot username the invite is kept queued with the reason, and goes once it is known', async () => {
    const id = referralWithInvite();
    await sender(undefined, null).flush();
    expect(fake.requests).toEqual([]);
    expect(row()).toMatchObject({ state: 'queued', attempts: 0, nextAttemptAt: now + 5 * 60_000, lastError: expect.stringMatching(/PATIENT_BOT_USERNAME/) });
    expect(referral(id)).toMatchObject({ state: 'queued', error: expect.stringMatching(/PATIENT_BOT_USERNAME/) });
    expect(logs.join('')).toMatch(/SMS kept queued/);
    now += 5 * 60_000;
    await sender().flush();
    expect(row()).toMatchObject({ state: 'sent', text: LINK_TEXT });
  });

  it('an unknown purpose is kept for a later release; a fallback notice is sent without touching any referral', async () => {
    insertSmsRow(db, { phone: PHONE, purpose: 'future_thing', params: {}, dedupeKey: 'x:1' }, now);
    enqueueSms(db, { phone: PHONE, purpose: 'notice_fallback', params: { notice: 'cancelled', startsAt: now + 86_400_000, timeZone: 'Asia/Vladivostok' }, dedupeKey: 'fallback:1' }, now);
    await sender().flush();
    const rows = db.select().from(smsOutbox).all();
    expect(rows[0]).toMatchObject({ state: 'queued', attempts: 0, lastError: 'no renderer for future_thing' });
    expect(rows[1]).toMatchObject({ state: 'sent', text: 'Облако здоровья: консультация 26.11 17:00 по владивостокскому времени (МСК+7) отменена. Подробности — в Telegram.' });
  });
});

describe('invite state after a resend', () => {
  it('an older invite answered late does not overwrite the state of the newer one', async () => {
    const id = referralWithInvite();
    // The first invite is in flight when the manager resends; the provider then accepts the first one.
    let release!: () => void;
    const slow: SmsGateway = { name: 'slow', send: () => new Promise((resolve) => (release = () => resolve({ providerMessageId: 'late-1' }))) };
    const running = sender(slow);
    running.start(60_000);
    await new Promise((r) => setTimeout(r, 20));
    const audit = { record: () => {} };
    createReferralInvites({ db, clock, audit }).resend(id, OPERATOR);
    release();
    await running.stop();
    const rows = db.select({ key: smsOutbox.dedupeKey, state: smsOutbox.state, providerMessageId: smsOutbox.providerMessageId }).from(smsOutbox).all();
    // The truth about each SMS is recorded (the first did go out) ...
    expect(rows).toEqual([
      { key: `referral_invite:${id}:1`, state: 'sent', providerMessageId: 'late-1' },
      { key: `referral_invite:${id}:2`, state: 'queued', providerMessageId: null },
    ]);
    // ... but the referral follows its newest invite, which is still waiting.
    expect(referral(id)).toEqual({ state: 'queued', sentAt: null, error: null });
    await sender().flush();
    expect(referral(id)).toEqual({ state: 'sent', sentAt: now, error: null });
  });
});

describe('the log gateway', () => {
  it('counts the message as sent with no provider id and says loudly it reached no phone; the log hides the number and the link', async () => {
    const id = referralWithInvite();
    logs = [];
    await sender(createLogSmsGateway(logger())).flush();
    expect(row()).toMatchObject({ state: 'sent', providerMessageId: null, text: LINK_TEXT });
    expect(referral(id).state).toBe('sent');
    const line = logs.map((l) => JSON.parse(l) as { msg: string; sms?: { to: string; text: string; segments: number }; delivered?: boolean }).find((l) => l.sms)!;
    expect(line.msg).toMatch(/NOT DELIVERED to a real phone/);
    expect(line.delivered).toBe(false);
    expect(line.sms).toMatchObject({ to: '+7******6789', segments: 2, text: expect.stringContaining('?start=[redacted]') });
    const all = logs.join('\n');
    expect(all).not.toContain('9123456789');
    expect(all).not.toContain(CODE);
  });
});
