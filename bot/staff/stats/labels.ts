import type { Catalog } from '../../../core/catalog/index.js';
import { lastDay, type ReportPeriod } from '../../../core/reports/period.js';
import type { ReportColumn, ReportLabels } from '../../../core/reports/xlsx.js';
import { pickLocale } from '../../../core/locales.js';
import { zonedParts } from '../../../core/time.js';
import { formatDate, zoneTag } from '../../shared/format.js';
import type { Translate } from '../../shared/outbox-sender.js';

/** A center's short name from the catalog, in the reader's language; null is the "no center" row. */
export function centerName(t: Translate, catalog: Catalog, locale: string, code: string | null): string {
  const center = code === null ? undefined : catalog.centers.find((c) => c.code === code);
  return center ? center.shortName[pickLocale(locale)] : t('stats-center-none');
}

/** The period as people read it: first and last day (inclusive), dd.mm.yyyy, and the zone ("МСК"). */
export function periodWords(period: ReportPeriod, locale: string): { from: string; to: string; zone: string } {
  return { from: formatDate(period.fromDate), to: formatDate(lastDay(period)), zone: zoneTag(period.timeZone, period.from, locale) };
}

/** The spreadsheet's words, from the same Fluent texts as the bot (the CLI passes English ones). */
export function reportLabels(
  t: Translate,
  locale: string,
  catalog: Catalog,
  opts: { period: ReportPeriod; generatedAt: number; centers?: readonly string[] },
): ReportLabels {
  const columns: Record<ReportColumn, string> = {
    center: t('stats-col-center'),
    path: t('stats-col-path'),
    submitted: t('stats-col-submitted'),
    taken: t('stats-col-taken'),
    scheduled: t('stats-col-scheduled'),
    completed: t('stats-col-completed'),
    declined: t('stats-col-declined'),
    noShows: t('stats-col-no-shows'),
    medianHours: t('stats-col-median-hours'),
    p90Hours: t('stats-col-p90-hours'),
    measured: t('stats-col-measured'),
    callsHeld: t('stats-col-calls-held'),
    callMedianMinutes: t('stats-col-call-median'),
    callTotalMinutes: t('stats-col-call-total'),
    imported: t('stats-col-imported'),
    invited: t('stats-col-invited'),
    linked: t('stats-col-linked'),
  };
  const generated = zonedParts(opts.generatedAt, opts.period.timeZone);
  const scope = opts.centers ? opts.centers.map((code) => centerName(t, catalog, locale, code)).join(', ') : t('stats-about-scope-all');
  return {
    sheet: t('stats-xlsx-sheet'),
    aboutSheet: t('stats-xlsx-about-sheet'),
    columns,
    paths: { own: t('stats-path-own-plain'), referral: t('stats-path-referral-plain'), duty: t('stats-path-duty-plain') },
    center: (code) => centerName(t, catalog, locale, code),
    about: [
      [t('stats-about-period'), t('stats-about-period-value', periodWords(opts.period, locale))],
      [t('stats-about-zone'), opts.period.timeZone],
      [t('stats-about-generated'), `${formatDate(generated.date)} ${generated.time}`],
      [t('stats-about-scope'), scope],
      [t('stats-about-counting'), t('stats-about-counting-value')],
      [t('stats-about-percentile'), t('stats-about-percentile-value')],
      [t('stats-about-calls'), t('stats-about-calls-value')],
    ],
  };
}

/** "stats_2026-11-01_2026-11-30.xlsx": the inclusive days, as in the caption. */
export const reportFileName = (period: ReportPeriod) => `stats_${period.fromDate}_${lastDay(period)}.xlsx`;
