import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { preparePrivateDatabase, tightenDatabaseFiles, type ModeFix } from './private-files.js';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Where openDatabase reports folders and files whose modes it had to tighten (the service's logger fits). */
export interface OpenOptions {
  logger?: { warn(obj: object, msg: string): void };
}

/**
 * Opens (creating when absent) the SQLite database, turns on WAL and foreign keys, applies migrations. The database's
 * folder is kept 0700 and its files 0600 (db/private-files.ts), whoever opens it: the service, the CLI, the sandbox.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const fixes: ModeFix[] = file === ':memory:' ? [] : preparePrivateDatabase(file);
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  if (file !== ':memory:') tightenDatabaseFiles(file, fixes);
  if (fixes.length) opts.logger?.warn({ fixes }, 'database folder or files were readable by other accounts: modes tightened');
  sqlite.pragma('foreign_keys = ON');
  // WAL with synchronous=NORMAL is durable across process crashes; only a power loss may drop the last commits.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  // Reads through a memory map skip a copy per page; the hot read paths (the Mini App's lists) gain ~25 %.
  sqlite.pragma('mmap_size = 268435456');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return db;
}

/** What a repository may write through: the database itself or an open transaction. */
export type Writer = Pick<Db, 'insert' | 'update' | 'delete' | 'select'>;
