import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from '../../api/server.js';
import { createOutboxRepository, enqueue } from '../../core/outbox/repository.js';
import { enqueueSms } from '../../core/sms/outbox.js';
import { openDatabase, type Db } from '../../db/client.js';
import { manualClock } from '../support/service-harness.js';

const MAX_LAG = 300;
let dir: string;
let db: Db;
let clock: ReturnType<typeof manualClock>;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'oz-health-'));
  db = openDatabase(path.join(dir, 'db.sqlite'));
  clock = manualClock();
});
afterEach(() => {
  if (db.$client.open) db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

async function health() {
  const app = createServer({ db, logger: pino({ level: 'silent' }), health: { clock, maxLagSeconds: MAX_LAG } });
  const res = await app.request('/healthz');
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const notice = (n: number) => ({ chatId: 5550000 + n, template: 'application_in_review' as const, params: { applicationId: n, center: 'cardio' }, dedupeKey: `test:${n}` });

describe('/healthz', () => {
  it('answers 200 with the database and both queues when nothing waits', async () => {
    expect(await health()).toEqual({
      status: 200,
      body: {
        status: 'ok',
        ok: true,
        db: 'ok',
        outbox: { pending: 0, due: 0, oldestAgeSeconds: 0, failed: 0 },
        sms: { pending: 0, due: 0, oldestAgeSeconds: 0, failed: 0 },
        maxLagSeconds: MAX_LAG,
        problems: [],
      },
    });
  });

  it('a message due for longer than the threshold makes it 503 (outbox_lag); sending it makes it healthy again', async () => {
    enqueue(db, notice(1), clock.now());
    clock.advance(60_000);
    expect(await health()).toMatchObject({ status: 200, body: { ok: true, outbox: { pending: 1, due: 1, oldestAgeSeconds: 60 } } });

    clock.advance((MAX_LAG - 60) * 1000);
    expect((await health()).status).toBe(200);
    clock.advance(1000);
    expect(await health()).toMatchObject({ status: 503, body: { status: 'degraded', ok: false, db: 'ok', problems: ['outbox_lag'], outbox: { oldestAgeSeconds: MAX_LAG + 1 } } });

    const [row] = createOutboxRepository(db).due(clock.now(), 10);
    createOutboxRepository(db).markSent(row!.id, clock.now(), 42);
    expect(await health()).toMatchObject({ status: 200, body: { outbox: { pending: 0, due: 0, oldestAgeSeconds: 0 } } });
  });

  it('a retry waiting out its backoff is pending but not lag; a message given up is counted as failed, not lag', async () => {
    const repo = createOutboxRepository(db);
    enqueue(db, notice(1), clock.now());
    enqueue(db, notice(2), clock.now());
    const [first, second] = repo.due(clock.now(), 10);
    clock.advance(3600_000);
    repo.retryLater(first!.id, 3, clock.now() + 30_000, '429: retry after 30');
    repo.markFailed(second!.id, clock.now(), 8, '403: bot was blocked by the user');
    expect(await health()).toMatchObject({ status: 200, body: { ok: true, outbox: { pending: 1, due: 0, oldestAgeSeconds: 0, failed: 1 } } });
  });

  it('a message waiting behind its chat’s earlier one, which waits out a backoff, is not lag either', async () => {
    const repo = createOutboxRepository(db);
    enqueue(db, notice(1), clock.now());
    enqueue(db, { ...notice(1), dedupeKey: 'test:1:next' }, clock.now());
    const [head] = repo.due(clock.now(), 10);
    repo.retryLater(head!.id, 6, clock.now() + 10 * 60_000, '500 Internal Server Error');
    clock.advance((MAX_LAG + 60) * 1000);
    expect(await health()).toMatchObject({ status: 200, body: { ok: true, outbox: { pending: 2, oldestAgeSeconds: 0 } } });
    // Once the head is due again and the sender does not get to it, that is lag.
    clock.advance(10 * 60_000);
    expect(await health()).toMatchObject({ status: 503, body: { problems: ['outbox_lag'] } });
  });

  it('an SMS stuck in its queue past the threshold is 503 (sms_lag)', async () => {
    enqueueSms(db, { phone: '+79123456789', purpose: 'referral_invite', params: { code: 'x' }, dedupeKey: 'sms:1' }, clock.now());
    clock.advance((MAX_LAG + 5) * 1000);
    expect(await health()).toMatchObject({ status: 503, body: { problems: ['sms_lag'], sms: { pending: 1, due: 1, oldestAgeSeconds: MAX_LAG + 5 }, outbox: { pending: 0 } } });
  });

  it('a database that does not answer is 503 with db: error', async () => {
    db.$client.close();
    expect(await health()).toEqual({ status: 503, body: { status: 'degraded', ok: false, db: 'error', problems: ['database'], maxLagSeconds: MAX_LAG } });
  });
});
