import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isStorageKey } from '../documents/storage.js';

/** Where the content-addressed storage keeps a key under its root (as core/documents/storage.ts lays it out). */
export function storagePath(root: string, key: string): string {
  return path.join(root, key.slice(0, 2), key.slice(2, 4), key);
}

/** The same, relative to the files folder, for a store kept in a subfolder of it ('' for the main one). */
export function storedRelativePath(store: string, key: string): string {
  return path.posix.join(store, key.slice(0, 2), key.slice(2, 4), key);
}

/** The storage key a relative path holds, when it is a content-addressed file in its shard (else null). */
export function storageKeyOf(relative: string): string | null {
  const parts = relative.split('/');
  const key = parts.at(-1) ?? '';
  if (!isStorageKey(key) || parts.length < 3) return null;
  return parts.at(-3) === key.slice(0, 2) && parts.at(-2) === key.slice(2, 4) ? key : null;
}

// A put's temporary file (.<key>.<random>.tmp) or one of ours: never a file yet.
const TEMPORARY = /^\..*\.tmp$/;

/**
 * Every file under a folder, as relative path (with /) → size: the content-addressed stores (the main one and any
 * in subfolders, like the duty chat's photos) and anything else kept there. Temporary files are left out.
 */
export async function listFiles(root: string): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  const walk = async (dir: string, prefix: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(ifMissing([]))) {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), relative);
      else if (entry.isFile() && !TEMPORARY.test(entry.name)) {
        const info = await stat(path.join(dir, entry.name)).catch(ifMissing(undefined));
        if (info) found.set(relative, info.size);
      }
    }
  };
  await walk(root, '');
  return found;
}

export type CopyOutcome = { status: 'copied'; bytes: number } | { status: 'gone' } | { status: 'corrupt'; reason: string };

/**
 * Copies one file from one files folder to another. A content-addressed file is checked on the way: its bytes must
 * still hash to its name. The copy is written beside its place, synced and renamed, so a crash never leaves half a
 * file under a name. A source deleted meanwhile is 'gone' (its patient deleted it), one failing the check 'corrupt'.
 */
export async function copyFileChecked(fromRoot: string, toRoot: string, relative: string): Promise<CopyOutcome> {
  const target = path.join(toRoot, relative);
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = path.join(dir, `.${path.basename(relative)}.${randomBytes(6).toString('hex')}.tmp`);
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    const source = createReadStream(path.join(fromRoot, relative));
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    await pipeline(source, tap, createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
  } catch (err) {
    await unlink(temp).catch(ifMissing(undefined));
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'gone' };
    throw err;
  }
  const key = storageKeyOf(relative);
  const digest = hash.digest('hex');
  if (key && `${digest}.${key.slice(-3)}` !== key) {
    await unlink(temp);
    return { status: 'corrupt', reason: `content hashes to ${digest}` };
  }
  await syncFile(temp);
  await rename(temp, target);
  return { status: 'copied', bytes };
}

/** Hashes a whole file: [sha256 hex, size]. */
export async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

export async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a folder's entries (a rename into it) durable. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function ifMissing<T>(value: T) {
  return (err: unknown): T => {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return value;
    throw err;
  };
}
