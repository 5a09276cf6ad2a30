import { parseArgs } from 'node:util';
import { OPERATOR } from '../core/actor.js';
import { DomainError } from '../core/errors.js';
import { INVITE_STATES, type InviteErrorCode, type InviteState } from '../core/referrals/invites.js';
import { maskPhone } from '../core/sms/mask.js';
import { UsageError } from './usage.js';
import type { Services } from '../app/services.js';

export const REFERRAL_INVITES_USAGE = `  referrals list [--state <queued|sent|failed>] [--limit 50]
      referrals, newest first: id, invite state, when sent (UTC), invites queued, linked or not, phone (masked),
      center, name, the last delivery error
  referrals resend <id>
      queues the invite SMS again (an earlier one still waiting is withdrawn); the running service sends it`;

const ACTIONS = new Set(['list', 'resend']);

/** Whether `referrals <action>` is one of the invite commands here (the import lives in its own file). */
export function isReferralInvitesAction(action: string | undefined): boolean {
  return action !== undefined && ACTIONS.has(action);
}

const REFUSALS: Record<InviteErrorCode, (id: number) => string> = {
  referral_not_found: (id) => `No referral ${id}; see npm run cli -- referrals list.`,
  referral_linked: (id) => `Referral ${id} is already linked to a Telegram account: the person is in the bot, no invite is needed.`,
};

export function referralInvitesCommand(services: Services, args: string[]): void {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { state: { type: 'string' }, limit: { type: 'string' } },
  });
  const actor = OPERATOR;
  if (action === 'list') {
    const state = values.state as InviteState | undefined;
    if (state !== undefined && !INVITE_STATES.includes(state)) throw new UsageError(`--state must be one of ${INVITE_STATES.join(', ')}`);
    const limit = values.limit === undefined ? 50 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError('--limit must be a whole number from 1 to 1000');
    const { items, total } = services.referralInvites.list({ actor, state, limit });
    if (!items.length) {
      console.log(state ? `No referrals with invite state ${state}.` : 'No referrals yet; load a table with npm run cli -- referrals import FILE.');
      return;
    }
    for (const r of items) {
      console.log(
        [
          r.id,
          r.inviteState,
          r.inviteSentAt ? new Date(r.inviteSentAt).toISOString().slice(0, 16).replace('T', ' ') : '-',
          `invites ${r.invites}`,
          r.linkedAt ? 'linked' : 'not linked',
          maskPhone(r.phone),
          r.centerCode,
          r.fullName,
          r.inviteError ?? '',
        ].join('\t'),
      );
    }
    if (total > items.length) console.log(`(${items.length} of ${total}; --limit shows more)`);
    return;
  }
  if (action === 'resend') {
    const text = positionals[0];
    const id = Number(text);
    if (!text || !/^\d+$/.test(text) || !Number.isSafeInteger(id) || id <= 0 || positionals.length > 1) {
      throw new UsageError('Usage: npm run cli -- referrals resend <id> (the id from referrals list)');
    }
    try {
      const { attempt } = services.referralInvites.resend(id, actor);
      console.log(`Invite ${attempt} for referral ${id} queued; the running service sends it within seconds (or at its next start).`);
    } catch (err) {
      if (err instanceof DomainError && err.code in REFUSALS) throw new UsageError(REFUSALS[err.code as InviteErrorCode](id));
      throw err;
    }
    return;
  }
  throw new UsageError(REFERRAL_INVITES_USAGE);
}
