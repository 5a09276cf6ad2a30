import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clockEnv } from '../support/child-env.js';
import { reportCommand } from '../../cli/report.js';
import { UsageError } from '../../cli/usage.js';
import { createServices } from '../../app/services.js';
import { openDatabase } from '../../db/client.js';
import { seedNovember } from '../core/reports/seed.js';

// Each test starts real processes (the service or the CLI, a few seconds each under tsx, more on a busy machine):
// the suite's 30 s is for in-process tests.
vi.setConfig({ testTimeout: 180_000 });

const root = path.resolve(import.meta.dirname, '../..');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'oz-cli-report-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], {
    cwd: root,
    env: { ...clockEnv(), PATH: process.env.PATH ?? '', DATA_DIR: dir, PATIENT_BOT_TOKEN: '7001234567:AAF-cli-test-token-cli-test' },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** The November activity of tests/core/reports/seed.ts, written into the database the CLI opens. */
function seed(): void {
  const db = openDatabase(path.join(dir, 'db.sqlite'));
  const services = createServices({
    config: { patientBotToken: 'x:y', telegramApiRoot: 'http://127.0.0.1:9', filesDir: path.join(dir, 'files') },
    db,
    clock: { now: () => Date.now() },
    logger: pino({ level: 'silent' }),
  });
  seedNovember(services);
  db.$client.close();
}

describe('admin CLI: report', () => {
  it('prints the table for [from, to) in Moscow time and writes the same figures as XLSX', async () => {
    seed();
    const file = path.join(dir, 'november.xlsx');
    const run = cli('report', '--from', '2026-11-01', '--to', '2026-12-01', '--xlsx', file);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    // Patients' figures: readable by the owner only, whatever the umask (the child inherits the usual 022).
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
    const lines = run.out.split('\n');
    expect(lines[0]).toMatch(/^Report 2026-11-01 – 2026-11-30 inclusive \(Europe\/Moscow\), generated \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(lines.slice(2, 9)).toEqual([
      'center   path      submitted  taken  scheduled  completed  declined  no_shows  median_h  p90_h  measured  calls  call_med_min  call_total_min  ref_imported  ref_invited  ref_linked',
      'bakulev  own               6      6          4          1         1         1      33.0   44.4         4      0             -               -             -            -           -',
      'bakulev  referral          0      0          0          0         0         0         -      -         0      0             -               -             1            1           0',
      'bakulev  duty              -      -          4          2         -         1         -      -         -      2          21.5              43             -            -           -',
      'kulakov  own               0      0          0          0         0         0         -      -         0      0             -               -             -            -           -',
      'kulakov  referral          3      3          3          1         0         0      20.0   28.0         3      0             -               -             3            1           2',
      'kulakov  duty              -      -          1          1         -         0         -      -         -      0             -               -             -            -           -',
    ]);
    expect(run.out).not.toMatch(/Иванова|Петрова|Сидорова|Пациент/);
    expect(run.out).toContain(`XLSX written to ${file}`);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Отчёт');
    expect(sheet.rowCount).toBe(7);
    const row = (n: number) => Array.from({ length: 17 }, (_, i) => sheet.getRow(n).getCell(i + 1).value);
    expect(row(1).slice(0, 3)).toEqual(['Центр', 'Путь', 'Подано']);
    expect(row(6)).toEqual(['НМИЦ АГП им. В.И. Кулакова', 'По направлению', 3, 3, 3, 1, 0, 0, 20, expect.closeTo(28, 10), 3, 0, null, null, 3, 1, 2]);
  });

  it('in English and for one center when asked; an empty period is all zeros', async () => {
    seed();
    const file = path.join(dir, 'march.xlsx');
    const run = cli('report', '--from', '2027-03-01', '--to', '2027-04-01', '--center', 'kulakov', '--lang', 'en', '--xlsx', file);
    expect(run.code).toBe(0);
    expect(run.out.split('\n').slice(3, 6)).toEqual([
      'kulakov  own               0      0          0          0         0         0         -      -         0      0             -               -             -            -           -',
      'kulakov  referral          0      0          0          0         0         0         -      -         0      0             -               -             0            0           0',
      'kulakov  duty              -      -          0          0         -         0         -      -         -      0             -               -             -            -           -',
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Report', 'Notes']);
    expect(workbook.worksheets[0]!.getRow(2).getCell(1).value).toBe('Kulakov Center (obstetrics and gynecology)');
  });

  it('a bad date: a clear message on stderr, exit code 2, nothing printed or written', () => {
    const file = path.join(dir, 'x.xlsx');
    const run = cli('report', '--from', '2026-11-31', '--to', '2026-12-01', '--xlsx', file);
    expect(run).toMatchObject({ code: 2, out: '' });
    expect(run.err).toBe('--from must be a real date as YYYY-MM-DD, not "2026-11-31"\n');
    expect(existsSync(file)).toBe(false);
  });

  it('every other refusal names what to fix (in process: each spawn costs seconds)', async () => {
    const db = openDatabase(path.join(dir, 'db.sqlite'));
    const services = createServices({
      config: { patientBotToken: 'x:y', telegramApiRoot: 'http://127.0.0.1:9', filesDir: path.join(dir, 'files') },
      db,
      clock: { now: () => Date.now() },
      logger: pino({ level: 'silent' }),
    });
    const printed: string[] = [];
    const refusal = async (...args: string[]) => {
      try {
        await reportCommand(services, args, (line) => printed.push(line));
        return 'accepted';
      } catch (err) {
        return err instanceof UsageError ? err.message.split('\n')[0] : `not a usage error: ${String(err)}`;
      }
    };
    const period = ['--from', '2026-11-01', '--to', '2026-12-01'];
    expect(await refusal('--from', '2026-11-01', '--to', '01.12.2026')).toBe('--to must be a real date as YYYY-MM-DD, not "01.12.2026"');
    expect(await refusal('--from', '2026-12-01', '--to', '2026-11-01')).toBe('--to must be after --from: the period is [from, to), so --from 2026-11-01 --to 2026-12-01 is November');
    expect(await refusal('--from', '2026-11-01', '--to', '2026-11-01')).toMatch(/^--to must be after --from/);
    expect(await refusal('--from', '2026-11-01')).toBe('--to is required (YYYY-MM-DD, the first day after the period)');
    expect(await refusal('--to', '2026-11-01')).toBe('--from is required (YYYY-MM-DD, the first day of the period)');
    expect(await refusal(...period, '--time-zone', 'Mars/Olympus')).toBe('--time-zone must be an IANA time zone such as Europe/Moscow, not "Mars/Olympus"');
    expect(await refusal(...period, '--center', 'mayo')).toBe('--center must be one of bakulev, kulakov');
    expect(await refusal(...period, '--lang', 'fr')).toBe('--lang must be ru or en');
    expect(await refusal(...period, '--month', '11')).toMatch(/Unknown option '--month'/);
    expect(await refusal('--from', '2026-11-01', '--to')).toMatch(/argument missing/);
    expect(await refusal(...period, 'november')).toBe('Unexpected argument "november"');
    expect(printed).toEqual([]);
    expect(await refusal(...period, '--xlsx', path.join(dir, 'no-such-folder', 'r.xlsx'))).toMatch(/^Cannot write .*r\.xlsx: ENOENT$/);
    db.$client.close();
  });
});
