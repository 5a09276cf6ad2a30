import type { I18nFlavor } from '@grammyjs/i18n';
import { InlineKeyboard } from 'grammy';
import type { Catalog } from '../../../core/catalog/index.js';
import type { Referral } from '../../../core/referrals/linking.js';
import { centerName } from '../applications/format.js';
import { offerData } from './callback-data.js';

/**
 * "You were referred by … to …": who referred and where to, never the condition or the diagnosis, which only the
 * confirmed owner of the referral may read (whoever holds the phone can open the SMS's link).
 */
export function offerText(ctx: I18nFlavor, catalog: Catalog, locale: string, referral: Referral): string {
  const by = [referral.referringDoctor, referral.organization].map((s) => s?.trim()).filter(Boolean).join(', ');
  return ctx.t('referral-offer', {
    by,
    known: by ? 'yes' : 'no',
    center: centerName(catalog, referral.centerCode, locale),
  });
}

export function offerKeyboard(ctx: I18nFlavor, referralId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t('referral-btn-confirm'), offerData.pack({ id: referralId, ok: true }))
    .row()
    .text(ctx.t('referral-btn-not-me'), offerData.pack({ id: referralId, ok: false }));
}
