import type { Conversation } from '@grammyjs/conversations';
import { InlineKeyboard } from 'grammy';
import { MAX_RECOMMENDATIONS_LENGTH, MAX_TEXT_LENGTH } from '../../../core/conclusions/service.js';
import { DomainError } from '../../../core/errors.js';
import { isStaffError, staffErrorText, type StaffErrorCode } from '../consultations/errors.js';
import type { StaffContext, StaffConvoContext } from '../context.js';
import type { StaffBotDeps } from '../deps.js';
import { CONCLUDE_STEPS, concludeStepData, outcomeData, type ConcludeStep } from './callback-data.js';
import { checkConcludable } from './check.js';

export const CONCLUDE = 'staffConclude';

type Convo = Conversation<StaffContext, StaffConvoContext>;

// Each update replays the whole flow; a conclusion takes a handful of steps, this bound only stops a runaway chat.
const MAX_STEPS = 30;
// Telegram shows at most 4096 characters in a message; the preview cuts the long parts (the PDF has them whole).
const PREVIEW_PART = 1500;

type Stage = 'text' | 'outcome' | 'recommendations' | 'preview';
type Refusal = { code: StaffErrorCode; details: Record<string, string | number> };

const length = (s: string) => [...s].length;
const cut = (s: string) => (length(s) > PREVIEW_PART ? `${[...s].slice(0, PREVIEW_PART).join('')}…` : s);

/**
 * The doctor's conclusion of a consultation: the text (a text too long for one Telegram message may follow in more),
 * an outcome from the catalog, recommendations, a preview; then the core renders the PDF, completes the
 * consultation and queues the PDF for the patient.
 */
export function createConcludeConversation(deps: StaffBotDeps) {
  return async function conclude(conversation: Convo, ctx: StaffConvoContext, consultationId: number): Promise<void> {
    const telegramId = ctx.from!.id;
    const chatId = ctx.chat!.id;
    const locale = await ctx.i18n.getLocale();
    const id = String(consultationId);

    const start = await conversation.external(() => {
      const member = deps.staff.byTelegramId(telegramId);
      if (!member) return undefined;
      const checked = checkConcludable(deps, member, consultationId);
      if (!checked.ok) return { ok: false as const, refused: { code: checked.error.code, details: checked.error.details } as Refusal };
      return { ok: true as const, patient: checked.value.patientName };
    });
    if (!start) return;
    if (!start.ok) {
      await ctx.reply(staffErrorText(ctx, new DomainError(start.refused.code, start.refused.details)));
      return;
    }

    const outcomes = deps.catalog.outcomes;
    const outcomeLabel = (code: string) => {
      const o = outcomes.find((x) => x.code === code);
      return o ? (locale === 'en' ? o.en : o.ru) : code;
    };
    const cancelButton = () => new InlineKeyboard().text(ctx.t('concl-btn-cancel'), concludeStepData.pack({ id: consultationId, step: 'cancel' }));
    const outcomeKeyboard = () => {
      const kb = new InlineKeyboard();
      for (const o of outcomes) kb.text(locale === 'en' ? o.en : o.ru, outcomeData.pack({ id: consultationId, outcome: o.code })).row();
      return kb.text(ctx.t('concl-btn-cancel'), concludeStepData.pack({ id: consultationId, step: 'cancel' }));
    };

    let shownId: number | undefined;
    const dropButtons = async () => {
      if (shownId !== undefined) await ctx.api.editMessageReplyMarkup(chatId, shownId);
      shownId = undefined;
    };
    const ask = async (text: string, keyboard?: InlineKeyboard) => {
      await dropButtons();
      const sent = await ctx.reply(text, keyboard ? { reply_markup: keyboard } : {});
      if (keyboard) shownId = sent.message_id;
    };

    let stage: Stage = 'text';
    let text = '';
    let outcome = '';
    let recommendations = '';

    const preview = () =>
      ask(
        ctx.t('concl-preview', {
          patient: start.patient,
          outcome: outcomeLabel(outcome),
          text: cut(text),
          recommendations: recommendations ? cut(recommendations) : ctx.t('concl-no-recommendations'),
        }),
        new InlineKeyboard()
          .text(ctx.t('concl-btn-issue'), concludeStepData.pack({ id: consultationId, step: 'issue' }))
          .text(ctx.t('concl-btn-cancel'), concludeStepData.pack({ id: consultationId, step: 'cancel' })),
      );

    await ask(ctx.t('concl-ask-text', { id, patient: start.patient, max: MAX_TEXT_LENGTH }), cancelButton());

    for (let step = 0; step < MAX_STEPS; step++) {
      const update = await conversation.wait();
      const data = update.callbackQuery?.data;
      const typed = update.message?.text;

      if (data !== undefined) {
        // Any other button is a new action: leave this flow and let it run.
        if (!outcomeData.filter().test(data) && !concludeStepData.filter().test(data)) return conversation.halt({ next: true });
        const pressed = parse(data);
        if (!pressed || pressed.id !== consultationId) {
          await update.answerCallbackQuery({ text: update.t('staff-unknown-action') });
          continue;
        }
        await update.answerCallbackQuery();
        if ('step' in pressed && pressed.step === 'cancel') {
          await dropButtons();
          await ctx.reply(ctx.t('concl-cancelled'));
          return;
        }
        if ('outcome' in pressed && stage === 'outcome') {
          if (!outcomes.some((o) => o.code === pressed.outcome)) continue;
          outcome = pressed.outcome;
          stage = 'recommendations';
          await ask(
            ctx.t('concl-ask-recommendations', { outcome: outcomeLabel(outcome), max: MAX_RECOMMENDATIONS_LENGTH }),
            new InlineKeyboard()
              .text(ctx.t('concl-btn-no-recommendations'), concludeStepData.pack({ id: consultationId, step: 'norecs' }))
              .text(ctx.t('concl-btn-cancel'), concludeStepData.pack({ id: consultationId, step: 'cancel' })),
          );
        } else if ('step' in pressed && pressed.step === 'norecs' && stage === 'recommendations') {
          recommendations = '';
          stage = 'preview';
          await preview();
        } else if ('step' in pressed && pressed.step === 'issue' && stage === 'preview') {
          await dropButtons();
          const issued = await conversation.external(async () => {
            const member = deps.staff.byTelegramId(telegramId);
            if (!member) return undefined;
            try {
              const result = await deps.conclusions.issue({
                consultationId,
                staffId: member.id,
                text,
                outcome,
                recommendations,
                // The document's language is the patient's (their account's), which the core picks.
                verifyBaseUrl: deps.publicUrl!,
              });
              // Only what the reply needs: the replay log is no place for the PDF's bytes.
              return { ok: true as const, code: result.verificationCode };
            } catch (err) {
              if (isStaffError(err)) return { ok: false as const, refused: { code: err.code, details: err.details } as Refusal };
              throw err;
            }
          });
          if (!issued) return;
          if (!issued.ok) {
            await ctx.reply(staffErrorText(ctx, new DomainError(issued.refused.code, issued.refused.details)));
            return;
          }
          await ctx.reply(ctx.t('concl-done', { id, code: issued.code }));
          return;
        }
        continue;
      }

      if (typed !== undefined && typed.startsWith('/')) {
        if (/^\/cancel(@\w+)?(\s|$)/.test(typed)) {
          await dropButtons();
          await update.reply(update.t('concl-cancelled'));
          return;
        }
        // Another command: leave this flow and let the command run.
        return conversation.halt({ next: true });
      }
      if (typed === undefined || !typed.trim()) {
        await update.reply(update.t('concl-expect-text'));
        continue;
      }

      if (stage === 'text' || stage === 'outcome') {
        // Telegram splits a text longer than 4096 characters into several messages: they arrive as continuations.
        const joined = stage === 'text' ? typed.trim() : `${text}\n${typed.trim()}`;
        if (length(joined) > MAX_TEXT_LENGTH) {
          await update.reply(staffErrorText(update, new DomainError('conclusion_text_too_long', { max: MAX_TEXT_LENGTH, length: length(joined) })));
          continue;
        }
        const continued = stage === 'outcome';
        text = joined;
        stage = 'outcome';
        await ask(ctx.t(continued ? 'concl-text-continued' : 'concl-ask-outcome', { length: length(text) }), outcomeKeyboard());
      } else if (stage === 'recommendations') {
        if (length(typed.trim()) > MAX_RECOMMENDATIONS_LENGTH) {
          await update.reply(staffErrorText(update, new DomainError('recommendations_too_long', { max: MAX_RECOMMENDATIONS_LENGTH, length: length(typed.trim()) })));
          continue;
        }
        recommendations = typed.trim();
        stage = 'preview';
        await preview();
      } else {
        await update.reply(update.t('press-button'));
      }
    }
    await dropButtons();
    await ctx.reply(ctx.t('concl-too-many-steps'));
  };
}

function parse(data: string): { id: number; outcome: string } | { id: number; step: ConcludeStep } | undefined {
  try {
    if (outcomeData.filter().test(data)) {
      const { id, outcome } = outcomeData.unpack(data);
      return Number.isSafeInteger(id) ? { id, outcome } : undefined;
    }
    const { id, step } = concludeStepData.unpack(data);
    return Number.isSafeInteger(id) && (CONCLUDE_STEPS as readonly string[]).includes(step) ? { id, step: step as ConcludeStep } : undefined;
  } catch {
    return undefined;
  }
}
