import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { OpsError } from './errors.js';
import { ifMissing, syncDirectory, syncFile } from './file-tree.js';

/** Written first into a backup folder: a folder holding it is one of ours, finished or not. */
export const BACKUP_MARKER = '.oblako-backup';
/** Written last: a folder whose manifest validates holds a complete backup. */
export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_FILES_DIR = 'files';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
// A path under the files folder, as the backup writes it: no absolute path, no way out of the folder.
const storedFile = z.string().regex(/^(?:[\w-]+\/)*[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}\.(?:jpg|png|pdf)$/);
const count = z.number().int().min(0);

export const manifestSchema = z.object({
  format: z.literal('oblako-zdorovya-backup'),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  database: z.object({
    /** The copy's name inside the backup folder; a new backup into the same folder gets a new one. */
    file: z.string().regex(/^db-[0-9A-Za-z-]+\.sqlite$/),
    bytes: count,
    sha256,
    migrations: count,
    lastMigration: z.string().nullable(),
    integrityCheck: z.literal('ok'),
  }),
  files: z.object({
    /** Stored files in the backup, and their total size. */
    count,
    bytes: count,
    /** Of them, named by the database copy. */
    referenced: count,
    /** Copied by this run, and found already in the folder from an earlier run (same size). */
    copied: count,
    reused: count,
    /** Removed from the folder because the service no longer has them (deleted by their patients). */
    removed: count,
    /** Named by the database copy but deleted from the service before they could be copied (a deletion in flight). */
    missing: z.array(storedFile),
    /** Found in the service's storage with bytes that no longer match their name; not copied. */
    corrupt: z.array(storedFile),
  }),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

/** The manifest of a backup folder; undefined when it has none. Throws not_a_backup when it does not validate. */
export async function readManifest(dir: string): Promise<BackupManifest | undefined> {
  const text = await readFile(path.join(dir, MANIFEST_FILE), 'utf8').catch(ifMissing(undefined));
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new OpsError('not_a_backup', `${path.join(dir, MANIFEST_FILE)} is not JSON; this folder does not hold a backup of this service.`);
  }
  const result = manifestSchema.safeParse(parsed);
  if (!result.success) {
    throw new OpsError('not_a_backup', `${path.join(dir, MANIFEST_FILE)} is not a manifest of this service's backups (${result.error.issues[0]?.message ?? 'invalid'}).`);
  }
  return result.data;
}

/** Replaces the manifest in one rename, synced: the switch from the earlier backup in the folder to this one. */
export async function writeManifest(dir: string, manifest: BackupManifest): Promise<void> {
  const temp = path.join(dir, `.${MANIFEST_FILE}.${randomBytes(4).toString('hex')}.tmp`);
  await writeFile(temp, `${JSON.stringify(manifestSchema.parse(manifest), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  await syncFile(temp);
  await rename(temp, path.join(dir, MANIFEST_FILE));
  await syncDirectory(dir);
}
