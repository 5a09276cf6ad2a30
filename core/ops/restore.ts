import { copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { OpsError } from './errors.js';
import { assertDatabaseNotInUse } from './exclusive.js';
import { copyFileChecked, hashFile, ifMissing, listFiles, syncDirectory, syncFile } from './file-tree.js';
import { lockBackupFolder } from './lock.js';
import { BACKUP_FILES_DIR, readManifest, type BackupManifest } from './manifest.js';
import { knownMigrations } from './migrations.js';
import { fileStamp, isInside, realPath } from './paths.js';
import { inspectCopy } from './snapshot.js';

export interface RestoreOptions {
  /** The backup folder (its manifest says what it holds). */
  dir: string;
  /** The target: DATA_DIR, its database file and files folder. */
  dataDir: string;
  databaseFile: string;
  filesDir: string;
  /** Replace a DATA_DIR that already holds data; the old data is moved aside, never deleted. */
  force: boolean;
  now?: () => number;
}

export interface RestoreResult {
  manifest: BackupManifest;
  files: number;
  bytes: number;
  /** Where the replaced database and files were moved (inside DATA_DIR), when there were any. */
  movedAside: string | undefined;
}

/**
 * Restores a backup into DATA_DIR. Everything is checked first (the manifest, the database copy's sha256 and
 * integrity, each file against its content hash, every file the database names) and copied into a staging folder
 * inside DATA_DIR; only then is anything already there moved aside and the staged data renamed into place.
 * Refused while any process has the target database open.
 */
export async function restoreBackup(opts: RestoreOptions): Promise<RestoreResult> {
  const now = opts.now ?? Date.now;
  const dir = realPath(opts.dir);
  const dataDir = realPath(opts.dataDir);
  if (isInside(dataDir, dir)) throw new OpsError('data_dir_inside_backup', `DATA_DIR (${dataDir}) is inside the backup folder ${dir}.`);
  if (isInside(dir, dataDir)) throw new OpsError('backup_dir_inside_data_dir', `The backup folder ${dir} is inside DATA_DIR (${dataDir}).`);
  const manifest = await readManifest(dir);
  if (!manifest) throw new OpsError('not_a_backup', `${dir} holds no finished backup (no manifest.json).`);
  if (manifest.database.migrations > knownMigrations().length) {
    throw new OpsError(
      'backup_newer_schema',
      `The backup's database has ${manifest.database.migrations} migrations applied, this code knows ${knownMigrations().length}: restore it with the version of the service that made it.`,
    );
  }

  const existing = existsSync(opts.databaseFile) || (await readdir(opts.filesDir).catch(ifMissing([] as string[]))).length > 0;
  if (existing && !opts.force) {
    throw new OpsError('data_dir_not_empty', `${dataDir} already holds a database or files; add --force to replace them (they are moved aside, not deleted).`);
  }
  assertDatabaseNotInUse(opts.databaseFile);

  const release = await lockBackupFolder(dir);
  try {
    const stamp = fileStamp(now());
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const staging = path.join(dataDir, `.restore-${stamp}`);
    await mkdir(staging, { mode: 0o700 });
    let staged: { files: number; bytes: number };
    try {
      staged = await stage(dir, manifest, staging);
    } catch (err) {
      await rm(staging, { recursive: true, force: true });
      throw err;
    }
    // Checked again at the last moment: the service may have been started while the files were copied.
    assertDatabaseNotInUse(opts.databaseFile);
    const movedAside = existing ? await moveAside(opts, path.join(dataDir, `replaced-${stamp}`)) : undefined;
    await rename(path.join(staging, 'db.sqlite'), opts.databaseFile);
    await rename(path.join(staging, BACKUP_FILES_DIR), opts.filesDir);
    await rm(staging, { recursive: true, force: true });
    await syncDirectory(dataDir);
    return { manifest, ...staged, movedAside };
  } finally {
    await release();
  }
}

async function stage(dir: string, manifest: BackupManifest, staging: string): Promise<{ files: number; bytes: number }> {
  const source = path.join(dir, manifest.database.file);
  const target = path.join(staging, 'db.sqlite');
  await copyFile(source, target).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') throw new OpsError('backup_corrupt', `The manifest names ${manifest.database.file}, which is not in ${dir}.`);
    throw err;
  });
  const digest = await hashFile(target);
  if (digest.sha256 !== manifest.database.sha256 || digest.bytes !== manifest.database.bytes) {
    throw new OpsError('backup_corrupt', `${source} does not match the sha256 and size in the manifest: the copy was changed or damaged.`);
  }
  await syncFile(target);
  const copy = inspectCopy(target, { makeStandalone: false });

  const filesRoot = path.join(dir, BACKUP_FILES_DIR);
  const stagedFiles = path.join(staging, BACKUP_FILES_DIR);
  await mkdir(stagedFiles, { mode: 0o700 });
  let bytes = 0;
  const present = new Set<string>();
  const folders = new Set<string>([stagedFiles]);
  for (const file of (await listFiles(filesRoot)).keys()) {
    const outcome = await copyFileChecked(filesRoot, stagedFiles, file);
    if (outcome.status !== 'copied') throw new OpsError('backup_corrupt', `The backup's file ${file} is damaged (its content no longer matches its name).`);
    bytes += outcome.bytes;
    present.add(file);
    folders.add(path.dirname(path.join(stagedFiles, file)));
  }
  const knownMissing = new Set(manifest.files.missing);
  const lost = [...copy.references].filter((file) => !present.has(file) && !knownMissing.has(file));
  if (lost.length > 0) {
    throw new OpsError('backup_corrupt', `${lost.length} file(s) the database needs are gone from the backup (first: ${lost[0]}).`);
  }
  if (present.size !== manifest.files.count || bytes !== manifest.files.bytes) {
    throw new OpsError('backup_corrupt', `The backup holds ${present.size} files (${bytes} bytes), the manifest says ${manifest.files.count} (${manifest.files.bytes} bytes).`);
  }
  for (const folder of folders) await syncDirectory(folder);
  return { files: present.size, bytes };
}

/** Moves the current database (with its WAL files) and files folder into `aside`; returns it. */
async function moveAside(opts: RestoreOptions, aside: string): Promise<string> {
  await mkdir(aside, { mode: 0o700 });
  const name = path.basename(opts.databaseFile);
  for (const suffix of ['', '-wal', '-shm']) {
    await rename(opts.databaseFile + suffix, path.join(aside, name + suffix)).catch(ifMissing(undefined));
  }
  await rename(opts.filesDir, path.join(aside, path.basename(opts.filesDir))).catch(ifMissing(undefined));
  await syncDirectory(aside);
  return aside;
}
