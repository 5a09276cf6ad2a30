import type Database from 'better-sqlite3';
import { isStorageKey } from '../documents/storage.js';
import { storedRelativePath } from './file-tree.js';

// Every column that names a file of a content-addressed store, with the store's folder under the files folder
// (documents and conclusions share the main one; the duty chat keeps its photos apart). A table or column absent
// from an older database is skipped, so a backup taken before a migration is checked just as well.
const FILE_COLUMNS: ReadonlyArray<{ table: string; column: string; store: string }> = [
  { table: 'documents', column: 'storage_key', store: '' },
  { table: 'documents', column: 'thumbnail_key', store: '' },
  { table: 'conclusions', column: 'pdf_key', store: '' },
  { table: 'duty_chat_messages', column: 'photo_key', store: 'duty-chat' },
];

/** The files (relative to the files folder) a database refers to: those a restore of it cannot do without. */
export function referencedFiles(sqlite: Database.Database): Set<string> {
  const files = new Set<string>();
  for (const { table, column, store } of FILE_COLUMNS) {
    const columns = sqlite.prepare('select name from pragma_table_info(?)').pluck().all(table) as string[];
    if (!columns.includes(column)) continue;
    const values = sqlite.prepare(`select distinct "${column}" from "${table}" where "${column}" is not null`).pluck().all() as unknown[];
    for (const value of values) if (typeof value === 'string' && isStorageKey(value)) files.add(storedRelativePath(store, value));
  }
  return files;
}
