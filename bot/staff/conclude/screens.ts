import { InlineKeyboard } from 'grammy';
import type { Catalog } from '../../../core/catalog/index.js';
import { MAX_RECOMMENDATIONS_LENGTH, MAX_TEXT_LENGTH } from '../../../core/conclusions/service.js';
import type { ScreenView } from '../../shared/live-screen/screen.js';
import type { StaffConvoContext } from '../context.js';
import { concludeStepData, outcomeData, type ConcludeStep } from './callback-data.js';
import type { Draft } from './io.js';

// Telegram shows at most 4096 characters in a message; the preview cuts the long parts (the PDF has them whole).
const PREVIEW_PART = 1500;

type Outcome = Catalog['outcomes'][number];

export const length = (s: string) => [...s].length;
const cut = (s: string) => (length(s) > PREVIEW_PART ? `${[...s].slice(0, PREVIEW_PART).join('')}…` : s);

export interface ScreenSetup {
  ctx: StaffConvoContext;
  consultationId: number;
  patient: string;
  outcomes: readonly Outcome[];
  locale: string;
}

/** The conclusion flow's screens: each asks for one part of the draft, with a way to cancel. */
export function concludeScreens({ ctx, consultationId, patient, outcomes, locale }: ScreenSetup) {
  const label = (o: Outcome) => (locale === 'en' ? o.en : o.ru);
  const step = (name: ConcludeStep) => concludeStepData.pack({ id: consultationId, step: name });
  const withCancel = (keyboard: InlineKeyboard) => keyboard.text(ctx.t('concl-btn-cancel'), step('cancel'));
  const outcomeLabel = (code: string) => {
    const o = outcomes.find((x) => x.code === code);
    return o ? label(o) : code;
  };

  return {
    text: (): ScreenView => ({
      text: ctx.t('concl-ask-text', { id: String(consultationId), patient, max: MAX_TEXT_LENGTH }),
      keyboard: withCancel(new InlineKeyboard()),
    }),
    /** The outcomes, once a text is there (`continued`: a text Telegram split in parts, the next part joined). */
    outcome: (textLength: number, continued: boolean): ScreenView => {
      const keyboard = new InlineKeyboard();
      for (const o of outcomes) keyboard.text(label(o), outcomeData.pack({ id: consultationId, outcome: o.code })).row();
      return { text: ctx.t(continued ? 'concl-text-continued' : 'concl-ask-outcome', { length: textLength }), keyboard: withCancel(keyboard) };
    },
    recommendations: (outcome: string): ScreenView => ({
      text: ctx.t('concl-ask-recommendations', { outcome: outcomeLabel(outcome), max: MAX_RECOMMENDATIONS_LENGTH }),
      keyboard: withCancel(new InlineKeyboard().text(ctx.t('concl-btn-no-recommendations'), step('norecs'))),
    }),
    preview: (draft: Draft): ScreenView => ({
      text: ctx.t('concl-preview', {
        patient,
        outcome: outcomeLabel(draft.outcome),
        text: cut(draft.text),
        recommendations: draft.recommendations ? cut(draft.recommendations) : ctx.t('concl-no-recommendations'),
      }),
      keyboard: withCancel(new InlineKeyboard().text(ctx.t('concl-btn-issue'), step('issue'))),
    }),
  };
}
