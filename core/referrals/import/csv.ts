import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { DomainError } from '../../errors.js';
import { findHeader } from './headers.js';
import type { RawTable } from './table.js';

/**
 * The text of a CSV: UTF-8 with or without a BOM, UTF-16 with a BOM (Excel's "Unicode text"), otherwise Windows-1251,
 * which Russian Excel writes "CSV (разделители — запятые)" in. Valid UTF-8 is taken as UTF-8: Cyrillic in cp1251 is
 * almost never valid UTF-8 by chance.
 */
export function decodeCsv(bytes: Buffer): string {
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) text = bytes.subarray(3).toString('utf8');
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) text = iconv.decode(bytes.subarray(2), 'utf16le');
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = iconv.decode(bytes.subarray(2), 'utf16be');
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = iconv.decode(bytes, 'win1251');
    }
  }
  // Control characters other than tab and line ends mean bytes of something else (an image, an archive).
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) throw new DomainError('referral_file_not_table');
  return text;
}

const DELIMITERS = [';', ',', '\t'] as const;

function parseWith(text: string, delimiter: string, toLine?: number): string[][] {
  return parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    ...(toLine ? { to_line: toLine } : {}),
  }) as string[][];
}

/**
 * A CSV as a table. The separator is the one under which the first lines show the best header: a header split by
 * the wrong one reads as one long cell and names no column.
 */
export function readCsv(bytes: Buffer): RawTable {
  const text = decodeCsv(bytes);
  let best: { delimiter: string; score: number; width: number } | undefined;
  for (const delimiter of DELIMITERS) {
    let rows: string[][];
    try {
      rows = parseWith(text, delimiter, 40);
    } catch {
      continue;
    }
    const header = findHeader({ rows, rowNumbers: rows.map((_, i) => i + 1) });
    const score = header ? Object.keys(header.columns).length : 0;
    const width = header ? header.titles.length : Math.max(0, ...rows.map((r) => r.length));
    if (!best || score > best.score || (score === best.score && width > best.width)) best = { delimiter, score, width };
  }
  if (!best) throw new DomainError('referral_file_not_table');
  let rows: string[][];
  try {
    rows = parseWith(text, best.delimiter);
  } catch {
    throw new DomainError('referral_file_unreadable');
  }
  // Every record is a line of the sheet Excel would show, so its position is its row number.
  return { rows: rows.map((r) => r.map((cell) => (cell.trim() === '' ? null : cell))), rowNumbers: rows.map((_, i) => i + 1) };
}
