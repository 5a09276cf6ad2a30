import { eq, like, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { botState } from '../../db/schema.js';

/**
 * grammY storage adapter over our SQLite (there is no official SQLite adapter). Used for both the session and
 * the conversations plugin, under different prefixes, so a restart resumes each chat where it was.
 */
export interface StateStorage<T> {
  read(key: string): T | undefined;
  write(key: string, value: T): void;
  delete(key: string): void;
}

export function createStateStorage<T>(db: Db, prefix: string, now: () => number = Date.now): StateStorage<T> {
  const sqlite = db.$client;
  const readStmt = sqlite.prepare<[string], { value: string }>('select value from bot_state where key = ?');
  const writeStmt = sqlite.prepare<[string, string, number]>(
    'insert into bot_state (key, value, updated_at) values (?, ?, ?) on conflict(key) do update set value = excluded.value, updated_at = excluded.updated_at',
  );
  const deleteStmt = sqlite.prepare<[string]>('delete from bot_state where key = ?');
  return {
    read(key) {
      const row = readStmt.get(prefix + key);
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    write(key, value) {
      writeStmt.run(prefix + key, JSON.stringify(value), now());
    },
    delete(key) {
      deleteStmt.run(prefix + key);
    },
  };
}

/** Forgets everything the bots keep about one chat (used when a person deletes their data or declines consent). */
export function forgetChatState(db: Db, chatId: number): void {
  db.delete(botState)
    .where(or(eq(botState.key, `session:${chatId}`), like(botState.key, `%:${chatId}`)))
    .run();
}
