import ExcelJS from 'exceljs';
import { neutralizeCell } from '../../spreadsheet-formulas.js';
import type { RejectedRow } from './service.js';

export const ERROR_COLUMN = 'Ошибка';
export const ROW_NUMBER_COLUMN = 'Строка в файле';

/**
 * The rejected rows as an XLSX to send back: the file's own columns with the row's values as they were, then
 * «Ошибка» saying what to fix and the row's number in the original. The header is the file's, so the sheet, once
 * corrected, can be loaded again as it is (the two added columns are ignored). Every text is neutralised: the cells
 * are the sender's, and a formula in them must not run on the manager's computer.
 */
export async function buildErrorWorkbook(columns: string[], rejected: RejectedRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Ошибки', { views: [{ state: 'frozen', ySplit: 1 }] });
  const width = Math.max(columns.length, ...rejected.map((r) => r.values.length));
  const titles = Array.from({ length: width }, (_, i) => columns[i] ?? '');
  const header = sheet.addRow([...titles, ERROR_COLUMN, ROW_NUMBER_COLUMN].map(neutralizeCell));
  header.font = { bold: true };
  for (const row of rejected) {
    const values = Array.from({ length: width }, (_, i) => row.values[i] ?? null);
    const added = sheet.addRow([...values, row.error, row.rowNumber].map(neutralizeCell));
    values.forEach((value, i) => {
      if (value instanceof Date) added.getCell(i + 1).numFmt = 'dd.mm.yyyy';
    });
    const error = added.getCell(width + 1);
    error.font = { color: { argb: 'FFC00000' } };
    error.alignment = { wrapText: true, vertical: 'top' };
  }
  titles.forEach((title, i) => (sheet.getColumn(i + 1).width = Math.min(40, Math.max(12, title.length + 2))));
  sheet.getColumn(width + 1).width = 60;
  sheet.getColumn(width + 2).width = 10;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
