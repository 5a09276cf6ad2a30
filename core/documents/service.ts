import { createHash } from 'node:crypto';
import os from 'node:os';
import type { AuditActor, AuditLog } from '../audit.js';
import type { Clock } from '../clock.js';
import type { Db } from '../../db/client.js';
import { detectType } from './detect.js';
import { documentError } from './errors.js';
import { imageMegapixels, tuneSharpForUploads } from './images.js';
import { createKeyLock } from './key-lock.js';
import { createLimiter } from './limiter.js';
import { PDF_LIMITS, type PdfLimits } from './pdf.js';
import { prepareDocument } from './prepare.js';
import { createDocumentRepository, type DocumentSummary, type PatientDocument } from './repository.js';
import { createFileStorage, storageKeyFor, type FileStorage } from './storage.js';

/** Telegram's Bot API lets a bot download at most 20 MB; nothing larger can reach us through the bot. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Megapixels decoded at once unless configured: two 12 MP phone photos. */
export const DEFAULT_PROCESSING_MEGAPIXELS = 25;
const PDF_PROCESSING_WEIGHT = 12;

export interface DocumentServiceDeps {
  db: Db;
  filesDir: string;
  clock: Clock;
  audit: AuditLog;
  /** The catalog's document kinds; when given, any other kind is refused with unknown_kind. */
  knownKinds?: ReadonlySet<string>;
  /** Uploads processed at once; default os.availableParallelism(). */
  maxConcurrentProcessing?: number;
  /**
   * Megapixels decoded at once, default 25: two 12 MP phone photos, or one larger image alone. Memory of
   * a decode follows its pixels, so this, not the count, keeps 8 uploads in flight near 300 MB of RSS.
   */
  maxProcessingMegapixels?: number;
  /** Uploads waiting for a decode slot before new ones are refused with busy. */
  maxQueuedProcessing?: number;
  pdfLimits?: PdfLimits;
  /** Another backend under the same contract; by default files go under filesDir. */
  storage?: FileStorage;
}

export interface IngestInput {
  patientId: number;
  kind: string;
  bytes: Buffer;
  originalName?: string | null;
  telegramFileUniqueId?: string | null;
  actorAccountId: number;
}

export type IngestResult =
  | { status: 'stored'; document: PatientDocument }
  | { status: 'duplicate'; document: PatientDocument };

export type DocumentService = ReturnType<typeof createDocumentService>;

export function createDocumentService(deps: DocumentServiceDeps) {
  const { db, clock, audit } = deps;
  const repo = createDocumentRepository(db);
  const storage = deps.storage ?? createFileStorage(deps.filesDir);
  const keyLock = createKeyLock();
  const limiter = createLimiter({
    concurrency: deps.maxConcurrentProcessing ?? os.availableParallelism(),
    capacity: deps.maxProcessingMegapixels ?? DEFAULT_PROCESSING_MEGAPIXELS,
    maxQueue: deps.maxQueuedProcessing ?? 32,
    rejectWhenFull: () => documentError('busy'),
  });
  const pdfLimits = deps.pdfLimits ?? PDF_LIMITS;
  tuneSharpForUploads();

  /** Unlinks each key that no document outside `leaving` references; call holding the keys. */
  async function dropUnreferenced(keys: readonly string[], leaving: ReadonlySet<number>): Promise<number> {
    let removed = 0;
    for (const key of new Set(keys)) {
      if (repo.referencing(key).every((id) => leaving.has(id))) {
        await storage.remove(key);
        removed++;
      }
    }
    return removed;
  }

  return {
    /**
     * Checks, cleans and stores one upload. Refusals (DomainError): file_too_big, unknown_kind, empty_file,
     * heic, unsupported_type, image_too_large, image_broken, pdf_encrypted, pdf_broken, busy.
     */
    async ingest(input: IngestInput): Promise<IngestResult> {
      const { patientId, bytes } = input;
      if (bytes.length > MAX_FILE_BYTES) throw documentError('file_too_big', { bytes: bytes.length, maxBytes: MAX_FILE_BYTES });
      if (!input.kind || (deps.knownKinds && !deps.knownKinds.has(input.kind))) throw documentError('unknown_kind');
      const type = await detectType(bytes);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      // Saves the decode for the common resend; the unique index below is what makes it correct under races.
      const known = repo.findBySha(patientId, sha256);
      if (known) return { status: 'duplicate', document: known };

      // A PDF is parsed, not rendered: its worker is charged like one photo.
      const weight = type.kind === 'image' ? await imageMegapixels(bytes) : PDF_PROCESSING_WEIGHT;
      const prepared = await limiter.run(() => prepareDocument(bytes, type, pdfLimits), weight);
      const storageKey = storageKeyFor(prepared.data, prepared.ext);
      const thumbnailKey = prepared.thumbnail ? storageKeyFor(prepared.thumbnail, 'jpg') : null;
      const keys = keysOf({ storageKey, thumbnailKey });

      return keyLock.run(keys, async () => {
        await storage.put(storageKey, prepared.data);
        if (prepared.thumbnail && thumbnailKey) await storage.put(thumbnailKey, prepared.thumbnail);
        let stored: PatientDocument | undefined;
        try {
          stored = db.transaction(() => {
            const row = repo.insert({
              patientId,
              kind: input.kind,
              mime: prepared.mime,
              bytes: prepared.data.length,
              sha256,
              storageKey,
              thumbnailKey,
              pageCount: prepared.pageCount,
              width: prepared.width,
              height: prepared.height,
              originalName: cleanOriginalName(input.originalName),
              telegramFileUniqueId: input.telegramFileUniqueId || null,
              createdAt: clock.now(),
            });
            if (row) {
              audit.record({
                actor: { type: 'account', id: input.actorAccountId },
                action: 'document.ingested',
                patientId,
                details: { documentId: row.id, bytes: row.bytes, pageCount: row.pageCount },
              });
            }
            return row;
          });
        } catch (err) {
          await dropUnreferenced(keys, new Set()).catch((cleanupErr: unknown) => {
            throw new AggregateError([err, cleanupErr], 'Document insert failed and its files could not be removed');
          });
          throw err;
        }
        if (stored) return { status: 'stored', document: stored };
        // A concurrent upload of the same bytes for this patient won the unique index.
        await dropUnreferenced(keys, new Set());
        const winner = repo.findBySha(patientId, sha256);
        if (!winner) throw new Error('Document insert conflicted but no document holds its sha256');
        return { status: 'duplicate', document: winner };
      });
    },

    /** Lets the bot answer "already uploaded" before downloading the file again. */
    findByTelegramFileUniqueId(patientId: number, uniqueId: string): PatientDocument | undefined {
      return repo.findByTelegramFileUniqueId(patientId, uniqueId);
    },

    /** Newest first. */
    list(patientId: number): DocumentSummary[] {
      return repo.listByPatient(patientId);
    },

    /** Undefined when the document does not exist or belongs to another patient. */
    get(patientId: number, documentId: number): PatientDocument | undefined {
      return repo.findById(patientId, documentId);
    },

    read(document: Pick<PatientDocument, 'storageKey'>): Promise<Buffer> {
      return storage.read(document.storageKey);
    },

    /** Undefined for documents without a thumbnail (PDFs). */
    async readThumbnail(document: Pick<PatientDocument, 'thumbnailKey'>): Promise<Buffer | undefined> {
      return document.thumbnailKey ? storage.read(document.thumbnailKey) : undefined;
    },

    /** False when there is no such document of this patient. Files go before the row, so a failed unlink can be retried. */
    async remove(patientId: number, documentId: number, actor: AuditActor): Promise<boolean> {
      const document = repo.findById(patientId, documentId);
      if (!document) return false;
      const keys = keysOf(document);
      return keyLock.run(keys, async () => {
        if (!repo.findById(patientId, documentId)) return false;
        const filesRemoved = await dropUnreferenced(keys, new Set([documentId]));
        db.transaction(() => {
          repo.deleteByIds([documentId]);
          audit.record({ actor, action: 'document.removed', patientId, details: { documentId, filesRemoved } });
        });
        return true;
      });
    },

    /**
     * For account deletion: every document of these patients and each file no one else references.
     * Call it before the patient rows go: their cascade would drop the rows and orphan the files.
     * Returns how many documents were removed.
     */
    async removeAllForPatients(patientIds: readonly number[], actor: AuditActor = { type: 'system' }): Promise<number> {
      let total = 0;
      // Uploads finishing meanwhile add rows under keys not yet held; each round takes what exists then.
      for (let round = 0; round < 5; round++) {
        const seen = repo.filesOfPatients(patientIds);
        if (seen.length === 0) return total;
        const held = new Set(seen.flatMap(keysOf));
        total += await keyLock.run([...held], async () => {
          // Read again under the locks and take only rows whose files are all held.
          const rows = repo.filesOfPatients(patientIds).filter((row) => keysOf(row).every((key) => held.has(key)));
          const leaving = new Set(rows.map((row) => row.id));
          await dropUnreferenced(rows.flatMap(keysOf), leaving);
          const perPatient = new Map<number, number>();
          for (const row of rows) perPatient.set(row.patientId, (perPatient.get(row.patientId) ?? 0) + 1);
          db.transaction(() => {
            repo.deleteByIds([...leaving]);
            for (const [patientId, count] of perPatient) {
              audit.record({ actor, action: 'document.removed_all', patientId, details: { count } });
            }
          });
          return rows.length;
        });
      }
      throw new Error('Documents kept appearing while removing them; is the account still uploading?');
    },
  };
}

function keysOf(row: Pick<PatientDocument, 'storageKey' | 'thumbnailKey'>): string[] {
  return row.thumbnailKey ? [row.storageKey, row.thumbnailKey] : [row.storageKey];
}

/** The name as the patient's phone gave it, minus any folder part and control characters; shown back to them only. */
function cleanOriginalName(name: string | null | undefined): string | null {
  if (!name) return null;
  const cleaned = name.replace(/^.*[\\/]/, '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return cleaned ? Array.from(cleaned).slice(0, 255).join('') : null;
}
