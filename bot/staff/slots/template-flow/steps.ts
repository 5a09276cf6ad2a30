import type { Context } from 'grammy';
import { minutesOf } from '../../../../core/duty/index.js';
import { parseHoursRange, SLOT_LENGTHS } from '../../../../core/duty/weekly.js';
import type { StaffConvoContext } from '../../context.js';
import { staffFlowAnswers } from '../../flow-answers.js';
import { parseTemplateStep, type TemplateStep } from '../callback-data.js';
import { addHours, type AddSetup } from './add.js';
import { sorted, templateScreens, type Step } from './screens.js';

export interface TemplateSetup extends AddSetup {
  zone: string;
}

/**
 * What each press or typed text does to the new weekly hours: weekdays toggled, hours typed, then the slot length,
 * which adds them (add.ts).
 */
export function templateSteps(setup: TemplateSetup) {
  const { ctx, live, staffId } = setup;
  const days = new Set<number>();
  const render = templateScreens(ctx, staffId, setup.zone, days);
  let current: Step = { kind: 'days' };
  const show = (next: Step, pressed?: Context) => {
    current = next;
    return live.show(render(next), pressed);
  };

  return {
    ...staffFlowAnswers,
    begin: () => show(current),
    // A button of another doctor's flow, left on an older message, is stale here.
    parse: (data: string) => {
      const button = parseTemplateStep(data);
      return button?.staffId === staffId ? button : undefined;
    },
    async button(update: StaffConvoContext, { step, value }: { step: TemplateStep; value: number }) {
      const answered = () => update.answerCallbackQuery();
      if (step === 'cancel') {
        await answered();
        return live.leave(ctx.t('slots-tpl-cancelled'));
      }
      if (step === 'day' && current.kind === 'days' && value >= 1 && value <= 7) {
        if (!days.delete(value)) days.add(value);
        await answered();
        return show(current, update);
      }
      if (step === 'next' && current.kind === 'days') {
        if (days.size === 0) return update.answerCallbackQuery({ text: update.t('slots-tpl-pick-day-first'), show_alert: true });
        await answered();
        return show({ kind: 'hours' }, update);
      }
      if (step === 'back' && current.kind !== 'days') {
        await answered();
        return show(current.kind === 'hours' ? { kind: 'days' } : { kind: 'hours' }, update);
      }
      if (step === 'length' && current.kind === 'length' && (SLOT_LENGTHS as readonly number[]).includes(value)) {
        await answered();
        const again = await addHours(setup, sorted(days), { from: current.from, to: current.to, slotMinutes: value });
        return show(again === 'length' ? current : { kind: 'hours' });
      }
      // A button of an earlier step, pressed after the flow moved on.
      return update.answerCallbackQuery({ text: update.t('staff-unknown-action') });
    },
    async text(update: StaffConvoContext, text: string) {
      if (current.kind !== 'hours') return update.reply(update.t('press-button'));
      const range = parseHoursRange(text);
      if (!range) return update.reply(update.t('slots-tpl-hours-invalid'));
      if (minutesOf(range.to)! <= minutesOf(range.from)!) return update.reply(update.t('slots-tpl-hours-order'));
      return show({ kind: 'length', ...range });
    },
    cancel: () => live.leave(ctx.t('slots-tpl-cancelled')),
    tooMany: () => live.leave(ctx.t('slots-tpl-too-many-steps')),
  };
}
