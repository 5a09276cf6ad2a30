import { Api, HttpError, type GrammyError } from 'grammy';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFakeBotApi } from './fake-bot-api.js';

let now = Date.UTC(2026, 10, 25, 7, 0);
const api = createFakeBotApi({ now: () => now });
const TOKEN = '7001234567:AAF-patient-bot-token-for-tests';
const OTHER = '7009999999:AAF-staff-bot-token-for-tests';
const bot = (token = TOKEN, timeoutSeconds?: number) => new Api(token, { apiRoot: api.apiRoot, ...(timeoutSeconds ? { timeoutSeconds } : {}) });
const refusal = (p: Promise<unknown>) => p.then(() => expect.unreachable('the call should fail'), (e: unknown) => e);

beforeAll(() => api.listen());
afterEach(() => api.reset());
afterAll(() => api.close());

describe('fault injection (opt-in; the default fake is unchanged)', () => {
  it('blockChat: 403 with Telegram’s texts, for that bot only; unblockChat lifts it', async () => {
    api.blockChat(1, { token: TOKEN });
    api.blockChat(2, { deactivated: true });
    const blocked = (await refusal(bot().sendMessage(1, 'x'))) as GrammyError;
    expect([blocked.error_code, blocked.description]).toEqual([403, 'Forbidden: bot was blocked by the user']);
    expect(((await refusal(bot().sendMessage(2, 'x'))) as GrammyError).description).toBe('Forbidden: user is deactivated');
    await bot(OTHER).sendMessage(1, 'the other bot is not blocked');
    api.unblockChat(1, TOKEN);
    await bot().sendMessage(1, 'again');
    expect(api.sent(1).map((m) => m.text)).toEqual(['the other bot is not blocked', 'again']);
  });

  it('enforceLimits: the 31st message within a second, or a second to one chat within a second, is 429 and not delivered', async () => {
    api.enforceLimits({ retryAfter: 3 });
    for (let chat = 1; chat <= 30; chat++) await bot().sendMessage(chat, 'x');
    const flood = (await refusal(bot().sendMessage(31, 'x'))) as GrammyError;
    expect([flood.error_code, flood.parameters.retry_after]).toEqual([429, 3]);
    await bot(OTHER).sendMessage(31, 'another bot has its own budget');
    now += 999;
    expect(((await refusal(bot().sendMessage(1, 'x'))) as GrammyError).error_code).toBe(429);
    now += 1;
    await bot().sendMessage(1, 'a second later');
    expect(((await refusal(bot().sendMessage(1, 'x'))) as GrammyError).error_code).toBe(429);
    expect(api.sent(31)).toHaveLength(1);
    expect(api.sent(1).map((m) => m.text)).toEqual(['x', 'a second later']);
  });

  it("breakNext: 'network' never reaches the chat; 'answer_lost' and 'timeout' are delivered but the caller never hears", async () => {
    api.breakNext('sendMessage', 'network');
    expect(await refusal(bot().sendMessage(1, 'lost on the way'))).toBeInstanceOf(HttpError);
    api.breakNext('sendMessage', 'answer_lost');
    expect(await refusal(bot().sendMessage(1, 'answer lost'))).toBeInstanceOf(HttpError);
    api.breakNext('sendMessage', 'timeout');
    const timedOut = (await refusal(bot(TOKEN, 0.2).sendMessage(1, 'no answer'))) as HttpError;
    expect(timedOut).toBeInstanceOf(HttpError);
    expect(String((timedOut.error as Error).message)).toMatch(/timed out/);
    await bot().sendMessage(1, 'normal again');
    expect(api.sent(1).map((m) => m.text)).toEqual(['answer lost', 'no answer', 'normal again']);
    expect(api.callsOf('sendMessage').map((c) => c.fault)).toEqual(['network', 'answer_lost', 'timeout', undefined]);
  });
});
