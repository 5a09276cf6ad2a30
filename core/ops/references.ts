import type Database from 'better-sqlite3';
import { isStorageKey } from '../documents/storage.js';

// Every column that names a file of the content-addressed storage; a table or column absent from an older
// database is skipped, so a backup taken before a migration is checked just as well.
const FILE_COLUMNS: ReadonlyArray<readonly [table: string, column: string]> = [
  ['documents', 'storage_key'],
  ['documents', 'thumbnail_key'],
  ['conclusions', 'pdf_key'],
  ['duty_chat_messages', 'photo_key'],
];

/** The storage keys a database refers to: the files a restore of it cannot do without. */
export function referencedFiles(sqlite: Database.Database): Set<string> {
  const keys = new Set<string>();
  for (const [table, column] of FILE_COLUMNS) {
    const columns = sqlite.prepare(`select name from pragma_table_info(?)`).pluck().all(table) as string[];
    if (!columns.includes(column)) continue;
    const values = sqlite.prepare(`select distinct "${column}" from "${table}" where "${column}" is not null`).pluck().all() as unknown[];
    for (const value of values) if (typeof value === 'string' && isStorageKey(value)) keys.add(value);
  }
  return keys;
}
