import { Composer, InlineKeyboard } from 'grammy';
import type { Application } from '../../../core/applications/repository.js';
import { documentsFor } from '../../../core/applications/requirements.js';
import { REASON_MAX } from '../../../core/applications/service.js';
import type { Catalog } from '../../../core/catalog/index.js';
import type { StaffContext, StaffConvoContext } from '../context.js';
import type { StaffBotDeps } from '../deps.js';
import { askText, type TriageConvo } from './ask-text.js';
import { commentData, kindData, kindsDoneData, requestData, unpackSafely } from './callback-data.js';
import { cardFor, showCard } from './show-card.js';
import { kindLabel, kindList } from './labels.js';
import { attemptTriage, refusalText } from './refusal.js';

export const REQUEST_COMMENT = 'triageRequestComment';

// A dash is how people write "nothing to add" in a form.
const NO_COMMENT = /^[-–—]$/;

/** What a doctor can ask for: the center's documents for this condition, then the catalog's other kinds. */
export function offeredKinds(catalog: Catalog, app: Application): string[] {
  const kinds = [...documentsFor(catalog, app.centerCode, app.conditionCode).map((d) => d.kind), ...catalog.otherDocumentKinds.map((d) => d.kind)];
  return [...new Set(kinds)];
}

async function kindsKeyboard(ctx: StaffContext, app: Application, picked: string[], card: number): Promise<InlineKeyboard> {
  const locale = await ctx.i18n.getLocale();
  const kinds = offeredKinds(ctx.deps.catalog, app).map((kind) => {
    const label = kindLabel(ctx.deps.catalog, kind, locale);
    return InlineKeyboard.text(picked.includes(kind) ? `✅ ${label}` : label, kindData.pack({ id: app.id, card, kind }));
  });
  const rows = Array.from({ length: Math.ceil(kinds.length / 2) }, (_, i) => kinds.slice(i * 2, i * 2 + 2));
  return InlineKeyboard.from([
    ...rows,
    [
      InlineKeyboard.text(ctx.t('triage-btn-next'), kindsDoneData.pack({ id: app.id, card, go: true })),
      InlineKeyboard.text(ctx.t('triage-btn-cancel'), kindsDoneData.pack({ id: app.id, card, go: false })),
    ],
  ]);
}

/** The application, if this doctor may still ask for documents on it; otherwise they are told why. */
async function requestable(ctx: StaffContext, id: number): Promise<Application | undefined> {
  const found = attemptTriage(() => ctx.deps.triage.requestable(ctx.staff!, id));
  if (!found.ok) {
    await ctx.answerCallbackQuery({ text: refusalText(ctx.t, found), show_alert: true });
    return undefined;
  }
  return found.value;
}

/** "Request documents": pick kinds (the selection lives in the session), then a short conversation for the comment. */
export function requestFeature() {
  const feature = new Composer<StaffContext>();

  feature.callbackQuery(requestData.filter(), async (ctx) => {
    const data = unpackSafely(requestData.unpack, ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t('staff-unknown-action') });
    const app = await requestable(ctx, data.id);
    if (!app) return;
    ctx.session.requestKinds = { applicationId: app.id, kinds: [] };
    await ctx.answerCallbackQuery();
    const card = ctx.callbackQuery.message?.message_id ?? 0;
    await ctx.reply(ctx.t('triage-request-pick', { id: String(app.id) }), { reply_markup: await kindsKeyboard(ctx, app, [], card) });
  });

  feature.callbackQuery(kindData.filter(), async (ctx) => {
    const data = unpackSafely(kindData.unpack, ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t('staff-unknown-action') });
    const app = await requestable(ctx, data.id);
    if (!app) return;
    const offered = offeredKinds(ctx.deps.catalog, app);
    if (!offered.includes(data.kind)) return ctx.answerCallbackQuery({ text: ctx.t('staff-unknown-action') });
    const selection = ctx.session.requestKinds;
    const current = selection?.applicationId === app.id ? selection.kinds : [];
    const next = current.includes(data.kind) ? current.filter((k) => k !== data.kind) : [...current, data.kind];
    ctx.session.requestKinds = { applicationId: app.id, kinds: offered.filter((k) => next.includes(k)) };
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: await kindsKeyboard(ctx, app, next, data.card) });
  });

  feature.callbackQuery(kindsDoneData.filter(), async (ctx) => {
    const data = unpackSafely(kindsDoneData.unpack, ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t('staff-unknown-action') });
    const selection = ctx.session.requestKinds;
    const kinds = selection?.applicationId === data.id ? selection.kinds : [];
    if (!data.go) {
      delete ctx.session.requestKinds;
      await ctx.answerCallbackQuery();
      return ctx.editMessageText(ctx.t('triage-cancelled'));
    }
    if (kinds.length === 0) return ctx.answerCallbackQuery({ text: ctx.t('triage-request-none-picked'), show_alert: true });
    const app = await requestable(ctx, data.id);
    if (!app) return;
    delete ctx.session.requestKinds;
    await ctx.answerCallbackQuery();
    const locale = await ctx.i18n.getLocale();
    await ctx.editMessageText(ctx.t('triage-request-picked', { id: String(app.id), kinds: kindList(ctx.deps.catalog, kinds, locale) }));
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(REQUEST_COMMENT, app.id, kinds, data.card);
  });

  return feature;
}

/** Asks the comment for the patient ("–" or the button: none), then sends the request and updates the card. */
export function createRequestComment(deps: StaffBotDeps) {
  return async function triageRequestComment(conversation: TriageConvo, ctx: StaffConvoContext, id: number, kinds: string[], card: number) {
    const chatId = ctx.chat!.id;
    const telegramId = ctx.from!.id;
    const buttons = new InlineKeyboard()
      .text(ctx.t('triage-btn-no-comment'), commentData.pack({ id, skip: true }))
      .text(ctx.t('triage-btn-cancel'), commentData.pack({ id, skip: false }));
    const question = await ctx.reply(ctx.t('triage-request-comment-ask'), { reply_markup: buttons });
    const answer = await askText(conversation, commentData.filter({ id }), (text, c) => {
      const length = text.trim().length;
      return length > REASON_MAX ? c.t('triage-comment-too-long', { length, max: REASON_MAX }) : undefined;
    });
    if ('gaveUp' in answer) return void (await ctx.reply(ctx.t('triage-gave-up')));
    if ('button' in answer && !commentData.unpack(answer.button).skip) return void (await ctx.reply(ctx.t('triage-cancelled')));
    if ('text' in answer) await ctx.api.editMessageReplyMarkup(chatId, question.message_id);
    const typed = 'text' in answer ? answer.text.trim() : '';
    const comment = NO_COMMENT.test(typed) ? '' : typed;

    const locale = await ctx.i18n.getLocale();
    const outcome = await conversation.external(() => {
      const member = deps.staff.byTelegramId(telegramId);
      if (!member) return { ok: false as const, code: 'application_not_found', details: {} };
      const done = attemptTriage(() => void deps.triage.requestDocuments(member, id, kinds, comment));
      return done.ok ? { ok: true as const } : done;
    });
    await ctx.reply(
      outcome.ok ? ctx.t('triage-request-sent', { id: String(id), kinds: kindList(deps.catalog, kinds, locale) }) : refusalText(ctx.t, outcome),
    );
    const view = await conversation.external(() => cardFor(deps, ctx.t, locale, telegramId, id));
    await showCard(ctx.api, chatId, card, view);
  };
}
