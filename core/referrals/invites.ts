import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { referrals, smsOutbox } from '../../db/schema.js';
import { auditActorOf, type Actor } from '../actor.js';
import type { AuditLog } from '../audit.js';
import type { Clock } from '../clock.js';
import { DomainError } from '../errors.js';
import { enqueueSms } from '../sms/outbox.js';
import { inviteParams } from './invite-zone.js';
import { REFERRAL_INVITE } from '../sms/repository.js';

export const INVITE_STATES = ['queued', 'sent', 'failed'] as const;
export type InviteState = (typeof INVITE_STATES)[number];

export interface ReferralInviteItem {
  id: number;
  fullName: string;
  /** E.164; callers mask it wherever it is shown. */
  phone: string;
  centerCode: string;
  inviteState: InviteState;
  inviteSentAt: number | null;
  inviteError: string | null;
  /** How many invite SMS were queued for it (1 until someone resends). */
  invites: number;
  linkedAt: number | null;
  createdAt: number;
}

export type InviteErrorCode = 'referral_not_found' | 'referral_linked';

/**
 * Managers and admins load referral tables, so they see referrals and resend invites; doctors do not. The operator
 * (CLI) loads them too.
 */
export function mayManageReferrals(actor: Actor): boolean {
  return actor.kind === 'operator' || (actor.kind === 'staff' && (actor.staff.role === 'manager' || actor.staff.role === 'admin'));
}

const allowed = (actor: Actor) => {
  if (!mayManageReferrals(actor)) throw new DomainError('referrals_not_allowed');
};

/** The dedupe key of a referral's n-th invite SMS; the import queues the first (`…:1`). */
export function inviteDedupeKey(referralId: number, n: number): string {
  return `${REFERRAL_INVITE}:${referralId}:${n}`;
}

/** The manager's view of invites: each referral's delivery state, and a resend that queues a fresh SMS. */
export function createReferralInvites(deps: { db: Db; clock: Clock; audit: AuditLog }) {
  const { db, clock, audit } = deps;

  const invitesOf = db
    .select({ referralId: smsOutbox.referralId, n: count().as('n') })
    .from(smsOutbox)
    .where(eq(smsOutbox.purpose, REFERRAL_INVITE))
    .groupBy(smsOutbox.referralId)
    .as('invites');

  return {
    /**
     * Newest first; `state` narrows to one delivery state. Recorded in the audit log as the actor's access (names and
     * phones of referred people). DomainError referrals_not_allowed for whom mayManageReferrals refuses.
     */
    list(opts: { actor: Actor; state?: InviteState | undefined; limit: number; offset?: number }): { items: ReferralInviteItem[]; total: number } {
      allowed(opts.actor);
      const where = opts.state ? eq(referrals.inviteState, opts.state) : undefined;
      const items = db
        .select({
          id: referrals.id,
          fullName: referrals.fullName,
          phone: referrals.phone,
          centerCode: referrals.centerCode,
          inviteState: referrals.inviteState,
          inviteSentAt: referrals.inviteSentAt,
          inviteError: referrals.inviteError,
          invites: invitesOf.n,
          linkedAt: referrals.linkedAt,
          createdAt: referrals.createdAt,
        })
        .from(referrals)
        .leftJoin(invitesOf, eq(invitesOf.referralId, referrals.id))
        .where(where)
        .orderBy(desc(referrals.createdAt), desc(referrals.id))
        .limit(opts.limit)
        .offset(opts.offset ?? 0)
        .all()
        .map((r) => ({ ...r, invites: r.invites ?? 0 }));
      const total = db.select({ n: count() }).from(referrals).where(where).get()?.n ?? 0;
      audit.record({
        actor: auditActorOf(opts.actor),
        action: 'referral.invites_listed',
        details: { state: opts.state ?? 'all', shown: items.length, ids: items.map((i) => i.id).join(',') },
      });
      return { items, total };
    },

    /**
     * Queues the invite again (dedupe key …:2, …:3) to the referral's phone and sets it back to queued; an earlier
     * invite still waiting is withdrawn so the person gets one SMS, not two. Refused once the referral is linked: the
     * person is already in the bot.
     */
    resend(referralId: number, actor: Actor): { attempt: number; dedupeKey: string } {
      allowed(actor);
      const now = clock.now();
      return db.transaction((tx) => {
        const referral = tx
          .select({ id: referrals.id, phone: referrals.phone, inviteCode: referrals.inviteCode, regionCode: referrals.regionCode, inviteState: referrals.inviteState, accountId: referrals.accountId, patientId: referrals.patientId })
          .from(referrals)
          .where(eq(referrals.id, referralId))
          .get();
        if (!referral) throw new DomainError<InviteErrorCode>('referral_not_found', { id: referralId });
        if (referral.accountId !== null) throw new DomainError<InviteErrorCode>('referral_linked', { id: referralId });
        const previous = tx
          .select({ n: count() })
          .from(smsOutbox)
          .where(and(eq(smsOutbox.referralId, referralId), eq(smsOutbox.purpose, REFERRAL_INVITE)))
          .get()?.n ?? 0;
        tx.update(smsOutbox)
          .set({ state: 'failed', lastError: 'withdrawn: a newer invite was queued' })
          .where(and(eq(smsOutbox.referralId, referralId), eq(smsOutbox.purpose, REFERRAL_INVITE), eq(smsOutbox.state, 'queued')))
          .run();
        const attempt = previous + 1;
        const dedupeKey = inviteDedupeKey(referralId, attempt);
        enqueueSms(tx, { phone: referral.phone, purpose: REFERRAL_INVITE, params: inviteParams(referral.inviteCode, referral.regionCode), referralId, dedupeKey }, now);
        tx.update(referrals).set({ inviteState: 'queued', inviteError: null }).where(and(eq(referrals.id, referralId), isNull(referrals.accountId))).run();
        audit.record({
          actor: auditActorOf(actor),
          action: 'referral.invite_resent',
          patientId: referral.patientId,
          details: { referralId, attempt, previousState: referral.inviteState },
        });
        return { attempt, dedupeKey };
      });
    },
  };
}

export type ReferralInvites = ReturnType<typeof createReferralInvites>;
