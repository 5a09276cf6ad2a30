import type { Catalog } from '../../../core/catalog/index.js';
import type { Region } from '../../../core/catalog/regions.js';
import type { ConsultationView } from '../../../core/scheduling/service.js';
import { zoneAt } from '../../../core/zone-label/index.js';
import { zoneLabel } from '../../shared/format.js';
import { kindLabel } from '../documents/keyboards.js';

const en = (locale: string) => locale === 'en';

/** The center's short name, as patients know it ("НМИЦ ССХ им. А.Н. Бакулева"). */
export function centerName(catalog: Catalog, centerCode: string, locale: string): string {
  const center = catalog.centers.find((c) => c.code === centerCode);
  return center ? (en(locale) ? center.shortName.en : center.shortName.ru) : centerCode;
}

export function conditionName(catalog: Catalog, centerCode: string, conditionCode: string, locale: string): string {
  const condition = catalog.centers.find((c) => c.code === centerCode)?.conditions.find((c) => c.code === conditionCode);
  return condition ? (en(locale) ? condition.en : condition.ru) : conditionCode;
}

export function kindNames(catalog: Catalog, kinds: readonly string[], locale: string): string {
  return kinds.map((k) => kindLabel(catalog, k, locale)).join(', ');
}

/** "пятница, 27 ноября, 16:00" in the given zone: a weekday and a month name are harder to misread than 27.11. */
export function dayAndTime(at: number, timeZone: string, locale: string): string {
  const day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(at);
  return `${day}, ${clockTime(at, timeZone)}`;
}

/** "16:00" in the given zone, 24-hour in every language. */
export function clockTime(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

/** "11 декабря, 14:00": a date and time that reads right after «с» and «на», where a weekday would not. */
export function dateAndTime(at: number, timeZone: string, locale: string): string {
  const day = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long' }).format(at);
  return `${day}, ${clockTime(at, timeZone)}`;
}

/** When a consultation starts, in the patient's own zone, with the zone named the way people in Russia name it. */
export function consultationWhen(
  deps: { regions: Region[] },
  c: Pick<ConsultationView, 'startsAt' | 'patientTimeZone'>,
  regionCode: string,
  locale: string,
): { when: string; zone: string; zoneAt: string } {
  return {
    when: dayAndTime(c.startsAt, c.patientTimeZone, locale),
    // «Часовой пояс: новосибирское время (МСК+4)» on a card's line; «16:00 по новосибирскому времени (МСК+4)» in a sentence.
    zone: zoneLabel(c.patientTimeZone, locale, c.startsAt),
    zoneAt: zoneAt(c.patientTimeZone, c.startsAt, locale),
  };
}
