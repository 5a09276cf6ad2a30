import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

export type StorageExtension = 'jpg' | 'png' | 'pdf';

// The only shape a key may have: it is joined into a path, so nothing else may reach the file system.
const KEY_PATTERN = /^[0-9a-f]{64}\.(?:jpg|png|pdf)$/;

export function isStorageKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/** sha256 hex of the bytes plus the extension: equal content is one file. */
export function storageKeyFor(data: Uint8Array, ext: StorageExtension): string {
  return `${createHash('sha256').update(data).digest('hex')}.${ext}`;
}

export interface FileStorage {
  /** Writes data under key (which must be storageKeyFor(data, ext)); a no-op when that file is already complete. */
  put(key: string, data: Uint8Array): Promise<void>;
  /** The stored bytes, checked against the key so silent disk corruption is never served to a doctor. */
  read(key: string): Promise<Buffer>;
  /** Removes the file; a missing file is not an error. */
  remove(key: string): Promise<void>;
  has(key: string): Promise<boolean>;
}

export class StoredFileCorruptError extends Error {
  constructor(readonly key: string) {
    super(`Stored file ${key} does not match its key`);
    this.name = 'StoredFileCorruptError';
  }
}

/** Content-addressed files under root: `<root>/<k[0..2]>/<k[2..4]>/<key>`, so no folder grows past 256 entries per level. */
export function createFileStorage(root: string): FileStorage {
  const base = path.resolve(root);

  function pathOf(key: string): string {
    if (!isStorageKey(key)) throw new TypeError('Invalid storage key');
    return path.join(base, key.slice(0, 2), key.slice(2, 4), key);
  }

  return {
    async put(key, data) {
      const file = pathOf(key);
      const existing = await stat(file).catch(ifMissing(undefined));
      // A file of the right size under a content key was written whole by the rename below.
      if (existing?.size === data.length) return;
      const dir = path.dirname(file);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // Written beside the target and renamed: readers see the whole file or none, even after a crash.
      const temp = path.join(dir, `.${key}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        const handle = await open(temp, 'wx', 0o600);
        try {
          await handle.writeFile(data);
          // Without it a power loss after the rename can leave an empty file under a valid key.
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, file);
      } catch (err) {
        await unlink(temp).catch(ifMissing(undefined));
        throw err;
      }
      await syncDirectory(dir);
    },

    async read(key) {
      const data = await readFile(pathOf(key));
      if (storageKeyFor(data, key.slice(-3) as StorageExtension) !== key) throw new StoredFileCorruptError(key);
      return data;
    },

    async remove(key) {
      // Empty shard folders are left: removing one could race a put that has just created it.
      await unlink(pathOf(key)).catch(ifMissing(undefined));
    },

    async has(key) {
      return (await stat(pathOf(key)).catch(ifMissing(undefined))) !== undefined;
    },
  };
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function ifMissing<T>(value: T) {
  return (err: unknown): T => {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return value;
    throw err;
  };
}
