import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../core/reports/period.js';
import type { Report } from '../../../core/reports/report.js';
import { REPORT_COLUMNS, reportWorkbook, type ReportLabels } from '../../../core/reports/xlsx.js';

const labels: ReportLabels = {
  sheet: 'Report: [Nov]/2026 with a name far too long for Excel',
  aboutSheet: 'Notes',
  columns: Object.fromEntries(REPORT_COLUMNS.map((c) => [c, `col ${c}`])) as ReportLabels['columns'],
  paths: { own: 'Own', referral: 'Referral', duty: 'Duty' },
  center: (code) => code ?? 'No center',
  about: [['Period', '01.11.2026 – 30.11.2026']],
};

const report: Report = {
  period: parsePeriod({ from: '2026-11-01', to: '2026-12-01' }),
  generatedAt: Date.UTC(2026, 11, 1, 9, 0),
  rows: [
    {
      centerCode: 'bakulev',
      path: 'own',
      submitted: 2,
      taken: 2,
      scheduled: 2,
      completed: 0,
      declined: 0,
      noShows: 0,
      toScheduling: { count: 2, medianHours: 12.25, p90Hours: 15.65 },
      calls: { held: 0, medianMinutes: null, totalMinutes: 0 },
      referrals: null,
    },
    { centerCode: null, path: 'duty', submitted: null, taken: null, scheduled: 1, completed: 1, declined: null, noShows: 0, toScheduling: null, calls: { held: 1, medianMinutes: 23.5, totalMinutes: 23.5 }, referrals: null },
  ],
};

describe('reportWorkbook', () => {
  it('one table with a bold frozen header, filters, widths, numbers as numbers (hours to a tenth), and a notes sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportWorkbook(report, labels)) as unknown as ArrayBuffer);
    const [sheet, notes] = workbook.worksheets;
    // Excel's limits on sheet names: 31 characters, none of []:*?/\.
    expect(sheet!.name).toBe('Report   Nov  2026 with a name ');
    expect(sheet!.name.length).toBe(31);
    expect(sheet!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet!.getRow(1).font).toMatchObject({ bold: true });
    expect(sheet!.autoFilter).toBeTruthy();
    expect(sheet!.getRow(1).values).toEqual([undefined, ...REPORT_COLUMNS.map((c) => `col ${c}`)]);
    const cells = (n: number) => REPORT_COLUMNS.map((_, i) => sheet!.getRow(n).getCell(i + 1));
    expect(cells(2).map((c) => c.value)).toEqual(['bakulev', 'Own', 2, 2, 2, 0, 0, 0, 12.25, 15.65, 2, 0, null, null, null, null, null]);
    expect(cells(2)[8]!.numFmt).toBe('0.0');
    expect(cells(2)[9]!.numFmt).toBe('0.0');
    expect(cells(3).map((c) => c.value)).toEqual(['No center', 'Duty', null, null, 1, 1, null, 0, null, null, null, 1, 23.5, 23.5, null, null, null]);
    expect(sheet!.columns.map((c) => c.width)).toEqual([34, 18, 11, 13, 12, 12, 11, 11, 14, 14, 12, 12, 14, 14, 13, 13, 13]);
    expect(notes!.name).toBe('Notes');
    expect(notes!.getRow(1).values).toEqual([undefined, 'Period', '01.11.2026 – 30.11.2026']);
  });
});
