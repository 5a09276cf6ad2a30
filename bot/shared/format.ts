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

/** "Владивосток (МСК+7)": people in Russia name their zone relative to Moscow. */
export function zoneLabel(regions: Region[], regionCode: string, timeZone: string, locale: string, at: number): string {
  const zone = regions.find((r) => r.code === regionCode)?.timeZones.find((z) => z.tz === timeZone);
  const city = zone ? (locale === 'en' ? zone.en : zone.ru) : timeZone;
  const diff = Math.round((zoneOffsetMinutes(timeZone, at) - zoneOffsetMinutes('Europe/Moscow', at)) / 60);
  const msk = locale === 'en' ? 'MSK' : 'МСК';
  return `${city} (${msk}${diff === 0 ? '' : diff > 0 ? `+${diff}` : diff})`;
}

export function regionName(regions: Region[], regionCode: string, locale: string): string {
  const region = regions.find((r) => r.code === regionCode);
  return region ? (locale === 'en' ? region.en : region.ru) : regionCode;
}

/** 1536000 → "1.5 MB" / "1,5 МБ". */
export function formatBytes(bytes: number, locale: string): string {
  const ru = locale !== 'en';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} ${ru ? 'КБ' : 'KB'}`;
  const mb = (bytes / 1024 / 1024).toFixed(1);
  return `${ru ? mb.replace('.', ',') : mb} ${ru ? 'МБ' : 'MB'}`;
}
