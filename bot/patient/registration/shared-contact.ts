import { InlineKeyboard } from 'grammy';
import type { ConvoContext } from '../context.js';
import type { PatientBotDeps } from '../deps.js';
import { deleteProfileData, editData } from '../profile/callback-data.js';

export interface SharedContact {
  phone: string;
  phoneVerified: boolean;
  regionCode: string;
  timeZone: string;
}

/**
 * The phone and region a child or relative takes from the account: the holder's own profile (or else the first one)
 * for the region, the account's number (or else that profile's). Undefined when there is nothing to reuse.
 */
export function sharedContactOf(deps: PatientBotDeps, accountId: number): SharedContact | undefined {
  const profiles = deps.patients.list(accountId);
  const source = profiles.find((p) => p.relation === 'self') ?? profiles[0];
  if (!source) return undefined;
  const account = deps.accounts.find(accountId);
  const phone = account?.phone ? { phone: account.phone, phoneVerified: account.phoneVerified } : source.phone ? { phone: source.phone, phoneVerified: source.phoneVerified } : undefined;
  if (!phone) return undefined;
  return { ...phone, regionCode: source.regionCode, timeZone: source.timeZone };
}

/** Under a just-added profile: change the shared phone or region, or take the profile back. */
export function addedProfileKeyboard(ctx: ConvoContext, patientId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t('profile-btn-edit-phone'), editData.pack({ patientId, field: 'phone' }))
    .text(ctx.t('profile-btn-edit-region'), editData.pack({ patientId, field: 'region' }))
    .row()
    .text(ctx.t('profile-btn-delete'), deleteProfileData.pack({ patientId, confirm: false }));
}
