import { parseArgs } from 'node:util';
import type { Config } from '../core/config.js';
import { createBackup } from '../core/ops/backup.js';
import { OpsError } from '../core/ops/errors.js';
import type { BackupManifest } from '../core/ops/manifest.js';
import { restoreBackup } from '../core/ops/restore.js';
import { UsageError } from './usage.js';

export const BACKUP_USAGE = `  backup <dir>
      a consistent copy of the database and the files while the service runs; <dir> must be new, empty or an
      earlier backup (then only new files are copied); it prints and writes <dir>/manifest.json
  restore <dir> [--force]
      restores a backup into DATA_DIR; the service must be stopped. --force replaces existing data (moved aside
      to DATA_DIR/replaced-<time>/, not deleted)`;

type Paths = Pick<Config, 'dataDir' | 'databaseFile' | 'filesDir'>;

/**
 * backup and restore work on files, not on the service graph: they run before the CLI opens the database (restore
 * must find it closed). Returns the exit code: 0, or 2 with the refusal on stderr.
 */
export async function opsCommand(command: 'backup' | 'restore', config: Paths, args: string[]): Promise<number> {
  try {
    await run(command, config, args);
    return 0;
  } catch (err) {
    if (err instanceof OpsError) console.error(`Refused (${err.code}): ${err.message}`);
    else if (err instanceof UsageError) console.error(err.message);
    else if (err instanceof TypeError && /parseArgs|Unknown option|Unexpected argument/i.test(String(err.message))) console.error(`${err.message}\n\n${BACKUP_USAGE}`);
    else throw err;
    return 2;
  }
}

async function run(command: 'backup' | 'restore', config: Paths, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { force: { type: 'boolean' } } });
  const dir = positionals[0];
  if (!dir || positionals.length > 1) throw new UsageError(`Usage: npm run cli -- ${command} <dir>${command === 'restore' ? ' [--force]' : ''}`);
  if (command === 'backup' && values.force) throw new UsageError('backup takes no --force: it never overwrites anything but an earlier backup in <dir>');
  if (command === 'backup') {
    const result = await createBackup({ ...config, dir });
    console.log(`Backup ${result.incremental ? 'updated' : 'written'} in ${result.dir}`);
    printManifest(result.manifest);
    return;
  }
  const result = await restoreBackup({ ...config, dir, force: values.force ?? false });
  console.log(`Restored the backup of ${result.manifest.createdAt} into ${config.dataDir}: database and ${result.files} files (${result.bytes} bytes), all checked.`);
  if (result.manifest.files.missing.length) console.log(`${result.manifest.files.missing.length} file(s) were already missing when the backup was made (see its manifest).`);
  if (result.movedAside) console.log(`The data that was there is in ${result.movedAside}; delete it once the restored service is checked.`);
  console.log('Start the service: it applies any newer migrations at start.');
}

function printManifest(m: BackupManifest): void {
  const f = m.files;
  console.log(`  time        ${m.createdAt}`);
  console.log(`  database    ${m.database.file}, ${m.database.bytes} bytes, sha256 ${m.database.sha256}, ${m.database.migrations} migrations (${m.database.lastMigration ?? 'unknown to this code'}), integrity ok`);
  console.log(`  files       ${f.count} (${f.bytes} bytes): ${f.copied} copied, ${f.reused} already there, ${f.removed} removed; ${f.referenced} named by the database`);
  if (f.missing.length) console.log(`  WARNING     ${f.missing.length} file(s) named by the database were deleted by the service before they could be copied: ${f.missing.join(', ')}`);
  if (f.corrupt.length) console.log(`  WARNING     ${f.corrupt.length} stored file(s) in DATA_DIR do not match their content hash and were not copied: ${f.corrupt.join(', ')}`);
}
