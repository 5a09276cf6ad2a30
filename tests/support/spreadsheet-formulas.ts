import ExcelJS from 'exceljs';

/** Real CSV-injection payloads (OWASP's examples and the audit's). */
export const FORMULA_PAYLOADS = ['=HYPERLINK("http://evil.example","x")', "=cmd|' /C calc'!A0", '+SUM(1)', '-2+3', '@SUM(1)', '\t=1', '\r=1'];

/** XLSX (XML) reads a carriage return back as a line feed. */
export const asReadBack = (text: string) => text.replaceAll('\r', '\n');

/** Every cell of every sheet: none may be a formula, none may be text that starts like one. */
export async function formulaLikeCells(bytes: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const found: string[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Formula || cell.formula) found.push(`${cell.address}: formula ${cell.formula}`);
        else if (typeof cell.value === 'string' && /^[=+\-@\t\r\n]/.test(cell.value)) found.push(`${cell.address}: ${JSON.stringify(cell.value)}`);
      }),
    );
  }
  return found;
}
