import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clockEnv } from '../support/child-env.js';
import { createServices, type Services } from '../../app/services.js';
import { CONSENT_VERSION } from '../../core/accounts/consent.js';
import { createFileStorage, storageKeyFor } from '../../core/documents/storage.js';
import { createBackup } from '../../core/ops/backup.js';
import { manifestSchema, type BackupManifest } from '../../core/ops/manifest.js';
import { restoreBackup } from '../../core/ops/restore.js';
import { openDatabase, type Db } from '../../db/client.js';

// Each test starts real processes (the service or the CLI, a few seconds each under tsx, more on a busy machine):
// the suite's 30 s is for in-process tests.
vi.setConfig({ testTimeout: 180_000 });

const root = path.resolve(import.meta.dirname, '../..');
const ACCOUNT = 5_550_077;
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function cli(dataDir: string, ...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], {
      cwd: root,
      env: { ...clockEnv(), PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PATIENT_BOT_TOKEN: '7001234567:AAF-cli-test-token-cli-test' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

interface Service {
  db: Db;
  services: Services;
  close(): void;
}

/** The app's own service graph over a DATA_DIR, as the running service builds it. */
function openService(dataDir: string): Service {
  const db = openDatabase(path.join(dataDir, 'db.sqlite'));
  const services = createServices({
    config: { patientBotToken: '7001234567:AAF-cli-test-token-cli-test', telegramApiRoot: 'http://127.0.0.1:9', filesDir: path.join(dataDir, 'files') },
    db,
    clock: { now: () => Date.now() },
    logger: pino({ level: 'silent' }),
  });
  let open = true;
  const close = () => {
    if (open) db.$client.close();
    open = false;
  };
  cleanups.push(close);
  return { db, services, close };
}

/** A small photo whose pixels (so content hash) differ for every n. */
function photo(n: number): Promise<Buffer> {
  return sharp({ create: { width: 48 + (n % 16), height: 40, channels: 3, background: { r: n % 256, g: (n >> 8) % 256, b: 99 } } })
    .jpeg()
    .toBuffer();
}

async function seed(dataDir: string) {
  const s = openService(dataDir);
  s.services.accounts.upsertConsent(ACCOUNT, 'ru', CONSENT_VERSION, Date.now());
  const patient = s.services.patients.create(ACCOUNT, {
    relation: 'self',
    fullName: 'Иванова Мария Петровна',
    birthDate: '1961-03-05',
    phone: '+79123456789',
    phoneVerified: true,
    regionCode: 'RU-MOW',
    timeZone: 'Europe/Moscow',
  });
  const stored = await s.services.documents.ingest({ patientId: patient.id, kind: 'ecg', bytes: await photo(1), actorAccountId: ACCOUNT });
  // A store in a subfolder of the files folder, as the duty chat keeps its photos.
  const chatPhoto = await photo(7);
  const chatKey = storageKeyFor(chatPhoto, 'jpg');
  await createFileStorage(path.join(dataDir, 'files', 'duty-chat')).put(chatKey, chatPhoto);
  return { ...s, patientId: patient.id, document: stored.document, chatKey };
}

// A second process that keeps uploading documents through the app's document service until told to stop.
const WRITER = `
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import sharp from 'sharp';
import { createServices } from '${root}/app/services.js';
import { openDatabase } from '${root}/db/client.js';

const [dataDir, patientId, accountId, stopFile] = process.argv.slice(1);
const db = openDatabase(path.join(dataDir, 'db.sqlite'));
const services = createServices({
  config: { patientBotToken: '7001234567:AAF-cli-test-token-cli-test', telegramApiRoot: 'http://127.0.0.1:9', filesDir: path.join(dataDir, 'files') },
  db, clock: { now: () => Date.now() }, logger: pino({ level: 'silent' }),
});
for (let n = 1000; !existsSync(stopFile); n++) {
  const bytes = await sharp({ create: { width: 48 + (n % 16), height: 40, channels: 3, background: { r: n % 256, g: (n >> 8) % 256, b: 7 } } }).jpeg().toBuffer();
  await services.documents.ingest({ patientId: Number(patientId), kind: 'ecg', bytes, actorAccountId: Number(accountId) });
}
db.$client.close();
`;

function startWriter(dataDir: string, patientId: number): { stop(): Promise<number | null>; child: ChildProcess } {
  const stopFile = path.join(dataDir, '..', `stop-${path.basename(dataDir)}`);
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', WRITER, dataDir, String(patientId), String(ACCOUNT), stopFile], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  cleanups.push(() => child.kill('SIGKILL'));
  return {
    child,
    stop: () => {
      writeFileSync(stopFile, '');
      cleanups.push(() => rmSync(stopFile, { force: true }));
      return exited;
    },
  };
}

const documentCount = (db: Db) => db.$client.prepare('select count(*) from documents').pluck().get() as number;

async function until(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function readManifest(dir: string): BackupManifest {
  return manifestSchema.parse(JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')));
}

// The service's paths under a DATA_DIR, as core/config.ts derives them; the slower checks call core/ops directly.
const paths = (dataDir: string) => ({ dataDir, databaseFile: path.join(dataDir, 'db.sqlite'), filesDir: path.join(dataDir, 'files') });
const backup = (dataDir: string, dir: string) => createBackup({ ...paths(dataDir), dir });
const restore = (dataDir: string, dir: string, force = false) => restoreBackup({ ...paths(dataDir), dir, force });

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const storedFile = (filesRoot: string, key: string) => path.join(filesRoot, key.slice(0, 2), key.slice(2, 4), key);

describe('backup and restore', () => {
  it('a backup taken while a writer keeps uploading is consistent, and restores into a fresh DATA_DIR the app reads', { timeout: 90_000 }, async () => {
    const dataDir = path.join(tempDir('oz-live-'), 'data');
    const backupDir = path.join(tempDir('oz-backup-'), 'nightly');
    const live = await seed(dataDir);
    const original = await live.services.documents.read(live.document);

    const writer = startWriter(dataDir, live.patientId);
    await until(() => documentCount(live.db) >= 4);
    const before = documentCount(live.db);
    const run = await cli(dataDir, 'backup', backupDir);
    const after = documentCount(live.db);
    expect(await writer.stop()).toBe(0);
    const final = documentCount(live.db);

    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Backup written in /);
    // The writer really wrote while the backup ran.
    expect(after).toBeGreaterThan(before);

    const manifest = readManifest(backupDir);
    const dbCopy = path.join(backupDir, manifest.database.file);
    expect(sha256(readFileSync(dbCopy))).toBe(manifest.database.sha256);
    expect(statSync(dbCopy).mode & 0o777).toBe(0o600);
    expect(statSync(backupDir).mode & 0o077).toBe(0);
    expect(manifest.database).toMatchObject({ integrityCheck: 'ok', lastMigration: expect.stringMatching(/^\d{4}_/) });
    expect(manifest.database.migrations).toBeGreaterThanOrEqual(4);
    expect(manifest.files.missing).toEqual([]);
    expect(manifest.files.corrupt).toEqual([]);

    const copy = new Database(dbCopy, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      const rows = copy.prepare('select storage_key as s, thumbnail_key as t from documents').all() as Array<{ s: string; t: string | null }>;
      // One moment of the database: somewhere between the writer's count before the backup and at its end.
      expect(rows.length).toBeGreaterThanOrEqual(before);
      expect(rows.length).toBeLessThanOrEqual(final);
      const keys = rows.flatMap((r) => (r.t ? [r.s, r.t] : [r.s]));
      expect(manifest.files.referenced).toBe(new Set(keys).size);
      for (const key of keys) {
        const file = storedFile(path.join(backupDir, 'files'), key);
        expect(existsSync(file), key).toBe(true);
        expect(`${sha256(readFileSync(file))}.${key.slice(-3)}`).toBe(key);
      }
    } finally {
      copy.close();
    }

    const restoredDir = path.join(tempDir('oz-restored-'), 'data');
    const restore = await cli(restoredDir, 'restore', backupDir);
    expect(restore.err).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.out).toMatch(/Restored the backup of .* all checked/);

    const restored = openService(restoredDir);
    const [patient] = restored.services.patients.list(ACCOUNT);
    expect(patient).toMatchObject({ id: live.patientId, fullName: 'Иванова Мария Петровна' });
    const document = restored.services.documents.get(live.patientId, live.document.id);
    expect(document).toBeDefined();
    expect(await restored.services.documents.read(document!)).toEqual(original);
    expect(restored.services.documents.list(live.patientId).length).toBeGreaterThanOrEqual(before);
    expect(await createFileStorage(path.join(restoredDir, 'files', 'duty-chat')).has(live.chatKey)).toBe(true);
  });

  it('a second backup into the same folder copies only new files and lets deleted ones go', { timeout: 60_000 }, async () => {
    const dataDir = path.join(tempDir('oz-live-'), 'data');
    const backupDir = tempDir('oz-backup-');
    const live = await seed(dataDir);
    const second = await live.services.documents.ingest({ patientId: live.patientId, kind: 'ecg', bytes: await photo(2), actorAccountId: ACCOUNT });

    expect(await backup(dataDir, backupDir)).toMatchObject({ incremental: false });
    const first = readManifest(backupDir);
    expect(first.files).toMatchObject({ count: 5, copied: 5, reused: 0, removed: 0 });

    await live.services.documents.ingest({ patientId: live.patientId, kind: 'ecg', bytes: await photo(3), actorAccountId: ACCOUNT });
    expect(await live.services.documents.remove(live.patientId, second.document.id, { type: 'account', id: ACCOUNT })).toBe(true);
    expect(await backup(dataDir, backupDir)).toMatchObject({ incremental: true });
    const next = readManifest(backupDir);
    expect(next.files).toMatchObject({ count: 5, copied: 2, reused: 3, removed: 2 });
    // One database copy: the earlier one went when the new manifest replaced the old.
    expect(readdirSync(backupDir).filter((n) => n.endsWith('.sqlite'))).toEqual([next.database.file]);
    expect(existsSync(storedFile(path.join(backupDir, 'files'), second.document.storageKey))).toBe(false);
  });

  it('refuses a folder inside DATA_DIR and a non-empty folder that is not a backup, and touches neither', { timeout: 60_000 }, async () => {
    const dataDir = path.join(tempDir('oz-live-'), 'data');
    await seed(dataDir);

    const inside = await cli(dataDir, 'backup', path.join(dataDir, 'backups'));
    expect(inside.code).toBe(2);
    expect(inside.err).toMatch(/Refused \(backup_dir_inside_data_dir\): .* is inside DATA_DIR/);
    expect(existsSync(path.join(dataDir, 'backups'))).toBe(false);

    const other = tempDir('oz-other-');
    writeFileSync(path.join(other, 'notes.txt'), 'someone else’s');
    await expect(backup(dataDir, other)).rejects.toMatchObject({ code: 'backup_dir_not_empty', message: expect.stringMatching(/is not empty and holds no backup of this service/) });
    expect(readdirSync(other)).toEqual(['notes.txt']);
  });

  it('one backup or restore at a time per folder; a lock left by a process that is gone is taken over', { timeout: 60_000 }, async () => {
    const dataDir = path.join(tempDir('oz-live-'), 'data');
    const backupDir = tempDir('oz-backup-');
    await seed(dataDir);
    await backup(dataDir, backupDir);

    // This test's own process holds the lock, as a running backup would.
    writeFileSync(path.join(backupDir, '.backup.lock'), `${process.pid}\n`);
    await expect(backup(dataDir, backupDir)).rejects.toMatchObject({ code: 'backup_busy', message: expect.stringMatching(`process ${process.pid}`) });
    await expect(restore(path.join(tempDir('oz-target-'), 'data'), backupDir)).rejects.toMatchObject({ code: 'backup_busy' });

    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(path.join(backupDir, '.backup.lock'), `${gone}\n`);
    expect(await backup(dataDir, backupDir)).toMatchObject({ incremental: true, manifest: { files: { copied: 0 } } });
    expect(existsSync(path.join(backupDir, '.backup.lock'))).toBe(false);
  });

  it('restore refuses while the database is open, and over existing data without --force; --force moves the old data aside', { timeout: 60_000 }, async () => {
    const dataDir = path.join(tempDir('oz-live-'), 'data');
    const backupDir = tempDir('oz-backup-');
    const live = await seed(dataDir);
    await backup(dataDir, backupDir);

    // The "service" (this process) still has the database open.
    const running = await cli(dataDir, 'restore', backupDir, '--force');
    expect(running.code).toBe(2);
    expect(running.err).toMatch(/Refused \(database_in_use\): .* stop the service/);

    live.close();
    await expect(restore(dataDir, backupDir)).rejects.toMatchObject({ code: 'data_dir_not_empty', message: expect.stringMatching(/add --force/) });

    const { movedAside } = await restore(dataDir, backupDir, true);
    expect(movedAside && existsSync(path.join(movedAside, 'db.sqlite'))).toBe(true);
    expect(readdirSync(path.join(movedAside!, 'files')).length).toBeGreaterThan(0);
    const restored = openService(dataDir);
    expect(restored.services.documents.get(live.patientId, live.document.id)).toBeDefined();
  });

  it('restore refuses a backup whose file or database copy was damaged, and leaves DATA_DIR as it was', { timeout: 60_000 }, async () => {
    const dataDir = path.join(tempDir('oz-live-'), 'data');
    const backupDir = tempDir('oz-backup-');
    const live = await seed(dataDir);
    await backup(dataDir, backupDir);
    live.close();
    const target = path.join(tempDir('oz-target-'), 'data');

    const file = storedFile(path.join(backupDir, 'files'), live.document.storageKey);
    const bytes = readFileSync(file);
    const flip = () => bytes.writeUInt8(bytes.readUInt8(bytes.length >> 1) ^ 0xff, bytes.length >> 1);
    flip();
    writeFileSync(file, bytes);
    await expect(restore(target, backupDir)).rejects.toMatchObject({ code: 'backup_corrupt', message: `The backup's file ${path.relative(path.join(backupDir, 'files'), file)} is damaged (its content no longer matches its name).` });
    expect(existsSync(target) ? readdirSync(target) : []).toEqual([]);

    flip();
    writeFileSync(file, bytes);
    const manifest = readManifest(backupDir);
    writeFileSync(path.join(backupDir, manifest.database.file), Buffer.concat([readFileSync(path.join(backupDir, manifest.database.file)), Buffer.alloc(1)]));
    await expect(restore(target, backupDir)).rejects.toMatchObject({ code: 'backup_corrupt', message: expect.stringMatching(/does not match the sha256 and size in the manifest/) });
    expect(readdirSync(target)).toEqual([]);

    await expect(restore(target, tempDir('oz-empty-'))).rejects.toMatchObject({ code: 'not_a_backup' });
  });
});
