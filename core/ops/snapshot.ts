import { chmodSync } from 'node:fs';
import Database from 'better-sqlite3';
import { OpsError } from './errors.js';
import { schemaVersion, type SchemaVersion } from './migrations.js';
import { referencedFiles } from './references.js';

// sqlite3_backup_step's page count, as large as better-sqlite3 accepts: "all of it".
const ALL_PAGES = 0x7fffffff;

export interface DatabaseCopy extends SchemaVersion {
  /** Storage keys the copy refers to. */
  references: Set<string>;
}

/**
 * Copies a live database into `target` (a path that does not exist yet) with SQLite's online backup API, then makes
 * the copy one self-contained file (rollback journal, not WAL) and checks it.
 */
export async function snapshotDatabase(sourceFile: string, target: string): Promise<DatabaseCopy> {
  let source: Database.Database;
  try {
    source = new Database(sourceFile, { fileMustExist: true });
  } catch (err) {
    throw new OpsError('no_database', `Cannot open the database ${sourceFile}: ${(err as Error).message}`);
  }
  try {
    // Every page in one step, inside one read transaction: the copy is one moment of the database however busy the
    // service is (in WAL mode its writers go on meanwhile). In small steps, each write by another connection would
    // restart the copy, and a busy service could keep it from ever finishing.
    await source.backup(target, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
  // SQLite creates files as the umask allows; this one holds patients' data.
  chmodSync(target, 0o600);
  return inspectCopy(target, { makeStandalone: true });
}

/** Checks a database copy (integrity, schema version) and reads which files it refers to. */
export function inspectCopy(file: string, opts: { makeStandalone: boolean }): DatabaseCopy {
  const copy = new Database(file, { fileMustExist: true, readonly: !opts.makeStandalone });
  try {
    if (opts.makeStandalone) copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new OpsError('backup_corrupt', `The database copy ${file} fails SQLite's integrity check: ${String(check)}`);
    return { ...schemaVersion(copy), references: referencedFiles(copy) };
  } finally {
    copy.close();
  }
}
