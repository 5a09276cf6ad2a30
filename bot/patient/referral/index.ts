import { hears } from '@grammyjs/i18n';
import { Composer, InlineKeyboard } from 'grammy';
import { CONSENT_VERSION } from '../../../core/accounts/consent.js';
import { documentsFor } from '../../../core/applications/requirements.js';
import { normalizePhone } from '../../../core/patients/phone.js';
import type { Referral } from '../../../core/referrals/linking.js';
import { parseReferralPayload, REFERRAL_PAYLOAD_PREFIX } from '../../../core/referrals/invite-code.js';
import { tryParse } from '../../shared/domain-error-text.js';
import { centerName } from '../applications/format.js';
import type { PatientContext } from '../context.js';
import { finishUpload, startUpload } from '../documents/index.js';
import { mainMenu } from '../menu.js';
import { REGISTRATION } from '../registration/conversation.js';
import { offerData, resumeData, sendData, uploadData } from './callback-data.js';
import { showReferralChecklist } from './checklist.js';
import { REFERRAL_CONVERSATION } from './conversation.js';
import { linkingOf } from './linking.js';
import { offerKeyboard, offerText } from './offer.js';
import { submitReferral } from './submit.js';

const hasConsent = (ctx: PatientContext) => ctx.deps.accounts.find(ctx.from!.id)?.consentVersion === CONSENT_VERSION;

/** Back to what a person without a referral would see now: registration when there is no profile yet, else the menu. */
async function carryOn(ctx: PatientContext) {
  if (ctx.deps.patients.list(ctx.from!.id).length === 0) return ctx.conversation.enter(REGISTRATION);
  await ctx.reply(ctx.t('menu-shown'), { reply_markup: mainMenu(ctx) });
}

async function showOffer(ctx: PatientContext, referral: Referral) {
  const locale = await ctx.i18n.getLocale();
  await ctx.reply(offerText(ctx, ctx.deps.catalog, locale, referral), { reply_markup: offerKeyboard(ctx, referral.id) });
}

/** A referral this account holds, picked up where it stands. */
async function continueReferral(ctx: PatientContext, referral: Referral, via: 'link' | 'phone') {
  if (referral.applicationId !== null) {
    return ctx.reply(ctx.t('referral-already-submitted', { id: referral.applicationId }), { reply_markup: mainMenu(ctx) });
  }
  const session = ctx.session.referral;
  if (referral.patientId !== null && session?.referralId === referral.id && session.complaints !== undefined) {
    return showReferralChecklist(ctx, referral.id);
  }
  await ctx.conversation.enter(REFERRAL_CONVERSATION, referral.id, { via });
}

/** The invite opened by an account with consent. False when it led nowhere (the person was told why). */
async function openInvite(ctx: PatientContext, code: string): Promise<boolean> {
  const found = linkingOf(ctx.deps).lookupInvite(code, ctx.from!.id);
  switch (found.status) {
    case 'unknown':
      await ctx.reply(ctx.t('referral-unknown'));
      return false;
    case 'taken':
      await ctx.reply(ctx.t('referral-used'));
      return false;
    case 'mine':
      await continueReferral(ctx, found.referral, 'link');
      return true;
    case 'open':
      ctx.session.referral = { referralId: found.referral.id, via: 'link' };
      await showOffer(ctx, found.referral);
      return true;
  }
}

/**
 * Called once consent is given: an invite opened before it is taken up now. True when the referral took over the
 * conversation, so the usual registration does not start on top of it.
 */
export async function resumeInviteAfterConsent(ctx: PatientContext): Promise<boolean> {
  const code = ctx.session.referral?.code;
  if (!code) return false;
  delete ctx.session.referral;
  return openInvite(ctx, code);
}

/** A plain /start does what it always does; a referral this account left unfinished is then offered to go on with. */
async function remindUnfinished(ctx: PatientContext, next: () => Promise<void>) {
  await next();
  if (!hasConsent(ctx) || ctx.deps.patients.list(ctx.from!.id).length === 0) return;
  const [referral] = linkingOf(ctx.deps).unfinished(ctx.from!.id);
  if (!referral) return;
  const locale = await ctx.i18n.getLocale();
  const keyboard = new InlineKeyboard().text(ctx.t('referral-btn-resume'), resumeData.pack({ id: referral.id }));
  await ctx.reply(ctx.t('referral-unfinished', { center: centerName(ctx.deps.catalog, referral.centerCode, locale) }), { reply_markup: keyboard });
}

/**
 * Path 3 from the patient's side: the SMS deep link (/start ref_<code>) or the person's own shared contact finds
 * the referral; confirmed with the patient's birth date, it links to this account for good; then the profile, the
 * complaints, exactly the documents its center needs, and the application.
 */
export function referralFeature() {
  const feature = new Composer<PatientContext>();

  feature.command('start', async (ctx, next) => {
    if (!ctx.match.startsWith(REFERRAL_PAYLOAD_PREFIX)) return remindUnfinished(ctx, next);
    const code = parseReferralPayload(ctx.match);
    if (!code) {
      await ctx.reply(ctx.t('referral-unknown'));
      return next();
    }
    if (hasConsent(ctx)) {
      if (!(await openInvite(ctx, code))) return next();
      return;
    }
    // Before consent nothing is shown of the referral; whether the link is any good may be said at once.
    const found = linkingOf(ctx.deps).lookupInvite(code, ctx.from!.id);
    if (found.status === 'unknown') await ctx.reply(ctx.t('referral-unknown'));
    else if (found.status === 'taken') await ctx.reply(ctx.t('referral-used'));
    else ctx.session.referral = { code };
    await next();
  });

  // A contact shared outside registration (which looks for itself): only the sender's own number may find a referral.
  feature.on('message:contact', async (ctx, next) => {
    const { contact } = ctx.message;
    if (contact.user_id !== ctx.from.id || !hasConsent(ctx)) return next();
    const phone = tryParse(() => normalizePhone(contact.phone_number));
    if (!phone.ok) return next();
    const linking = linkingOf(ctx.deps);
    const referral = linking.unlinkedByPhone(phone.value);
    if (!referral) return ctx.reply(ctx.t('referral-phone-none'), { reply_markup: mainMenu(ctx) });
    if (linking.claimCheck(referral.id, ctx.from.id) === 'refused') return ctx.reply(ctx.t('referral-refused'), { reply_markup: mainMenu(ctx) });
    ctx.session.referral = { referralId: referral.id, via: 'phone', verifiedPhone: phone.value };
    await showOffer(ctx, referral);
  });

  feature.callbackQuery(offerData.filter(), async (ctx) => {
    const { id, ok } = offerData.unpack(ctx.callbackQuery.data);
    const offered = ctx.session.referral;
    // Only the referral this chat was offered (it held the code, or the verified phone): never one named in a forged press.
    if (offered?.referralId !== id || !hasConsent(ctx)) return ctx.answerCallbackQuery({ text: ctx.t('referral-stale'), show_alert: true });
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    const linking = linkingOf(ctx.deps);
    const via = offered.via ?? 'link';
    if (!ok) {
      linking.notMe(id, ctx.from.id, via);
      delete ctx.session.referral;
      await ctx.reply(ctx.t('referral-not-me'));
      return carryOn(ctx);
    }
    const check = linking.claimCheck(id, ctx.from.id);
    if (check === 'taken' || check === 'refused') {
      delete ctx.session.referral;
      await ctx.reply(ctx.t(check === 'taken' ? 'referral-used' : 'referral-refused'));
      return carryOn(ctx);
    }
    // Linked only once the birth date matches, in the conversation; nothing personal of the row is shown before.
    await ctx.conversation.enter(REFERRAL_CONVERSATION, id, { via, verifiedPhone: offered.verifiedPhone, confirm: check === 'open' });
  });

  feature.callbackQuery(resumeData.filter(), async (ctx) => {
    const { id } = resumeData.unpack(ctx.callbackQuery.data);
    const referral = tryParse(() => linkingOf(ctx.deps).ofAccount(ctx.from.id, id));
    if (!referral.ok) return ctx.answerCallbackQuery({ text: ctx.t('referral-stale'), show_alert: true });
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    await continueReferral(ctx, referral.value, ctx.session.referral?.via ?? 'link');
  });

  feature.callbackQuery(uploadData.filter(), async (ctx) => {
    const { id, kind } = uploadData.unpack(ctx.callbackQuery.data);
    const referral = tryParse(() => linkingOf(ctx.deps).ofAccount(ctx.from.id, id));
    const patient = referral.ok && referral.value.patientId !== null ? ctx.deps.patients.get(ctx.from.id, referral.value.patientId) : undefined;
    const wanted = referral.ok ? tryParse(() => documentsFor(ctx.deps.catalog, referral.value.centerCode, referral.value.conditionCode)) : undefined;
    if (!patient || !wanted?.ok || !wanted.value.some((d) => d.kind === kind) || referral.ok && referral.value.applicationId !== null) {
      return ctx.answerCallbackQuery({ text: ctx.t('referral-stale'), show_alert: true });
    }
    await ctx.answerCallbackQuery();
    await startUpload(ctx, patient, kind, { to: 'referral', referralId: id });
  });

  // Done after an upload started from the referral's checklist: the checklist again, with what arrived ticked.
  feature.filter(hears('docs-btn-done')).filter(
    (ctx) => ctx.session.upload?.returnTo?.to === 'referral',
    async (ctx) => {
      const finished = await finishUpload(ctx);
      const back = finished?.upload.returnTo;
      if (back?.to === 'referral') await showReferralChecklist(ctx, back.referralId, { place: 'down' });
    },
  );

  feature.callbackQuery(sendData.filter(), async (ctx) => {
    const { id } = sendData.unpack(ctx.callbackQuery.data);
    const referral = tryParse(() => linkingOf(ctx.deps).ofAccount(ctx.from.id, id));
    if (!referral.ok) return ctx.answerCallbackQuery({ text: ctx.t('referral-stale'), show_alert: true });
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    const session = ctx.session.referral;
    const complaints = session?.referralId === id ? session.complaints : undefined;
    // Complaints lost with the session (a /cancel of everything, say): asked again, nothing else is.
    if (complaints === undefined || referral.value.patientId === null) return continueReferral(ctx, referral.value, session?.via ?? 'link');
    await submitReferral(ctx, referral.value, complaints);
  });

  return feature;
}
