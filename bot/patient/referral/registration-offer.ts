import type { Relation } from '../../../core/patients/repository.js';
import type { ConvoContext } from '../context.js';
import type { PatientBotDeps } from '../deps.js';
import type { Convo } from '../registration/steps.js';
import { confirmByBirthDate } from './birth-date-check.js';
import { offerData } from './callback-data.js';
import { completeReferral } from './complete.js';
import { linkingOf } from './linking.js';
import { offerKeyboard, offerText } from './offer.js';

/**
 * Registration's phone step got the person's own number through the contact button (never a typed one): a
 * referral waiting on that number is offered right there. Confirmed with the patient's birth date, the referral's
 * flow takes over registration and true is returned; "not me", a birth date that never matched, or a referral taken
 * meanwhile goes back to registration with nothing lost.
 */
export async function offerReferralByPhone(conversation: Convo, ctx: ConvoContext, deps: PatientBotDeps, phone: string, relation: Relation): Promise<boolean> {
  const accountId = ctx.from!.id;
  const linking = linkingOf(deps);
  const referral = await conversation.external(() => {
    const found = linking.unlinkedByPhone(phone);
    // One this account already failed to confirm is not offered again: registration goes on as if there were none.
    return found && linking.claimCheck(found.id, accountId) === 'open' ? found : undefined;
  });
  if (!referral) return false;
  const locale = await ctx.i18n.getLocale();
  await ctx.reply(offerText(ctx, deps.catalog, locale, referral), { reply_markup: offerKeyboard(ctx, referral.id) });
  const answer = await conversation.waitForCallbackQuery(offerData.filter({ id: referral.id }), {
    otherwise: (c) => (c.callbackQuery ? c.answerCallbackQuery({ text: c.t('press-button') }) : c.reply(c.t('press-button'))),
  });
  await answer.answerCallbackQuery();
  await answer.editMessageReplyMarkup();
  if (!offerData.unpack(answer.callbackQuery.data).ok) {
    await conversation.external(() => linking.notMe(referral.id, accountId, 'phone'));
    await ctx.reply(ctx.t('referral-not-me-registration'));
    return false;
  }
  const confirmed = await confirmByBirthDate(conversation, ctx, deps, referral.id, 'phone');
  if (confirmed !== 'linked') {
    await ctx.reply(ctx.t(confirmed === 'taken' ? 'referral-used-registration' : 'referral-refused-registration'));
    return false;
  }
  await completeReferral(conversation, ctx, deps, referral.id, { via: 'phone', verifiedPhone: phone, relation });
  return true;
}
