import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../core/clock.js';
import { newLease } from '../../core/outbox/lease.js';
import { createFakeBotApi } from '../support/fake-bot-api.js';
import { createNoteBench, type NoteBench } from '../core/outbox/fixtures.js';

// Two outbox senders on one database file, each on its own connection, as two service processes would be (a second
// one started by mistake, or an old one still draining during a restart): rows are claimed under leases, so none is
// sent twice, and a dead sender's rows are taken over once its lease runs out.
const api = createFakeBotApi();
let b: NoteBench;
beforeAll(() => api.listen());
afterEach(() => {
  b.close();
  api.reset();
});
afterAll(() => api.close());

const CHATS = 100;
const PER_CHAT = 10;

describe('two senders on one database', () => {
  it('1,000 messages: each sent exactly once, every chat in order, both senders working', async () => {
    b = createNoteBench(api, systemClock);
    for (let i = 0; i < PER_CHAT; i++) for (let c = 0; c < CHATS; c++) b.note(7100000 + c, `${c}/${i}`);
    const second = b.otherProcess();
    const [first, other] = await Promise.all([b.sender.flush(), second.sender.flush()]);

    const texts = api.sent().map((m) => m.text);
    expect(texts).toHaveLength(CHATS * PER_CHAT);
    expect(new Set(texts).size).toBe(CHATS * PER_CHAT);
    for (let c = 0; c < CHATS; c += 17) expect(api.sent(7100000 + c).map((m) => m.text)).toEqual(Array.from({ length: PER_CHAT }, (_, i) => `${c}/${i}`));
    expect(first + other).toBe(CHATS * PER_CHAT);
    expect(Math.min(first, other)).toBeGreaterThan(0);
    expect(b.rows().every((r) => r.sentAt !== null && r.leaseOwner === null)).toBe(true);
  });

  it('rows claimed by a sender that died wait for its lease, then another sender sends them', async () => {
    let now = Date.UTC(2026, 10, 25, 7, 0);
    const clock = { now: () => now };
    b = createNoteBench(api, clock);
    b.note(7200001, 'первое');
    b.note(7200002, 'второе');
    // A sender claims both rows and dies before sending either.
    const dead = newLease(60_000);
    expect(b.repo.claim(clock.now(), 10, dead)).toHaveLength(2);

    const survivor = b.otherProcess();
    expect(await survivor.sender.flush()).toBe(0);
    expect(api.sent()).toEqual([]);

    now += 61_000;
    expect(await survivor.sender.flush()).toBe(2);
    expect(api.sent().map((m) => m.text).sort()).toEqual(['второе', 'первое']);
    expect(await b.sender.flush()).toBe(0);
    expect(api.sent()).toHaveLength(2);
  });
});
