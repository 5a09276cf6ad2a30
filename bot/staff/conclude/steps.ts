import { MAX_RECOMMENDATIONS_LENGTH, MAX_TEXT_LENGTH } from '../../../core/conclusions/service.js';
import { DomainError } from '../../../core/errors.js';
import type { LiveScreen } from '../../shared/live-screen/screen.js';
import { refusalText, staffErrorText } from '../consultations/errors.js';
import type { StaffConvoContext } from '../context.js';
import { staffFlowAnswers } from '../flow-answers.js';
import { parseConcludeData, type ConcludeButton } from './callback-data.js';
import type { concludeIo, Draft } from './io.js';
import { concludeScreens, length, type ScreenSetup } from './screens.js';

type Stage = 'text' | 'outcome' | 'recommendations' | 'preview';

/**
 * What each press or typed text does to the conclusion's draft: the text (a text too long for one Telegram message
 * may follow in more), an outcome, recommendations, then the preview, whose button issues it and ends the flow.
 */
export function concludeSteps(s: ScreenSetup & { live: LiveScreen; io: ReturnType<typeof concludeIo>; end: () => Promise<never> }) {
  const { ctx, live } = s;
  const screens = concludeScreens(s);
  let stage: Stage = 'text';
  const draft: Draft = { text: '', outcome: '', recommendations: '' };

  const preview = () => {
    stage = 'preview';
    return live.show(screens.preview(draft));
  };
  const issue = async () => {
    await live.drop();
    const issued = await s.io.issue(draft);
    if (!issued) return s.end();
    return live.leave(issued.ok ? ctx.t('concl-done', { id: String(s.consultationId), code: issued.code }) : refusalText(ctx, issued.refused));
  };
  const tooLong = (update: StaffConvoContext, code: 'conclusion_text_too_long' | 'recommendations_too_long', max: number, text: string) =>
    update.reply(staffErrorText(update, new DomainError(code, { max, length: length(text) })));

  return {
    stale: staffFlowAnswers.stale,
    begin: () => live.show(screens.text()),
    parse: (data: string) => {
      const button = parseConcludeData(data);
      return button?.id === s.consultationId ? button : undefined;
    },
    async button(update: StaffConvoContext, pressed: ConcludeButton) {
      await update.answerCallbackQuery();
      if ('outcome' in pressed) {
        if (stage !== 'outcome' || !s.outcomes.some((o) => o.code === pressed.outcome)) return;
        draft.outcome = pressed.outcome;
        stage = 'recommendations';
        return live.show(screens.recommendations(draft.outcome));
      }
      if (pressed.step === 'cancel') return live.leave(ctx.t('concl-cancelled'));
      if (pressed.step === 'norecs' && stage === 'recommendations') {
        draft.recommendations = '';
        return preview();
      }
      if (pressed.step === 'issue' && stage === 'preview') return issue();
    },
    async text(update: StaffConvoContext, typed: string) {
      const text = typed.trim();
      if (!text) return update.reply(update.t('concl-expect-text'));
      if (stage === 'text' || stage === 'outcome') {
        // Telegram splits a text longer than 4096 characters into several messages: they arrive as continuations.
        const continued = stage === 'outcome';
        const joined = continued ? `${draft.text}\n${text}` : text;
        if (length(joined) > MAX_TEXT_LENGTH) return tooLong(update, 'conclusion_text_too_long', MAX_TEXT_LENGTH, joined);
        draft.text = joined;
        stage = 'outcome';
        return live.show(screens.outcome(length(joined), continued));
      }
      if (stage === 'preview') return update.reply(update.t('press-button'));
      if (length(text) > MAX_RECOMMENDATIONS_LENGTH) return tooLong(update, 'recommendations_too_long', MAX_RECOMMENDATIONS_LENGTH, text);
      draft.recommendations = text;
      return preview();
    },
    other: (update: StaffConvoContext) => update.reply(update.t('concl-expect-text')),
    cancel: () => live.leave(ctx.t('concl-cancelled')),
    tooMany: () => live.leave(ctx.t('concl-too-many-steps')),
  };
}
