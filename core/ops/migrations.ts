import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { z } from 'zod';

const journalFile = fileURLToPath(new URL('../../db/migrations/meta/_journal.json', import.meta.url));
const journalSchema = z.object({ entries: z.array(z.object({ tag: z.string(), when: z.number() })) });

/** The migrations this code knows, oldest first (drizzle-kit's journal). */
export function knownMigrations(): Array<{ tag: string; when: number }> {
  return journalSchema.parse(JSON.parse(readFileSync(journalFile, 'utf8'))).entries;
}

export interface SchemaVersion {
  /** How many migrations the database has applied. */
  migrations: number;
  /** The tag of the last one, when this code knows it (null for a database migrated by newer code). */
  lastMigration: string | null;
}

/** What drizzle's migrator recorded in the database (its __drizzle_migrations table). */
export function schemaVersion(sqlite: Database.Database): SchemaVersion {
  const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  if (!table) return { migrations: 0, lastMigration: null };
  const rows = sqlite.prepare('select created_at as "when" from __drizzle_migrations order by created_at').all() as Array<{ when: number }>;
  const last = rows.at(-1);
  const known = last ? knownMigrations().find((m) => m.when === Number(last.when)) : undefined;
  return { migrations: rows.length, lastMigration: known?.tag ?? null };
}
