import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../core/reports/period.js';
import { REPORT_COLUMNS, reportWorkbook, type ReportLabels } from '../../core/reports/xlsx.js';
import { looksLikeFormula, neutralizeCell } from '../../core/spreadsheet-formulas.js';
import { asReadBack, FORMULA_PAYLOADS, formulaLikeCells } from '../support/spreadsheet-formulas.js';

describe('neutralizeCell', () => {
  it.each(FORMULA_PAYLOADS)('%j gets a leading quote and keeps the rest', (payload) => {
    expect(neutralizeCell(payload)).toBe(`'${payload}`);
  });

  it('ordinary text, numbers, dates and empty cells stay as they are', () => {
    const date = new Date(Date.UTC(1961, 2, 5));
    expect(['Иванов Пётр', 'ГБУЗ «ГКБ № 1»', ' =1 later', "'=already quoted", '', 42, -3, date, null, undefined].map(neutralizeCell)).toEqual([
      'Иванов Пётр', 'ГБУЗ «ГКБ № 1»', ' =1 later', "'=already quoted", '', 42, -3, date, null, undefined,
    ]);
  });
});

describe('looksLikeFormula', () => {
  it.each([...FORMULA_PAYLOADS, '\n=1'])('%j is a formula', (payload) => {
    expect(looksLikeFormula(payload)).toBe(true);
  });

  it.each(['-SUM(1)', '-A1', '--1', '- 1', '=', '@'])('%j is a formula', (text) => {
    expect(looksLikeFormula(text)).toBe(true);
  });

  it.each(['Салтыков-Щедрин Михаил', '- стенокардия напряжения', '-', '', 'I25.1', 'ГБУЗ СО «ГКБ № 1»', 'Стенокардия; -2 балла'])('%j is text', (text) => {
    expect(looksLikeFormula(text)).toBe(false);
  });
});

describe('a report XLSX with hostile words', () => {
  it('has no formula cell and no text that starts like one; the words are there, quoted', async () => {
    const [a, b, c, d, e, f, g] = FORMULA_PAYLOADS as [string, string, string, string, string, string, string];
    const labels: ReportLabels = {
      sheet: 'Report',
      aboutSheet: 'Notes',
      columns: Object.fromEntries(REPORT_COLUMNS.map((col, i) => [col, i === 0 ? a : `col ${col}`])) as ReportLabels['columns'],
      paths: { own: b, referral: c, duty: d },
      center: (code) => (code ? e : f),
      about: [[g, a]],
    };
    const row = { submitted: 1, taken: 1, scheduled: 1, completed: 1, declined: 0, noShows: 0, toScheduling: null, calls: { held: 0, medianMinutes: null, totalMinutes: 0 }, referrals: null };
    const bytes = await reportWorkbook(
      {
        period: parsePeriod({ from: '2026-11-01', to: '2026-12-01' }),
        generatedAt: Date.UTC(2026, 11, 1, 9, 0),
        rows: [
          { ...row, centerCode: 'bakulev', path: 'own' },
          { ...row, centerCode: null, path: 'duty' },
        ],
      },
      labels,
    );
    expect(await formulaLikeCells(bytes)).toEqual([]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const [sheet, notes] = workbook.worksheets;
    expect(sheet!.getCell('A1').value).toBe(`'${a}`);
    expect([sheet!.getCell('A2').value, sheet!.getCell('B2').value, sheet!.getCell('C2').value]).toEqual([`'${e}`, `'${b}`, 1]);
    expect([sheet!.getCell('A3').value, sheet!.getCell('B3').value]).toEqual([`'${f}`, `'${d}`]);
    expect(notes!.getRow(1).values).toEqual([undefined, `'${asReadBack(g)}`, `'${a}`]);
  });
});
