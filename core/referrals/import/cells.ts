import type { Cell } from './table.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** A date cell as a person reads it: 05.03.1961 (exceljs gives dates at UTC midnight). */
export function formatDateCell(date: Date): string {
  return `${pad(date.getUTCDate())}.${pad(date.getUTCMonth() + 1)}.${date.getUTCFullYear()}`;
}

/** A cell as text, trimmed; whole numbers without an exponent (a phone typed as a number stays its digits). */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return formatDateCell(cell);
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  return cell.replace(/\s+/g, ' ').trim();
}

/** A cell quoted in a message, cut short when long. */
export function quoteCell(cell: Cell | undefined): string {
  const text = cellText(cell);
  return `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;
}
