import { fileURLToPath } from 'node:url';
import { loadTexts } from '../fluent.js';
import { pickLocale } from '../locales.js';
import { zoneOffsetMinutes } from '../time.js';

// One way to name a time zone in front of a patient, on every surface (bots, Mini App via the API, PDF, SMS).
const texts = loadTexts(fileURLToPath(new URL('./locales', import.meta.url)));

/** "МСК", "МСК+7", "MSK−1": people in Russia name their zone relative to Moscow. */
export function mskOffset(timeZone: string, at: number, locale: string): string {
  const msk = pickLocale(locale) === 'en' ? 'MSK' : 'МСК';
  const minutes = zoneOffsetMinutes(timeZone, at) - zoneOffsetMinutes('Europe/Moscow', at);
  if (minutes === 0) return msk;
  const hours = Math.abs(minutes) / 60;
  const shown = Number.isInteger(hours) ? String(hours) : hours.toFixed(1);
  return `${msk}${minutes > 0 ? '+' : '−'}${shown}`;
}

const args = (timeZone: string, at: number, locale: string) => ({ zone: timeZone.replaceAll('/', '_'), msk: mskOffset(timeZone, at, locale) });

/** After a time: «по новосибирскому времени (МСК+4)», "Novosibirsk time (MSK+4)". */
export function zoneAt(timeZone: string, at: number, locale: string): string {
  return texts(pickLocale(locale), 'zone-at', args(timeZone, at, locale));
}

/** As a value: «новосибирское время (МСК+4)», "Novosibirsk time (MSK+4)". */
export function zoneName(timeZone: string, at: number, locale: string): string {
  return texts(pickLocale(locale), 'zone-name', args(timeZone, at, locale));
}
