import type { WeeklyHours } from '../../../../core/duty/weekly.js';
import type { LiveScreen } from '../../../shared/live-screen/screen.js';
import type { StaffConvoContext } from '../../context.js';
import { slotsErrorText } from '../errors.js';
import type { slotsIo } from '../io.js';
import { backHome, templateLine } from '../views.js';

export interface AddSetup {
  ctx: StaffConvoContext;
  io: ReturnType<typeof slotsIo>;
  live: LiveScreen;
  staffId: number;
}

/**
 * Adds the hours on the chosen weekdays (all or none). Added, or refused for good, the flow ends; hours the service
 * refuses are explained, and the step to ask again is returned: the hours, or only the slot length.
 */
export async function addHours({ ctx, io, live, staffId }: AddSetup, weekdays: number[], hours: WeeklyHours): Promise<'hours' | 'length'> {
  const added = await io.addTemplates(weekdays, hours);
  if (!added) return live.leave(ctx.t('slots-not-allowed'));
  if (added.ok) {
    const line = templateLine(ctx.t, { weekdays, ...hours });
    return live.leave(ctx.t('slots-tpl-added', { line, opened: added.value.opened }), { reply_markup: backHome(ctx.t, staffId) });
  }
  const { code, details } = added.refused;
  if (code !== 'template_overlaps' && code !== 'template_invalid') return live.leave(slotsErrorText(ctx.t, added.refused));
  await live.drop();
  await ctx.reply(slotsErrorText(ctx.t, added.refused));
  return code === 'template_invalid' && details.field === 'slotMinutes' ? 'length' : 'hours';
}
