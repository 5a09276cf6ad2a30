import { and, asc, eq, isNotNull, lte, max } from 'drizzle-orm';
import type { Db, Writer } from '../../db/client.js';
import { referrals, smsOutbox } from '../../db/schema.js';
import type { Lease } from '../outbox/lease.js';
import type { SmsPurpose } from '../outbox/templates.js';

export type SmsParams = Record<string, unknown>;

export interface SmsRow {
  id: number;
  phone: string;
  purpose: string;
  params: SmsParams;
  referralId: number | null;
  attempts: number;
  createdAt: number;
}

export const REFERRAL_INVITE = 'referral_invite' satisfies SmsPurpose;

type Outcome =
  | { state: 'sent'; at: number; providerMessageId: string | null; text: string; attempts: number }
  | { state: 'failed'; at: number; error: string; text: string | null; attempts: number }
  | { state: 'queued'; nextAttemptAt: number; error: string; attempts: number };

/**
 * sms_outbox for the SMS sender. Each outcome is written in one transaction with its mirror on the referral, and only
 * the referral's newest invite speaks for it: an older one finishing late (after a resend) leaves the state alone.
 */
export function createSmsRepository(db: Db) {
  // One statement, so one write transaction: two senders on one database never both claim a row (see core/outbox/lease.ts).
  const claims = db.$client.prepare<{ now: number; limit: number; owner: string; until: number }, Omit<SmsRow, 'params'> & { params: string; nextAttemptAt: number }>(
    `UPDATE sms_outbox SET lease_owner = @owner, lease_until = @until
      WHERE id IN (SELECT id FROM sms_outbox
                    WHERE state = 'queued' AND next_attempt_at <= @now
                      AND (lease_until IS NULL OR lease_until <= @now OR lease_owner = @owner)
                    ORDER BY next_attempt_at, id
                    LIMIT @limit)
      RETURNING id, phone, purpose, params, referral_id AS referralId, attempts, created_at AS createdAt, next_attempt_at AS nextAttemptAt`,
  );

  function mirror(tx: Writer, row: SmsRow, outcome: Outcome): void {
    if (row.referralId === null || row.purpose !== REFERRAL_INVITE) return;
    const newest = tx
      .select({ id: max(smsOutbox.id) })
      .from(smsOutbox)
      .where(and(eq(smsOutbox.referralId, row.referralId), eq(smsOutbox.purpose, REFERRAL_INVITE)))
      .get();
    if (newest?.id !== row.id) return;
    const set =
      outcome.state === 'sent'
        ? { inviteState: 'sent' as const, inviteSentAt: outcome.at, inviteError: null }
        : { inviteState: outcome.state, inviteError: outcome.error };
    tx.update(referrals).set(set).where(eq(referrals.id, row.referralId)).run();
  }

  function record(row: SmsRow, outcome: Outcome): void {
    db.transaction((tx) => {
      const set =
        outcome.state === 'sent'
          ? { state: 'sent' as const, sentAt: outcome.at, providerMessageId: outcome.providerMessageId, text: outcome.text, attempts: outcome.attempts, lastError: null }
          : outcome.state === 'failed'
            ? { state: 'failed' as const, attempts: outcome.attempts, lastError: outcome.error, ...(outcome.text !== null ? { text: outcome.text } : {}) }
            : { attempts: outcome.attempts, nextAttemptAt: outcome.nextAttemptAt, lastError: outcome.error };
      // Every outcome ends the sender's claim: a queued row is anyone's again when its time comes.
      tx.update(smsOutbox).set({ ...set, leaseOwner: null, leaseUntil: null }).where(eq(smsOutbox.id, row.id)).run();
      mirror(tx, row, outcome);
    });
  }

  return {
    /** Queued rows whose time has come, oldest first. */
    due(now: number, limit: number): SmsRow[] {
      return db
        .select({
          id: smsOutbox.id,
          phone: smsOutbox.phone,
          purpose: smsOutbox.purpose,
          params: smsOutbox.params,
          referralId: smsOutbox.referralId,
          attempts: smsOutbox.attempts,
          createdAt: smsOutbox.createdAt,
        })
        .from(smsOutbox)
        .where(and(eq(smsOutbox.state, 'queued'), lte(smsOutbox.nextAttemptAt, now)))
        .orderBy(asc(smsOutbox.nextAttemptAt), asc(smsOutbox.id))
        .limit(limit)
        .all()
        .map((r) => ({ ...r, params: parseParams(r.params) }));
    },
    /**
     * due(), claimed for `lease.owner` until now + lease.ms: its own rows renewed, rows another sender holds under a
     * live lease left alone, a lapsed lease (its sender died) taken over.
     */
    claim(now: number, limit: number, lease: Lease): SmsRow[] {
      return claims
        .all({ now, limit, owner: lease.owner, until: now + lease.ms })
        .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.id - b.id)
        .map(({ nextAttemptAt: _, ...r }) => ({ ...r, params: parseParams(r.params) }));
    },
    markSent(row: SmsRow, at: number, attempts: number, text: string, providerMessageId: string | null): void {
      record(row, { state: 'sent', at, attempts, text, providerMessageId });
    },
    markFailed(row: SmsRow, at: number, attempts: number, error: string, text: string | null): void {
      record(row, { state: 'failed', at, attempts, error, text });
    },
    /** Stays queued until `nextAttemptAt`; `attempts` unchanged when nothing was tried (a reason to wait). */
    retryLater(row: SmsRow, nextAttemptAt: number, attempts: number, error: string): void {
      record(row, { state: 'queued', nextAttemptAt, attempts, error });
    },
    /** Frees every lease, for a service that has just taken DATA_DIR's lock (see OutboxRepository.releaseLeases). */
    releaseLeases(): number {
      return db.update(smsOutbox).set({ leaseOwner: null, leaseUntil: null }).where(isNotNull(smsOutbox.leaseOwner)).run().changes;
    },
  };
}

function parseParams(json: string): SmsParams {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as SmsParams) : {};
  } catch {
    return {};
  }
}

export type SmsRepository = ReturnType<typeof createSmsRepository>;
