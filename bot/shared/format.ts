import type { Region } from '../../core/catalog/regions.js';
import { zoneName } from '../../core/zone-label/index.js';

/** 1961-03-05 → 05.03.1961 (the way dates are written in Russia; English readers get the same, unambiguous with dots). */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}.${m}.${y}`;
}

/** A moment as a calendar date in a time zone, dd.mm.yyyy. */
export function formatDay(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
  return formatDate(parts);
}

/** "МСК+7": staff screens tag times with the offset from Moscow alone. */
export { mskOffset as zoneTag } from '../../core/zone-label/index.js';

/** «новосибирское время (МСК+4)»: the patient's zone as a value (a "Часовой пояс:" line); see core/zone-label. */
export function zoneLabel(timeZone: string, locale: string, at: number): string {
  return zoneName(timeZone, at, locale);
}

export function regionName(regions: Region[], regionCode: string, locale: string): string {
  const region = regions.find((r) => r.code === regionCode);
  return region ? (locale === 'en' ? region.en : region.ru) : regionCode;
}
