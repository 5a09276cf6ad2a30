import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ConfigError } from '../config.js';

export const SERVICE_LOCK_FILE = 'service.lock';
export const SERVICE_PID_FILE = 'service.pid';

export interface ServiceLock {
  release(): void;
}

/**
 * One service process per DATA_DIR: two would both run the outbox, the SMS sender and the timers, and every patient
 * would hear everything twice. The lock is SQLite's own exclusive lock on DATA_DIR/service.lock (a small database),
 * held by an open connection: the kernel drops it when the process ends, however it ends (kill -9 included), so a
 * crash never leaves the folder locked. The holder's pid goes to service.pid, for the refusal and for the operator.
 * The CLI does not take it: it works beside the running service.
 */
export function lockDataDir(dataDir: string, pid = process.pid): ServiceLock {
  // 0700 as db/private-files.ts keeps it: the database and the patients' files live under it.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const pidFile = path.join(dataDir, SERVICE_PID_FILE);
  const lock = new Database(path.join(dataDir, SERVICE_LOCK_FILE), { timeout: 0 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the exclusive lock, and EXCLUSIVE locking mode keeps it until the connection closes.
    lock.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL); DELETE FROM holder;');
    lock.prepare('INSERT INTO holder (pid) VALUES (?)').run(pid);
    lock.exec('COMMIT');
  } catch (err) {
    lock.close();
    const code = (err as { code?: string }).code ?? '';
    if (!code.startsWith('SQLITE_BUSY') && !code.startsWith('SQLITE_LOCKED')) throw err;
    const holder = readHolder(pidFile);
    throw new ConfigError(
      `DATA_DIR ${dataDir} is in use by another service process${holder ? ` (pid ${holder})` : ''}: stop it first, or give this one its own DATA_DIR`,
      [],
    );
  }
  writeFileSync(pidFile, `${pid}\n`);
  return {
    release() {
      rmSync(pidFile, { force: true });
      lock.close();
    },
  };
}

function readHolder(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
