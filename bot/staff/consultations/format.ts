import { zoneOffsetMinutes, zonedParts } from '../../../core/time.js';
import { formatDate } from '../../shared/format.js';

const MOSCOW = 'Europe/Moscow';

/** "МСК", "МСК+2": doctors in Russia name their zone relative to Moscow. */
export function zoneTag(timeZone: string, at: number, locale: string): string {
  const msk = locale === 'en' ? 'MSK' : 'МСК';
  const minutes = zoneOffsetMinutes(timeZone, at) - zoneOffsetMinutes(MOSCOW, at);
  if (minutes === 0) return msk;
  const hours = Math.abs(minutes) / 60;
  const shown = Number.isInteger(hours) ? String(hours) : hours.toFixed(1);
  return `${msk}${minutes > 0 ? '+' : '−'}${shown}`;
}

/** HH:MM of a moment in a zone. */
export function timeIn(at: number, timeZone: string): string {
  return zonedParts(at, timeZone).time;
}

/** dd.mm.yyyy of a moment in a zone. */
export function dateIn(at: number, timeZone: string): string {
  return formatDate(zonedParts(at, timeZone).date);
}

/** The weekday (1 = Monday) and the dd.mm of a calendar date, for the staff-day-label message. */
export function dayParts(isoDate: string): { weekday: number; date: string } {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const weekday = ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
  return { weekday, date: `${isoDate.slice(8, 10)}.${isoDate.slice(5, 7)}` };
}

/** "/consultation 12", "/consultation №12": the number, or undefined when there is none. */
export function parseNumberArgument(text: string): number | undefined {
  const m = /^\s*(?:№|#|N)?\s*(\d{1,9})\s*$/i.exec(text);
  return m ? Number(m[1]) : undefined;
}
