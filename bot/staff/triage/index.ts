import { createConversation } from '@grammyjs/conversations';
import { Composer } from 'grammy';
import { tryParse } from '../../shared/domain-error-text.js';
import type { StaffContext, StaffConvoContext } from '../context.js';
import type { StaffBotDeps } from '../deps.js';
import { documentsData, openData, takeData, unpackSafely } from './callback-data.js';
import { takenText, triageCard, type Headline } from './card.js';
import { createDeclineReason, declineFeature, DECLINE_REASON } from './decline.js';
import { sendDocuments } from './documents.js';
import { queueFeature } from './queue.js';
import { attemptTriage, refusalText } from './refusal.js';
import { createRequestComment, REQUEST_COMMENT, requestFeature } from './request.js';
import { nameArgs } from '../../../core/patients/declension.js';

async function card(ctx: StaffContext, id: number, headline: Headline = 'plain') {
  const app = ctx.deps.applicationRepository.byId(id)!;
  return triageCard(ctx.deps, ctx.t, await ctx.i18n.getLocale(), app, ctx.staff!, headline);
}

/** The doctor's recorded notice of this application: the outbox updates that one itself when a colleague takes it. */
function isOwnNotice(ctx: StaffContext, id: number): boolean {
  const messageId = ctx.callbackQuery?.message?.message_id;
  return ctx.deps.applicationRepository.notices(id).some((n) => n.staffId === ctx.staff!.id && n.messageId === messageId);
}

/** Take, Documents and Open: the buttons of an application's card. */
function cardActions() {
  const feature = new Composer<StaffContext>();

  feature.callbackQuery(takeData.filter(), async (ctx) => {
    const data = unpackSafely(takeData.unpack, ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t('staff-unknown-action') });
    const member = ctx.staff!;
    const result = tryParse(() => ctx.deps.applications.take(member, data.id));
    if (!result.ok) return ctx.answerCallbackQuery({ text: refusalText(ctx.t, result.error), show_alert: true });
    const view = await card(ctx, data.id);
    if (result.value.ok) {
      await ctx.answerCallbackQuery({ text: ctx.t('triage-taken', { id: String(data.id) }) });
      return ctx.editMessageText(view.text, view.replyMarkup ? { reply_markup: view.replyMarkup } : {});
    }
    const { takenBy } = result.value;
    const app = ctx.deps.applicationRepository.byId(data.id)!;
    if (app.assignedStaffId === member.id) {
      // A second press of one's own Take.
      await ctx.answerCallbackQuery();
      return ctx.editMessageText(view.text, view.replyMarkup ? { reply_markup: view.replyMarkup } : {});
    }
    if (takenBy !== null) {
      await ctx.answerCallbackQuery({ text: ctx.t('triage-already-taken', nameArgs('name', takenBy)), show_alert: true });
      if (!isOwnNotice(ctx, data.id)) await ctx.editMessageText(takenText(ctx.deps, ctx.t, await ctx.i18n.getLocale(), app, takenBy));
      return;
    }
    // Nobody has it, yet it is no longer free: the patient withdrew it, or it changed meanwhile.
    await ctx.answerCallbackQuery({ text: ctx.t('triage-changed'), show_alert: true });
    await ctx.editMessageText(view.text, view.replyMarkup ? { reply_markup: view.replyMarkup } : {});
  });

  feature.callbackQuery(documentsData.filter(), async (ctx) => {
    const data = unpackSafely(documentsData.unpack, ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t('staff-unknown-action') });
    const found = attemptTriage(() => ctx.deps.triage.documents(ctx.staff!, data.id));
    if (!found.ok) return ctx.answerCallbackQuery({ text: refusalText(ctx.t, found), show_alert: true });
    await ctx.answerCallbackQuery();
    await sendDocuments(ctx, ctx.staff!, found.value.app, found.value.documents);
  });

  feature.callbackQuery(openData.filter(), async (ctx) => {
    const data = unpackSafely(openData.unpack, ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t('staff-unknown-action') });
    const found = attemptTriage(() => ctx.deps.triage.open(ctx.staff!, data.id));
    if (!found.ok) return ctx.answerCallbackQuery({ text: refusalText(ctx.t, found), show_alert: true });
    await ctx.answerCallbackQuery();
    const view = await card(ctx, data.id);
    await ctx.reply(view.text, view.replyMarkup ? { reply_markup: view.replyMarkup } : {});
  });

  return feature;
}

/**
 * Triage of applications for the center's doctors (and admins): the card and its buttons, documents from our storage,
 * requests for more documents, declines with a reason, and /queue. Other staff are told the queue is for doctors.
 */
export function triageFeature(deps: StaffBotDeps) {
  const feature = new Composer<StaffContext>();
  const doctors = feature.filter((ctx) => ctx.staff?.role === 'doctor' || ctx.staff?.role === 'admin');
  doctors.use(createConversation<StaffContext, StaffConvoContext>(createRequestComment(deps), REQUEST_COMMENT));
  doctors.use(createConversation<StaffContext, StaffConvoContext>(createDeclineReason(deps), DECLINE_REASON));
  doctors.use(queueFeature());
  doctors.use(cardActions());
  doctors.use(requestFeature());
  doctors.use(declineFeature());
  feature.command('queue', (ctx) => ctx.reply(ctx.t('triage-queue-not-doctor')));
  return feature;
}
