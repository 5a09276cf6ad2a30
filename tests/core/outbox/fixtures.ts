import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Api, type Transformer } from 'grammy';
import { pino } from 'pino';
import { createOutboxSender, type OutboxSender, type OutboxSenderOptions } from '../../../bot/shared/outbox-sender.js';
import type { Clock } from '../../../core/clock.js';
import { createOutboxRepository, insertOutboxRow, type OutboxBot, type OutboxRepository } from '../../../core/outbox/repository.js';
import { openDatabase, type Db } from '../../../db/client.js';
import { outbox } from '../../../db/schema.js';
import type { FakeBotApi } from '../../support/fake-bot-api.js';

export const PATIENT_TOKEN = '7001234567:AAF-patient-bot-token-for-tests';
export const STAFF_TOKEN = '7009999999:AAF-staff-bot-token-for-tests';

export interface NoteBench {
  db: Db;
  repo: OutboxRepository;
  sender: OutboxSender;
  /** Queues a plain message ('note') or an edit of an existing message ('note_edit'). */
  note(chatId: number, text: string, extra?: { bot?: OutboxBot; key?: string; expiresAt?: number; messageId?: number }): void;
  rows(): (typeof outbox.$inferSelect)[];
  /** A new sender over the same database, as after a restart of the process. */
  restart(options?: OutboxSenderOptions): OutboxSender;
  /** A sender on its own connection to the same database file, as a second process would have; closed with close(). */
  otherProcess(options?: OutboxSenderOptions): { repo: OutboxRepository; sender: OutboxSender };
  close(): void;
}

/**
 * The real sender and repository over a fresh SQLite file, with two trivial templates, so a test can watch delivery
 * itself (order, pacing, faults) without the service's renderers in the way.
 */
export function createNoteBench(
  api: FakeBotApi,
  clock: Clock,
  options: OutboxSenderOptions & { timeoutSeconds?: number; /** Installed on the first sender's Apis only, not after restart(). */ transformer?: Transformer } = {},
): NoteBench {
  const dir = mkdtempSync(path.join(tmpdir(), 'oz-outbox-'));
  const file = path.join(dir, 'db.sqlite');
  const db = openDatabase(file);
  const repo = createOutboxRepository(db);
  const others: Db[] = [];
  let counter = 0;
  const { timeoutSeconds, transformer, ...senderOptions } = options;
  const botApi = (token: string, t: Transformer | undefined) => {
    const a = new Api(token, { apiRoot: api.apiRoot, ...(timeoutSeconds ? { timeoutSeconds } : {}) });
    if (t) a.config.use(t);
    return a;
  };
  const channel = (token: string, t?: Transformer) => ({
    api: botApi(token, t),
    locale: () => 'ru',
    translate: (_locale: string, key: string) => key,
    renderers: {
      note: (row: { params: Record<string, unknown> }) => ({ kind: 'message' as const, text: String(row.params.text) }),
      note_edit: (row: { params: Record<string, unknown> }) => ({ kind: 'edit' as const, messageId: Number(row.params.messageId), text: String(row.params.text) }),
    },
  });
  const build = (o: OutboxSenderOptions, t?: Transformer, on: OutboxRepository = repo) =>
    createOutboxSender({
      repo: on,
      channels: { patient: channel(PATIENT_TOKEN, t), staff: channel(STAFF_TOKEN, t) },
      clock,
      logger: pino({ level: process.env.TEST_LOG ?? 'silent' }),
      options: { random: () => 0.5, ...o },
    });
  return {
    db,
    repo,
    sender: build(senderOptions, transformer),
    note(chatId, text, extra = {}) {
      counter += 1;
      const params = {
        text,
        ...(extra.expiresAt !== undefined ? { expiresAt: extra.expiresAt } : {}),
        ...(extra.messageId !== undefined ? { messageId: extra.messageId } : {}),
      };
      insertOutboxRow(
        db,
        { bot: extra.bot ?? 'patient', chatId, template: extra.messageId !== undefined ? 'note_edit' : 'note', params, dedupeKey: extra.key ?? `note:${counter}` },
        clock.now(),
      );
    },
    rows: () => db.select().from(outbox).orderBy(outbox.id).all(),
    // As the service starts after a stop: it holds DATA_DIR's lock, so the stopped sender's leases are freed.
    restart: (o = senderOptions) => {
      repo.releaseLeases();
      return build(o);
    },
    otherProcess(o = senderOptions) {
      const other = openDatabase(file);
      others.push(other);
      const otherRepo = createOutboxRepository(other);
      return { repo: otherRepo, sender: build(o, undefined, otherRepo) };
    },
    close() {
      for (const other of others) other.$client.close();
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
