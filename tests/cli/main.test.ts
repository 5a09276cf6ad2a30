import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clockEnv } from '../support/child-env.js';
import { createServices } from '../../app/services.js';
import { openDatabase } from '../../db/client.js';

// Each test starts real processes (the service or the CLI, a few seconds each under tsx, more on a busy machine):
// the suite's 30 s is for in-process tests.
vi.setConfig({ testTimeout: 180_000 });

const root = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

function cli(dataDir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], {
    cwd: root,
    env: {
      ...clockEnv(),
      PATH: process.env.PATH ?? '',
      DATA_DIR: dataDir,
      PATIENT_BOT_TOKEN: '7001234567:AAF-cli-test-token-cli-test',
      STAFF_BOT_USERNAME: 'oblako_staff_bot',
    },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('admin CLI', () => {
  it('staff invite prints a single-use deep link into the staff bot that really admits the person', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oz-cli-'));
    dirs.push(dir);
    const run = cli(dir, 'staff', 'invite', '--role', 'doctor', '--center', 'bakulev', '--name', 'Петрова Анна Сергеевна');
    expect(run.code).toBe(0);
    const link = /https:\/\/t\.me\/oblako_staff_bot\?start=(inv_[\w-]{32})/.exec(run.out);
    expect(link).not.toBeNull();
    expect(run.out).toMatch(/Single use; expires 20\d\d-/);

    const db = openDatabase(path.join(dir, 'db.sqlite'));
    const services = createServices({
      config: { patientBotToken: 'x:y', telegramApiRoot: 'http://127.0.0.1:9', filesDir: path.join(dir, 'files') },
      db,
      clock: { now: () => Date.now() },
      logger: pino({ level: 'silent' }),
    });
    expect(services.staffInvites.accept(link![1]!, 424242)).toMatchObject({ name: 'Петрова Анна Сергеевна', role: 'doctor', centerCode: 'bakulev' });
    expect(() => services.staffInvites.accept(link![1]!, 434343)).toThrow('invite_used');
    db.$client.close();

    const list = cli(dir, 'staff', 'list');
    expect(list.out).toMatch(/^1\tПетрова Анна Сергеевна\tdoctor\tbakulev\tjoined\tactive$/m);
  });

  it('refuses bad arguments with a clear message and a non-zero exit', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oz-cli-'));
    dirs.push(dir);
    expect(cli(dir, 'staff', 'invite', '--role', 'surgeon', '--name', 'X Y')).toMatchObject({ code: 2, err: expect.stringMatching(/--role must be one of/) });
    expect(cli(dir, 'staff', 'invite', '--role', 'doctor', '--name', 'Петрова Анна')).toMatchObject({ code: 2, err: expect.stringMatching(/center_required/) });
    expect(cli(dir, 'staff', 'invite', '--role', 'doctor', '--center', 'mayo', '--name', 'Петрова Анна')).toMatchObject({ code: 2, err: expect.stringMatching(/unknown_center/) });
    expect(cli(dir, 'nonsense')).toMatchObject({ code: 2, err: expect.stringMatching(/Usage: npm run cli/) });
  });
});
