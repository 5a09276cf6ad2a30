import { zonedParts } from '../time.js';
import { zoneAt } from '../zone-label/index.js';

/** YYYY-MM-DD as dd.mm.yyyy, the way Russian documents print dates. */
export function formatDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new TypeError(`Not a YYYY-MM-DD date: ${isoDate}`);
  return `${m[3]}.${m[2]}.${m[1]}`;
}

/**
 * «14.03.2025, 15:30 по екатеринбургскому времени (МСК+2)»: the moment in the reader's zone, named the one way the
 * service names zones (core/zone-label), never by an IANA id nor by ICU's names, wrong for some Russian zones.
 */
export function formatDateTime(at: number, timeZone: string, locale: string): string {
  const { date, time } = zonedParts(at, timeZone);
  return `${formatDate(date)}, ${time} ${zoneAt(timeZone, at, locale)}`;
}

/** dd.mm.yyyy of a moment in a zone. */
export function formatDay(at: number, timeZone: string): string {
  return formatDate(zonedParts(at, timeZone).date);
}

/** "Иванова Мария Петровна" → "Иванова М. П."; "Салтыкова Анна-Мария" → "Салтыкова А.-М." */
export function initialsOf(fullName: string): string {
  const [surname = '', ...names] = fullName.trim().split(/\s+/);
  const initials = names.map((name) =>
    name
      .split('-')
      .filter(Boolean)
      .map((part) => `${[...part][0]!.toUpperCase()}.`)
      .join('-'),
  );
  return [surname, ...initials].join(' ');
}
