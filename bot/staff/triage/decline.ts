import { Composer, InlineKeyboard } from 'grammy';
import { createCallbackData } from '../../shared/callback-data.js';
import { REASON_MAX } from '../../../core/applications/service.js';
import { DEFAULT_LOCALE, pickLocale } from '../../shared/i18n.js';
import type { Translate } from '../../shared/outbox-sender.js';
import type { StaffContext, StaffConvoContext } from '../context.js';
import type { StaffBotDeps } from '../deps.js';
import { askText, type TriageConvo } from './ask-text.js';
import { declineData, reasonData, unpackSafely } from './callback-data.js';
import { attemptTriage, refusalText } from './refusal.js';
import { cardFor, showCard } from './show-card.js';

export const DECLINE_REASON = 'triageDeclineReason';

const stopData = createCallbackData('tri-stop', { id: Number });

/** The usual reasons; the patient reads the text, the doctor picks by the short label. */
export const REASON_CODES = ['profile', 'remote', 'emergency', 'duplicate'] as const;
type ReasonCode = (typeof REASON_CODES)[number];

const isReasonCode = (code: string): code is ReasonCode => (REASON_CODES as readonly string[]).includes(code);

function reasonButton(t: Translate, code: ReasonCode): string {
  switch (code) {
    case 'profile':
      return t('triage-btn-reason-profile');
    case 'remote':
      return t('triage-btn-reason-remote');
    case 'emergency':
      return t('triage-btn-reason-emergency');
    case 'duplicate':
      return t('triage-btn-reason-duplicate');
  }
}

function reasonText(t: Translate, code: ReasonCode): string {
  switch (code) {
    case 'profile':
      return t('triage-reason-profile');
    case 'remote':
      return t('triage-reason-remote');
    case 'emergency':
      return t('triage-reason-emergency');
    case 'duplicate':
      return t('triage-reason-duplicate');
  }
}

/** What is wrong with a typed reason, by the rules the service applies (trimmed, 1 to REASON_MAX characters). */
export function reasonProblem(t: Translate, text: string): string | undefined {
  const reason = text.trim();
  if (!reason) return t('triage-reason-empty');
  if (reason.length > REASON_MAX) return t('triage-reason-too-long', { length: reason.length, max: REASON_MAX });
  return undefined;
}

/** Declines as this doctor; the outcome is plain data, so a conversation can keep it in its log. */
function decline(deps: StaffBotDeps, telegramId: number, id: number, reason: string) {
  const member = deps.staff.byTelegramId(telegramId);
  if (!member) return { ok: false as const, code: 'application_not_found', details: {} };
  const done = attemptTriage(() => void deps.triage.decline(member, id, reason));
  return done.ok ? { ok: true as const } : done;
}

/** "Decline": a reason from a short list (written to the patient in their language) or typed in a short conversation. */
export function declineFeature() {
  const feature = new Composer<StaffContext>();

  feature.callbackQuery(declineData.filter(), async (ctx) => {
    const data = unpackSafely(declineData.unpack, ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t('staff-unknown-action') });
    const found = attemptTriage(() => ctx.deps.triage.declinable(ctx.staff!, data.id));
    if (!found.ok) return ctx.answerCallbackQuery({ text: refusalText(ctx.t, found), show_alert: true });
    await ctx.answerCallbackQuery();
    const card = ctx.callbackQuery.message?.message_id ?? 0;
    const keyboard = new InlineKeyboard();
    for (const code of REASON_CODES) keyboard.text(reasonButton(ctx.t, code), reasonData.pack({ id: data.id, card, code })).row();
    keyboard
      .text(ctx.t('triage-btn-reason-other'), reasonData.pack({ id: data.id, card, code: 'other' }))
      .row()
      .text(ctx.t('triage-btn-cancel'), reasonData.pack({ id: data.id, card, code: 'cancel' }));
    await ctx.reply(ctx.t('triage-decline-ask', { id: String(data.id) }), { reply_markup: keyboard });
  });

  feature.callbackQuery(reasonData.filter(), async (ctx) => {
    const data = unpackSafely(reasonData.unpack, ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t('staff-unknown-action') });
    if (data.code === 'cancel') {
      await ctx.answerCallbackQuery();
      return ctx.editMessageText(ctx.t('triage-cancelled'));
    }
    const found = attemptTriage(() => ctx.deps.triage.declinable(ctx.staff!, data.id));
    if (!found.ok) return ctx.answerCallbackQuery({ text: refusalText(ctx.t, found), show_alert: true });
    if (data.code === 'other') {
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup();
      await ctx.conversation.exitAll();
      return ctx.conversation.enter(DECLINE_REASON, data.id, data.card);
    }
    if (!isReasonCode(data.code)) return ctx.answerCallbackQuery({ text: ctx.t('staff-unknown-action') });
    // The reason is stored as text and shown to the patient as it is: write it in the patient's language.
    const patient = ctx.deps.applicationRepository.patientOf(data.id);
    const patientLocale = pickLocale((patient?.accountId && ctx.deps.accounts.locale(patient.accountId)) || DEFAULT_LOCALE);
    const reason = reasonText((key, params) => ctx.i18n.fluent.translate(patientLocale, key, params), data.code);
    const outcome = decline(ctx.deps, ctx.from.id, data.id, reason);
    if (!outcome.ok) return ctx.answerCallbackQuery({ text: refusalText(ctx.t, outcome), show_alert: true });
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('triage-declined', { id: String(data.id), reason }));
    const locale = await ctx.i18n.getLocale();
    await showCard(ctx.api, ctx.chat!.id, data.card, cardFor(ctx.deps, ctx.t, locale, ctx.from.id, data.id));
  });

  return feature;
}

/** "Other reason": the doctor types it; an empty or overlong text is explained and asked again. */
export function createDeclineReason(deps: StaffBotDeps) {
  return async function triageDeclineReason(conversation: TriageConvo, ctx: StaffConvoContext, id: number, card: number) {
    const chatId = ctx.chat!.id;
    const telegramId = ctx.from!.id;
    const question = await ctx.reply(ctx.t('triage-decline-type', { id: String(id), max: REASON_MAX }), {
      reply_markup: new InlineKeyboard().text(ctx.t('triage-btn-cancel'), stopData.pack({ id })),
    });
    const answer = await askText(conversation, stopData.filter({ id }), (text, c) => reasonProblem(c.t, text));
    if ('gaveUp' in answer) return void (await ctx.reply(ctx.t('triage-gave-up')));
    if ('button' in answer) return void (await ctx.reply(ctx.t('triage-cancelled')));
    await ctx.api.editMessageReplyMarkup(chatId, question.message_id);
    const reason = answer.text.trim();
    const outcome = await conversation.external(() => decline(deps, telegramId, id, reason));
    await ctx.reply(outcome.ok ? ctx.t('triage-declined', { id: String(id), reason }) : refusalText(ctx.t, outcome));
    const locale = await ctx.i18n.getLocale();
    const view = await conversation.external(() => cardFor(deps, ctx.t, locale, telegramId, id));
    await showCard(ctx.api, chatId, card, view);
  };
}
