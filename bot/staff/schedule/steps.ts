import type { Context } from 'grammy';
import { parseHourMinute, zonedParts, zonedToUtc } from '../../../core/time.js';
import type { LiveScreen } from '../../shared/live-screen/screen.js';
import { refusalText, type Refusal, type StaffErrorCode } from '../consultations/errors.js';
import { dateIn, timeIn } from '../consultations/format.js';
import type { StaffConvoContext } from '../context.js';
import { staffFlowAnswers } from '../flow-answers.js';
import { parseFlowData, type FlowButton, type Mode } from './callback-data.js';
import { scheduleScreens, zoneOf, type Screen, type ScreenSetup } from './screens.js';

/** Refusals that leave the flow open: the doctor picks another time. */
const TIME_ERRORS: readonly StaffErrorCode[] = ['time_in_past', 'time_taken', 'time_too_far'];

/**
 * What each press or typed time does to the scheduling flow: another screen (the pressed message edited in place),
 * a refused time explained and the day's free times offered again, or the booking, which ends the flow.
 */
export function scheduleSteps(s: ScreenSetup & { live: LiveScreen; end: () => Promise<never> }) {
  const { ctx, io, live, timeZone } = s;
  const render = scheduleScreens(s);
  let screen: Screen = { kind: 'days' };

  /** Shows a screen and makes it the current one; false (nothing shown) when the day has nothing left. */
  const show = async (next: Screen, pressed?: Context) => {
    const view = await render(next);
    if (!view) return false;
    await live.show(view, pressed);
    screen = next;
    return true;
  };
  /** The day's free times, or the calendar when none are left. */
  const showDay = async (day: string, pressed?: Context) => (await show({ kind: 'times', day }, pressed)) || show({ kind: 'days' }, pressed);
  const refuseTime = async (problem: Refusal, day: string) => {
    await live.drop();
    await ctx.reply(refusalText(ctx, problem));
    await showDay(day);
  };
  /** A time picked or typed: checked now, then video or audio is asked. */
  const pickTime = async (at: number, pressed?: Context) => {
    const day = zonedParts(at, timeZone).date;
    const problem = await io.precheck(at);
    if (problem) return refuseTime(problem, day);
    await show({ kind: 'mode', day, at }, pressed);
  };
  const book = async (at: number, day: string, mode: Mode) => {
    const booked = await io.book(at, mode);
    if (!booked) return s.end();
    if (!booked.ok && TIME_ERRORS.includes(booked.refused.code)) return refuseTime(booked.refused, day);
    if (!booked.ok) return live.leave(refusalText(ctx, booked.refused));
    const c = booked.consultation;
    const notified = c.accountId === null ? 'no' : 'yes';
    const when = { date: dateIn(c.startsAt, timeZone), time: timeIn(c.startsAt, timeZone), zone: zoneOf(s)(c.startsAt) };
    return live.leave(ctx.t('sched-done', { id: String(c.id), patient: c.patientName, ...when, mode: c.mode, notified }));
  };

  return {
    ...staffFlowAnswers,
    begin: () => show(screen),
    // A button of another application's flow, left on an older message, is stale here.
    parse: (data: string) => {
      const button = parseFlowData(data);
      return button?.applicationId === s.applicationId ? button : undefined;
    },
    async button(update: StaffConvoContext, button: FlowButton) {
      if (button.kind === 'day') {
        if (await show({ kind: 'times', day: button.day }, update)) return update.answerCallbackQuery();
        return update.answerCallbackQuery({ text: update.t('sched-day-full'), show_alert: true });
      }
      await update.answerCallbackQuery();
      if (button.kind === 'time') return pickTime(button.at, update);
      if (button.kind === 'mode') return screen.kind === 'mode' && screen.at === button.at ? book(screen.at, screen.day, button.mode) : undefined;
      if (button.step === 'cancel') return live.leave(ctx.t('sched-cancelled'));
      if (button.step === 'days' || screen.kind === 'days') return show({ kind: 'days' }, update);
      if (button.step === 'type') return show({ kind: 'type', day: screen.day }, update);
      return showDay(screen.day, update);
    },
    async text(update: StaffConvoContext, text: string) {
      if (screen.kind === 'days') return update.reply(update.t('sched-pick-day-first'));
      const hm = parseHourMinute(text);
      if (!hm) return update.reply(update.t('sched-time-invalid'));
      return pickTime(zonedToUtc(screen.day, hm, timeZone));
    },
    cancel: () => live.leave(ctx.t('sched-cancelled')),
    tooMany: () => live.leave(ctx.t('sched-too-many-steps')),
  };
}
