import type { I18nFlavor } from '@grammyjs/i18n';
import { InlineKeyboard } from 'grammy';
import { dayParts, timeIn } from '../consultations/format.js';
import { dayData, modeData, stepData, timeData } from './callback-data.js';

const DAYS_PER_ROW = 3;
const TIMES_PER_ROW = 4;

export interface CalendarDay {
  day: string;
  free: number;
}

/** The doctor's next days, each with how many start times are still free; a full day says so and cannot be picked. */
export function calendarKeyboard(ctx: I18nFlavor, applicationId: number, days: CalendarDay[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  days.forEach(({ day, free }, i) => {
    const label = ctx.t(free > 0 ? 'sched-day-btn' : 'sched-day-btn-full', { ...dayParts(day), free });
    keyboard.text(label, dayData.pack({ applicationId, day }));
    if (i % DAYS_PER_ROW === DAYS_PER_ROW - 1) keyboard.row();
  });
  return keyboard.row().text(ctx.t('sched-btn-cancel'), stepData.pack({ applicationId, step: 'cancel' }));
}

/** Free start times of one day in the doctor's zone, then: type a time, another day, cancel. */
export function timesKeyboard(ctx: I18nFlavor, applicationId: number, times: number[], timeZone: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  times.forEach((at, i) => {
    keyboard.text(timeIn(at, timeZone), timeData.pack({ applicationId, at }));
    if (i % TIMES_PER_ROW === TIMES_PER_ROW - 1) keyboard.row();
  });
  return keyboard
    .row()
    .text(ctx.t('sched-btn-type'), stepData.pack({ applicationId, step: 'type' }))
    .text(ctx.t('sched-btn-other-day'), stepData.pack({ applicationId, step: 'days' }))
    .row()
    .text(ctx.t('sched-btn-cancel'), stepData.pack({ applicationId, step: 'cancel' }));
}

export function modeKeyboard(ctx: I18nFlavor, applicationId: number, at: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t('sched-btn-video'), modeData.pack({ applicationId, at, mode: 'video' }))
    .text(ctx.t('sched-btn-audio'), modeData.pack({ applicationId, at, mode: 'audio' }))
    .row()
    .text(ctx.t('sched-btn-other-time'), stepData.pack({ applicationId, step: 'times' }))
    .text(ctx.t('sched-btn-cancel'), stepData.pack({ applicationId, step: 'cancel' }));
}

/** While the doctor types a time: back to the day's free times, or cancel. */
export function typeKeyboard(ctx: I18nFlavor, applicationId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t('sched-btn-back-times'), stepData.pack({ applicationId, step: 'times' }))
    .text(ctx.t('sched-btn-cancel'), stepData.pack({ applicationId, step: 'cancel' }));
}
