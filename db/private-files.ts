import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import path from 'node:path';

/** What tightenning an existing folder or file reports: its path and modes, in octal. */
export interface ModeFix {
  path: string;
  from: string;
  to: string;
}

const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;
// SQLite's companions of the database file; it creates them with the database file's mode, so that one comes first.
const COMPANIONS = ['-wal', '-shm', '-journal'];

function tighten(target: string, mode: number, fixes: ModeFix[]): void {
  const current = statSync(target).mode & 0o777;
  if ((current & ~mode) === 0) return;
  chmodSync(target, mode);
  fixes.push({ path: target, from: current.toString(8), to: mode.toString(8) });
}

/**
 * The folder of the database (DATA_DIR) only for the service's own account, 0700, and the database file 0600, created
 * so before SQLite opens it: names, phones, diagnoses and the audit log are in there. A folder or file left readable
 * by an older version or a loose umask is tightened, and reported so the operator learns it was exposed.
 */
export function preparePrivateDatabase(file: string): ModeFix[] {
  const fixes: ModeFix[] = [];
  const folder = path.dirname(file);
  mkdirSync(folder, { recursive: true, mode: FOLDER_MODE });
  tighten(folder, FOLDER_MODE, fixes);
  if (!existsSync(file)) closeSync(openSync(file, 'a', FILE_MODE));
  tightenDatabaseFiles(file, fixes);
  return fixes;
}

/** The database file and whichever of its companions exist, 0600 (after opening, once WAL has created its files). */
export function tightenDatabaseFiles(file: string, fixes: ModeFix[] = []): ModeFix[] {
  for (const target of [file, ...COMPANIONS.map((suffix) => file + suffix)]) {
    if (existsSync(target)) tighten(target, FILE_MODE, fixes);
  }
  return fixes;
}
