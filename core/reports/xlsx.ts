import ExcelJS from 'exceljs';
import { neutralizeCell } from '../spreadsheet-formulas.js';
import type { Report, ReportPath, ReportRow } from './report.js';

export const REPORT_COLUMNS = [
  'center',
  'path',
  'submitted',
  'taken',
  'scheduled',
  'completed',
  'declined',
  'noShows',
  'medianHours',
  'p90Hours',
  'measured',
  'callsHeld',
  'callMedianMinutes',
  'callTotalMinutes',
  'imported',
  'invited',
  'linked',
] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];

/** Words of the spreadsheet, in the reader's language (the bot's Fluent texts, or the CLI's choice). */
export interface ReportLabels {
  sheet: string;
  aboutSheet: string;
  columns: Record<ReportColumn, string>;
  paths: Record<ReportPath, string>;
  center(code: string | null): string;
  /** Rows of the second sheet: the period, the zone, when it was made, what each figure counts. */
  about: Array<[string, string]>;
}

const WIDTHS: Record<ReportColumn, number> = {
  center: 34,
  path: 18,
  submitted: 11,
  taken: 13,
  scheduled: 12,
  completed: 12,
  declined: 11,
  noShows: 11,
  medianHours: 14,
  p90Hours: 14,
  measured: 12,
  callsHeld: 12,
  callMedianMinutes: 14,
  callTotalMinutes: 14,
  imported: 13,
  invited: 13,
  linked: 13,
};

/** A cell's value: numbers stay numbers; what a path does not have stays empty rather than a misleading 0. */
function values(row: ReportRow, labels: ReportLabels): Record<ReportColumn, string | number | null> {
  return {
    center: neutralizeCell(labels.center(row.centerCode)),
    path: neutralizeCell(labels.paths[row.path]),
    submitted: row.submitted,
    taken: row.taken,
    scheduled: row.scheduled,
    completed: row.completed,
    declined: row.declined,
    noShows: row.noShows,
    medianHours: row.toScheduling?.medianHours ?? null,
    p90Hours: row.toScheduling?.p90Hours ?? null,
    measured: row.path === 'duty' ? null : (row.toScheduling?.count ?? 0),
    callsHeld: row.calls.held,
    callMedianMinutes: row.calls.medianMinutes,
    callTotalMinutes: row.calls.held ? row.calls.totalMinutes : null,
    imported: row.referrals?.imported ?? null,
    invited: row.referrals?.invited ?? null,
    linked: row.referrals?.linked ?? null,
  };
}

/** Excel refuses sheet names over 31 characters or with any of []:*?/\. */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Report';

/**
 * The report as one table (a row per center and path, a header, widths, a frozen header) and a sheet about it.
 * The words come from the catalog and locale files, yet every string is neutralised all the same: a formula in a
 * center's name would otherwise run in whoever opens the file.
 */
export async function reportWorkbook(report: Report, labels: ReportLabels): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(report.generatedAt);
  const sheet = workbook.addWorksheet(sheetName(labels.sheet), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = REPORT_COLUMNS.map((key) => ({ header: neutralizeCell(labels.columns[key]), key, width: WIDTHS[key] }));
  for (const row of report.rows) sheet.addRow(values(row, labels));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  sheet.getColumn('medianHours').numFmt = '0.0';
  sheet.getColumn('p90Hours').numFmt = '0.0';
  sheet.getColumn('callMedianMinutes').numFmt = '0';
  sheet.getColumn('callTotalMinutes').numFmt = '0';
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REPORT_COLUMNS.length } };

  const about = workbook.addWorksheet(sheetName(labels.aboutSheet));
  about.columns = [{ width: 34 }, { width: 90 }];
  for (const line of labels.about) about.addRow(line.map(neutralizeCell)).getCell(1).font = { bold: true };
  about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
