import type { ConvoContext, PatientContext } from '../context.js';
import type { PatientBotDeps } from '../deps.js';
import { mainMenu } from '../menu.js';
import type { Convo } from '../registration/steps.js';
import { createRegistration } from '../registration/conversation.js';
import { confirmByBirthDate } from './birth-date-check.js';
import { completeReferral, type ReferralFlowOptions } from './complete.js';

export const REFERRAL_CONVERSATION = 'referral';

export function createReferralConversation(deps: PatientBotDeps) {
  return async function referral(conversation: Convo, ctx: ConvoContext, referralId: number, opts: ReferralFlowOptions = {}) {
    if (opts.confirm) {
      const confirmed = await confirmByBirthDate(conversation, ctx, deps, referralId, opts.via ?? 'link');
      if (confirmed !== 'linked') {
        const accountId = ctx.from!.id;
        const profiles = await conversation.external((outer: PatientContext) => {
          delete outer.session.referral;
          return deps.patients.list(accountId).length;
        });
        // As after "this is not me": the menu, or registration for a person with no profile yet.
        await ctx.reply(ctx.t(confirmed === 'taken' ? 'referral-used' : 'referral-refused'));
        if (profiles > 0) await ctx.reply(ctx.t('menu-shown'), { reply_markup: mainMenu(ctx) });
        else await createRegistration(deps)(conversation, ctx);
        return;
      }
    }
    await completeReferral(conversation, ctx, deps, referralId, opts);
  };
}
