import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Api, InlineKeyboard } from 'grammy';
import { pino } from 'pino';
import { createOutboxSender } from '../../bot/shared/outbox-sender.js';
import { TELEGRAM_LIMITS } from '../../bot/shared/outbox-pacing.js';
import { systemClock } from '../../core/clock.js';
import { createOutboxRepository, insertOutboxRow } from '../../core/outbox/repository.js';
import { openDatabase } from '../../db/client.js';

const TOKEN = '7001234567:AAF-bench-token-bench-token';
const LIMIT_PER_SECOND = 30;
const CHAT_INTERVAL_MS = 1000;
const FIRST_CHAT = 100_000_000;

/**
 * A Bot API over real HTTP that enforces Telegram's flood limits as strictly as they are documented: at most 30
 * messages in any second per bot and one per second per chat, counted when the request arrives; anything beyond is
 * answered 429 with retry_after and not delivered. It records what each chat received.
 */
async function startLimitedBotApi() {
  const accepted: number[] = [];
  const lastToChat = new Map<number, number>();
  const received = new Map<number, number>();
  const floods: number[] = [];
  let lastAcceptedAt = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      const answer = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (!req.url?.endsWith('/sendMessage')) return answer(404, { ok: false, error_code: 404, description: 'Not Found' });
      const params = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { chat_id: number; text: string };
      while (accepted.length > 0 && accepted[0]! <= at - 1000) accepted.shift();
      const last = lastToChat.get(params.chat_id);
      if (accepted.length >= LIMIT_PER_SECOND || (last !== undefined && at - last < CHAT_INTERVAL_MS)) {
        floods.push(at);
        return answer(429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
      }
      accepted.push(at);
      lastAcceptedAt = at;
      lastToChat.set(params.chat_id, at);
      received.set(params.chat_id, (received.get(params.chat_id) ?? 0) + 1);
      answer(200, {
        ok: true,
        result: { message_id: received.get(params.chat_id), date: Math.floor(at / 1000), chat: { id: params.chat_id, type: 'private' }, text: params.text },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    received,
    floods,
    lastAcceptedAt: () => lastAcceptedAt,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Fan-out: `count` reminders to `count` chats through the real outbox sender (its repository on SQLite, its pacing,
 * its loop) against the limited Bot API above. The figures: the rate achieved against Telegram's 30/s, messages lost,
 * duplicated, and 429s provoked.
 */
export async function benchFanout(count = Number(process.env.FANOUT_COUNT ?? 10_000)) {
  const dir = mkdtempSync(path.join(tmpdir(), 'oz-fanout-'));
  const telegram = await startLimitedBotApi();
  try {
    const db = openDatabase(path.join(dir, 'db.sqlite'));
    const repo = createOutboxRepository(db);
    const startsAt = Date.now() + 24 * 3600_000;
    db.$client.transaction(() => {
      for (let i = 0; i < count; i++) {
        insertOutboxRow(
          db,
          { bot: 'patient', chatId: FIRST_CHAT + i, template: 'reminder', params: { consultationId: i + 1, expiresAt: startsAt }, dedupeKey: `bench:${i}:24h` },
          Date.now(),
        );
      }
    })();
    const sender = createOutboxSender({
      repo,
      clock: systemClock,
      logger: pino({ level: process.env.BENCH_LOG ?? 'silent' }),
      channels: {
        patient: {
          api: new Api(TOKEN, { apiRoot: telegram.apiRoot, timeoutSeconds: 30 }),
          locale: () => 'ru',
          translate: (_locale, key) => key,
          renderers: {
            reminder: (row) => ({
              kind: 'message',
              text: `⏰ Завтра в 10:00 (МСК) — видеоконсультация № ${String(row.params.consultationId)}.`,
              replyMarkup: new InlineKeyboard().url('Подключиться', 'https://oblako.test/app/').text('Отменить', `cancel:${String(row.params.consultationId)}`),
            }),
          },
        },
      },
    });

    const started = Date.now();
    sender.start();
    while (repo.pendingCount() > 0 && Date.now() - started < (count / 20 + 120) * 1000) await new Promise((r) => setTimeout(r, 250));
    await sender.stop();
    const finished = Date.now();

    const delivered = [...telegram.received.values()].filter((n) => n > 0).length;
    const duplicates = [...telegram.received.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    const failed = db.$client.prepare('SELECT count(*) FROM outbox WHERE failed_at IS NOT NULL').pluck().get() as number;
    const durationS = (finished - started) / 1000;
    // From the start of the sender to the last message Telegram accepted (the polling after it is not sending time),
    // plus that last message's own second: at exactly 30/s in bursts, N messages span N/30 - 1 s from first to last.
    const rate = delivered / ((telegram.lastAcceptedAt() - started) / 1000 + 1);
    db.$client.close();
    return {
      name: 'fanout',
      messages: count,
      delivered,
      lost: count - delivered,
      duplicates,
      failedRows: failed,
      durationS: Number(durationS.toFixed(1)),
      ratePerSecond: Number(rate.toFixed(2)),
      limitPerSecond: LIMIT_PER_SECOND,
      ratioToLimit: Number((rate / LIMIT_PER_SECOND).toFixed(3)),
      ratioGoal: 0.9,
      // The sender's own ceiling: 30 in any 1.05 s, a margin for requests that arrive closer together than they left.
      senderCeilingPerSecond: Number(((TELEGRAM_LIMITS.perWindow * 1000) / TELEGRAM_LIMITS.windowMs).toFixed(2)),
      http429: telegram.floods.length,
      http429AfterFirst: Math.max(0, telegram.floods.length - 1),
      pass: rate / LIMIT_PER_SECOND >= 0.9 && delivered === count && duplicates === 0 && telegram.floods.length <= 1,
    };
  } finally {
    await telegram.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await benchFanout(), null, 2));
}
