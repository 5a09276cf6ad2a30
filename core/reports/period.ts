import { z } from 'zod';
import { DomainError } from '../errors.js';
import { addDays, zonedParts, zonedToUtc } from '../time.js';

/** Doctors work in Moscow time, and "November" should mean the same days to every reader of a report. */
export const REPORT_TIME_ZONE = 'Europe/Moscow';

/** Why a period was refused; each has its own message in the bot and the CLI. */
export type PeriodProblem = 'from_invalid' | 'to_invalid' | 'zone_invalid' | 'empty';

/** A report's period: calendar days [fromDate, toDate) of a zone, and the same as UTC milliseconds [from, to). */
export interface ReportPeriod {
  fromDate: string;
  /** Exclusive: the first day no longer in the period. */
  toDate: string;
  timeZone: string;
  from: number;
  to: number;
}

/** A calendar date that exists; years outside 2000–2100 are taken for a typo rather than a report anyone wants. */
function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 2000 && y <= 2100 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function isTimeZone(text: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: text });
    return true;
  } catch {
    return false;
  }
}

const periodInput = z
  .object({
    from: z.string().trim().refine(isRealDate, { message: 'from_invalid' }),
    to: z.string().trim().refine(isRealDate, { message: 'to_invalid' }),
    timeZone: z.string().trim().refine(isTimeZone, { message: 'zone_invalid' }).default(REPORT_TIME_ZONE),
  })
  .refine((p) => p.from < p.to, { message: 'empty' });

/**
 * Checks a period given as calendar days (YYYY-MM-DD, `to` exclusive) in a zone, Moscow unless named; a bad one is
 * refused with DomainError('period_invalid', { problem }).
 */
export function parsePeriod(input: { from?: unknown; to?: unknown; timeZone?: unknown }): ReportPeriod {
  const parsed = periodInput.safeParse({ from: input.from ?? '', to: input.to ?? '', timeZone: input.timeZone ?? undefined });
  if (!parsed.success) {
    const problem = (parsed.error.issues[0]?.message ?? 'empty') as PeriodProblem;
    throw new DomainError('period_invalid', { problem });
  }
  const { from, to, timeZone } = parsed.data;
  return { fromDate: from, toDate: to, timeZone, from: zonedToUtc(from, '00:00', timeZone), to: zonedToUtc(to, '00:00', timeZone) };
}

/** The period presets the staff bot offers, relative to today in the zone. */
export const PRESETS = ['month', 'previous_month', 'last_7_days', 'last_30_days'] as const;
export type Preset = (typeof PRESETS)[number];

const firstOfMonth = (date: string) => `${date.slice(0, 8)}01`;
const nextMonth = (date: string) => {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};
const previousMonth = (date: string) => {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`;
};

/** A preset as a period: the month so far counts as the whole month; "last 7 days" ends with today (inclusive). */
export function presetPeriod(preset: Preset, now: number, timeZone = REPORT_TIME_ZONE): ReportPeriod {
  const today = zonedParts(now, timeZone).date;
  const tomorrow = addDays(today, 1);
  switch (preset) {
    case 'month':
      return parsePeriod({ from: firstOfMonth(today), to: nextMonth(today), timeZone });
    case 'previous_month':
      return parsePeriod({ from: previousMonth(today), to: firstOfMonth(today), timeZone });
    case 'last_7_days':
      return parsePeriod({ from: addDays(tomorrow, -7), to: tomorrow, timeZone });
    case 'last_30_days':
      return parsePeriod({ from: addDays(tomorrow, -30), to: tomorrow, timeZone });
  }
}

/** The last day inside the period (YYYY-MM-DD), for people who read "1–30 November" rather than "[1 Nov, 1 Dec)". */
export const lastDay = (period: Pick<ReportPeriod, 'toDate'>) => addDays(period.toDate, -1);
