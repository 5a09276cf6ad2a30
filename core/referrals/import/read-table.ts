import { fileTypeFromBuffer } from 'file-type';
import { DomainError } from '../../errors.js';
import { readCsv } from './csv.js';
import { findHeader, missingColumns, FIELD_TITLES, type HeaderMatch } from './headers.js';
import { isBlank, REFERRAL_FILE_LIMITS, type Cell, type RawTable } from './table.js';
import { readXlsx } from './xlsx.js';

export interface DataRow {
  rowNumber: number;
  cells: Cell[];
}

export interface ReadTable {
  header: HeaderMatch;
  rows: DataRow[];
}

const maxMb = REFERRAL_FILE_LIMITS.maxBytes / 1024 / 1024;

/** The sheets of a file, told apart by content: the name and the type a sender claims are never trusted. */
async function sheetsOf(bytes: Buffer): Promise<RawTable[]> {
  const type = await fileTypeFromBuffer(bytes);
  switch (type?.ext) {
    case undefined:
      return [readCsv(bytes)];
    case 'xlsx':
    // The same format with macros, or saved as a template: what a region's own form often is.
    case 'xlsm':
    case 'xltx':
    case 'xltm':
      return readXlsx(bytes);
    // Some writers order a workbook's parts so that only opening it tells an XLSX from another ZIP.
    case 'zip':
      try {
        const sheets = await readXlsx(bytes);
        if (sheets.length === 0) throw new DomainError('referral_file_not_table');
        return sheets;
      } catch (err) {
        if (err instanceof DomainError && err.code === 'referral_file_unreadable') throw new DomainError('referral_file_not_table');
        throw err;
      }
    // The binary .xls of Excel 97–2003 (an OLE compound file).
    case 'cfb':
      throw new DomainError('referral_file_old_excel');
    // LibreOffice's own spreadsheet (or its template): a table, but not in a format read here.
    case 'ods':
    case 'ots':
      throw new DomainError('referral_file_opendocument');
    default:
      throw new DomainError('referral_file_not_table', { detected: type?.ext ?? 'unknown' });
  }
}

/**
 * Reads a referral table: the header among the first rows of the first sheet that has one, then every non-empty row
 * under it. Refuses, with a DomainError and before anything is stored, a file that is empty, too big, not a table,
 * without a recognisable header or required columns, or without rows.
 */
export async function readReferralTable(bytes: Buffer): Promise<ReadTable> {
  if (bytes.length === 0) throw new DomainError('referral_file_empty');
  if (bytes.length > REFERRAL_FILE_LIMITS.maxBytes) throw new DomainError('referral_file_too_big', { maxMb });
  const sheets = (await sheetsOf(bytes)).filter((s) => s.rows.some((row) => row.some((cell) => !isBlank(cell))));
  if (sheets.length === 0) throw new DomainError('referral_file_empty');
  let table: RawTable | undefined;
  let header: HeaderMatch | undefined;
  for (const sheet of sheets) {
    header = findHeader(sheet);
    if (header) {
      table = sheet;
      break;
    }
  }
  if (!table || !header) throw new DomainError('referral_file_no_header');
  const missing = missingColumns(header.columns);
  if (missing.length > 0) throw new DomainError('referral_file_missing_columns', { columns: missing.map((f) => FIELD_TITLES[f]).join(', ') });
  const rows: DataRow[] = [];
  const fieldColumns = Object.values(header.columns);
  for (let i = header.rowIndex + 1; i < table.rows.length; i++) {
    const cells = table.rows[i]!;
    // Empty rows, and rows a template numbered in advance (only "№" filled), hold no one.
    if (fieldColumns.every((c) => isBlank(cells[c] ?? null))) continue;
    rows.push({ rowNumber: table.rowNumbers[i]!, cells });
    if (rows.length > REFERRAL_FILE_LIMITS.maxRows) throw new DomainError('referral_file_too_many_rows', { max: REFERRAL_FILE_LIMITS.maxRows });
  }
  if (rows.length === 0) throw new DomainError('referral_file_no_rows');
  return { header, rows };
}
