import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clockEnv } from '../support/child-env.js';
import { openDatabase } from '../../db/client.js';
import { referralImports, referrals, smsOutbox } from '../../db/schema.js';
import { fixtureCsv, fixtureXlsx, HEADER, readSheet } from '../support/referral-tables.js';

// Each test starts real processes (the service or the CLI, a few seconds each under tsx, more on a busy machine):
// the suite's 30 s is for in-process tests.
vi.setConfig({ testTimeout: 180_000 });

const root = path.resolve(import.meta.dirname, '../..');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'oz-cli-referrals-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], {
    cwd: root,
    env: { ...clockEnv(), PATH: process.env.PATH ?? '', DATA_DIR: path.join(dir, 'data'), PATIENT_BOT_TOKEN: '7001234567:AAF-cli-test-token-cli-test' },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function counts() {
  const db = openDatabase(path.join(dir, 'data', 'db.sqlite'));
  try {
    return {
      referrals: db.select().from(referrals).all().length,
      sms: db.select().from(smsOutbox).all().length,
      imports: db.select().from(referralImports).all().length,
    };
  } finally {
    db.$client.close();
  }
}

describe('admin CLI: referrals import', () => {
  it('prints the counts and writes the rejected rows beside the file; the second run changes nothing', async () => {
    const file = path.join(dir, 'Направления.xlsx');
    writeFileSync(file, await fixtureXlsx());
    const errors = path.join(dir, 'Направления.errors.xlsx');

    const first = cli('referrals', 'import', file);
    expect(first).toEqual({
      code: 0,
      err: '',
      out: [
        'Направления.xlsx: 5 imported (invite SMS queued), 1 already known, 3 rejected.',
        'Warning: no SMS provider is configured (SMS_PROVIDER): the invites are written to the service log only, no patient receives them.',
        `Rejected rows, each with what to fix in the column «Ошибка»: ${errors}`,
        'Correct them in that file and import it again; people already imported are not duplicated.',
        '',
      ].join('\n'),
    });
    const sheet = await readSheet(readFileSync(errors));
    expect(sheet[0]).toEqual([...HEADER.map((h) => h.trim()), 'Ошибка', 'Строка в файле']);
    expect(sheet.slice(1).map((row) => [row[1], row[HEADER.length]])).toEqual([
      ['Волков Дмитрий Андреевич', 'Центр не найден: "Центр Алмазова" — укажите «НМИЦ ССХ им. А.Н. Бакулева», «НМИЦ АГП им. В.И. Кулакова»'],
      ['Лебедева Ольга Николаевна', 'Телефон не распознан: "12345" — нужен мобильный номер, например 8 912 345-67-89'],
      ['Соколов Николай Ильич', 'Такой даты не бывает: "31.02.1980"'],
    ]);
    expect(counts()).toEqual({ referrals: 5, sms: 5, imports: 1 });

    const second = cli('referrals', 'import', file);
    expect(second.code).toBe(0);
    expect(second.out.split('\n')[0]).toBe('Направления.xlsx: 0 imported (invite SMS queued), 6 already known, 3 rejected.');
    expect(counts()).toEqual({ referrals: 5, sms: 5, imports: 2 });
  });

  it('a CSV in Windows-1251 whose rows all pass: no error file is written', () => {
    const rows = [[1, 'Иванов Пётр Сергеевич', '05.03.1961', '8 912 345-67-89', 'Бакулева', 'ИБС', null, 'I25.1', null, null, 'Пермский край']];
    const file = path.join(dir, 'one.csv');
    writeFileSync(file, fixtureCsv('cp1251', ';', rows));
    expect(cli('referrals', 'import', file)).toEqual({ code: 0, err: '', out: 'one.csv: 1 imported (invite SMS queued), 0 already known, 0 rejected.\nWarning: no SMS provider is configured (SMS_PROVIDER): the invites are written to the service log only, no patient receives them.\n' });
    expect(existsSync(path.join(dir, 'one.errors.xlsx'))).toBe(false);
    expect(counts()).toEqual({ referrals: 1, sms: 1, imports: 1 });
  });

  it('not a spreadsheet, no header, a missing file, no file named: exit 2 with the reason, nothing stored', () => {
    const pdf = path.join(dir, 'scan.xlsx');
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj\n<<>>\nendobj\n');
    expect(cli('referrals', 'import', pdf)).toEqual({ code: 2, out: '', err: 'Not imported: not a spreadsheet (XLSX or CSV): its content is pdf. Nothing was changed.\n' });
    const prices = path.join(dir, 'prices.csv');
    writeFileSync(prices, 'Товар;Цена;Количество\r\nХлеб;40;2\r\n');
    expect(cli('referrals', 'import', prices).err).toBe(
      'Not imported: no header row in the first 20 rows; it must name the columns ФИО, Дата рождения, Телефон, Центр, Заболевание (see docs/referrals.md). Nothing was changed.\n',
    );
    expect(cli('referrals', 'import', path.join(dir, 'nope.xlsx'))).toMatchObject({ code: 2, err: `No such file: ${path.join(dir, 'nope.xlsx')}\n` });
    expect(cli('referrals', 'import')).toMatchObject({ code: 2, err: expect.stringContaining('referrals import <file.xlsx|file.csv>') as string });
    expect(counts()).toEqual({ referrals: 0, sms: 0, imports: 0 });
  });
});
