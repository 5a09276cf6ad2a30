import { readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OpsError } from './errors.js';
import { ifMissing } from './file-tree.js';

const LOCK_FILE = '.backup.lock';

/**
 * One backup or restore at a time per backup folder: two backups into one folder would prune each other's files.
 * The lock names its process; one left by a process that is gone (a crash, a kill -9) is taken over.
 */
export async function lockBackupFolder(dir: string): Promise<() => Promise<void>> {
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      return () => unlink(file).catch(ifMissing(undefined));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number((await readFile(file, 'utf8').catch(ifMissing(''))).trim());
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new OpsError('backup_busy', `Another backup or restore (process ${holder}) is using ${dir}; wait for it to finish.`);
      }
      await unlink(file).catch(ifMissing(undefined));
    }
  }
  throw new OpsError('backup_busy', `Could not lock ${dir}: another backup or restore keeps taking it.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
