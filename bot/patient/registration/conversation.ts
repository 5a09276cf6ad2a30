import { DomainError } from '../../../core/errors.js';
import { nameArgs } from '../../../core/patients/declension.js';
import type { NewPatient, Relation } from '../../../core/patients/repository.js';
import { MAX_PROFILES_PER_ACCOUNT } from '../../../core/patients/service.js';
import { clockNow } from '../../shared/conversation-clock.js';
import { formatDate, regionName, zoneLabel } from '../../shared/format.js';
import { domainErrorText } from '../../shared/domain-error-text.js';
import type { ConvoContext } from '../context.js';
import type { PatientBotDeps } from '../deps.js';
import { mainMenu } from '../menu.js';
import { offerReferralByPhone } from '../referral/registration-offer.js';
import { addedProfileKeyboard, sharedContactOf } from './shared-contact.js';
import { confirmWithRegion } from './region-confirm.js';
import { askBirthDate, askFullName, askPhone, askRelation, type Convo } from './steps.js';

export const REGISTRATION = 'registration';

/**
 * Registers one patient profile under the account. The first profile is the holder's own: name, birth date, phone,
 * then one message to check it all and press one's region. A child or relative added later takes the holder's phone
 * and region, changeable with one button, so it needs only who it is, the name and the birth date.
 */
export function createRegistration(deps: PatientBotDeps) {
  return async function registration(conversation: Convo, ctx: ConvoContext): Promise<void> {
    const accountId = ctx.from!.id;
    const allowed = await conversation.external(() => deps.patients.availableRelations(accountId));
    const existing = await conversation.external(() => deps.patients.list(accountId).length);
    if (existing >= MAX_PROFILES_PER_ACCOUNT) {
      await ctx.reply(ctx.t('profiles-limit', { max: MAX_PROFILES_PER_ACCOUNT }), { reply_markup: mainMenu(ctx) });
      return;
    }
    const relation: Relation = existing === 0 && allowed.includes('self') ? 'self' : await askRelation(conversation, ctx, allowed);
    const start = conversation.checkpoint();
    const fullName = await askFullName(conversation, ctx, relation);
    const birthDate = await askBirthDate(conversation, ctx);
    const locale = await ctx.i18n.getLocale();
    const now = await clockNow(conversation);

    const shared = relation === 'self' ? undefined : await conversation.external(() => sharedContactOf(deps, accountId));
    if (shared) {
      const saved = await save(conversation, ctx, deps, { relation, fullName, birthDate, ...shared }, false);
      if (!saved) return;
      await ctx.reply(
        ctx.t('reg-added-shared', {
          name: fullName,
          phone: shared.phone,
          region: regionName(deps.regions, shared.regionCode, locale),
          zone: zoneLabel(shared.timeZone, locale, now),
        }),
        { reply_markup: addedProfileKeyboard(ctx, saved.id) },
      );
      await ctx.reply(ctx.t('reg-added-menu'), { reply_markup: mainMenu(ctx) });
      return;
    }

    const phone = await askPhone(conversation, ctx);
    // Only the person's own number from the contact button may find a referral; a typed one never does.
    if (phone.verified && (await offerReferralByPhone(conversation, ctx, deps, phone.phone, relation))) return;
    const summary = ctx.t('reg-check', {
      name: fullName,
      birth: formatDate(birthDate),
      phone: ctx.t(phone.verified ? 'phone-yes' : 'phone-no', { phone: phone.phone }),
    });
    const region = await confirmWithRegion(conversation, ctx, deps, summary);
    if (region === 'restart') await conversation.rewind(start);
    if (!region || region === 'restart') return;

    const data: NewPatient = { relation, fullName, birthDate, phone: phone.phone, phoneVerified: phone.verified, ...region };
    if (!(await save(conversation, ctx, deps, data, phone.verified || relation === 'self'))) return;
    const done = ctx.t('reg-done', nameArgs('name', fullName));
    const where = ctx.t('reg-done-region', {
      region: regionName(deps.regions, region.regionCode, locale),
      zone: zoneLabel(region.timeZone, locale, now),
    });
    await ctx.reply(`${done}\n${where}`, { reply_markup: mainMenu(ctx) });
  };
}

/** Stores the profile (and, for the holder's own or a shared contact, the account's phone); a refusal is told and ends the flow. */
async function save(conversation: Convo, ctx: ConvoContext, deps: PatientBotDeps, data: NewPatient, accountPhone: boolean) {
  const accountId = ctx.from!.id;
  const saved = await conversation.external(() => {
    try {
      const patient = deps.patients.create(accountId, data);
      // A shared contact is always the account holder's own number, whoever the profile is for.
      if (accountPhone && data.phone) deps.accounts.setPhone(accountId, data.phone, data.phoneVerified);
      return { ok: true as const, id: patient.id };
    } catch (err) {
      if (err instanceof DomainError) return { ok: false as const, code: err.code, details: err.details };
      throw err;
    }
  });
  if (saved.ok) return saved;
  await ctx.reply(domainErrorText(ctx, new DomainError(saved.code, saved.details)), { reply_markup: mainMenu(ctx) });
  return undefined;
}
