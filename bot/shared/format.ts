import type { Region } from '../../core/catalog/regions.js';
import { zoneOffsetMinutes } from '../../core/time.js';

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

/** "МСК", "МСК+7", "MSK−1": people in Russia name their zone relative to Moscow. */
export function zoneTag(timeZone: string, at: number, locale: string): string {
  const msk = locale === 'en' ? 'MSK' : 'МСК';
  const minutes = zoneOffsetMinutes(timeZone, at) - zoneOffsetMinutes('Europe/Moscow', at);
  if (minutes === 0) return msk;
  const hours = Math.abs(minutes) / 60;
  const shown = Number.isInteger(hours) ? String(hours) : hours.toFixed(1);
  return `${msk}${minutes > 0 ? '+' : '−'}${shown}`;
}

/** "Владивосток (МСК+7)": the zone's city from the regions list, and its offset from Moscow. */
export function zoneLabel(regions: Region[], regionCode: string, timeZone: string, locale: string, at: number): string {
  const zone = regions.find((r) => r.code === regionCode)?.timeZones.find((z) => z.tz === timeZone);
  const city = zone ? (locale === 'en' ? zone.en : zone.ru) : timeZone;
  return `${city} (${zoneTag(timeZone, at, locale)})`;
}

export function regionName(regions: Region[], regionCode: string, locale: string): string {
  const region = regions.find((r) => r.code === regionCode);
  return region ? (locale === 'en' ? region.en : region.ru) : regionCode;
}

/** 1536000 → "1.5 MB" / "1,5 МБ", in the reader's language by Intl's own unit names. */
export function formatBytes(bytes: number, locale: string): string {
  const big = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(locale === 'en' ? 'en' : 'ru', {
    style: 'unit',
    unit: big ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: big ? 1 : 0,
  }).format(big ? bytes / 1024 / 1024 : Math.max(1, Math.round(bytes / 1024)));
}
