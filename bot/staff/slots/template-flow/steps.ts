import type { Context } from 'grammy';
import { minutesOf } from '../../../../core/duty/index.js';
import { parseHoursRange, SLOT_LENGTHS, type WeeklyHours } from '../../../../core/duty/weekly.js';
import type { LiveScreen } from '../../../shared/live-screen/screen.js';
import type { StaffConvoContext } from '../../context.js';
import type { TemplateStep } from '../callback-data.js';
import { slotsErrorText } from '../errors.js';
import type { slotsIo } from '../io.js';
import { backHome, templateLine } from '../views.js';
import { sorted, templateScreens, type Step } from './screens.js';

export interface TemplateSetup {
  ctx: StaffConvoContext;
  io: ReturnType<typeof slotsIo>;
  live: LiveScreen;
  staffId: number;
  zone: string;
}

/**
 * What each press or typed text does to the new weekly hours: weekdays toggled, hours typed, then the slot length,
 * which adds them (all or none). A refusal is explained and the step it is about asked again.
 */
export function templateSteps({ ctx, io, live, staffId, zone }: TemplateSetup) {
  const days = new Set<number>();
  const render = templateScreens(ctx, staffId, zone, days);
  let current: Step = { kind: 'days' };
  const show = (next: Step, pressed?: Context) => {
    current = next;
    return live.show(render(next), pressed);
  };

  const add = async (hours: WeeklyHours) => {
    const added = await io.addTemplates(sorted(days), hours);
    if (!added) return live.leave(ctx.t('slots-not-allowed'));
    if (added.ok) {
      const line = templateLine(ctx.t, { weekdays: sorted(days), ...hours });
      return live.leave(ctx.t('slots-tpl-added', { line, opened: added.value.opened }), { reply_markup: backHome(ctx.t, staffId) });
    }
    const { code, details } = added.refused;
    if (code !== 'template_overlaps' && code !== 'template_invalid') return live.leave(slotsErrorText(ctx.t, added.refused));
    await live.drop();
    await ctx.reply(slotsErrorText(ctx.t, added.refused));
    // Overlapping or invalid hours are typed again; an invalid length is picked again.
    return show(code === 'template_invalid' && details.field === 'slotMinutes' ? current : { kind: 'hours' });
  };

  return {
    begin: () => show(current),
    async press(update: StaffConvoContext, { step, value }: { step: TemplateStep; value: number }) {
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
        return add({ from: current.from, to: current.to, slotMinutes: value });
      }
      // A button of an earlier step, pressed after the flow moved on.
      return update.answerCallbackQuery({ text: update.t('staff-unknown-action') });
    },
    async type(update: StaffConvoContext, text: string) {
      if (current.kind !== 'hours') return update.reply(update.t('press-button'));
      const range = parseHoursRange(text);
      if (!range) return update.reply(update.t('slots-tpl-hours-invalid'));
      if (minutesOf(range.to)! <= minutesOf(range.from)!) return update.reply(update.t('slots-tpl-hours-order'));
      return show({ kind: 'length', ...range });
    },
  };
}
