import { InlineKeyboard } from 'grammy';
import type { ChecklistItem } from '../../../core/applications/requirements.js';
import { missingRequired } from '../../../core/applications/requirements.js';
import { tryParse } from '../../shared/domain-error-text.js';
import { centerName, conditionName } from '../applications/format.js';
import { showLive, type LivePlace } from '../../shared/live-message.js';
import { checklistText, type UploadProgress } from '../apply/checklist.js';
import type { PatientContext } from '../context.js';
import { mainMenu } from '../menu.js';
import { sendData, uploadData } from './callback-data.js';
import { linkingOf } from './linking.js';

/** An upload button per missing document (required first); "send" once nothing required is missing. */
function keyboardOf(ctx: PatientContext, referralId: number, items: ChecklistItem[], locale: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const missing = [...items.filter((i) => !i.present && i.need === 'required'), ...items.filter((i) => !i.present && i.need === 'ifAvailable')];
  for (const item of missing) {
    const kind = locale === 'en' ? item.en : item.ru;
    const label = ctx.t(item.need === 'required' ? 'apply-btn-upload' : 'apply-btn-upload-optional', { kind });
    keyboard.text(label, uploadData.pack({ id: referralId, kind: item.kind })).row();
  }
  if (missingRequired(items).length === 0) keyboard.text(ctx.t('apply-btn-review'), sendData.pack({ id: referralId }));
  return keyboard;
}

/**
 * Exactly the documents the referral's center asks for with its condition, as the apply checklist shows them, with
 * the uploads and the send button bound to the referral. False when there is nothing to show (told why).
 */
export async function showReferralChecklist(
  ctx: PatientContext,
  referralId: number,
  opts: { intro?: boolean; place?: LivePlace; uploading?: UploadProgress } = {},
): Promise<boolean> {
  const accountId = ctx.from!.id;
  const referral = tryParse(() => linkingOf(ctx.deps).ofAccount(accountId, referralId));
  const patient = referral.ok && referral.value.patientId !== null ? ctx.deps.patients.get(accountId, referral.value.patientId) : undefined;
  if (!referral.ok || !patient) {
    await ctx.reply(ctx.t('referral-gone'), { reply_markup: mainMenu(ctx) });
    return false;
  }
  const { centerCode, conditionCode } = referral.value;
  const items = tryParse(() => ctx.deps.applications.checklist(patient.id, centerCode, conditionCode));
  if (!items.ok) {
    await ctx.reply(ctx.t('referral-catalog-changed'), { reply_markup: mainMenu(ctx) });
    return false;
  }
  const locale = await ctx.i18n.getLocale();
  const head = { center: centerName(ctx.deps.catalog, centerCode, locale), condition: conditionName(ctx.deps.catalog, centerCode, conditionCode, locale) };
  const text = checklistText(ctx.t, items.value, locale, head, opts.uploading);
  // The one checklist message of this referral, edited or moved down when asked (see the apply checklist).
  const session = ctx.session.referral?.referralId === referralId ? ctx.session.referral : undefined;
  const shown = await showLive(
    ctx,
    opts.place,
    session?.checklistMessageId,
    opts.intro ? `${ctx.t('referral-docs-intro')}\n\n${text}` : text,
    keyboardOf(ctx, referralId, items.value, locale),
  );
  if (session) session.checklistMessageId = shown;
  return true;
}
