import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** A referral table as a regional physician fills it: the quirks real ones have, on invented people. */
export type FixtureCell = string | number | Date | null;

export const TITLE = 'Список пациентов, направленных на телемедицинскую консультацию (ГБУЗ «Областная больница»)';
export const HEADER = ['№', 'Ф.И.О. ', 'Дата рождения', 'Телефон', 'Центр', 'Заболевание', 'Диагноз', 'МКБ-10', 'Направивший врач', 'Медицинская организация', 'Регион'];

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/**
 * Ten rows under the header (one of them empty): five new people with phones in five formats; the first one again
 * (another phone spelling, a name in capitals); an unknown center; a phone too short; a date that does not exist.
 * `dates: 'cells'` writes the first birth date as a date cell and the second as a bare serial (a column that lost its
 * format); 'text' writes every date as text, as a CSV has them.
 */
export function fixtureRows(dates: 'cells' | 'text'): FixtureCell[][] {
  const first = dates === 'cells' ? utc(1961, 3, 5) : '05.03.1961';
  // 25000 is 11 June 1968 in Excel's 1900 date system.
  const second = dates === 'cells' ? 25000 : '11.06.1968';
  return [
    [1, 'Иванов Пётр Сергеевич', first, '8 (912) 345-67-89', 'НМИЦ ССХ им. А.Н. Бакулева', 'Ишемическая болезнь сердца', 'Стенокардия напряжения, ФК II', 'I25.1', 'Смирнова Ольга Викторовна', 'ГБУЗ СО «ГКБ № 1»', 'Свердловская обл.'],
    [2, 'Петрова Анна Ивановна   ', second, '+7 912 3456780 ', 'Кулакова  ', 'патология молочной железы', 'Фиброаденома', 'D24', 'Смирнова Ольга Викторовна', 'ГБУЗ СО «ГКБ № 1»', 'г. Москва'],
    [null, null, null, null, null, null, null, null, null, null, null],
    [3, 'Сидоров Иван Петрович', '12.11.1975', '9123456781', 'bakulev', 'Нарушения ритма сердца', 'Фибрилляция предсердий', 'I48', 'Кузнецов Андрей Павлович', 'ГБУЗ СО «ЦГБ № 2»', 'Свердловская область'],
    [4, 'Кузнецова Мария Олеговна', '1980-01-15', '8-912-345-67-82', '«НМИЦ АГП им. В.И. Кулакова»', 'ПОРОКИ РАЗВИТИЯ МАТКИ И ВЛАГАЛИЩА', null, 'Q51.0', 'Кузнецов Андрей Павлович', 'ГБУЗ СО «ЦГБ № 2»', 'Пермский край'],
    [5, 'Морозов Алексей Викторович', '20.07.1955 ', '79123456783', 'Бакулева', 'Кардиомиопатия', 'ДКМП', 'I42.0', 'Кузнецов Андрей Павлович', 'ГБУЗ СО «ЦГБ № 2»', 'Нижний Тагил'],
    [6, 'ИВАНОВ ПЁТР СЕРГЕЕВИЧ', first, '+79123456789', 'НМИЦ ССХ им. А.Н. Бакулева', 'ИБС', null, 'I25.1', 'Смирнова Ольга Викторовна', 'ГБУЗ СО «ГКБ № 1»', 'Свердловская обл.'],
    [7, 'Волков Дмитрий Андреевич', '01.01.1970', '8 912 345 67 84', 'Центр Алмазова', 'ИБС', null, null, 'Смирнова Ольга Викторовна', 'ГБУЗ СО «ГКБ № 1»', null],
    [8, 'Лебедева Ольга Николаевна', '03.04.1990', '12345', 'Кулакова', 'Патология молочной железы', null, null, null, null, null],
    [9, 'Соколов Николай Ильич', '31.02.1980', '8 (912) 345-67-85', 'Бакулева', 'Кардиомиопатии', null, null, null, null, null],
  ];
}

/** The rows' numbers as Excel shows them: title at 1, an empty row 2, the header at 3, the people from 4. */
export const FIRST_DATA_ROW = 4;

/** An XLSX made by exceljs: the title merged across the header's width, an empty row, the header, the rows. */
export async function fixtureXlsx(rows: FixtureCell[][] = fixtureRows('cells'), opts: { title?: boolean } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Направления');
  if (opts.title !== false) {
    sheet.getCell('A1').value = TITLE;
    sheet.mergeCells(1, 1, 1, HEADER.length);
    sheet.addRow([]);
  }
  sheet.getRow(opts.title === false ? 1 : 3).values = HEADER;
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(3).numFmt = 'dd.mm.yyyy';
  // The serial date must stay a bare number, as in a column that lost its date format.
  for (const [i, row] of rows.entries()) if (typeof row[2] === 'number') sheet.getCell(FIRST_DATA_ROW + i, 3).numFmt = 'General';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const quote = (value: FixtureCell, delimiter: string) => {
  const text = value === null ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return text.includes(delimiter) || text.includes('"') || text.includes('\n') ? `"${text.replaceAll('"', '""')}"` : text;
};

/** The same table as CSV text, the title in the first cell and an empty line under it, as Excel saves one. */
export function fixtureCsvText(delimiter: ';' | ',', rows: FixtureCell[][] = fixtureRows('text')): string {
  const lines = [
    [TITLE, ...Array(HEADER.length - 1).fill(null)],
    Array(HEADER.length).fill(null),
    HEADER,
    ...rows,
  ].map((row: FixtureCell[]) => row.map((c) => quote(c, delimiter)).join(delimiter));
  return `${lines.join('\r\n')}\r\n`;
}

export function fixtureCsv(encoding: 'utf8-bom' | 'utf8' | 'cp1251', delimiter: ';' | ',', rows?: FixtureCell[][]): Buffer {
  const text = fixtureCsvText(delimiter, rows);
  if (encoding === 'cp1251') return iconv.encode(text, 'win1251');
  const bytes = Buffer.from(text, 'utf8');
  return encoding === 'utf8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes;
}

/** The first worksheet of an XLSX as rows of cell values (index 0 is column A). */
export async function readSheet(bytes: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow({ includeEmpty: true }, (row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}
