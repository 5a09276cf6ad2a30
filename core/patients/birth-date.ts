import { DomainError } from '../errors.js';

const MAX_AGE_YEARS = 125;

/**
 * Parses a birth date the ways people type it (05.03.1961, 5.3.1961, 5/3/1961, 1961-03-05) into YYYY-MM-DD.
 * `today` is YYYY-MM-DD in the patient's own zone, so a baby born "today" in Vladivostok is not "in the future".
 */
export function parseBirthDate(input: string, today: string): string {
  const text = input.trim();
  let day: number, month: number, year: number;
  const dmy = /^(\d{1,2})[./\-\s](\d{1,2})[./\-\s](\d{2,4})$/.exec(text);
  const ymd = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/.exec(text);
  if (ymd) {
    [year, month, day] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  } else if (dmy) {
    if (dmy[3]!.length !== 4) throw new DomainError('birth_date_short_year');
    [day, month, year] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  } else {
    throw new DomainError('birth_date_format');
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new DomainError('birth_date_impossible');
  }
  const iso = date.toISOString().slice(0, 10);
  if (iso > today) throw new DomainError('birth_date_future');
  if (Number(today.slice(0, 4)) - year > MAX_AGE_YEARS) throw new DomainError('birth_date_too_old');
  return iso;
}

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string, now: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Full years between a birth date and today (both YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
