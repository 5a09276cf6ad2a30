import type { Referral } from '../../../core/referrals/linking.js';
import { domainErrorText, tryParse } from '../../shared/domain-error-text.js';
import { centerName } from '../applications/format.js';
import type { PatientContext } from '../context.js';
import { mainMenu } from '../menu.js';
import { showReferralChecklist } from './checklist.js';
import { linkingOf } from './linking.js';

/** Sends the referral's application; a document deleted meanwhile brings the checklist back instead. */
export async function submitReferral(ctx: PatientContext, referral: Referral, complaints: string) {
  const result = tryParse(() => linkingOf(ctx.deps).submit(ctx.from!.id, referral.id, complaints));
  const locale = await ctx.i18n.getLocale();
  const center = centerName(ctx.deps.catalog, referral.centerCode, locale);
  if (result.ok) {
    delete ctx.session.referral;
    return ctx.reply(ctx.t('referral-sent', { id: result.value.id, center }), { reply_markup: mainMenu(ctx) });
  }
  switch (result.error.code) {
    case 'documents_missing':
      await ctx.reply(ctx.t('apply-send-blocked'));
      return showReferralChecklist(ctx, referral.id);
    case 'application_open_exists':
      delete ctx.session.referral;
      return ctx.reply(ctx.t('referral-open-exists', { center, id: result.error.details.id ?? '—' }), { reply_markup: mainMenu(ctx) });
    case 'unknown_center':
    case 'unknown_condition':
      return ctx.reply(ctx.t('referral-catalog-changed'), { reply_markup: mainMenu(ctx) });
    default:
      delete ctx.session.referral;
      return ctx.reply(domainErrorText(ctx, result.error), { reply_markup: mainMenu(ctx) });
  }
}
