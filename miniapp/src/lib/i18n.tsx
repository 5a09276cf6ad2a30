import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { serverNow } from './api';
import type { Translate } from './fluent';
import { LOCALES, localeTag, type Locale } from './locales';
import { translator } from './texts';

export interface I18n {
  locale: Locale;
  /** A text of src/locales/<locale>/*.ftl by its id. */
  t: Translate;
  /** "четверг, 26 ноября" in the zone. */
  day(iso: string | number, timeZone: string): string;
  /** "25 ноября" in the zone. */
  date(iso: string | number, timeZone: string): string;
  /** "10:30" in the zone. */
  time(iso: string | number, timeZone: string): string;
  /** "сегодня в 10:30", "завтра в 10:30" or "четверг, 26 ноября, в 10:30". */
  when(iso: string | number, timeZone: string, now?: number): string;
  /** The same inside a sentence: "сегодня в 10:30" or "в четверг, 26 ноября, в 10:30" («во вторник», «в среду»). */
  whenAt(iso: string | number, timeZone: string, now?: number): string;
  /** "четверг, 26 ноября" for a calendar day (YYYY-MM-DD), already in the patient's zone. */
  calendarDay(date: string): string;
  /** "26 ноября" for a calendar day (YYYY-MM-DD). */
  calendarDate(date: string): string;
}

const FORMATS: Record<'day' | 'date' | 'time', Intl.DateTimeFormatOptions> = {
  day: { weekday: 'long', day: 'numeric', month: 'long' },
  date: { day: 'numeric', month: 'long' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};

/** YYYY-MM-DD of the moment in the zone (en-CA formats dates that way). */
export function dateKey(at: string | number | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));
}

/** The calendar day `days` after a YYYY-MM-DD one. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/** Noon UTC of a calendar day: formatted in UTC it names that day whatever the patient's zone (+12 included). */
const noonOf = (date: string) => `${date}T12:00:00Z`;

export function createI18n(locale: Locale): I18n {
  const tag = localeTag(locale);
  const t = translator(locale);
  const cache = new Map<string, Intl.DateTimeFormat>();
  const fmt = (kind: keyof typeof FORMATS, timeZone: string) => {
    const key = `${kind}|${timeZone}`;
    let f = cache.get(key);
    if (!f) {
      const options = FORMATS[kind];
      f = new Intl.DateTimeFormat(tag, { timeZone, ...options });
      cache.set(key, f);
    }
    return f;
  };
  const day = (iso: string | number, tz: string) => fmt('day', tz).format(new Date(iso));
  const time = (iso: string | number, tz: string) => fmt('time', tz).format(new Date(iso));
  const when = (iso: string | number, tz: string, now = serverNow()) => {
    const key = dateKey(iso, tz);
    if (key === dateKey(now, tz)) return t('when-today', { time: time(iso, tz) });
    if (key === dateKey(now + 86_400_000, tz)) return t('when-tomorrow', { time: time(iso, tz) });
    return t('when-day', { day: day(iso, tz), time: time(iso, tz) });
  };
  return {
    locale,
    t,
    day,
    date: (iso, tz) => fmt('date', tz).format(new Date(iso)),
    time,
    when,
    whenAt(iso, tz, now = serverNow()) {
      const key = dateKey(iso, tz);
      if (key === dateKey(now, tz) || key === dateKey(now + 86_400_000, tz)) return when(iso, tz, now);
      // ISO weekday of the calendar day: Russian puts the weekday in the accusative, «во вторник», «в среду».
      const weekday = new Date(noonOf(key)).getUTCDay() || 7;
      return t('when-day-at', { weekday, date: fmt('date', tz).format(new Date(iso)), time: time(iso, tz) });
    },
    calendarDay: (d) => day(noonOf(d), 'UTC'),
    calendarDate: (d) => fmt('date', 'UTC').format(new Date(noonOf(d))),
  };
}

const I18nContext = createContext<I18n>(createI18n(LOCALES[0].code));

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => createI18n(locale), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
