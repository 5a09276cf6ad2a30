import { InlineKeyboard } from 'grammy';
import { DomainError } from '../../../core/errors.js';
import type { NewPatient } from '../../../core/patients/repository.js';
import { MAX_PROFILES_PER_ACCOUNT } from '../../../core/patients/service.js';
import { clockNow } from '../../shared/conversation-clock.js';
import { domainErrorText } from '../../shared/domain-error-text.js';
import type { ConvoContext } from '../context.js';
import type { PatientBotDeps } from '../deps.js';
import { mainMenu } from '../menu.js';
import { offerReferralByPhone } from '../referral/registration-offer.js';
import { confirmData } from './callback-data.js';
import { profileSummary } from './summary.js';
import { askBirthDate, askFullName, askPhone, askRegion, askRelation, type Convo } from './steps.js';

export const REGISTRATION = 'registration';

/** Registers one patient profile under the account: relation, name, birth date, phone, region, confirm. */
export function createRegistration(deps: PatientBotDeps) {
  return async function registration(conversation: Convo, ctx: ConvoContext): Promise<void> {
    const accountId = ctx.from!.id;
    const allowed = await conversation.external(() => deps.patients.availableRelations(accountId));
    const existing = await conversation.external(() => deps.patients.list(accountId).length);
    if (existing >= MAX_PROFILES_PER_ACCOUNT) {
      await ctx.reply(ctx.t('profiles-limit', { max: MAX_PROFILES_PER_ACCOUNT }), { reply_markup: mainMenu(ctx) });
      return;
    }
    const start = conversation.checkpoint();
    const relation = await askRelation(conversation, ctx, allowed);
    const fullName = await askFullName(conversation, ctx, relation);
    const birthDate = await askBirthDate(conversation, ctx);
    const phone = await askPhone(conversation, ctx);
    // Only the person's own number from the contact button may find a referral; a typed one never does.
    if (phone.verified && (await offerReferralByPhone(conversation, ctx, deps, phone.phone, relation))) return;
    const region = await askRegion(conversation, ctx, deps.regions);
    if (!region) return;

    const locale = await ctx.i18n.getLocale();
    const now = await clockNow(conversation);
    const summary = profileSummary(ctx, deps.regions, { relation, fullName, birthDate, phone, region }, locale, now);
    const keyboard = new InlineKeyboard()
      .text(ctx.t('reg-btn-confirm'), confirmData.pack({ ok: true }))
      .row()
      .text(ctx.t('reg-btn-restart'), confirmData.pack({ ok: false }));
    await ctx.reply(summary, { reply_markup: keyboard });
    const answer = await conversation.waitForCallbackQuery(confirmData.filter(), {
      otherwise: (c) => c.reply(c.t('press-button')),
    });
    await answer.answerCallbackQuery();
    await answer.editMessageReplyMarkup();
    if (!confirmData.unpack(answer.callbackQuery.data).ok) await conversation.rewind(start);

    const data: NewPatient = {
      relation,
      fullName,
      birthDate,
      phone: phone.phone,
      phoneVerified: phone.verified,
      ...region,
    };
    const saved = await conversation.external(() => {
      try {
        deps.patients.create(accountId, data);
        // A shared contact is always the account holder's own number, whoever the profile is for.
        if (phone.verified || relation === 'self') deps.accounts.setPhone(accountId, phone.phone, phone.verified);
        return { ok: true as const };
      } catch (err) {
        if (err instanceof DomainError) return { ok: false as const, code: err.code, details: err.details };
        throw err;
      }
    });
    if (!saved.ok) {
      await ctx.reply(domainErrorText(ctx, new DomainError(saved.code, saved.details)), { reply_markup: mainMenu(ctx) });
      return;
    }
    await ctx.reply(ctx.t('reg-done', { name: fullName }), { reply_markup: mainMenu(ctx) });
  };
}
