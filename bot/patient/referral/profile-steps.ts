import { InlineKeyboard } from 'grammy';
import type { Region } from '../../../core/catalog/regions.js';
import { normalizeFullName } from '../../../core/patients/full-name.js';
import type { NewPatient, Relation } from '../../../core/patients/repository.js';
import type { Referral } from '../../../core/referrals/linking.js';
import { clockNow } from '../../shared/conversation-clock.js';
import { tryParse } from '../../shared/domain-error-text.js';
import type { ConvoContext } from '../context.js';
import { askBirthDate, askFullName, askPhone, askRegion, askRelation, askZone, type Convo, type RegionAnswer } from '../registration/steps.js';
import { profileSummary } from '../registration/summary.js';
import { fieldData } from './callback-data.js';

// Each correction waits for more updates that the conversation replays; the bound keeps replays short.
const MAX_CORRECTIONS = 12;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The correctable fields and their buttons; who the patient is only where the account leaves a choice. */
function fieldButtons(ctx: ConvoContext, allowed: Relation[]): Array<[string, string]> {
  const all: Array<[string, string]> = [
    ['relation', ctx.t('referral-btn-edit-relation')],
    ['name', ctx.t('profile-btn-edit-name')],
    ['birth', ctx.t('profile-btn-edit-birth')],
    ['phone', ctx.t('profile-btn-edit-phone')],
    ['region', ctx.t('profile-btn-edit-region')],
  ];
  return all.filter(([field]) => field !== 'relation' || allowed.length > 1);
}

export interface PrefillOptions {
  /** Relations still open on this account (one "self" per account). */
  allowed: Relation[];
  /** The relation already chosen (registration was under way when the phone matched). */
  relation?: Relation | undefined;
  /** The referral's phone is the one this person shared through the contact button. */
  phoneVerified: boolean;
}

/** The region from the table when it names a federal subject; otherwise asked as registration asks it. */
async function regionOf(conversation: Convo, ctx: ConvoContext, regions: Region[], referral: Referral): Promise<RegionAnswer | undefined> {
  const region = referral.regionCode ? regions.find((r) => r.code === referral.regionCode) : undefined;
  if (region) return askZone(conversation, ctx, region);
  await ctx.reply(ctx.t('referral-region-unknown', { region: referral.regionText?.trim() || '—' }));
  return askRegion(conversation, ctx, regions);
}

/**
 * The patient's profile filled in from the referral, shown to confirm or correct field by field with registration's
 * own steps. Undefined when the person gave up (the region search ran out), having been told so.
 */
export async function confirmPrefilledProfile(
  conversation: Convo,
  ctx: ConvoContext,
  regions: Region[],
  referral: Referral,
  opts: PrefillOptions,
): Promise<NewPatient | undefined> {
  const { allowed } = opts;
  let relation: Relation =
    opts.relation && allowed.includes(opts.relation) ? opts.relation : allowed.includes('self') ? 'self' : await askRelation(conversation, ctx, allowed);
  const name = tryParse(() => normalizeFullName(referral.fullName));
  let fullName = name.ok ? name.value : await askFullName(conversation, ctx, relation);
  let birthDate = ISO_DATE.test(referral.birthDate) ? referral.birthDate : await askBirthDate(conversation, ctx);
  let phone = { phone: referral.phone, verified: opts.phoneVerified };
  let region = await regionOf(conversation, ctx, regions, referral);
  if (!region) return undefined;

  const locale = await ctx.i18n.getLocale();
  for (let i = 0; i < MAX_CORRECTIONS; i++) {
    const now = await clockNow(conversation);
    const summary = profileSummary(ctx, regions, { relation, fullName, birthDate, phone, region }, locale, now);
    const keyboard = new InlineKeyboard().text(ctx.t('reg-btn-confirm'), fieldData.pack({ field: 'ok' })).row();
    fieldButtons(ctx, allowed).forEach(([field, label], n) => {
      keyboard.text(label, fieldData.pack({ field }));
      if (n % 2 === 1) keyboard.row();
    });
    await ctx.reply(`${ctx.t('referral-profile-intro')}\n\n${summary}`, { reply_markup: keyboard });
    const answer = await conversation.waitForCallbackQuery(fieldData.filter(), { otherwise: (c) => c.reply(c.t('press-button')) });
    await answer.answerCallbackQuery();
    await answer.editMessageReplyMarkup();
    switch (fieldData.unpack(answer.callbackQuery.data).field) {
      case 'ok':
        return { relation, fullName, birthDate, phone: phone.phone, phoneVerified: phone.verified, ...region };
      case 'relation':
        relation = await askRelation(conversation, ctx, allowed);
        break;
      case 'name':
        fullName = await askFullName(conversation, ctx, relation);
        break;
      case 'birth':
        birthDate = await askBirthDate(conversation, ctx);
        break;
      case 'phone':
        // A typed number stays unverified; the contact button verifies it, as in registration.
        phone = await askPhone(conversation, ctx);
        break;
      case 'region': {
        const picked = await askRegion(conversation, ctx, regions);
        if (!picked) return undefined;
        region = picked;
        break;
      }
    }
  }
  await ctx.reply(ctx.t('referral-too-many-corrections'));
  return undefined;
}
