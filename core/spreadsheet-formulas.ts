/**
 * CSV/formula injection (OWASP "CSV Injection"): a spreadsheet program runs a cell whose text starts with = + - @,
 * and a tab, carriage return or line feed in front of one of them is skipped on paste (XML also reads a stored carriage
 * return back as a line feed, so the feed is covered too). Every string the service writes into
 * an XLSX or CSV goes through neutralizeCell; referral imports refuse such text outright (looksLikeFormula).
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** The value as a spreadsheet may show it: text that could start a formula gets a leading ' (OWASP); numbers, dates, empty cells stay as they are. */
export function neutralizeCell<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

// A dash that opens a list item ("- стенокардия") or stands for "nothing" ("-") is text; "-2+3", "-SUM(1)", "-A1" are formulas.
const DASHED_TEXT = /^-(\s*$|\s+\p{L})/u;

/**
 * Whether free text typed into a referral table looks like a formula. The text is the cell as read (the importer
 * trims it, so a leading tab or return is checked on the raw cell too): = + @ tab return line feed always, a dash unless it
 * opens a list item. Phones and birth dates are parsed fields and never go through this.
 */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) && !DASHED_TEXT.test(text);
}
