import type { Conversation } from '@grammyjs/conversations';
import type { InlineKeyboard } from 'grammy';
import { DomainError } from '../../../core/errors.js';
import { parseHourMinute, zonedParts, zonedToUtc } from '../../../core/time.js';
import { staffErrorText, type StaffErrorCode } from '../consultations/errors.js';
import { dateIn, dayParts, timeIn, zoneTag } from '../consultations/format.js';
import type { StaffContext, StaffConvoContext } from '../context.js';
import type { StaffBotDeps } from '../deps.js';
import { isFlowData, parseFlowData } from './callback-data.js';
import { calendarKeyboard, modeKeyboard, timesKeyboard, typeKeyboard } from './keyboards.js';
import { scheduleReads, type Refusal } from './reads.js';

export const SCHEDULE = 'staffSchedule';

// Every update of the flow is replayed through all the earlier ones; the bound keeps a wandering doctor's replays short.
const MAX_STEPS = 40;

/** Refusals that leave the flow open: the doctor picks another time. */
const TIME_ERRORS: readonly StaffErrorCode[] = ['time_in_past', 'time_taken', 'time_too_far'];

type Screen = { kind: 'days' } | { kind: 'times'; day: string } | { kind: 'type'; day: string } | { kind: 'mode'; day: string; at: number };

const isCancel = (text: string) => /^\/cancel(@\w+)?(\s|$)/.test(text);

/**
 * Schedules one application of the doctor: a day of their next two weeks, a free time (or one they type), video or
 * audio. The core books it; a refused time is explained and the day's free times are offered again. Button presses
 * edit the flow's message in place; anything typed gets a new one. Another command or button leaves the flow.
 */
export function createScheduleConversation(deps: StaffBotDeps) {
  return async function schedule(conversation: Conversation<StaffContext, StaffConvoContext>, ctx: StaffConvoContext, applicationId: number) {
    const chatId = ctx.chat!.id;
    const locale = await ctx.i18n.getLocale();
    const io = scheduleReads(conversation, deps, ctx.from!.id, applicationId);
    const errorText = (problem: Refusal) => staffErrorText(ctx, new DomainError(problem.code, problem.details));

    const start = await io.start(locale);
    if (!start) return;
    if (!start.ok) {
      await ctx.reply(errorText(start.refused));
      return;
    }
    const { timeZone } = start;
    const zone = (at: number) => zoneTag(timeZone, at, locale);
    const dayTitle = (day: string) => ctx.t('sched-day-title', dayParts(day));

    /** The text and buttons of a screen; undefined when the day has nothing left to offer. */
    const render = async (screen: Screen): Promise<{ text: string; keyboard: InlineKeyboard } | undefined> => {
      switch (screen.kind) {
        case 'days': {
          const view = await io.days();
          const text = ctx.t('sched-pick-day', { application: String(applicationId), condition: start.condition, zone: zone(view.now) });
          return { text, keyboard: calendarKeyboard(ctx, applicationId, view.days) };
        }
        case 'times': {
          const times = await io.freeTimes(screen.day);
          if (times.length === 0) return undefined;
          const text = ctx.t('sched-pick-time', { day: dayTitle(screen.day), zone: zone(times[0]!) });
          return { text, keyboard: timesKeyboard(ctx, applicationId, times, timeZone) };
        }
        case 'type': {
          const text = ctx.t('sched-type-time', { day: dayTitle(screen.day), zone: zone(zonedToUtc(screen.day, '12:00', timeZone)) });
          return { text, keyboard: typeKeyboard(ctx, applicationId) };
        }
        case 'mode': {
          const text = ctx.t('sched-pick-mode', { day: dayTitle(screen.day), time: timeIn(screen.at, timeZone), zone: zone(screen.at) });
          return { text, keyboard: modeKeyboard(ctx, applicationId, screen.at) };
        }
      }
    };

    // The message showing the current screen, the only one with live buttons.
    let shownId: number | undefined;
    const dropButtons = async () => {
      if (shownId !== undefined) await ctx.api.editMessageReplyMarkup(chatId, shownId);
      shownId = undefined;
    };
    /** Shows a screen: in place of the pressed message when that is the current one, else as a new message. */
    const show = async (screen: Screen, pressedId?: number): Promise<boolean> => {
      const view = await render(screen);
      if (!view) return false;
      if (pressedId !== undefined && pressedId === shownId) {
        await ctx.api.editMessageText(chatId, pressedId, view.text, { reply_markup: view.keyboard });
      } else {
        await dropButtons();
        shownId = (await ctx.reply(view.text, { reply_markup: view.keyboard })).message_id;
      }
      return true;
    };
    /** The day's free times, or the calendar when none are left. */
    const showDay = async (day: string, pressedId?: number): Promise<Screen> => {
      if (await show({ kind: 'times', day }, pressedId)) return { kind: 'times', day };
      await show({ kind: 'days' }, pressedId);
      return { kind: 'days' };
    };
    /** A refused time: why, then the day's free times again. */
    const refuseTime = async (problem: Refusal, day: string): Promise<Screen> => {
      await dropButtons();
      await ctx.reply(errorText(problem));
      return showDay(day);
    };
    /** A time picked or typed: checked now, then video or audio is asked. */
    const pickTime = async (at: number, pressedId?: number): Promise<Screen> => {
      const day = zonedParts(at, timeZone).date;
      const problem = await io.precheck(at);
      if (problem) return refuseTime(problem, day);
      await show({ kind: 'mode', day, at }, pressedId);
      return { kind: 'mode', day, at };
    };

    let screen: Screen = { kind: 'days' };
    await show(screen);

    for (let step = 0; step < MAX_STEPS; step++) {
      const update = await conversation.wait();
      const data = update.callbackQuery?.data;
      const text = update.message?.text;

      if (data !== undefined) {
        // Any other button (a card, a new "📅 Schedule") is a new action: leave this flow and let it run.
        if (!isFlowData(data)) return conversation.halt({ next: true });
        const pressedId = update.callbackQuery!.message?.message_id;
        const button = parseFlowData(data);
        if (!button || button.applicationId !== applicationId) {
          await update.answerCallbackQuery({ text: update.t('staff-unknown-action') });
          continue;
        }
        if (button.kind === 'day') {
          if (!(await show({ kind: 'times', day: button.day }, pressedId))) {
            await update.answerCallbackQuery({ text: update.t('sched-day-full'), show_alert: true });
            continue;
          }
          await update.answerCallbackQuery();
          screen = { kind: 'times', day: button.day };
          continue;
        }
        await update.answerCallbackQuery();
        if (button.kind === 'time') {
          screen = await pickTime(button.at, pressedId);
        } else if (button.kind === 'step') {
          const day: string | undefined = screen.kind === 'days' ? undefined : screen.day;
          if (button.step === 'cancel') {
            await dropButtons();
            await ctx.reply(ctx.t('sched-cancelled'));
            return;
          }
          if (button.step === 'days' || !day) {
            screen = { kind: 'days' };
            await show(screen, pressedId);
          } else if (button.step === 'type') {
            screen = { kind: 'type', day };
            await show(screen, pressedId);
          } else {
            screen = await showDay(day, pressedId);
          }
        } else if (screen.kind === 'mode' && screen.at === button.at) {
          const { at, day } = screen;
          const booked = await io.book(at, button.mode);
          if (!booked) return;
          if (!booked.ok && TIME_ERRORS.includes(booked.refused.code)) {
            screen = await refuseTime(booked.refused, day);
            continue;
          }
          await dropButtons();
          if (!booked.ok) {
            await ctx.reply(errorText(booked.refused));
            return;
          }
          const c = booked.consultation;
          await ctx.reply(
            ctx.t('sched-done', {
              id: String(c.id),
              patient: c.patientName,
              date: dateIn(c.startsAt, timeZone),
              time: timeIn(c.startsAt, timeZone),
              zone: zone(c.startsAt),
              mode: c.mode,
              notified: c.accountId === null ? 'no' : 'yes',
            }),
          );
          return;
        }
        continue;
      }

      if (text?.startsWith('/')) {
        if (!isCancel(text)) return conversation.halt({ next: true }); // another command: leave and let it run
        await dropButtons();
        await update.reply(update.t('sched-cancelled'));
        return;
      }
      if (text !== undefined && screen.kind !== 'days') {
        const hm = parseHourMinute(text);
        if (hm) screen = await pickTime(zonedToUtc(screen.day, hm, timeZone));
        else await update.reply(update.t('sched-time-invalid'));
        continue;
      }
      await update.reply(update.t(text !== undefined ? 'sched-pick-day-first' : 'press-button'));
    }
    await dropButtons();
    await ctx.reply(ctx.t('sched-too-many-steps'));
  };
}
