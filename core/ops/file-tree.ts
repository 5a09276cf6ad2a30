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

/**
 * The stored files under a storage root, key → size. Only names that are storage keys in the right shard count:
 * a put's temporary file (.<key>.<random>.tmp) is not a file yet.
 */
export async function listStoredFiles(root: string): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const first of await readdirOrEmpty(root)) {
    if (!/^[0-9a-f]{2}$/.test(first)) continue;
    for (const second of await readdirOrEmpty(path.join(root, first))) {
      if (!/^[0-9a-f]{2}$/.test(second)) continue;
      const shard = path.join(root, first, second);
      for (const name of await readdirOrEmpty(shard)) {
        if (!isStorageKey(name) || !name.startsWith(first + second)) continue;
        const info = await stat(path.join(shard, name)).catch(ifMissing(undefined));
        if (info?.isFile()) found.set(name, info.size);
      }
    }
  }
  return found;
}

export type CopyOutcome = { status: 'copied'; bytes: number } | { status: 'gone' } | { status: 'corrupt'; reason: string };

/**
 * Copies one stored file from one storage root to another, checking on the way that its bytes still hash to its
 * key; the copy is written beside its place, synced and renamed, so a crash never leaves half a file under a key.
 * A source deleted meanwhile is 'gone' (its patient deleted it), a source that fails the check is 'corrupt'.
 */
export async function copyStoredFile(fromRoot: string, toRoot: string, key: string): Promise<CopyOutcome> {
  const target = storagePath(toRoot, key);
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = path.join(dir, `.${key}.${randomBytes(6).toString('hex')}.tmp`);
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    const source = createReadStream(storagePath(fromRoot, key));
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
  const digest = hash.digest('hex');
  if (`${digest}.${key.slice(-3)}` !== key) {
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

async function readdirOrEmpty(dir: string): Promise<string[]> {
  return readdir(dir).catch(ifMissing([] as string[]));
}

export function ifMissing<T>(value: T) {
  return (err: unknown): T => {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return value;
    throw err;
  };
}
