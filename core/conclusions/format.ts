/** YYYY-MM-DD as dd.mm.yyyy, the way Russian documents print dates. */
export function formatDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new TypeError(`Not a YYYY-MM-DD date: ${isoDate}`);
  return `${m[3]}.${m[2]}.${m[1]}`;
}

/**
 * "14.03.2025, 15:30 (Asia/Yekaterinburg, UTC+05:00)": the moment in the reader's zone, with the zone named.
 * The IANA name is printed rather than ICU's localized one, which is wrong for some Russian zones
 * (Asia/Novosibirsk reads "Красноярск").
 */
export function formatDateTime(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  // longOffset is "GMT+05:00", or bare "GMT" at offset zero.
  const offset = part('timeZoneName').replace(/^GMT/, 'UTC') || 'UTC';
  const utcOffset = offset === 'UTC' ? 'UTC+00:00' : offset;
  return `${part('day')}.${part('month')}.${part('year')}, ${part('hour')}:${part('minute')} (${timeZone}, ${utcOffset})`;
}

/** dd.mm.yyyy of a moment in a zone. */
export function formatDay(at: number, timeZone: string): string {
  return formatDateTime(at, timeZone).slice(0, 10);
}
