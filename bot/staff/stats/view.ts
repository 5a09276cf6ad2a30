import { InlineKeyboard } from 'grammy';
import type { Catalog } from '../../../core/catalog/index.js';
import type { Preset } from '../../../core/reports/period.js';
import { isEmptyRow, type Report, type ReportPath, type ReportRow } from '../../../core/reports/report.js';
import type { Translate } from '../../shared/outbox-sender.js';
import { presetData, xlsxData } from './callback-data.js';
import { centerName, periodWords } from './labels.js';

function pathTitle(t: Translate, path: ReportPath): string {
  switch (path) {
    case 'own':
      return t('stats-path-own');
    case 'referral':
      return t('stats-path-referral');
    case 'duty':
      return t('stats-path-duty');
  }
}

const presetButtons = (t: Translate): Array<[Preset, string]> => [
  ['month', t('stats-btn-month')],
  ['previous_month', t('stats-btn-previous-month')],
  ['last_7_days', t('stats-btn-7-days')],
  ['last_30_days', t('stats-btn-30-days')],
];

/** A view as plain data, ready for sendMessage or editMessageText. */
export interface StatsView {
  text: string;
  markup: { inline_keyboard: InlineKeyboard['inline_keyboard'] };
}

const hours = (n: number) => Math.round(n * 10) / 10;

function pathLines(t: Translate, row: ReportRow): string[] {
  const title = pathTitle(t, row.path);
  if (isEmptyRow(row)) return [t('stats-path-empty', { path: title })];
  const calls = row.calls.medianMinutes === null ? [] : [`   ${t('stats-calls-line', { held: row.calls.held, median: Math.round(row.calls.medianMinutes) })}`];
  if (row.path === 'duty') return [title, `   ${t('stats-duty-line', { scheduled: row.scheduled, completed: row.completed, noShows: row.noShows })}`, ...calls];
  const lines = [
    title,
    `   ${t('stats-apps-line', { submitted: row.submitted ?? 0, taken: row.taken ?? 0, scheduled: row.scheduled })}`,
    `   ${t('stats-outcomes-line', { completed: row.completed, declined: row.declined ?? 0, noShows: row.noShows })}`,
  ];
  const d = row.toScheduling;
  if (d) lines.push(`   ${t('stats-delay-line', { median: hours(d.medianHours), p90: hours(d.p90Hours), count: d.count })}`);
  lines.push(...calls);
  if (row.referrals) lines.push(`   ${t('stats-referrals-line', row.referrals)}`);
  return lines;
}

/** The report as a message: a block per center, a line or few per path; no names, only counts and hours. */
export function statsView(t: Translate, locale: string, catalog: Catalog, report: Report, opts: { chosen?: Preset; ownCenter?: string }): StatsView {
  const lines = [t('stats-title', periodWords(report.period, locale))];
  if (opts.ownCenter) lines.push(t('stats-scope-own', { center: centerName(t, catalog, locale, opts.ownCenter) }));
  const centers = [...new Set(report.rows.map((r) => r.centerCode))];
  for (const center of centers) {
    lines.push('', t('stats-center', { center: centerName(t, catalog, locale, center) }));
    for (const row of report.rows.filter((r) => r.centerCode === center)) lines.push(...pathLines(t, row));
  }
  lines.push('', t('stats-footnote'));

  const keyboard = new InlineKeyboard();
  presetButtons(t).forEach(([preset, label], i) => {
    if (i === 2) keyboard.row();
    keyboard.text(preset === opts.chosen ? t('stats-btn-chosen', { label }) : label, presetData.pack({ preset }));
  });
  keyboard.row().text(t('stats-btn-xlsx'), xlsxData.pack({ from: report.period.fromDate, to: report.period.toDate }));
  return { text: lines.join('\n'), markup: { inline_keyboard: keyboard.inline_keyboard } };
}
