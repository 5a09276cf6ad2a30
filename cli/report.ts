import { parseArgs } from 'node:util';
import type { Context } from 'grammy';
import { createI18n } from '../bot/shared/i18n.js';
import { reportLabels } from '../bot/staff/stats/labels.js';
import { DomainError } from '../core/errors.js';
import { lastDay, parsePeriod, REPORT_TIME_ZONE, type PeriodProblem, type ReportPeriod } from '../core/reports/period.js';
import { buildReport, type Report, type ReportRow } from '../core/reports/report.js';
import { reportWorkbook } from '../core/reports/xlsx.js';
import { zonedParts } from '../core/time.js';
import { UsageError } from './usage.js';
import type { Services } from '../app/services.js';
import { writePrivateFile } from './private-file.js';

export const REPORT_USAGE = `  report --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--xlsx <file>] [--lang <ru|en>] [--center <code>] [--time-zone <IANA zone>]
      figures per center and path for the days [from, to) in Moscow time (--to is the first day not included:
      --from 2026-11-01 --to 2026-12-01 is November); --xlsx also writes them as a spreadsheet (Russian unless --lang en)`;

const OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  xlsx: { type: 'string' },
  lang: { type: 'string' },
  center: { type: 'string' },
  'time-zone': { type: 'string' },
} as const;

function period(values: { from?: string; to?: string; 'time-zone'?: string }): ReportPeriod {
  if (!values.from) throw new UsageError('--from is required (YYYY-MM-DD, the first day of the period)');
  if (!values.to) throw new UsageError('--to is required (YYYY-MM-DD, the first day after the period)');
  try {
    return parsePeriod({ from: values.from, to: values.to, timeZone: values['time-zone'] ?? REPORT_TIME_ZONE });
  } catch (err) {
    if (!(err instanceof DomainError) || err.code !== 'period_invalid') throw err;
    const messages: Record<PeriodProblem, string> = {
      from_invalid: `--from must be a real date as YYYY-MM-DD, not "${values.from}"`,
      to_invalid: `--to must be a real date as YYYY-MM-DD, not "${values.to}"`,
      zone_invalid: `--time-zone must be an IANA time zone such as Europe/Moscow, not "${values['time-zone']}"`,
      empty: `--to must be after --from: the period is [from, to), so --from 2026-11-01 --to 2026-12-01 is November`,
    };
    throw new UsageError(messages[err.details.problem as PeriodProblem] ?? `Invalid period: ${String(err.details.problem)}`);
  }
}

const HEADERS = ['center', 'path', 'submitted', 'taken', 'scheduled', 'completed', 'declined', 'no_shows', 'median_h', 'p90_h', 'measured', 'calls', 'call_med_min', 'call_total_min', 'ref_imported', 'ref_invited', 'ref_linked'];

const cell = (n: number | null | undefined, digits = 0) => (n === null || n === undefined ? '-' : n.toFixed(digits));

function cells(row: ReportRow): string[] {
  return [
    row.centerCode ?? '(none)',
    row.path,
    cell(row.submitted),
    cell(row.taken),
    cell(row.scheduled),
    cell(row.completed),
    cell(row.declined),
    cell(row.noShows),
    cell(row.toScheduling?.medianHours, 1),
    cell(row.toScheduling?.p90Hours, 1),
    row.path === 'duty' ? '-' : cell(row.toScheduling?.count ?? 0),
    cell(row.calls.held),
    cell(row.calls.medianMinutes, 1),
    row.calls.held ? cell(row.calls.totalMinutes) : '-',
    cell(row.referrals?.imported),
    cell(row.referrals?.invited),
    cell(row.referrals?.linked),
  ];
}

/** The report as an aligned plain-text table: codes rather than names, so it stays narrow and greppable. */
export function reportTable(report: Report): string {
  const { period } = report;
  const generated = zonedParts(report.generatedAt, period.timeZone);
  const rows = [HEADERS, ...report.rows.map(cells)];
  const widths = HEADERS.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [
    `Report ${period.fromDate} – ${lastDay(period)} inclusive (${period.timeZone}), generated ${generated.date} ${generated.time}`,
    '',
    ...rows.map(line),
    '',
    'Each event counts in the period of its own date: submitted, taken into review, scheduled (duty: booked), declined;',
    'completed and no-shows by the appointment time. Hours from submission to scheduling: median and 90th percentile by',
    'linear interpolation (as PERCENTILE.INC), over the applications scheduled in the period ("measured"). Calls: consultations',
    'both sides joined on the room page, by appointment time; their median and total length in minutes. "-": not on that path.',
  ].join('\n');
}

/** `report …`: prints the table, and writes the XLSX when asked. */
export async function reportCommand(services: Services, args: string[], log: (line: string) => void = console.log): Promise<void> {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  } catch (err) {
    // node:util's own refusals (an unknown option, a missing value) are the operator's typo, not a crash.
    if (err instanceof TypeError) throw new UsageError(`${err.message}\n\n${REPORT_USAGE}`);
    throw err;
  }
  const { values, positionals } = parsed;
  if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}"\n\n${REPORT_USAGE}`);
  const p = period(values);
  const lang = values.lang ?? 'ru';
  if (lang !== 'ru' && lang !== 'en') throw new UsageError('--lang must be ru or en');
  const known = services.catalog.centers.map((c) => c.code);
  if (values.center !== undefined && !known.includes(values.center)) throw new UsageError(`--center must be one of ${known.join(', ')}`);
  const scope = values.center ? { centers: [values.center] } : {};

  const report = buildReport(services, p, scope);
  log(reportTable(report));
  if (values.xlsx === undefined) return;
  if (!values.xlsx.trim()) throw new UsageError('--xlsx needs a file name');
  const i18n = createI18n<Context>(() => lang);
  const labels = reportLabels((key, params) => i18n.t(lang, key, params), lang, services.catalog, { period: p, generatedAt: report.generatedAt, ...scope });
  const bytes = await reportWorkbook(report, labels);
  try {
    writePrivateFile(values.xlsx, bytes);
  } catch (err) {
    throw new UsageError(`Cannot write ${values.xlsx}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  log(`XLSX written to ${values.xlsx} (${bytes.length} bytes).`);
}
