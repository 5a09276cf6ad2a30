import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.js';

const mode = (p: string) => (statSync(p).mode & 0o777).toString(8);

let root: string;
let umask: number;
beforeEach(() => {
  // The usual umask of a server account, under which files come out 0644 and folders 0755 unless told otherwise.
  umask = process.umask(0o022);
  root = mkdtempSync(path.join(tmpdir(), 'oz-private-'));
});
afterEach(() => {
  process.umask(umask);
  rmSync(root, { recursive: true, force: true });
});

function warnings() {
  const lines: { obj: object; msg: string }[] = [];
  return { lines, logger: { warn: (obj: object, msg: string) => void lines.push({ obj, msg }) } };
}

it('a new DATA_DIR is created 0700 and the database with its WAL and SHM files 0600, with nothing to report', () => {
  const dataDir = path.join(root, 'data');
  const file = path.join(dataDir, 'db.sqlite');
  const log = warnings();
  const db = openDatabase(file, { logger: log.logger });
  db.$client.prepare('CREATE TABLE IF NOT EXISTS probe (x)').run();
  try {
    expect(mode(dataDir)).toBe('700');
    expect([mode(file), mode(`${file}-wal`), mode(`${file}-shm`)]).toEqual(['600', '600', '600']);
    expect(log.lines).toEqual([]);
  } finally {
    db.$client.close();
  }
});

it('an existing loose folder and database are tightened at start, and the fix is logged at warn', () => {
  const dataDir = path.join(root, 'data');
  const file = path.join(dataDir, 'db.sqlite');
  openDatabase(file).$client.close();
  chmodSync(dataDir, 0o755);
  chmodSync(file, 0o644);
  closeSync(openSync(`${file}-wal`, 'a', 0o644));
  chmodSync(`${file}-wal`, 0o644);
  const log = warnings();
  const db = openDatabase(file, { logger: log.logger });
  try {
    expect(mode(dataDir)).toBe('700');
    expect([mode(file), mode(`${file}-wal`), mode(`${file}-shm`)]).toEqual(['600', '600', '600']);
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]!.obj).toEqual({
      fixes: expect.arrayContaining([
        { path: dataDir, from: '755', to: '700' },
        { path: file, from: '644', to: '600' },
      ]),
    });
  } finally {
    db.$client.close();
  }
});

it('a folder already private stays as it is and nothing is logged', () => {
  const dataDir = path.join(root, 'private');
  mkdirSync(dataDir, { mode: 0o700 });
  const log = warnings();
  const db = openDatabase(path.join(dataDir, 'db.sqlite'), { logger: log.logger });
  db.$client.close();
  expect(mode(dataDir)).toBe('700');
  expect(log.lines).toEqual([]);
});
