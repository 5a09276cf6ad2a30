/** One cell as the import reads it: text, a number, a date, or nothing. */
export type Cell = string | number | Date | null;

/** A sheet as rows of cells; `rowNumbers[i]` is the number a person sees for `rows[i]` (1-based, as Excel shows it). */
export interface RawTable {
  rows: Cell[][];
  rowNumbers: number[];
}

/** What a table of referrals is rejected for as a whole; nothing is imported then. */
export type ReferralFileErrorCode =
  | 'referral_file_empty'
  | 'referral_file_too_big'
  | 'referral_file_too_many_rows'
  | 'referral_file_not_table'
  | 'referral_file_old_excel'
  | 'referral_file_opendocument'
  | 'referral_file_unreadable'
  | 'referral_file_no_header'
  | 'referral_file_missing_columns'
  | 'referral_file_no_rows';

export const REFERRAL_FILE_ERROR_CODES: readonly ReferralFileErrorCode[] = [
  'referral_file_empty',
  'referral_file_too_big',
  'referral_file_too_many_rows',
  'referral_file_not_table',
  'referral_file_old_excel',
  'referral_file_opendocument',
  'referral_file_unreadable',
  'referral_file_no_header',
  'referral_file_missing_columns',
  'referral_file_no_rows',
];

/** Limits that keep one upload from taking the server's memory: a file, its unpacked XLSX parts, its rows. */
export const REFERRAL_FILE_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  /** The sum of the uncompressed sizes an XLSX declares: a zip bomb is refused before it is inflated. */
  maxUnpackedBytes: 20 * 1024 * 1024,
  maxRows: 10_000,
};

export const isBlank = (cell: Cell): boolean => cell === null || (typeof cell === 'string' && cell.trim() === '');
