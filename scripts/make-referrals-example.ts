/**
 * Writes docs/referrals-example.xlsx and docs/referrals-example.csv: a referral table in the accepted format, on invented
 * people (the title says so). Run: npx tsx scripts/make-referrals-example.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

export const EXAMPLE_TITLE = 'ПРИМЕР. Направления на консультацию в «Облако здоровья» — пациенты вымышлены';

export const EXAMPLE_HEADER = ['ФИО', 'Дата рождения', 'Телефон', 'Центр', 'Заболевание', 'Диагноз', 'МКБ-10', 'Направивший врач', 'Медицинская организация', 'Регион'];

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

// Invented people; the numbers are in a block of 8 900 000-00-0x, yet a live service would still text them.
export const EXAMPLE_ROWS: Array<Array<string | Date | null>> = [
  ['Образцова Мария Ивановна', utc(1961, 3, 5), '8 (900) 000-00-01', 'НМИЦ ССХ им. А.Н. Бакулева', 'Ишемическая болезнь сердца', 'Стенокардия напряжения, ФК II', 'I25.1', 'Примерова Ольга Викторовна', 'ГБУЗ «Областная больница № 1»', 'Свердловская область'],
  ['Примеров Иван Петрович', utc(1975, 11, 12), '+7 900 000-00-02', 'НМИЦ ССХ им. А.Н. Бакулева', 'Нарушения ритма сердца', 'Фибрилляция предсердий', 'I48', 'Примерова Ольга Викторовна', 'ГБУЗ «Областная больница № 1»', 'Свердловская область'],
  ['Образцова Анна Сергеевна', utc(1990, 1, 15), '89000000003', 'НМИЦ АГП им. В.И. Кулакова', 'Патология молочной железы', 'Фиброаденома левой молочной железы', 'D24', 'Учебный Андрей Павлович', 'ГБУЗ «Городская поликлиника № 2»', 'Пермский край'],
  ['Тестова Елена Павловна', utc(1988, 7, 20), '900 000-00-04', 'НМИЦ АГП им. В.И. Кулакова', 'Пороки развития матки и влагалища', null, 'Q51.0', 'Учебный Андрей Павлович', 'ГБУЗ «Городская поликлиника № 2»', 'Пермский край'],
];

const GUIDE: string[][] = [
  ['Столбец', 'Что писать'],
  ['ФИО', 'Фамилия, имя и отчество пациента (можно тремя столбцами: Фамилия, Имя, Отчество). Обязательно.'],
  ['Дата рождения', 'Как 05.03.1961 или ячейкой с датой. Обязательно.'],
  ['Телефон', 'Мобильный, в любом виде: 8 (912) 345-67-89, +7 912 3456789, 9123456789. На него придёт SMS-приглашение. Обязательно.'],
  ['Центр', 'НМИЦ ССХ им. А.Н. Бакулева или НМИЦ АГП им. В.И. Кулакова (можно «Бакулева», «Кулакова»). Можно не указывать, если заболевание есть только у одного центра.'],
  ['Заболевание', 'Из списка центра, например «Ишемическая болезнь сердца» (ИБС), «Патология молочной железы». Обязательно.'],
  ['Диагноз', 'Текстом, до 500 знаков. По желанию.'],
  ['МКБ-10', 'Код, например I25.1 или N80.0. По желанию.'],
  ['Направивший врач', 'ФИО врача. По желанию.'],
  ['Медицинская организация', 'Откуда направлен пациент. По желанию.'],
  ['Регион', 'Субъект РФ, например «Свердловская область». По желанию.'],
];

export async function exampleXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Направления');
  sheet.getCell('A1').value = EXAMPLE_TITLE;
  sheet.getCell('A1').font = { bold: true, size: 13 };
  sheet.mergeCells(1, 1, 1, EXAMPLE_HEADER.length);
  sheet.addRow([]);
  const header = sheet.addRow(EXAMPLE_HEADER);
  header.font = { bold: true };
  for (const row of EXAMPLE_ROWS) sheet.addRow(row);
  sheet.getColumn(2).numFmt = 'dd.mm.yyyy';
  EXAMPLE_HEADER.forEach((title, i) => (sheet.getColumn(i + 1).width = Math.max(14, Math.min(36, title.length + 6))));
  const guide = workbook.addWorksheet('Как заполнять');
  for (const row of GUIDE) guide.addRow(row);
  guide.getRow(1).font = { bold: true };
  guide.getColumn(1).width = 26;
  guide.getColumn(2).width = 110;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const csvCell = (value: string | Date | null) => {
  if (value === null) return '';
  const text = value instanceof Date ? `${String(value.getUTCDate()).padStart(2, '0')}.${String(value.getUTCMonth() + 1).padStart(2, '0')}.${value.getUTCFullYear()}` : value;
  return /[;"\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** UTF-8 with a BOM and ";" between cells, what Russian Excel opens without asking; the title line first. */
export function exampleCsv(): Buffer {
  const lines = [[EXAMPLE_TITLE], EXAMPLE_HEADER, ...EXAMPLE_ROWS].map((row) => row.map(csvCell).join(';'));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const docs = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs');
  writeFileSync(path.join(docs, 'referrals-example.xlsx'), await exampleXlsx());
  writeFileSync(path.join(docs, 'referrals-example.csv'), exampleCsv());
  console.log(`Wrote ${path.join(docs, 'referrals-example.xlsx')} and referrals-example.csv`);
}
