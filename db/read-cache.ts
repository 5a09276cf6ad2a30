import type Database from 'better-sqlite3';

/**
 * Memory for hot reads that is never stale: every entry is tagged with read_generation's counter, which triggers bump
 * on any change to the tables behind those reads, by this process or another (the CLI). A read first asks for the
 * counter (one single-row lookup); a different counter drops the whole cache. Bounded: oldest out when full.
 */
export function createReadCache(sqlite: Database.Database, maxEntries = 10_000) {
  const generation = sqlite.prepare<[], number>('select n from read_generation where id = 1').pluck();
  let seen = -1;
  const entries = new Map<string, unknown>();

  return {
    /** The value for `key`, from memory when nothing changed since it was read, else from `load` (then kept). */
    get<T>(key: string, load: () => T): T {
      // Inside a transaction the counter may count writes that roll back, and a later commit can bring it back to the
      // same number: what was read there is never kept.
      if (sqlite.inTransaction) return load();
      const now = generation.get() ?? -1;
      if (now !== seen) {
        entries.clear();
        seen = now;
      }
      if (entries.has(key)) return entries.get(key) as T;
      const value = load();
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, value);
      return value;
    },
  };
}

export type ReadCache = ReturnType<typeof createReadCache>;
