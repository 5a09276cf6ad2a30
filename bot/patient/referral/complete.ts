import { InlineKeyboard } from 'grammy';
import { COMPLAINTS_MAX, validateComplaints } from '../../../core/applications/service.js';
import { DomainError } from '../../../core/errors.js';
import type { Relation } from '../../../core/patients/repository.js';
import { REFERRAL_COMPLAINTS_DEFAULT, referralDiagnosis } from '../../../core/referrals/linking.js';
import { domainErrorText, tryParse } from '../../shared/domain-error-text.js';
import { conditionName } from '../applications/format.js';
import type { ConvoContext, PatientContext } from '../context.js';
import type { PatientBotDeps } from '../deps.js';
import { mainMenu } from '../menu.js';
import type { Convo } from '../registration/steps.js';
import { skipComplaintsData } from './callback-data.js';
import { showReferralChecklist } from './checklist.js';
import { linkingOf } from './linking.js';
import { confirmPrefilledProfile } from './profile-steps.js';
import { nameArgs } from '../../../core/patients/declension.js';

export interface ReferralFlowOptions {
  via?: 'link' | 'phone';
  /** The person's own number from the contact button, when that is how the referral was found. */
  verifiedPhone?: string | undefined;
  relation?: Relation | undefined;
  /** Not linked yet: the birth date is asked and must match before anything else (see birth-date-check.ts). */
  confirm?: boolean;
}

function complaintsError(c: ConvoContext, code: string, details: Record<string, string | number>): string {
  const length = Number(details.length);
  const max = Number(details.max);
  return code === 'complaints_too_long' ? c.t('apply-complaints-too-long', { length, max, over: length - max }) : c.t('apply-complaints-empty');
}

/** Briefly what troubles the patient now; the referral's own reasons stand when they have nothing to add. */
async function askComplaints(conversation: Convo, ctx: ConvoContext, referralId: number, diagnosis: string): Promise<string> {
  const keyboard = new InlineKeyboard().text(ctx.t('referral-btn-no-complaints'), skipComplaintsData.pack({ id: referralId }));
  await ctx.reply(ctx.t('referral-complaints-ask', { max: COMPLAINTS_MAX, diagnosis }), { reply_markup: keyboard });
  const skip = skipComplaintsData.filter({ id: referralId });
  const answer = await conversation.waitUntil(
    (c) => {
      if (c.callbackQuery?.data !== undefined) return skip.test(c.callbackQuery.data);
      const text = c.message?.text;
      return text !== undefined && !text.startsWith('/') && tryParse(() => validateComplaints(text)).ok;
    },
    {
      otherwise: async (c) => {
        if (c.callbackQuery) return c.answerCallbackQuery({ text: c.t('press-button') });
        const text = c.message?.text;
        if (text === undefined) return c.reply(c.t('apply-complaints-text-only'));
        const result = tryParse(() => validateComplaints(text));
        if (!result.ok) return c.reply(complaintsError(c, result.error.code, result.error.details));
      },
    },
  );
  if (answer.callbackQuery) {
    await answer.answerCallbackQuery();
    await answer.editMessageReplyMarkup();
    return REFERRAL_COMPLAINTS_DEFAULT;
  }
  return validateComplaints(answer.message!.text!);
}

type Saved = { ok: true; name: string } | { ok: false; code: string; details: Record<string, string | number> };

function saved(run: () => string): Saved {
  try {
    return { ok: true, name: run() };
  } catch (err) {
    if (err instanceof DomainError) return { ok: false, code: err.code, details: err.details };
    throw err;
  }
}

/**
 * A linked referral from where it stands to the documents checklist: the profile (an existing one of the same person,
 * or one prefilled from the row and confirmed), then the complaints. Also run inside registration when a shared
 * phone matched, so it takes the registration's own conversation handle.
 */
export async function completeReferral(conversation: Convo, ctx: ConvoContext, deps: PatientBotDeps, referralId: number, opts: ReferralFlowOptions) {
  const accountId = ctx.from!.id;
  const linking = linkingOf(deps);
  const state = await conversation.external(() => {
    const found = tryParse(() => linking.ofAccount(accountId, referralId));
    if (!found.ok) return undefined;
    const referral = found.value;
    const account = deps.accounts.find(accountId);
    return {
      referral,
      matching: referral.patientId === null ? linking.matchingProfile(accountId, referralId)?.id : undefined,
      allowed: deps.patients.availableRelations(accountId),
      phoneVerified: opts.verifiedPhone === referral.phone || (account?.phoneVerified === true && account.phone === referral.phone),
    };
  });
  if (!state) {
    await ctx.reply(ctx.t('referral-gone'), { reply_markup: mainMenu(ctx) });
    return;
  }
  const { referral } = state;
  if (referral.applicationId !== null) {
    await ctx.reply(ctx.t('referral-already-submitted', { id: referral.applicationId }), { reply_markup: mainMenu(ctx) });
    return;
  }
  if (referral.patientId === null) {
    let result: Saved;
    if (state.matching !== undefined) {
      const patientId = state.matching;
      result = await conversation.external(() => saved(() => linking.attachProfile(accountId, referralId, patientId).fullName));
      if (result.ok) await ctx.reply(ctx.t('referral-profile-matched', { name: result.name }));
    } else {
      const data = await confirmPrefilledProfile(conversation, ctx, deps.regions, referral, {
        allowed: state.allowed,
        relation: opts.relation,
        phoneVerified: state.phoneVerified,
      });
      if (!data) return;
      result = await conversation.external(() =>
        saved(() => {
          const patient = linking.createProfile(accountId, referralId, data);
          // The contact button gives the account holder's own number, whoever the profile is for.
          if (data.phoneVerified && data.phone) deps.accounts.setPhone(accountId, data.phone, true);
          return patient.fullName;
        }),
      );
      if (result.ok) await ctx.reply(ctx.t('referral-profile-saved', nameArgs('name', result.name)));
    }
    if (!result.ok) {
      await ctx.reply(domainErrorText(ctx, new DomainError(result.code, result.details)), { reply_markup: mainMenu(ctx) });
      return;
    }
  }
  // Now that the referral is theirs, the patient may read what the referring physician wrote.
  const locale = await ctx.i18n.getLocale();
  const diagnosis = referralDiagnosis(referral, conditionName(deps.catalog, referral.centerCode, referral.conditionCode, locale));
  const complaints = await askComplaints(conversation, ctx, referralId, diagnosis);
  // The rest (uploads from the checklist, sending) happens outside the conversation, so it survives leaving for a while.
  await conversation.external(async (outer: PatientContext) => {
    outer.session.referral = { referralId, via: opts.via ?? 'link', complaints };
    await showReferralChecklist(outer, referralId, { intro: true });
  });
}
