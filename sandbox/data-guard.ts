import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { ConfigError } from '../core/config.js';
import { SANDBOX_PEOPLE as PEOPLE } from './demo.js';

const SANDBOX_PEOPLE = PEOPLE.map((p) => p.id);

/**
 * The sandbox page acts, without any login, as a doctor of a center: pointed at a service's data (DATA_DIR left in
 * the environment or .env of a deployment whose tokens went missing) it would show real patients' records and seed
 * demo staff among them. A sandbox's database only ever holds the sandbox's own people, so a database with
 * anyone else is refused before anything opens it for writing.
 */
export function refuseServiceData(databaseFile: string, dataDir: string): void {
  if (!existsSync(databaseFile)) return;
  const db = new Database(databaseFile, { fileMustExist: true });
  try {
    const tables = new Set(db.prepare<[], string>("select name from sqlite_master where type = 'table'").pluck().all());
    const marks = SANDBOX_PEOPLE.map(() => '?').join(', ');
    const stranger = (table: string) =>
      tables.has(table) && db.prepare(`select 1 from ${table} where telegram_id is not null and telegram_id not in (${marks}) limit 1`).get(...SANDBOX_PEOPLE) !== undefined;
    if (stranger('accounts') || stranger('staff')) {
      throw new ConfigError(
        `Invalid config: fix DATA_DIR ${dataDir} holds a service's data (people other than the sandbox's), which the sandbox never opens; unset DATA_DIR or point it at a folder of its own`,
        [],
      );
    }
  } finally {
    db.close();
  }
}
