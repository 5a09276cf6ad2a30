import type { Clock } from '../clock.js';
import { newLease, type Lease } from '../outbox/lease.js';
import type { Logger } from '../logger.js';
import { SmsError, type SmsGateway } from './gateway.js';
import { maskPhone } from './mask.js';
import type { SmsParams, SmsRepository, SmsRow } from './repository.js';

/** What a purpose's renderer makes of a row's params. */
export type SmsRendered =
  | { kind: 'text'; text: string }
  /**
   * Not sendable yet: a reason on our side (the bot's username is unknown), or the recipient's night (`until` says
   * when it may go; such a wait is expected, not a problem to log loudly). Kept queued.
   */
  | { kind: 'wait'; reason: string; until?: number }
  /** Never sendable as it stands (malformed params, a notice already moot): recorded as failed. */
  | { kind: 'drop'; reason: string };

export type SmsRenderer = (params: SmsParams, context: { now: number }) => SmsRendered;

export interface SmsSenderOptions {
  /** Retryable failures are retried until the row has been tried for this long (see triedForMs); then it is failed. Default 24 h. */
  giveUpAfterMs?: number;
  /** How long a row waits when its renderer says 'wait' or its purpose has no renderer. Default 5 min. */
  waitMs?: number;
  batch?: number;
  /** This sender's claim on the rows it takes (core/outbox/lease.ts); a new one of DEFAULT_LEASE_MS by default. */
  lease?: Lease;
}

const DEFAULT_GIVE_UP_MS = 24 * 3600_000;
const DEFAULT_WAIT_MS = 5 * 60_000;

/** 30 s, 1 min, 2 min, … up to 30 min between tries. */
export function smsBackoffMs(attempts: number): number {
  return Math.min(30 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * How long a row has been tried when its `attempts`-th try just failed: the pauses between its tries, from the first
 * one on. Derived from `attempts` alone, which only a try changes: a failure schedules the next try exactly one
 * backoff later, and a renderer's hold (the recipient's night) or a wait (no bot username yet) only pushes a due try
 * later without counting. So neither the hours before the first try nor the nights between the windows count: an
 * invite sendable only 10:00-12:00 Moscow time gets its full 24 h of trying across the following days' windows
 * instead of failing at the first try of its second window, as a bound counted from `createdAt` (or from the first
 * try) would make it. Still bounded: a fixed number of tries (54 for 24 h), and nothing is failed before it.
 */
export function triedForMs(attempts: number): number {
  let total = 0;
  for (let k = 1; k < attempts; k++) total += smsBackoffMs(k);
  return total;
}

/**
 * Drains sms_outbox through the gateway, oldest first, one message at a time. A row stays 'queued' until the gateway's
 * answer is recorded, so a crash in between sends it again after the restart rather than losing it. Rows are claimed
 * under a lease (SmsRepository.claim): two senders on one database never send one twice, and a dead sender's rows are
 * taken over when its lease runs out.
 */
export function createSmsSender(deps: {
  repo: SmsRepository;
  gateway: SmsGateway;
  renderers: Record<string, SmsRenderer>;
  clock: Clock;
  logger: Logger;
  options?: SmsSenderOptions;
}) {
  const { repo, gateway, renderers, clock, logger } = deps;
  const giveUpAfterMs = deps.options?.giveUpAfterMs ?? DEFAULT_GIVE_UP_MS;
  const waitMs = deps.options?.waitMs ?? DEFAULT_WAIT_MS;
  const batch = deps.options?.batch ?? 25;
  const lease = deps.options?.lease ?? newLease();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;
  let ticking = false;
  let lookAgain = false;
  let unsubscribe: (() => void) | undefined;

  const described = (row: SmsRow) => ({ smsId: row.id, purpose: row.purpose, to: maskPhone(row.phone), referralId: row.referralId });

  async function sendOne(row: SmsRow): Promise<void> {
    const now = clock.now();
    const renderer = renderers[row.purpose];
    if (!renderer) {
      // A deploy bug, not the person's: keep the message for a release that knows how to say it.
      logger.error(described(row), 'no renderer for SMS purpose');
      repo.retryLater(row, now + waitMs, row.attempts, `no renderer for ${row.purpose}`);
      return;
    }
    let rendered: SmsRendered;
    try {
      rendered = renderer(row.params, { now });
    } catch (err) {
      logger.error({ err, ...described(row) }, 'SMS renderer threw');
      repo.retryLater(row, now + waitMs, row.attempts, `renderer failed: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    if (rendered.kind === 'wait') {
      if (rendered.until === undefined) logger.warn({ ...described(row), reason: rendered.reason }, 'SMS kept queued');
      else logger.debug({ ...described(row), reason: rendered.reason, until: new Date(rendered.until).toISOString() }, 'SMS held');
      repo.retryLater(row, rendered.until ?? now + waitMs, row.attempts, rendered.reason);
      return;
    }
    if (rendered.kind === 'drop') {
      logger.warn({ ...described(row), reason: rendered.reason }, 'SMS dropped');
      repo.markFailed(row, now, row.attempts, rendered.reason, null);
      return;
    }
    const attempts = row.attempts + 1;
    try {
      const { providerMessageId } = await gateway.send({ phone: row.phone, text: rendered.text });
      repo.markSent(row, clock.now(), attempts, rendered.text, providerMessageId);
      logger.info({ ...described(row), gateway: gateway.name, providerMessageId }, 'SMS sent');
    } catch (err) {
      const at = clock.now();
      const error = err instanceof Error ? err.message : String(err);
      // Anything but a provider's refusal (a bug in the gateway, say) is retried: the message must not be lost to it.
      const retryable = err instanceof SmsError ? err.retryable : true;
      if (!(err instanceof SmsError)) logger.error({ err, ...described(row) }, 'SMS gateway threw');
      if (retryable && triedForMs(attempts) < giveUpAfterMs) {
        repo.retryLater(row, at + smsBackoffMs(attempts), attempts, error);
        logger.warn({ ...described(row), attempts, error }, 'SMS not sent, will retry');
      } else {
        const reason = retryable ? `gave up after ${attempts} attempts: ${error}` : error;
        repo.markFailed(row, at, attempts, reason, rendered.text);
        logger.warn({ ...described(row), attempts, error: reason }, 'SMS failed');
      }
    }
  }

  async function tick(): Promise<number> {
    const rows = repo.claim(clock.now(), batch, lease);
    for (const row of rows) {
      if (stopped) break;
      await sendOne(row);
    }
    return rows.length;
  }

  return {
    /** Sends everything due now, batch after batch; returns how many rows were handled. */
    async flush(): Promise<number> {
      let total = 0;
      for (let n = await tick(); n > 0; n = await tick()) total += n;
      return total;
    },
    start(intervalMs = 2000): void {
      const loop = async () => {
        ticking = true;
        running = tick().catch((err) => {
          logger.error({ err }, 'SMS sender tick failed');
          return 0;
        });
        await running;
        ticking = false;
        if (!stopped) timer = setTimeout(loop, lookAgain ? 0 : intervalMs);
        lookAgain = false;
      };
      stopped = false;
      // A clock moved forward (the sandbox) ends quiet hours and retry waits now; one loop only, even mid-tick.
      unsubscribe ??= clock.onJump?.(() => {
        if (stopped) return;
        if (ticking) lookAgain = true;
        else {
          clearTimeout(timer);
          timer = setTimeout(loop, 0);
        }
      });
      timer = setTimeout(loop, 0);
    },
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      unsubscribe?.();
      unsubscribe = undefined;
      await running;
    },
  };
}

export type SmsSender = ReturnType<typeof createSmsSender>;
