import { afterEach, describe, expect, it } from 'vitest';
import { fixedWindow } from '../../api/rate-limit.js';
import { createApiHarness, initDataFor, type ApiHarness } from '../support/miniapp-api.js';
import { addPatient } from '../support/scheduling-fixtures.js';
import { manualClock } from '../support/service-harness.js';

let h: ApiHarness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

function harness(trustProxy = false) {
  h = createApiHarness({ rateLimit: { trustProxy } });
  const harnessed = h;
  // As @hono/node-server hands a request over: the socket's peer, and the Node request's own headers.
  const from = (ip: string, path: string, headers: Record<string, string> = {}) =>
    harnessed.app.request(path, { headers }, { incoming: { socket: { remoteAddress: ip }, headers } });
  const asUser = (ip: string, userId: number, path = '/api/me') =>
    from(ip, path, { authorization: `tma ${initDataFor(userId, { authDate: harnessed.clock.now() })}` });
  return { h: harnessed, from, asUser };
}

async function statuses(n: number, send: (i: number) => Response | Promise<Response>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await send(i)).status);
  return out;
}

describe('fixed window', () => {
  it('refuses the request after the limit until the window rolls, with the seconds left', () => {
    const clock = manualClock(Date.UTC(2026, 10, 25, 7, 0, 0));
    const hit = fixedWindow({ clock, limit: 2, windowMs: 60_000 });
    clock.advance(15_500);
    expect([hit('a'), hit('a')]).toEqual([undefined, undefined]);
    expect(hit('a')).toBe(45);
    expect(hit('b')).toBeUndefined();
    clock.advance(44_400);
    expect(hit('a')).toBe(1);
    clock.advance(100);
    expect(hit('a')).toBeUndefined();
  });

  it('holds no more keys than its cap', () => {
    const clock = manualClock(0);
    const hit = fixedWindow({ clock, limit: 1, windowMs: 60_000, maxKeys: 2 });
    expect([hit('a'), hit('b'), hit('c')]).toEqual([undefined, undefined, undefined]);
    // 'a' was dropped for 'c': counted afresh.
    expect(hit('a')).toBeUndefined();
    expect(hit('c')).toBe(60);
  });
});

describe('/verify rate limit', () => {
  it('trips at 31 a minute per address with Retry-After and a page in every language; resets after a minute', async () => {
    const { h, from } = harness();
    h.clock.set(Date.UTC(2026, 10, 25, 7, 0, 20));
    const codes = await statuses(30, () => from('203.0.113.5', '/verify/AAAA-BBBB-CCCC'));
    expect(codes.every((s) => s === 404)).toBe(true);
    const refused = await from('203.0.113.5', '/verify/AAAA-BBBB-CCCC');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('40');
    expect(refused.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await refused.text();
    expect(page).toContain('Слишком много проверок');
    expect(page).toContain('Too many checks');
    const json = await from('203.0.113.5', '/verify/AAAA-BBBB-CCCC.json');
    expect(json.status).toBe(429);
    expect(await json.json()).toEqual({ error: { code: 'rate_limited', message: 'Too many requests' } });
    // Another address is not touched.
    expect((await from('198.51.100.7', '/verify/AAAA-BBBB-CCCC')).status).toBe(404);
    h.clock.advance(60_000);
    expect((await from('203.0.113.5', '/verify/AAAA-BBBB-CCCC')).status).toBe(404);
  });

  it('without TRUST_PROXY ignores X-Forwarded-For; with it counts by its right-most entry', async () => {
    const off = harness(false);
    const direct = await statuses(30, (i) => off.from('127.0.0.1', '/verify', { 'x-forwarded-for': `10.0.0.${i}` }));
    expect(direct).toEqual(Array(30).fill(200));
    expect((await off.from('127.0.0.1', '/verify', { 'x-forwarded-for': '192.0.2.99' })).status).toBe(429);
    off.h.close();

    const on = harness(true);
    const viaProxy = (client: string, forged = '1.1.1.1') => on.from('127.0.0.1', '/verify', { 'x-forwarded-for': `${forged}, ${client}` });
    const codes = await statuses(30, (i) => viaProxy('192.0.2.10', `9.9.9.${i}`));
    expect(codes).toEqual(Array(30).fill(200));
    // The left entries are the client's own say: changing them does not make a new client.
    expect((await viaProxy('192.0.2.10', '8.8.8.8')).status).toBe(429);
    expect((await viaProxy('192.0.2.11')).status).toBe(200);
  });
});

describe('/api rate limits', () => {
  it('600 a minute per address before init data is checked, the room page included; JSON error and Retry-After', async () => {
    const { h, from } = harness();
    h.clock.set(Date.UTC(2026, 10, 25, 7, 0, 0));
    const codes = await statuses(600, () => from('203.0.113.5', '/api/me'));
    expect(codes.every((s) => s === 401)).toBe(true);
    const refused = await from('203.0.113.5', '/api/room/resume');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(await refused.json()).toEqual({ error: { code: 'rate_limited', message: 'Too many requests' } });
    expect((await from('198.51.100.7', '/api/me')).status).toBe(401);
    h.clock.advance(60_000);
    expect((await from('203.0.113.5', '/api/me')).status).toBe(401);
  });

  it('300 a minute per Telegram user once signed in, whatever address they come from', async () => {
    const { h, asUser } = harness();
    addPatient(h.services, 9001);
    addPatient(h.services, 9002);
    h.clock.set(Date.UTC(2026, 10, 25, 7, 0, 30));
    const codes = await statuses(300, (i) => asUser(`192.0.2.${i % 2}`, 9001));
    expect(codes.every((s) => s === 200)).toBe(true);
    const refused = await asUser('198.51.100.200', 9001);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    expect((await asUser('198.51.100.200', 9002)).status).toBe(200);
    h.clock.advance(30_000);
    expect((await asUser('198.51.100.200', 9001)).status).toBe(200);
  });
});
