import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { createAuditLog } from '../../core/audit.js';
import type { Clock } from '../../core/clock.js';
import { createDocumentService, type DocumentServiceDeps } from '../../core/documents/service.js';
import { createFileStorage, type FileStorage } from '../../core/documents/storage.js';
import { openDatabase, type Db } from '../../db/client.js';
import { accounts, patients } from '../../db/schema.js';

// Every fixture is generated here: no patient-like binary ever sits in the repository.

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'documents-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Stored files under a storage root, temp files included, as paths relative to it. */
export function filesUnder(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else found.push(path.relative(root, full));
    }
  };
  walk(root);
  return found.sort();
}

export function createTestDb(): { db: Db; accountId: number; patientIds: [number, number] } {
  const db = openDatabase(':memory:');
  const accountId = 5_000_001;
  db.insert(accounts).values({ telegramId: accountId, consentVersion: '1', consentAt: 0 }).run();
  const patient = (fullName: string) =>
    db
      .insert(patients)
      .values({ accountId, relation: 'self', fullName, birthDate: '1970-01-01', regionCode: '77', timeZone: 'Europe/Moscow' })
      .returning({ id: patients.id })
      .get().id;
  return { db, accountId, patientIds: [patient('Patient One'), patient('Patient Two')] };
}

export function steppingClock(start = 1_700_000_000_000, step = 1_000): Clock & { advance(ms: number): void } {
  let now = start;
  return {
    now: () => (now += step),
    advance: (ms) => void (now += ms),
  };
}

export function createTestService(overrides: Partial<DocumentServiceDeps> = {}) {
  const { db, accountId, patientIds } = createTestDb();
  const { dir, cleanup } = tempDir();
  const clock = steppingClock();
  const storage = observedStorage(createFileStorage(dir));
  const service = createDocumentService({ db, filesDir: dir, clock, audit: createAuditLog(db, clock), storage, ...overrides });
  return { service, db, dir, cleanup, accountId, patientIds, clock, storage };
}

/**
 * The real storage, counting puts, and able to hold the next put after its file is written: the moment
 * between "file on disk" and "row inserted" that races are about.
 */
export function observedStorage(inner: FileStorage) {
  let gate: { reached: () => void; opened: Promise<void> } | undefined;
  const storage = {
    ...inner,
    puts: 0,
    async put(key: string, data: Uint8Array) {
      storage.puts++;
      await inner.put(key, data);
      const held = gate;
      gate = undefined;
      if (held) {
        held.reached();
        await held.opened;
      }
    },
    /** Resolves `reached` once the next put has written its file; that put returns only after open(). */
    holdNextPut() {
      let open!: () => void;
      let reached!: () => void;
      const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
      gate = { reached, opened: new Promise<void>((resolve) => (open = resolve)) };
      return { reached: reachedPromise, open };
    },
  };
  return storage;
}

/** A photo as a phone writes it: orientation, camera make, a GPS fix, a capture date, XMP and a P3 colour profile. */
export async function phoneJpeg(options: { width?: number; height?: number; orientation?: number } = {}): Promise<Buffer> {
  const { width = 64, height = 48, orientation = 1 } = options;
  return sharp(await quadrants(width, height))
    .withExif({
      IFD0: { Make: 'AcmePhone', Model: 'X1' },
      IFD2: { DateTimeOriginal: '2024:01:02 03:04:05' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55, 45, 0', GPSLongitudeRef: 'E', GPSLongitude: '37, 37, 0', GPSMapDatum: 'WGS-84' },
    })
    .withMetadata({ orientation })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
        '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="55,45.0N" exif:GPSLongitude="37,37.0E"/>' +
        '</rdf:RDF></x:xmpmeta>',
    )
    .withIccProfile('p3')
    .jpeg({ quality: 95 })
    .toBuffer();
}

/** A PNG whose top-left quadrant is red and the rest blue, so orientation can be read back from pixels. */
export async function quadrants(width: number, height: number): Promise<Buffer> {
  const red = await sharp({ create: { width: width / 2, height: height / 2, channels: 3, background: '#ff0000' } }).png().toBuffer();
  return sharp({ create: { width, height, channels: 3, background: '#0000ff' } })
    .composite([{ input: red, left: 0, top: 0 }])
    .png()
    .toBuffer();
}

/** The colour of one pixel, as [r, g, b]. */
export async function pixel(image: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}

/** Tag ids found in the GPS IFD of an EXIF block (as sharp's metadata() returns it), or [] without one. */
export function gpsTags(exif: Buffer | undefined): number[] {
  if (!exif) return [];
  const tiff = exif.subarray(exif.indexOf('Exif\0\0') === 0 ? 6 : 0);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const entries = (ifd: number) => Array.from({ length: u16(ifd) }, (_, i) => ifd + 2 + i * 12);
  const gpsPointer = entries(u32(4)).find((entry) => u16(entry) === 0x8825);
  return gpsPointer === undefined ? [] : entries(u32(gpsPointer + 8)).map(u16);
}

export async function pdfWithPages(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage().drawText(`Page ${i + 1}`, { x: 50, y: 700 });
  return Buffer.from(await doc.save());
}

/** A one-page PDF written by hand, with correct xref offsets, and trailer entries of the caller's choice. */
export function handmadePdf(extraObjects: string[], trailerExtra: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    ...extraObjects,
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const fileId = '<0123456789abcdef0123456789abcdef>';

/** Standard security handler, RC4 40-bit: what a PDF "protected with a password" carries. pdf-lib cannot write one. */
export function encryptedPdf(): Buffer {
  const o = `<${'28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a'}>`;
  const u = `<${'8a9c2e1f3b4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7'}>`;
  return handmadePdf([`<< /Filter /Standard /V 1 /R 2 /O ${o} /U ${u} /P -44 >>`], `/Encrypt 4 0 R /ID [${fileId} ${fileId}]`);
}

/** The same document as encryptedPdf() without the /Encrypt entry: the control that shows only encryption is refused. */
export function plainHandmadePdf(): Buffer {
  return handmadePdf([], `/ID [${fileId} ${fileId}]`);
}

/** A small PDF whose object stream inflates to `megabytes` of spaces when parsed. */
export function pdfWithInflationBomb(megabytes: number): Buffer {
  const payload = deflateSync(Buffer.alloc(megabytes * 1024 * 1024, 0x20), { level: 9 });
  const head = handmadePdf([], '').toString('latin1').split('xref\n')[0]!;
  return Buffer.concat([
    Buffer.from(`${head}4 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${payload.length} >>\nstream\n`, 'latin1'),
    payload,
    Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R /Size 5 >>\n%%EOF\n', 'latin1'),
  ]);
}

/** A Windows executable: DOS stub pointing at a PE header for x86. */
export function windowsExecutable(): Buffer {
  const bytes = Buffer.alloc(512);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
  bytes.write('PE\0\0', 0x80, 'latin1');
  bytes.writeUInt16LE(0x014c, 0x84); // IMAGE_FILE_MACHINE_I386
  bytes.writeUInt16LE(1, 0x86); // one section
  bytes.writeUInt16LE(0x00e0, 0x94); // optional header size
  bytes.writeUInt16LE(0x010b, 0x98); // PE32 magic
  return bytes;
}

/** The start of an HEIF file as iPhones write it: an ftyp box with major brand `brand`. */
export function heifHeader(brand: 'heic' | 'mif1' = 'heic'): Buffer {
  const box = Buffer.alloc(24);
  box.writeUInt32BE(24, 0);
  box.write('ftyp', 4, 'latin1');
  box.write(brand, 8, 'latin1');
  box.write('mif1heic', 16, 'latin1');
  return Buffer.concat([box, Buffer.alloc(64)]);
}

/**
 * A valid PNG declaring width x height pixels of one grey level, a few hundred KB at most. Written with
 * zlib rather than sharp: sharp needs 6-30 s to encode 30000x30000, and deflate cannot shrink 8-bit RGB
 * below ~1/1000 (2.6 MB), while 1-bit greyscale rows of zeros can.
 */
export function pixelBombPng(width: number, height: number): Buffer {
  const row = Buffer.alloc(1 + Math.ceil(width / 8)); // filter byte 0, then 1-bit pixels, all black
  const idat = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)), { level: 9 });
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(1, 8); // bit depth
  ihdr.writeUInt8(0, 9); // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', idat),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
