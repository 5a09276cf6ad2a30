import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../../core/documents/service.js';
import { DomainError } from '../../../core/errors.js';
import { auditLog, documents } from '../../../db/schema.js';
import { createTestService, filesUnder, pdfWithPages, phoneJpeg, pixelBombPng, quadrants, windowsExecutable } from '../../support/document-fixtures.js';

type Setup = ReturnType<typeof createTestService>;
let setups: Setup[] = [];

function setup(overrides?: Parameters<typeof createTestService>[0]): Setup {
  const created = createTestService(overrides);
  setups.push(created);
  return created;
}

afterEach(() => {
  for (const { cleanup, db } of setups) {
    db.$client.close();
    cleanup();
  }
  setups = [];
});

async function refusal(promise: Promise<unknown>) {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

const photo = (seed: number) =>
  sharp({ create: { width: 300, height: 200, channels: 3, background: { r: seed % 256, g: 90, b: 160 } } })
    .jpeg()
    .toBuffer();

describe('document service: ingest', () => {
  it('stores a cleaned photo and its thumbnail under content keys and records the ingest in the audit log', async () => {
    const { service, db, dir, accountId, patientIds } = setup();
    const bytes = await phoneJpeg({ width: 640, height: 480 });
    const result = await service.ingest({
      patientId: patientIds[0],
      kind: 'ecg',
      bytes,
      originalName: 'C:\\Users\\Иван\\ЭКГ\u0007 2024.jpg',
      telegramFileUniqueId: 'AgADUnique1',
      actorAccountId: accountId,
    });
    expect(result.status).toBe('stored');
    const { document } = result;
    expect(document).toMatchObject({
      patientId: patientIds[0],
      kind: 'ecg',
      mime: 'image/jpeg',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      pageCount: 1,
      width: 640,
      height: 480,
      originalName: 'ЭКГ 2024.jpg',
      telegramFileUniqueId: 'AgADUnique1',
    });
    const stored = await service.read(document);
    expect(document.bytes).toBe(stored.length);
    expect(document.storageKey).toBe(`${createHash('sha256').update(stored).digest('hex')}.jpg`);
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    const thumbnail = await service.readThumbnail(document);
    expect(await sharp(thumbnail).metadata()).toMatchObject({ format: 'jpeg', width: 320, height: 240 });
    expect(filesUnder(dir)).toHaveLength(2);

    const entries = db.select().from(auditLog).all();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'document.ingested', actorType: 'account', actorId: accountId, patientId: patientIds[0] });
    expect(JSON.parse(entries[0]!.details!)).toEqual({ documentId: document.id, bytes: document.bytes, pageCount: 1 });
  });

  it('stores a PDF exactly as uploaded, with its page count and no thumbnail', async () => {
    const { service, accountId, patientIds } = setup();
    const pdf = await pdfWithPages(3);
    const { document } = await service.ingest({ patientId: patientIds[0], kind: 'discharge', bytes: pdf, actorAccountId: accountId });
    expect(document).toMatchObject({ mime: 'application/pdf', pageCount: 3, bytes: pdf.length, thumbnailKey: null, width: null });
    expect((await service.read(document)).equals(pdf)).toBe(true);
    expect(await service.readThumbnail(document)).toBeUndefined();
  });

  it('answers duplicate with the first document, its createdAt included, when the same file comes again', async () => {
    const { service, accountId, patientIds, clock, dir, storage } = setup();
    const bytes = await photo(1);
    const first = await service.ingest({ patientId: patientIds[0], kind: 'ecg', bytes, actorAccountId: accountId });
    clock.advance(60_000);
    const second = await service.ingest({ patientId: patientIds[0], kind: 'ecg', bytes: Buffer.from(bytes), actorAccountId: accountId });
    expect(second).toEqual({ status: 'duplicate', document: first.document });
    // Recognised before decoding: the resend cost a hash, not a second trip through sharp and the disk.
    expect(storage.puts).toBe(2);
    expect(service.list(patientIds[0])).toHaveLength(1);
    expect(filesUnder(dir)).toHaveLength(2);
  });

  it('keeps one document when the same file arrives twice at once: the unique index settles the race', async () => {
    const { service, db, accountId, patientIds, dir, storage } = setup();
    const bytes = await photo(2);
    const results = await Promise.all([0, 1].map(() => service.ingest({ patientId: patientIds[0], kind: 'ecg', bytes, actorAccountId: accountId })));
    // Both went past the early duplicate check and stored files: the insert itself had to decide.
    expect(storage.puts).toBe(4);
    expect(results.map((r) => r.status).sort()).toEqual(['duplicate', 'stored']);
    expect(results[0]!.document).toEqual(results[1]!.document);
    expect(db.select().from(documents).all()).toHaveLength(1);
    expect(filesUnder(dir)).toHaveLength(2);
  });

  it('stores the same file of two patients once on disk, as two documents', async () => {
    const { service, accountId, patientIds, dir } = setup();
    const bytes = await photo(3);
    const a = await service.ingest({ patientId: patientIds[0], kind: 'ecg', bytes, actorAccountId: accountId });
    const b = await service.ingest({ patientId: patientIds[1], kind: 'ecg', bytes, actorAccountId: accountId });
    expect([a.status, b.status]).toEqual(['stored', 'stored']);
    expect(a.document.id).not.toBe(b.document.id);
    expect(b.document.storageKey).toBe(a.document.storageKey);
    expect(filesUnder(dir)).toHaveLength(2);
  });

  it('refuses 20 MB + 1 byte before looking inside it', async () => {
    const { service, accountId, patientIds, dir } = setup();
    // A JPEG signature on a blob that would fail as image_broken if it were ever decoded.
    const bytes = Buffer.alloc(MAX_FILE_BYTES + 1);
    bytes.set([0xff, 0xd8, 0xff, 0xe0]);
    const err = await refusal(service.ingest({ patientId: patientIds[0], kind: 'ecg', bytes, actorAccountId: accountId }));
    expect(err.code).toBe('file_too_big');
    expect(filesUnder(dir)).toEqual([]);
    expect(MAX_FILE_BYTES).toBe(20 * 1024 * 1024);
  });

  it('judges a file by its bytes: an executable named scan.pdf is refused as exe', async () => {
    const { service, accountId, patientIds, dir } = setup();
    const err = await refusal(
      service.ingest({ patientId: patientIds[0], kind: 'ecg', bytes: windowsExecutable(), originalName: 'scan.pdf', actorAccountId: accountId }),
    );
    expect(err).toMatchObject({ code: 'unsupported_type', details: { detected: 'exe' } });
    expect(filesUnder(dir)).toEqual([]);
  });

  it('refuses a pixel bomb from its header before it waits for a decoding slot', async () => {
    const { service, accountId, patientIds, dir } = setup();
    const err = await refusal(service.ingest({ patientId: patientIds[0], kind: 'ecg', bytes: pixelBombPng(30_000, 30_000), actorAccountId: accountId }));
    expect(err.code).toBe('image_too_large');
    expect(filesUnder(dir)).toEqual([]);
  });

  it('refuses kinds outside the catalog when the catalog kinds are given', async () => {
    const { service, accountId, patientIds } = setup({ knownKinds: new Set(['ecg']) });
    const bytes = await photo(4);
    expect((await refusal(service.ingest({ patientId: patientIds[0], kind: 'selfie', bytes, actorAccountId: accountId }))).code).toBe('unknown_kind');
    await expect(service.ingest({ patientId: patientIds[0], kind: 'ecg', bytes, actorAccountId: accountId })).resolves.toMatchObject({ status: 'stored' });
  });

  it('leaves no files behind when the row cannot be inserted', async () => {
    const { service, accountId, dir } = setup();
    await expect(service.ingest({ patientId: 999_999, kind: 'ecg', bytes: await photo(5), actorAccountId: accountId })).rejects.toThrow(/FOREIGN KEY/);
    expect(filesUnder(dir)).toEqual([]);
  });

  it('keeps a shared file when a failed insert cleans up after itself', async () => {
    const { service, accountId, patientIds, dir } = setup();
    const bytes = await photo(6);
    await service.ingest({ patientId: patientIds[0], kind: 'ecg', bytes, actorAccountId: accountId });
    await expect(service.ingest({ patientId: 999_999, kind: 'ecg', bytes, actorAccountId: accountId })).rejects.toThrow(/FOREIGN KEY/);
    expect(filesUnder(dir)).toHaveLength(2);
  });

  it('refuses with busy when more uploads wait for decoding than the queue holds', async () => {
    const { service, accountId, patientIds } = setup({ maxConcurrentProcessing: 1, maxQueuedProcessing: 1 });
    // Large enough that the first is still being encoded when the others arrive; which of them arrives
    // last depends on the thread pool, so only the tally is asserted.
    const files = await Promise.all([7, 8, 9].map((seed) => quadrants(2400 + seed * 2, 1800)));
    const settled = await Promise.allSettled(
      files.map((bytes) => service.ingest({ patientId: patientIds[0], kind: 'ecg', bytes, actorAccountId: accountId })),
    );
    const codes = settled.map((s) => (s.status === 'rejected' ? (s.reason as DomainError).code : s.value.status));
    expect(codes.sort()).toEqual(['busy', 'stored', 'stored']);
  });
});

describe('document service: reading', () => {
  it('lists a patient’s documents newest first, with the summary fields only', async () => {
    const { service, accountId, patientIds } = setup();
    const older = await service.ingest({ patientId: patientIds[0], kind: 'ecg', bytes: await photo(10), originalName: 'a.jpg', actorAccountId: accountId });
    const middle: number[] = [];
    for (const seed of [14, 15, 16]) {
      middle.push((await service.ingest({ patientId: patientIds[0], kind: 'ecg', bytes: await photo(seed), actorAccountId: accountId })).document.id);
    }
    const newer = await service.ingest({ patientId: patientIds[0], kind: 'echo', bytes: await pdfWithPages(2), actorAccountId: accountId });
    await service.ingest({ patientId: patientIds[1], kind: 'ecg', bytes: await photo(11), actorAccountId: accountId });
    const list = service.list(patientIds[0]);
    expect(list.map((d) => d.id)).toEqual([newer.document.id, ...middle.reverse(), older.document.id]);
    expect(Object.keys(list[0]!).sort()).toEqual(['bytes', 'createdAt', 'id', 'kind', 'mime', 'originalName', 'pageCount']);
    expect(list.at(-1)).toEqual({
      id: older.document.id,
      kind: 'ecg',
      mime: 'image/jpeg',
      bytes: older.document.bytes,
      pageCount: 1,
      createdAt: older.document.createdAt,
      originalName: 'a.jpg',
    });
  });

  it('does not give one patient’s document to another patient', async () => {
    const { service, accountId, patientIds } = setup();
    const { document } = await service.ingest({ patientId: patientIds[0], kind: 'ecg', bytes: await photo(12), actorAccountId: accountId });
    expect(service.get(patientIds[0], document.id)).toEqual(document);
    expect(service.get(patientIds[1], document.id)).toBeUndefined();
    expect(service.get(patientIds[0], document.id + 1)).toBeUndefined();
  });

  it('finds an upload by its Telegram file_unique_id, only within the same patient', async () => {
    const { service, accountId, patientIds } = setup();
    const { document } = await service.ingest({
      patientId: patientIds[0],
      kind: 'ecg',
      bytes: await photo(13),
      telegramFileUniqueId: 'AgADuniq',
      actorAccountId: accountId,
    });
    expect(service.findByTelegramFileUniqueId(patientIds[0], 'AgADuniq')).toEqual(document);
    expect(service.findByTelegramFileUniqueId(patientIds[1], 'AgADuniq')).toBeUndefined();
    expect(service.findByTelegramFileUniqueId(patientIds[0], 'AgADother')).toBeUndefined();
  });
});

describe('document service: removal', () => {
  it('removes a file only once no document references it, and audits each removal', async () => {
    const { service, db, accountId, patientIds, dir } = setup();
    const bytes = await photo(20);
    const a = await service.ingest({ patientId: patientIds[0], kind: 'ecg', bytes, actorAccountId: accountId });
    const b = await service.ingest({ patientId: patientIds[1], kind: 'ecg', bytes, actorAccountId: accountId });
    const actor = { type: 'account', id: accountId } as const;

    expect(await service.remove(patientIds[0], a.document.id, actor)).toBe(true);
    expect(service.get(patientIds[0], a.document.id)).toBeUndefined();
    expect(filesUnder(dir)).toHaveLength(2);
    expect((await service.read(b.document)).length).toBe(b.document.bytes);

    expect(await service.remove(patientIds[1], b.document.id, actor)).toBe(true);
    expect(filesUnder(dir)).toEqual([]);

    const removals = db.select().from(auditLog).where(eq(auditLog.action, 'document.removed')).all();
    expect(removals.map((r) => [r.patientId, JSON.parse(r.details!)])).toEqual([
      [patientIds[0], { documentId: a.document.id, filesRemoved: 0 }],
      [patientIds[1], { documentId: b.document.id, filesRemoved: 2 }],
    ]);
  });

  it('will not remove another patient’s document', async () => {
    const { service, accountId, patientIds, dir } = setup();
    const { document } = await service.ingest({ patientId: patientIds[0], kind: 'ecg', bytes: await photo(21), actorAccountId: accountId });
    expect(await service.remove(patientIds[1], document.id, { type: 'account', id: accountId })).toBe(false);
    expect(service.get(patientIds[0], document.id)).toEqual(document);
    expect(filesUnder(dir)).toHaveLength(2);
  });

  it('never unlinks a file that an upload has stored but not yet recorded', async () => {
    const { service, accountId, patientIds, storage } = setup();
    const bytes = await photo(22);
    const first = await service.ingest({ patientId: patientIds[0], kind: 'ecg', bytes, actorAccountId: accountId });
    const hold = storage.holdNextPut();
    const upload = service.ingest({ patientId: patientIds[1], kind: 'ecg', bytes, actorAccountId: accountId });
    await hold.reached;
    // Patient one's document is the only row referencing the file right now.
    let removed = false;
    const removal = service.remove(patientIds[0], first.document.id, { type: 'system' }).then((r) => (removed = r));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(removed).toBe(false);
    hold.open();
    const [second] = await Promise.all([upload, removal]);
    expect(removed).toBe(true);
    expect((await service.read(second.document)).length).toBe(second.document.bytes);
    expect(await service.readThumbnail(second.document)).toBeDefined();
  });

  it('removes every document of deleted patients and only the files nobody else uses', async () => {
    const { service, db, accountId, patientIds, dir } = setup();
    const shared = await photo(30);
    const mine = await pdfWithPages(1);
    await service.ingest({ patientId: patientIds[0], kind: 'ecg', bytes: shared, actorAccountId: accountId });
    await service.ingest({ patientId: patientIds[0], kind: 'discharge', bytes: mine, actorAccountId: accountId });
    const kept = await service.ingest({ patientId: patientIds[1], kind: 'ecg', bytes: shared, actorAccountId: accountId });
    expect(filesUnder(dir)).toHaveLength(3);

    expect(await service.removeAllForPatients([patientIds[0]])).toBe(2);
    expect(service.list(patientIds[0])).toEqual([]);
    expect(service.list(patientIds[1])).toHaveLength(1);
    expect(filesUnder(dir)).toHaveLength(2);
    expect((await service.read(kept.document)).length).toBe(kept.document.bytes);

    expect(await service.removeAllForPatients(patientIds)).toBe(1);
    expect(filesUnder(dir)).toEqual([]);
    const audit = db.select().from(auditLog).where(eq(auditLog.action, 'document.removed_all')).all();
    expect(audit.map((r) => [r.actorType, r.patientId, JSON.parse(r.details!)])).toEqual([
      ['system', patientIds[0], { count: 2 }],
      ['system', patientIds[1], { count: 1 }],
    ]);
  });
});
