import { InlineKeyboard } from 'grammy';
import { SLOT_LENGTHS } from '../../../../core/duty/weekly.js';
import type { ScreenView } from '../../../shared/live-screen/screen.js';
import type { StaffConvoContext } from '../../context.js';
import { templateStepData, type TemplateStep } from '../callback-data.js';
import { weekdayList } from '../views.js';

const DAYS_PER_ROW = 4;

/** Where the flow stands: choosing weekdays, typing the hours, or picking the slot length for typed hours. */
export type Step = { kind: 'days' } | { kind: 'hours' } | { kind: 'length'; from: string; to: string };

export const sorted = (days: ReadonlySet<number>) => [...days].sort((a, b) => a - b);

/** The text and buttons of each step; `days` are the weekdays chosen so far (1 = Monday), `zone` the doctor's. */
export function templateScreens(ctx: StaffConvoContext, staffId: number, zone: string, days: ReadonlySet<number>) {
  const step = (name: TemplateStep, value = 0) => templateStepData.pack({ staffId, step: name, value });
  const withCancel = (k: InlineKeyboard) => k.text(ctx.t('slots-btn-cancel'), step('cancel'));

  return (s: Step): ScreenView => {
    if (s.kind === 'days') {
      const keyboard = new InlineKeyboard();
      for (let weekday = 1; weekday <= 7; weekday++) {
        const label = ctx.t('slots-weekday', { weekday });
        keyboard.text(days.has(weekday) ? ctx.t('slots-tpl-day-on', { day: label }) : label, step('day', weekday));
        if (weekday % DAYS_PER_ROW === 0) keyboard.row();
      }
      return { text: ctx.t('slots-tpl-days'), keyboard: withCancel(keyboard.row().text(ctx.t('slots-btn-next'), step('next'))) };
    }
    const chosen = weekdayList(ctx.t, sorted(days));
    if (s.kind === 'hours') {
      const keyboard = new InlineKeyboard().text(ctx.t('slots-btn-other-days'), step('back'));
      return { text: ctx.t('slots-tpl-hours', { days: chosen, zone }), keyboard: withCancel(keyboard) };
    }
    const keyboard = new InlineKeyboard();
    for (const minutes of SLOT_LENGTHS) keyboard.text(ctx.t('slots-tpl-length-btn', { minutes }), step('length', minutes));
    keyboard.row().text(ctx.t('slots-btn-other-hours'), step('back'));
    return { text: ctx.t('slots-tpl-length', { days: chosen, from: s.from, to: s.to, zone }), keyboard: withCancel(keyboard) };
  };
}
