import { InputFile, type Api, type Transformer } from 'grammy';
import type { HtmlArgs } from './html.js';
import type { InlineKeyboardMarkup, Message } from 'grammy/types';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import { newLease, type Lease } from '../../core/outbox/lease.js';
import { RESENT_IN_DOUBT } from '../../core/outbox/report.js';
import { expiresAtOf, NO_RECIPIENT, NO_RENDERER, type OutboxBot, type OutboxMessage, type OutboxRepository, type OutboxRow } from '../../core/outbox/repository.js';
import { backoffMs, classify, DEFAULT_BACKOFF, type Backoff } from './outbox-outcome.js';
import { createPacer, TELEGRAM_LIMITS, type PacingLimits, type Ticket } from './outbox-pacing.js';
import { createOutboxLoop } from './outbox-loop.js';

/** A message text's translation: string params are escaped for Telegram HTML, Html fragments are not (bot/shared/html.ts). */
export type Translate = (key: string, params?: HtmlArgs) => string;

/** What a template turns into for one recipient, in their language. */
export type Rendered =
  | { kind: 'message'; text: string; replyMarkup?: InlineKeyboardMarkup }
  | { kind: 'document'; bytes: Buffer; fileName: string; caption?: string; replyMarkup?: InlineKeyboardMarkup }
  /** A picture shown inline (sendPhoto); bytes are uploaded, since one bot cannot reuse another bot's file_id. */
  | { kind: 'photo'; bytes: Buffer; fileName: string; caption?: string; replyMarkup?: InlineKeyboardMarkup; /** protect_content: no forwarding or saving (docs/operations.md, "Forwarding") */ protect?: boolean }
  | { kind: 'edit'; messageId: number; text: string; replyMarkup?: InlineKeyboardMarkup }
  /** Only the buttons of a message already sent change (an empty keyboard removes them): editMessageReplyMarkup. */
  | { kind: 'markup'; messageId: number; replyMarkup: InlineKeyboardMarkup }
  /** The subject is gone (deleted by the person): nothing to say any more. */
  | { kind: 'skip'; reason: string }
  /**
   * Still worth saying, but its recipient can no longer get it (e.g. a doctor deactivated since): failed for good, under
   * last_error "no recipient: <reason>", so the channel's onFailed can tell whoever waits for it.
   */
  | { kind: 'fail'; reason: string };

/** The sender's side of a renderer: any stored row. Bots write typed ones (bot/shared/renderers.ts) and check them into these. */
export type RowRenderer = (row: OutboxRow, t: Translate, locale: string) => Rendered | Promise<Rendered>;

export interface OutboxChannel {
  api: Api;
  locale(chatId: number): string;
  translate(locale: string, key: string, params?: HtmlArgs): string;
  renderers: Record<string, RowRenderer>;
  /** Called after Telegram accepted a message, e.g. to remember which message announced what. */
  onSent?: Record<string, (row: OutboxRow, message: Message) => void>;
  /**
   * Called when a row fails for good (given up, expired, refused): a message that must follow, e.g. telling the author
   * of a relayed chat message that it never arrived. Queued in the transaction that records the failure.
   */
  onFailed?: Record<string, (row: OutboxRow) => OutboxMessage | undefined>;
}

export interface OutboxSenderOptions {
  /** Per bot; Telegram's by default. */
  limits?: PacingLimits;
  /** A message that still fails this long after it was queued is given up (failed_at, last_error). Default 24 h. */
  giveUpMs?: number;
  backoff?: Backoff;
  /** Requests in flight at once, over both bots. */
  concurrency?: number;
  /** How often the loop looks for newly queued rows when it has nothing else to wait for. */
  pollMs?: number;
  /** Jitter source; tests pass a fixed one. */
  random?: () => number;
  /** This sender's claim on the rows it takes (core/outbox/lease.ts); a new one of DEFAULT_LEASE_MS by default. */
  lease?: Lease;
}

const DAY = 24 * 3600_000;

/** An edit of a message already in the chat: repeating it is harmless, so it is never "resent". */
const isEdit = (out: Rendered): out is Extract<Rendered, { kind: 'edit' | 'markup' }> => out.kind === 'edit' || out.kind === 'markup';
/** Methods that put a message in a chat: what Telegram's limits count (and so the pacing, whoever calls them). */
const SENDS = /^(send(?!ChatAction)\w+|copyMessages?|forwardMessages?)$/;

/**
 * Sends what the outbox holds, each chat's messages in order, within Telegram's limits (outbox-pacing). Telegram's
 * answer decides a row's fate: sent; tried again later (429 after retry_after, pausing the chat or the whole bot; 5xx,
 * timeouts and network errors with backoff and jitter); given up once past its expiresAt or the give-up bound; failed
 * for good (400); or, for 403 from the patient bot, the patient marked unreachable with an SMS for a critical notice.
 *
 * Crash safety: sending_at is committed just before each Bot API call and cleared with the outcome. A row found with it
 * set was perhaps delivered. An edit is simply repeated (Telegram answers "message is not modified" when it was done;
 * an edit of a message gone or too old to edit is done as well: there is nothing left to change).
 * A new message is sent again, since the Bot API cannot tell whether it arrived and a lost notice is worse than a
 * repeated one; the row is then marked (last_error "resent after an interrupted attempt…", a warning in the log).
 *
 * Rows are claimed under a lease before they are tried (OutboxRepository.claim), so two senders on one database (two
 * processes by mistake, or a restart overlapping the old process) never send a row twice; a sender that died leaves
 * its rows to the next one once the lease runs out, and they then count as in doubt as above.
 */
export function createOutboxSender(deps: {
  repo: OutboxRepository;
  channels: Partial<Record<OutboxBot, OutboxChannel>>;
  clock: Clock;
  logger: Logger;
  options?: OutboxSenderOptions;
}) {
  const { repo, clock, logger } = deps;
  const opts = deps.options ?? {};
  const giveUpMs = opts.giveUpMs ?? DAY;
  const backoff = opts.backoff ?? DEFAULT_BACKOFF;
  const random = opts.random ?? Math.random;
  const lease = opts.lease ?? newLease();
  const pacers = { patient: createPacer(opts.limits ?? TELEGRAM_LIMITS), staff: createPacer(opts.limits ?? TELEGRAM_LIMITS) };

  async function call(channel: OutboxChannel, chatId: number, out: Exclude<Rendered, { kind: 'skip' | 'fail' }>): Promise<Message | true> {
    const markup = out.replyMarkup ? { reply_markup: out.replyMarkup } : {};
    switch (out.kind) {
      case 'message':
        return channel.api.sendMessage(chatId, out.text, markup);
      case 'document':
        return channel.api.sendDocument(chatId, new InputFile(out.bytes, out.fileName), { ...(out.caption ? { caption: out.caption } : {}), ...markup });
      case 'photo':
        return channel.api.sendPhoto(chatId, new InputFile(out.bytes, out.fileName), { ...(out.caption ? { caption: out.caption } : {}), ...(out.protect ? { protect_content: true } : {}), ...markup });
      case 'edit':
        return channel.api.editMessageText(chatId, out.messageId, out.text, markup);
      case 'markup':
        return channel.api.editMessageReplyMarkup(chatId, out.messageId, markup);
    }
  }

  /** Try again at `at`, unless that is past the row's expiry or the give-up bound: then it has failed. */
  function later(row: OutboxRow, attempts: number, at: number, error: string, inDoubt: boolean): void {
    const expiresAt = expiresAtOf(row);
    if (expiresAt !== undefined && at >= expiresAt) return giveUp(row, attempts, `expired: ${error}`);
    if (at > row.createdAt + giveUpMs) return giveUp(row, attempts, `gave up after ${attempts} attempts: ${error}`);
    repo.retryLater(row.id, attempts, at, error, inDoubt);
  }

  function giveUp(row: OutboxRow, attempts: number, error: string): void {
    fail(row, clock.now(), attempts, error);
    logger.warn({ outboxId: row.id, template: row.template, error }, 'outbox message given up');
  }

  /** The row failed for good; its channel's follow-up, if any, is queued with it. */
  function fail(row: OutboxRow, at: number, attempts: number, error: string): void {
    let followUp: OutboxMessage | undefined;
    try {
      followUp = deps.channels[row.bot]?.onFailed?.[row.template]?.(row);
    } catch (err) {
      logger.error({ err, outboxId: row.id, template: row.template }, 'outbox onFailed failed');
    }
    repo.markFailed(row.id, at, attempts, error, followUp);
  }

  /**
   * One row, start to outcome. `ticket` is the pacing slot taken for it (paced sending); given back when no request is
   * made after all.
   */
  async function attempt(row: OutboxRow, ticket?: Ticket): Promise<void> {
    const pacer = pacers[row.bot];
    const noRequest = () => ticket && pacer.release(ticket);
    const channel = deps.channels[row.bot];
    const now = clock.now();
    if (!channel) {
      noRequest();
      return repo.retryLater(row.id, row.attempts, now + 60_000, `no ${row.bot} bot configured`);
    }
    const renderer = channel.renderers[row.template];
    if (!renderer) {
      // A deploy bug, not the person's: kept for a release that knows how to say it (until the give-up bound), and
      // meanwhile it holds none of the chat's other messages (see the repository's heads).
      noRequest();
      logger.error({ outboxId: row.id, template: row.template }, 'no renderer for outbox template');
      return later(row, row.attempts, now + 10 * 60_000, `${NO_RENDERER} ${row.template}`, false);
    }
    const expiresAt = expiresAtOf(row);
    if (expiresAt !== undefined && now >= expiresAt) {
      noRequest();
      return giveUp(row, row.attempts, 'expired before it could be delivered');
    }
    const inDoubt = row.sendingAt !== null;
    const attempts = row.attempts + 1;
    let out: Rendered;
    try {
      const locale = channel.locale(row.chatId);
      out = await renderer(row, (key, params) => channel.translate(locale, key, params), locale);
    } catch (err) {
      noRequest();
      logger.error({ err, outboxId: row.id, template: row.template }, 'outbox message could not be rendered');
      return fail(row, clock.now(), attempts, `render: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (out.kind === 'skip') {
      noRequest();
      return repo.markSent(row.id, now, null);
    }
    if (out.kind === 'fail') {
      noRequest();
      logger.warn({ outboxId: row.id, template: row.template, reason: out.reason }, 'outbox message has no recipient any more');
      return fail(row, now, row.attempts, `${NO_RECIPIENT} ${out.reason}`);
    }
    if (row.bot === 'patient' && repo.isUnreachable(row.chatId)) {
      // Telegram would only answer 403 again; a critical notice still goes by SMS.
      noRequest();
      repo.markUnreachable(row, now, row.attempts, 'not sent: the patient has blocked the bot');
      return;
    }

    repo.markSending(row.id, now);
    let result: Message | true;
    try {
      result = await call(channel, row.chatId, out).finally(() => ticket && pacer.finish(ticket, clock.now()));
    } catch (err) {
      return failed(row, out, err, attempts, inDoubt, ticket);
    }
    const message = result === true ? undefined : result;
    const resent = inDoubt && !isEdit(out);
    repo.markSent(row.id, clock.now(), message?.message_id ?? null, resent ? `${RESENT_IN_DOUBT}; may have arrived twice` : null);
    if (resent) logger.warn({ outboxId: row.id, template: row.template, chatId: row.chatId }, 'outbox: resent a message whose earlier attempt may have arrived');
    try {
      if (message) channel.onSent?.[row.template]?.(row, message);
    } catch (err) {
      // Delivered all the same: the row stays sent; only the follow-up bookkeeping is lost, and said so.
      logger.error({ err, outboxId: row.id, template: row.template }, 'outbox onSent failed');
    }
  }

  /** Telegram refused the request, or its answer never came: the row's next step. */
  function failed(row: OutboxRow, out: Exclude<Rendered, { kind: 'skip' | 'fail' }>, err: unknown, attempts: number, inDoubt: boolean, ticket: Ticket | undefined): void {
    const pacer = pacers[row.bot];
    const failure = classify(err, isEdit(out));
    const at = clock.now();
    switch (failure.kind) {
      case 'flood': {
        pacer.pauseChat(row.chatId, at + failure.retryAfterMs);
        // Our own pacing keeps a chat to one message a second; a 429 on a chat not written to lately is the bot's.
        const chatWasBusy = ticket?.previous !== undefined && ticket.at - ticket.previous < 3 * pacer.limits.chatIntervalMs;
        if (!chatWasBusy) pacer.pauseBot(at + failure.retryAfterMs);
        logger.warn({ outboxId: row.id, retryAfterMs: failure.retryAfterMs, bot: row.bot, whole: !chatWasBusy }, 'outbox: 429, pausing');
        // This request was refused, but an earlier one of the row may have arrived: that doubt stays.
        return later(row, row.attempts, at + failure.retryAfterMs, failure.error, inDoubt);
      }
      case 'transient':
        return later(row, attempts, at + backoffMs(attempts, backoff, random), failure.error, failure.inDoubt || inDoubt);
      case 'already_done':
        return repo.markSent(row.id, at, isEdit(out) ? out.messageId : null);
      case 'blocked':
        if (row.bot === 'patient') {
          const { sms } = repo.markUnreachable(row, at, attempts, failure.error);
          logger.warn({ outboxId: row.id, template: row.template, sms }, 'outbox: the patient blocked the bot');
          return;
        }
        fail(row, at, attempts, failure.error);
        logger.warn({ outboxId: row.id, template: row.template }, 'outbox: a staff member blocked the staff bot');
        return;
      case 'permanent':
        fail(row, at, attempts, failure.error);
        logger.error({ outboxId: row.id, template: row.template, error: failure.error }, 'outbox message failed');
    }
  }

  const loop = createOutboxLoop({
    repo,
    clock,
    logger,
    pacers,
    lease,
    attempt,
    concurrency: opts.concurrency ?? 8,
    pollMs: opts.pollMs ?? 1000,
  });

  return {
    /**
     * Sends everything due now, one row at a time in queue order and without pacing (tests and maintenance; the running
     * service uses start()). Returns how many rows were handled.
     */
    async flush(): Promise<number> {
      let total = 0;
      for (let row = repo.claim(clock.now(), 1, lease)[0]; row; row = repo.claim(clock.now(), 1, lease)[0]) {
        await attempt(row);
        total += 1;
      }
      return total;
    },
    /** One paced round at the clock's present: starts what the limits allow now and waits for those to finish. */
    pump: () => loop.pump(),
    /**
     * A transformer for a bot's own Api (its direct replies): they are not paced or delayed, but they take their place
     * in that bot's window and their chat's second, so the outbox makes room for them within Telegram's limits.
     */
    observe(bot: OutboxBot): Transformer {
      const pacer = pacers[bot];
      return async (prev, method, payload, signal) => {
        const chatId = (payload as { chat_id?: unknown } | undefined)?.chat_id;
        if (typeof chatId !== 'number' || !SENDS.test(method)) return prev(method, payload, signal);
        const ticket = pacer.start(chatId, clock.now());
        try {
          return await prev(method, payload, signal);
        } finally {
          pacer.finish(ticket, clock.now());
        }
      };
    },
    start: (intervalMs?: number) => loop.start(intervalMs),
    stop: () => loop.stop(),
  };
}

export type OutboxSender = ReturnType<typeof createOutboxSender>;
