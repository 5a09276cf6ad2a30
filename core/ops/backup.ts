import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OpsError } from './errors.js';
import { copyFileChecked, hashFile, ifMissing, listFiles, storageKeyOf, syncDirectory } from './file-tree.js';
import { lockBackupFolder } from './lock.js';
import { BACKUP_FILES_DIR, BACKUP_MARKER, readManifest, writeManifest, type BackupManifest } from './manifest.js';
import { fileStamp, isInside, realPath } from './paths.js';
import { snapshotDatabase } from './snapshot.js';

export interface BackupOptions {
  /** The service's DATA_DIR, its database file and its files folder (as core/config.ts derives them). */
  dataDir: string;
  databaseFile: string;
  filesDir: string;
  /** The backup folder: new, empty, or holding an earlier backup of this service. */
  dir: string;
  now?: () => number;
}

export interface BackupResult {
  dir: string;
  manifest: BackupManifest;
  /** True when the folder held an earlier backup, whose files were reused. */
  incremental: boolean;
}

/**
 * A consistent copy of the service's data while it runs: the database through SQLite's online backup API and the
 * content-addressed files. Files are copied before and after the database snapshot, so only files created in the
 * short time between the two passes are left to the second; a file the snapshot names but the service deleted
 * meanwhile (its patient deleted it) is listed as missing in the manifest. The manifest, written last in one
 * rename, is what makes the folder a finished backup; an earlier backup in the folder stays whole until then.
 */
export async function createBackup(opts: BackupOptions): Promise<BackupResult> {
  const now = opts.now ?? Date.now;
  const dir = realPath(opts.dir);
  const dataDir = realPath(opts.dataDir);
  if (isInside(dir, dataDir)) {
    throw new OpsError('backup_dir_inside_data_dir', `${dir} is inside DATA_DIR (${dataDir}); put backups elsewhere, ideally on another disk.`);
  }
  if (!existsSync(opts.databaseFile)) throw new OpsError('no_database', `There is no database at ${opts.databaseFile}: check DATA_DIR.`);
  const incremental = await prepareFolder(dir);
  const release = await lockBackupFolder(dir);
  try {
    return { dir, incremental, manifest: await copyInto(dir, opts, now) };
  } finally {
    await release();
  }
}

/** Creates the folder or accepts an earlier backup; anything else is refused. True when an earlier backup is there. */
async function prepareFolder(dir: string): Promise<boolean> {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new OpsError('backup_dir_not_empty', `${dir} is a file, not a folder.`);
  const entries = await readdir(dir).catch(ifMissing(undefined));
  if (entries && entries.length > 0) {
    if (!entries.includes(BACKUP_MARKER)) {
      throw new OpsError('backup_dir_not_empty', `${dir} is not empty and holds no backup of this service; name a new or empty folder, or an earlier backup.`);
    }
    // An unreadable manifest is refused here rather than overwritten: someone should look at that folder.
    return (await readManifest(dir)) !== undefined;
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(path.join(dir, BACKUP_MARKER), 'A backup folder of Облако здоровья: see manifest.json.\n', { mode: 0o600 });
  return false;
}

async function copyInto(dir: string, opts: BackupOptions, now: () => number): Promise<BackupManifest> {
  const filesRoot = path.join(dir, BACKUP_FILES_DIR);
  await removeLeftovers(dir);
  const held = await listFiles(filesRoot);
  const corrupt = new Set<string>();
  const touched = new Set<string>();
  let copied = 0;
  let reused = 0;

  // Files are named by their content, so one already in the folder with the same size is the same file; anything
  // else kept under the files folder (not content-addressed) is copied every time.
  const take = async (file: string, size: number | undefined) => {
    if (size !== undefined && held.get(file) === size && storageKeyOf(file)) {
      reused++;
      return;
    }
    const outcome = await copyFileChecked(opts.filesDir, filesRoot, file);
    if (outcome.status === 'copied') {
      held.set(file, outcome.bytes);
      touched.add(path.dirname(path.join(filesRoot, file)));
      copied++;
    } else if (outcome.status === 'corrupt') {
      corrupt.add(file);
    }
  };

  // The bulk of the copying happens before the snapshot, while nothing depends on timing.
  for (const [file, size] of await listFiles(opts.filesDir)) await take(file, size);

  const startedAt = now();
  const stamp = `${fileStamp(startedAt)}-${randomBytes(3).toString('hex')}`;
  const partial = path.join(dir, `.db-${stamp}.sqlite.partial`);
  const snapshot = await snapshotDatabase(opts.databaseFile, partial).catch(async (err: unknown) => {
    await unlink(partial).catch(ifMissing(undefined));
    throw err;
  });

  // Files stored since the first pass: those the snapshot may name, and uploads that will be committed after it.
  const current = await listFiles(opts.filesDir);
  for (const [file, size] of current) if (!held.has(file) && !corrupt.has(file)) await take(file, size);
  for (const file of snapshot.references) if (!held.has(file) && !corrupt.has(file)) await take(file, undefined);

  const missing = [...snapshot.references].filter((file) => !held.has(file)).sort();
  // What the service no longer has and the snapshot does not name: deleted by its patient, so not kept here either.
  const prune = new Set([...held.keys()].filter((file) => !current.has(file) && !snapshot.references.has(file)));
  const kept = [...held].filter(([file]) => !prune.has(file));

  const dbFile = `db-${stamp}.sqlite`;
  await rename(partial, path.join(dir, dbFile));
  for (const folder of touched) await syncDirectory(folder);
  await syncDirectory(dir);
  const digest = await hashFile(path.join(dir, dbFile));

  const manifest: BackupManifest = {
    format: 'oblako-zdorovya-backup',
    version: 1,
    createdAt: new Date(startedAt).toISOString(),
    database: {
      file: dbFile,
      bytes: digest.bytes,
      sha256: digest.sha256,
      migrations: snapshot.migrations,
      lastMigration: snapshot.lastMigration,
      integrityCheck: 'ok',
    },
    files: {
      count: kept.length,
      bytes: kept.reduce((sum, [, size]) => sum + size, 0),
      referenced: snapshot.references.size,
      copied,
      reused,
      removed: prune.size,
      missing,
      corrupt: [...corrupt].sort(),
    },
  };
  await writeManifest(dir, manifest);

  // Only now is the earlier backup in this folder superseded; its database copy and the pruned files can go.
  for (const name of await readdir(dir)) {
    if (/^db-.*\.sqlite$/.test(name) && name !== dbFile) await unlink(path.join(dir, name));
  }
  for (const file of prune) await unlink(path.join(filesRoot, file)).catch(ifMissing(undefined));
  return manifest;
}

/** Partial files of a run that was killed: never part of any backup. */
async function removeLeftovers(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (/^\.db-.*\.sqlite\.partial(?:-journal)?$/.test(name) || /^\.manifest\.json\..*\.tmp$/.test(name)) {
      await unlink(path.join(dir, name)).catch(ifMissing(undefined));
    }
  }
}
