import { createCallbackData } from '../../shared/callback-data.js';
import { INVITE_STATES } from '../../../core/referrals/invites.js';

export const FILTERS = ['all', ...INVITE_STATES] as const;
export type InviteFilter = (typeof FILTERS)[number];

// Data comes back from the client and may be forged: the presser's role is checked on every press, ids are parsed here.

/** A page of /referrals under a filter. */
export const pageData = createCallbackData('refInv', { filter: String, page: Number });
/** Resend one referral's invite, then show the same page again. */
export const resendData = createCallbackData('refInvRe', { id: Number, filter: String, page: Number });


const isFilter = (s: string): s is InviteFilter => (FILTERS as readonly string[]).includes(s);
const isPage = (n: number) => Number.isSafeInteger(n) && n >= 0 && n < 10_000;

export function parsePage(data: string): { filter: InviteFilter; page: number } | undefined {
  const v = pageData.parse(data);
  return v && isFilter(v.filter) && isPage(v.page) ? { filter: v.filter, page: v.page } : undefined;
}

export function parseResend(data: string): { id: number; filter: InviteFilter; page: number } | undefined {
  const v = resendData.parse(data);
  return v && Number.isSafeInteger(v.id) && v.id > 0 && isFilter(v.filter) && isPage(v.page) ? { id: v.id, filter: v.filter, page: v.page } : undefined;
}
