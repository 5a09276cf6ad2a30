import { isBlank, type Cell, type RawTable } from './table.js';

export type Field =
  | 'fullName'
  | 'lastName'
  | 'firstName'
  | 'middleName'
  | 'birthDate'
  | 'phone'
  | 'center'
  | 'condition'
  | 'diagnosis'
  | 'icd10'
  | 'referringDoctor'
  | 'organization'
  | 'region';

/** The Russian names of the columns, as docs/referrals.md and the messages about missing columns spell them. */
export const FIELD_TITLES: Record<Field, string> = {
  fullName: 'ФИО',
  lastName: 'Фамилия',
  firstName: 'Имя',
  middleName: 'Отчество',
  birthDate: 'Дата рождения',
  phone: 'Телефон',
  center: 'Центр',
  condition: 'Заболевание',
  diagnosis: 'Диагноз',
  icd10: 'МКБ-10',
  referringDoctor: 'Направивший врач',
  organization: 'Медицинская организация',
  region: 'Регион',
};

/** Header text folded for comparison: lower case, ё as е, punctuation gone ("Ф.И.О." → "фио", "Тел.:" → "тел"). */
export function foldHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\.(?=\p{L})/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const has = (h: string, ...stems: string[]) => stems.some((s) => h.split(' ').some((w) => w.startsWith(s)));
const is = (h: string, ...names: string[]) => names.includes(h);

// Order matters: "ФИО направившего врача" is the doctor, "Код заболевания по МКБ" the code, "Телефон пациента" the
// phone; the patient's name is tried last, after every column that may mention the patient.
const RULES: Array<[Field, (h: string) => boolean]> = [
  ['lastName', (h) => is(h, 'фамилия', 'last name', 'surname')],
  ['firstName', (h) => is(h, 'имя', 'first name')],
  ['middleName', (h) => is(h, 'отчество', 'middle name', 'patronymic')],
  ['organization', (h) => has(h, 'организац', 'учрежден', 'лпу', 'больниц', 'поликлиник', 'медучрежд', 'organization', 'organisation', 'clinic', 'hospital') || is(h, 'мо', 'направившая мо')],
  ['referringDoctor', (h) => has(h, 'врач', 'доктор', 'направивш', 'направил', 'кем', 'doctor', 'physician', 'referr')],
  ['icd10', (h) => has(h, 'мкб', 'icd') || (has(h, 'код') && has(h, 'диагноз', 'заболев'))],
  ['diagnosis', (h) => has(h, 'диагноз', 'diagnos')],
  ['birthDate', (h) => has(h, 'рожд', 'birth') || is(h, 'др', 'д р', 'dob')],
  ['phone', (h) => has(h, 'телефон', 'тел', 'моб', 'сотов', 'phone', 'mobile')],
  ['center', (h) => has(h, 'центр', 'нмиц', 'center', 'centre')],
  ['condition', (h) => has(h, 'заболеван', 'нозолог', 'патолог', 'болезн', 'condition', 'disease')],
  ['region', (h) => has(h, 'регион', 'субъект', 'област', 'край', 'region')],
  ['fullName', (h) => has(h, 'фио', 'фамил', 'пациент', 'patient', 'name') || is(h, 'ф и о')],
];

export function fieldOf(header: string): Field | undefined {
  const h = foldHeader(header);
  if (!h) return undefined;
  return RULES.find(([, test]) => test(h))?.[0];
}

export interface HeaderMatch {
  /** Index into the table's rows. */
  rowIndex: number;
  /** Column index of each field found; the first column wins when two name the same field. */
  columns: Partial<Record<Field, number>>;
  /** The header texts as written (trimmed), one per column up to the last non-empty one. */
  titles: string[];
}

const HEADER_SCAN_ROWS = 20;

const textOf = (cell: Cell) => (typeof cell === 'string' ? cell.trim() : '');
const isMobileHeader = (cell: Cell | undefined) => /моб|сот|mobile|cell/.test(foldHeader(textOf(cell ?? null)));

/** The row among the first 20 that names the most known columns (a title row or empty rows above it are skipped). */
export function findHeader(table: RawTable): HeaderMatch | undefined {
  let best: HeaderMatch | undefined;
  let bestCount = 0;
  for (let i = 0; i < Math.min(table.rows.length, HEADER_SCAN_ROWS); i++) {
    const row = table.rows[i]!;
    const columns: Partial<Record<Field, number>> = {};
    row.forEach((cell, c) => {
      const field = fieldOf(textOf(cell));
      if (!field) return;
      if (columns[field] === undefined) columns[field] = c;
      // Of a home and a mobile phone column, the mobile one: only it can receive the invite SMS.
      else if (field === 'phone' && isMobileHeader(cell) && !isMobileHeader(row[columns.phone!])) columns.phone = c;
    });
    const count = Object.keys(columns).length;
    if (count > bestCount) {
      let last = row.length - 1;
      while (last >= 0 && isBlank(row[last]!)) last--;
      best = { rowIndex: i, columns, titles: row.slice(0, last + 1).map((cell) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell ?? '').trim())) };
      bestCount = count;
    }
  }
  // A title ("Список пациентов, направленных в НМИЦ") can name two known words; a header names at least three.
  return bestCount >= 3 ? best : undefined;
}

/** Columns a table must have; the name may also come as separate Фамилия and Имя (and Отчество) columns. */
export function missingColumns(columns: HeaderMatch['columns']): Field[] {
  const missing: Field[] = [];
  if (columns.fullName === undefined && (columns.lastName === undefined || columns.firstName === undefined)) missing.push('fullName');
  for (const field of ['birthDate', 'phone', 'condition'] as const) if (columns[field] === undefined) missing.push(field);
  return missing;
}
