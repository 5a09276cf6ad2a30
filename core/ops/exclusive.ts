import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { OpsError } from './errors.js';

/**
 * Refuses (database_in_use) when any process has the database open: the running service, or an admin command.
 * Every connection to a WAL database holds a shared lock while it is open, so an exclusive lock taken without
 * waiting fails exactly then. Closing this probe also checkpoints a WAL left by a crash into the file itself.
 */
export function assertDatabaseNotInUse(file: string): void {
  if (!existsSync(file)) return;
  const sqlite = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    sqlite.pragma('locking_mode = EXCLUSIVE');
    sqlite.exec('BEGIN EXCLUSIVE');
    sqlite.exec('COMMIT');
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw new OpsError('database_in_use', `${file} is open in another process: stop the service (and any admin command) first.`);
    }
    throw err;
  } finally {
    sqlite.close();
  }
}
