import ExcelJS from 'exceljs';
import { DomainError } from '../../errors.js';
import { REFERRAL_FILE_LIMITS, type Cell, type RawTable } from './table.js';
import { declaredUnpackedSize } from './zip-guard.js';

// Wider than any referral table; a sheet with thousands of used columns is a different document.
const MAX_COLUMNS = 100;

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'ИСТИНА' : 'ЛОЖЬ';
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  // A phone or e-mail written as a link keeps what the cell shows.
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellOf(value.text as ExcelJS.CellValue);
  if ('result' in value || 'formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return null;
    if (typeof result === 'object' && !(result instanceof Date)) return result.error;
    return cellOf(result);
  }
  if ('error' in value) return value.error;
  return null;
}

/**
 * Every worksheet of an XLSX as rows of plain cells. A merged range reads as its top-left value in each of its
 * cells (exceljs does so), which is what a person means by a center merged down several rows.
 */
export async function readXlsx(bytes: Buffer): Promise<RawTable[]> {
  const unpacked = declaredUnpackedSize(bytes);
  if (unpacked === undefined) throw new DomainError('referral_file_unreadable');
  if (unpacked > REFERRAL_FILE_LIMITS.maxUnpackedBytes) throw new DomainError('referral_file_too_big', { maxMb: REFERRAL_FILE_LIMITS.maxBytes / 1024 / 1024 });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('referral_file_unreadable');
  }
  return workbook.worksheets.map((sheet) => {
    const columns = Math.min(sheet.columnCount, MAX_COLUMNS);
    const table: RawTable = { rows: [], rowNumbers: [] };
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Cell[] = [];
      for (let c = 1; c <= columns; c++) cells.push(cellOf(row.getCell(c).value));
      table.rows.push(cells);
      table.rowNumbers.push(rowNumber);
    });
    return table;
  });
}
