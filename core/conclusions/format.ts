import { zonedParts, zoneOffsetMinutes } from '../time.js';

/** YYYY-MM-DD as dd.mm.yyyy, the way Russian documents print dates. */
export function formatDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new TypeError(`Not a YYYY-MM-DD date: ${isoDate}`);
  return `${m[3]}.${m[2]}.${m[1]}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "14.03.2025, 15:30 (Asia/Yekaterinburg, UTC+05:00)": the moment in the reader's zone, with the zone named.
 * The IANA name is printed rather than ICU's localized one, which is wrong for some Russian zones
 * (Asia/Novosibirsk reads "Красноярск").
 */
export function formatDateTime(at: number, timeZone: string): string {
  const { date, time } = zonedParts(at, timeZone);
  const offset = zoneOffsetMinutes(timeZone, at);
  const abs = Math.abs(offset);
  const utc = `UTC${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${formatDate(date)}, ${time} (${timeZone}, ${utc})`;
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
