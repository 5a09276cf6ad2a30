import { zonedParts } from '../../../core/time.js';
import { formatDate, zoneTag } from '../../shared/format.js';

export { zoneTag };

/** HH:MM of a moment in a zone. */
export function timeIn(at: number, timeZone: string): string {
  return zonedParts(at, timeZone).time;
}

/** dd.mm.yyyy of a moment in a zone. */
export function dateIn(at: number, timeZone: string): string {
  return formatDate(zonedParts(at, timeZone).date);
}

/** A consultation's start as the doctor reads it: date, time and zone tag in the doctor's own zone. */
export function doctorWhen(startsAt: number, timeZone: string, locale: string): { date: string; time: string; zone: string } {
  return { date: dateIn(startsAt, timeZone), time: timeIn(startsAt, timeZone), zone: zoneTag(timeZone, startsAt, locale) };
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
