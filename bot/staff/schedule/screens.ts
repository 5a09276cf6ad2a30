import { zonedToUtc } from '../../../core/time.js';
import type { ScreenView } from '../../shared/live-screen/screen.js';
import { dayParts, timeIn, zoneTag } from '../consultations/format.js';
import type { StaffConvoContext } from '../context.js';
import { calendarKeyboard, modeKeyboard, timesKeyboard, typeKeyboard } from './keyboards.js';
import type { scheduleReads } from './reads.js';

/** Where the scheduling flow stands: the calendar, a day's free times, typing a time, or video or audio for a time. */
export type Screen = { kind: 'days' } | { kind: 'times'; day: string } | { kind: 'type'; day: string } | { kind: 'mode'; day: string; at: number };

export interface ScreenSetup {
  ctx: StaffConvoContext;
  io: ReturnType<typeof scheduleReads>;
  applicationId: number;
  condition: string;
  timeZone: string;
  locale: string;
}

/** "МСК+2" for a moment, in the doctor's zone. */
export const zoneOf = (s: Pick<ScreenSetup, 'timeZone' | 'locale'>) => (at: number) => zoneTag(s.timeZone, at, s.locale);

/** The text and buttons of each screen; undefined when the day has nothing left to offer. */
export function scheduleScreens(s: ScreenSetup) {
  const { ctx, io, applicationId, timeZone } = s;
  const zone = zoneOf(s);
  const dayTitle = (day: string) => ctx.t('sched-day-title', dayParts(day));

  return async (screen: Screen): Promise<ScreenView | undefined> => {
    switch (screen.kind) {
      case 'days': {
        const view = await io.days();
        const text = ctx.t('sched-pick-day', { application: String(applicationId), condition: s.condition, zone: zone(view.now) });
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
}
