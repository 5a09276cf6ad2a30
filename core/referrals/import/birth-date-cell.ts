import { parseBirthDate } from '../../patients/birth-date.js';
import type { Cell } from './table.js';

const DAY_MS = 86_400_000;
// Excel's day 0 of the 1900 date system, as every spreadsheet since Lotus counts it (day 60 being its phantom
// 29 February 1900, serials after it line up with this epoch).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function isoOfUtcDay(ms: number): string {
  return new Date(Math.round(ms / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A birth date from a cell: a date cell, an Excel date serial (a date column that lost its format), or text as
 * people write it (05.03.1961, 5.3.1961, 1961-03-05, "05.03.1961 0:00:00", "05.03.1961 г."). Throws the same
 * DomainErrors as parseBirthDate; `today` is YYYY-MM-DD.
 */
export function parseBirthDateCell(cell: Cell, today: string): string {
  if (cell instanceof Date) return parseBirthDate(isoOfUtcDay(cell.getTime()), today);
  if (typeof cell === 'number') {
    // Serials of real birth dates: 1 is 1900-01-01, 80000 is in 2119. Anything else is not a date at all.
    if (!(cell >= 1 && cell < 80_000)) return parseBirthDate(String(cell), today);
    return parseBirthDate(isoOfUtcDay(EXCEL_EPOCH + Math.floor(cell) * DAY_MS), today);
  }
  const text = (cell ?? '')
    .trim()
    .replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '')
    .replace(/\s*г(ода?)?\.?$/u, '');
  return parseBirthDate(text, today);
}
