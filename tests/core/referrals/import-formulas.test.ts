import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildErrorWorkbook, type ReferralImportService } from '../../../core/referrals/import/index.js';
import type { Db } from '../../../db/client.js';
import { referrals } from '../../../db/schema.js';
import { openReferralImporter, type ReferralImportHarness } from '../../support/referral-importer.js';
import { FIRST_DATA_ROW, fixtureXlsx, readSheet, type FixtureCell } from '../../support/referral-tables.js';
import { asReadBack, FORMULA_PAYLOADS, formulaLikeCells } from '../../support/spreadsheet-formulas.js';

let db: Db;
let importer: ReferralImportService;
let harness: ReferralImportHarness;

beforeEach(() => {
  harness = openReferralImporter(Date.UTC(2026, 10, 25, 7, 0));
  ({ db, importer } = harness);
});
afterEach(() => harness.close());

const SYSTEM = { type: 'system' } as const;
// Columns of the fixture's HEADER: № ФИО дата телефон центр заболевание диагноз МКБ врач МО регион.
const person = (n: number, fullName: string, over: Record<number, FixtureCell> = {}): FixtureCell[] => {
  const row: FixtureCell[] = [n, fullName, '05.03.1961', `+7 912 345-67-${String(10 + n)}`, 'Бакулева', 'ИБС', 'Стенокардия напряжения', 'I25.1', 'Смирнова Ольга Викторовна', 'ГБУЗ СО «ГКБ № 1»', 'Свердловская обл.'];
  for (const [i, v] of Object.entries(over)) row[Number(i)] = v;
  return row;
};
const [hyperlink, cmd, plus, minus, at, tab, cr] = FORMULA_PAYLOADS as [string, string, string, string, string, string, string];
const ROWS: FixtureCell[][] = [
  person(1, hyperlink),
  person(2, 'Орлов Павел Ильич', { 6: cmd }),
  person(3, 'Белова Нина Петровна', { 8: plus }),
  person(4, 'Зайцев Юрий Олегович', { 9: minus }),
  person(5, 'Громова Вера Андреевна', { 10: at }),
  person(6, 'Титов Олег Игоревич', { 6: tab, 8: cr }),
  person(7, 'Рябова Лидия Сергеевна', { 5: '+SUM(1)', 4: '=1' }),
  // Not formulas: a hyphenated surname, a list dash, a lone dash for "none", a phone with +7 and a date cell.
  person(8, 'Салтыков-Щедрин Михаил Евграфович', { 6: '- стенокардия напряжения', 9: '-' }),
  person(9, 'Ковалёва Ирина Павловна', { 2: new Date(Date.UTC(1970, 0, 2)) }),
];

describe('referral import: formulas in the cells', () => {
  it('rows with formula payloads are rejected with a row error naming the column; ordinary dashes and pluses pass', async () => {
    const result = await importer.importFile({ bytes: await fixtureXlsx(ROWS), fileName: 'hostile.xlsx', actor: SYSTEM });
    const say = (column: string, value: string) =>
      `${column}: значение "${value}" начинается как формула Excel (со знака =, +, -, @ или с табуляции) — уберите этот знак в начале ячейки`;
    expect(result.rejected.map(({ rowNumber, error }) => ({ rowNumber, error }))).toEqual([
      { rowNumber: FIRST_DATA_ROW, error: say('ФИО', hyperlink) },
      { rowNumber: FIRST_DATA_ROW + 1, error: say('Диагноз', cmd) },
      { rowNumber: FIRST_DATA_ROW + 2, error: say('Направивший врач', plus) },
      { rowNumber: FIRST_DATA_ROW + 3, error: say('Медицинская организация', minus) },
      { rowNumber: FIRST_DATA_ROW + 4, error: say('Регион', at) },
      { rowNumber: FIRST_DATA_ROW + 5, error: `${say('Диагноз', '=1')}; ${say('Направивший врач', '=1')}` },
      { rowNumber: FIRST_DATA_ROW + 6, error: `${say('Центр', '=1')}; ${say('Заболевание', '+SUM(1)')}` },
    ]);
    expect({ imported: result.imported, known: result.known }).toEqual({ imported: 2, known: 0 });
    const stored = db.select().from(referrals).orderBy(referrals.id).all();
    expect(stored.map((r) => [r.fullName, r.diagnosis, r.organization])).toEqual([
      ['Салтыков-Щедрин Михаил Евграфович', '- стенокардия напряжения', '-'],
      ['Ковалёва Ирина Павловна', 'Стенокардия напряжения', 'ГБУЗ СО «ГКБ № 1»'],
    ]);
  });

  it('the reason is said in English when asked', async () => {
    const result = await importer.importFile({ bytes: await fixtureXlsx([ROWS[2]!]), fileName: 'hostile.xlsx', actor: SYSTEM, locale: 'en' });
    expect(result.rejected.map((r) => r.error)).toEqual([
      `Направивший врач: "${plus}" starts like an Excel formula (with =, +, -, @ or a tab) — remove that sign at the start of the cell`,
    ]);
  });

  it('the error workbook copies the payloads back quoted: no formula cell, no text that starts like one', async () => {
    const result = await importer.importFile({ bytes: await fixtureXlsx(ROWS), fileName: 'hostile.xlsx', actor: SYSTEM });
    // A hostile header too: the workbook's titles are the sender's.
    const bytes = await buildErrorWorkbook([...result.columns.slice(0, -1), at], result.rejected);
    expect(await formulaLikeCells(bytes)).toEqual([]);
    const sheet = await readSheet(bytes);
    expect(sheet[0]![10]).toBe(`'${at}`);
    expect(sheet.slice(1).map((row) => row[1])).toEqual([`'${hyperlink}`, ...ROWS.slice(1, 7).map((r) => r[1])]);
    expect([sheet[2]![6], sheet[3]![8], sheet[4]![9], sheet[5]![10], sheet[6]![6], sheet[6]![8]]).toEqual([cmd, plus, minus, at, tab, cr].map((p) => `'${asReadBack(p)}`));
  });
});
