import { GrammyError, HttpError, InputFile, type Api } from 'grammy';
import type { InlineKeyboardMarkup, Message } from 'grammy/types';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import type { OutboxBot, OutboxRepository, OutboxRow } from '../../core/outbox/repository.js';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** What a template turns into for one recipient, in their language. */
export type Rendered =
  | { kind: 'message'; text: string; replyMarkup?: InlineKeyboardMarkup }
  | { kind: 'document'; bytes: Buffer; fileName: string; caption?: string; replyMarkup?: InlineKeyboardMarkup }
  /** A picture shown inline (sendPhoto); bytes are uploaded, since one bot cannot reuse another bot's file_id. */
  | { kind: 'photo'; bytes: Buffer; fileName: string; caption?: string; replyMarkup?: InlineKeyboardMarkup }
  | { kind: 'edit'; messageId: number; text: string; replyMarkup?: InlineKeyboardMarkup }
  /** The subject is gone (deleted by the person): nothing to say any more. */
  | { kind: 'skip'; reason: string };

export type Renderer = (row: OutboxRow, t: Translate, locale: string) => Rendered | Promise<Rendered>;

export interface OutboxChannel {
  api: Api;
  locale(chatId: number): string;
  translate(locale: string, key: string, params?: Record<string, string | number>): string;
  renderers: Record<string, Renderer>;
  /** Called after Telegram accepted a message, e.g. to remember which message announced what. */
  onSent?: Record<string, (row: OutboxRow, message: Message) => void>;
}

const MAX_ATTEMPTS = 8;
const BATCH = 25;

function backoffMs(attempts: number): number {
  return Math.min(15 * 60_000, 2_000 * 2 ** attempts);
}

/**
 * Sends what the outbox holds, oldest first. Telegram's answer decides the row's fate: sent; retried later
 * (429 after retry_after, 5xx and network errors with backoff); or failed for good (403 blocked, 400).
 */
export function createOutboxSender(deps: {
  repo: OutboxRepository;
  channels: Partial<Record<OutboxBot, OutboxChannel>>;
  clock: Clock;
  logger: Logger;
}) {
  const { repo, clock, logger } = deps;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  async function deliver(row: OutboxRow, channel: OutboxChannel): Promise<Message | true | null> {
    const renderer = channel.renderers[row.template]!;
    const locale = channel.locale(row.chatId);
    const t: Translate = (key, params) => channel.translate(locale, key, params);
    const out = await renderer(row, t, locale);
    switch (out.kind) {
      case 'skip':
        return null;
      case 'message':
        return channel.api.sendMessage(row.chatId, out.text, out.replyMarkup ? { reply_markup: out.replyMarkup } : {});
      case 'document':
        return channel.api.sendDocument(row.chatId, new InputFile(out.bytes, out.fileName), {
          ...(out.caption ? { caption: out.caption } : {}),
          ...(out.replyMarkup ? { reply_markup: out.replyMarkup } : {}),
        });
      case 'photo':
        return channel.api.sendPhoto(row.chatId, new InputFile(out.bytes, out.fileName), {
          ...(out.caption ? { caption: out.caption } : {}),
          ...(out.replyMarkup ? { reply_markup: out.replyMarkup } : {}),
        });
      case 'edit':
        return channel.api.editMessageText(row.chatId, out.messageId, out.text, out.replyMarkup ? { reply_markup: out.replyMarkup } : {});
    }
  }

  async function sendOne(row: OutboxRow): Promise<void> {
    const channel = deps.channels[row.bot];
    const attempts = row.attempts + 1;
    if (!channel) {
      repo.retryLater(row.id, row.attempts, clock.now() + 60_000, `no ${row.bot} bot configured`);
      return;
    }
    if (!channel.renderers[row.template]) {
      // A deploy bug, not the person's: keep the message for the release that knows how to say it.
      logger.error({ outboxId: row.id, template: row.template }, 'no renderer for outbox template');
      repo.retryLater(row.id, row.attempts, clock.now() + 10 * 60_000, `no renderer for ${row.template}`);
      return;
    }
    try {
      const result = await deliver(row, channel);
      const message = result && result !== true ? result : undefined;
      repo.markSent(row.id, clock.now(), message?.message_id ?? null);
      if (message) channel.onSent?.[row.template]?.(row, message);
    } catch (err) {
      const now = clock.now();
      if (err instanceof GrammyError) {
        const retryAfter = err.parameters.retry_after;
        if (err.error_code === 429 && retryAfter !== undefined) {
          repo.retryLater(row.id, row.attempts, now + retryAfter * 1000, err.description);
        } else if (err.error_code >= 500 && attempts < MAX_ATTEMPTS) {
          repo.retryLater(row.id, attempts, now + backoffMs(attempts), err.description);
        } else {
          // 403: the person blocked the bot; 400: the message can never be sent as it is.
          repo.markFailed(row.id, now, attempts, `${err.error_code} ${err.description}`);
          logger.warn({ outboxId: row.id, template: row.template, code: err.error_code }, 'outbox message failed');
        }
      } else if (err instanceof HttpError && attempts < MAX_ATTEMPTS) {
        repo.retryLater(row.id, attempts, now + backoffMs(attempts), String(err.message));
      } else {
        repo.markFailed(row.id, now, attempts, err instanceof Error ? err.message : String(err));
        logger.error({ err, outboxId: row.id, template: row.template }, 'outbox message failed');
      }
    }
  }

  async function tick(): Promise<number> {
    const rows = repo.due(clock.now(), BATCH);
    for (const row of rows) await sendOne(row);
    return rows.length;
  }

  return {
    /** Sends everything due now (one batch at a time); returns how many were handled. */
    async flush(): Promise<number> {
      let total = 0;
      for (let n = await tick(); n > 0; n = await tick()) total += n;
      return total;
    },
    start(intervalMs = 1000): void {
      const loop = async () => {
        running = tick().catch((err) => {
          logger.error({ err }, 'outbox tick failed');
          return 0;
        });
        await running;
        if (!stopped) timer = setTimeout(loop, intervalMs);
      };
      stopped = false;
      timer = setTimeout(loop, 0);
    },
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export type OutboxSender = ReturnType<typeof createOutboxSender>;
