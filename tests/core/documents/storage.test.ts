import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileStorage, isStorageKey, storageKeyFor, StoredFileCorruptError, type FileStorage } from '../../../core/documents/storage.js';
import { filesUnder, tempDir } from '../../support/document-fixtures.js';

describe('file storage', () => {
  let root: string;
  let cleanup: () => void;
  let storage: FileStorage;
  const data = Buffer.from('a scanned page, or as good as one');
  const key = storageKeyFor(data, 'pdf');

  beforeEach(() => {
    ({ dir: root, cleanup } = tempDir());
    storage = createFileStorage(root);
  });
  afterEach(() => cleanup());

  it('names a file by the sha256 of its bytes and shards it by the first two byte pairs', async () => {
    expect(key).toBe(`${createHash('sha256').update(data).digest('hex')}.pdf`);
    await storage.put(key, data);
    expect(filesUnder(root)).toEqual([path.join(key.slice(0, 2), key.slice(2, 4), key)]);
    expect(await storage.read(key)).toEqual(data);
  });

  it('writes a key that already holds the whole file only once, and leaves no temp file behind', async () => {
    await storage.put(key, data);
    const file = path.join(root, key.slice(0, 2), key.slice(2, 4), key);
    const first = statSync(file).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await storage.put(key, data);
    expect(statSync(file).mtimeMs).toBe(first);
    expect(filesUnder(root)).toHaveLength(1);
  });

  it('replaces a truncated file under a key instead of trusting it', async () => {
    await storage.put(key, data);
    const file = path.join(root, key.slice(0, 2), key.slice(2, 4), key);
    truncateSync(file, 3);
    await storage.put(key, data);
    expect(readFileSync(file)).toEqual(data);
  });

  it('refuses to serve a file whose bytes no longer match its key', async () => {
    await storage.put(key, data);
    writeFileSync(path.join(root, key.slice(0, 2), key.slice(2, 4), key), Buffer.from(data).fill(0x41, 0, 1));
    await expect(storage.read(key)).rejects.toBeInstanceOf(StoredFileCorruptError);
  });

  it('removes a file, and takes a missing one calmly', async () => {
    await storage.put(key, data);
    await storage.remove(key);
    expect(await storage.has(key)).toBe(false);
    await expect(storage.remove(key)).resolves.toBeUndefined();
  });

  it('rejects any key that is not a content hash before touching the disk', async () => {
    const outside = path.join(root, '..', 'outside.pdf');
    writeFileSync(outside, 'not yours');
    const bad = ['../outside.pdf', `../../${key}`, key.toUpperCase(), `${key.slice(0, 64)}.exe`, `${key}/x`, `${key.slice(0, 62)}/../${key.slice(64)}`, ''];
    for (const candidate of bad) {
      expect(isStorageKey(candidate)).toBe(false);
      await expect(storage.read(candidate)).rejects.toThrow('Invalid storage key');
      await expect(storage.remove(candidate)).rejects.toThrow('Invalid storage key');
      await expect(storage.put(candidate, data)).rejects.toThrow('Invalid storage key');
    }
    expect(existsSync(outside)).toBe(true);
    expect(filesUnder(root)).toEqual([]);
  });
});
