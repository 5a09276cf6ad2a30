import { and, desc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { documents } from '../../db/schema.js';

export interface PatientDocument {
  id: number;
  patientId: number;
  kind: string;
  mime: string;
  /** Size of the stored file, which for images is the re-encoded one. */
  bytes: number;
  /** Of the bytes as uploaded: what duplicates are recognised by. */
  sha256: string;
  storageKey: string;
  thumbnailKey: string | null;
  pageCount: number;
  width: number | null;
  height: number | null;
  originalName: string | null;
  telegramFileUniqueId: string | null;
  createdAt: number;
}

export type DocumentSummary = Pick<PatientDocument, 'id' | 'kind' | 'mime' | 'bytes' | 'pageCount' | 'createdAt' | 'originalName'>;

export type NewDocument = Omit<PatientDocument, 'id'>;

export interface StoredFiles {
  id: number;
  patientId: number;
  storageKey: string;
  thumbnailKey: string | null;
}

const full = {
  id: documents.id,
  patientId: documents.patientId,
  kind: documents.kind,
  mime: documents.mime,
  bytes: documents.bytes,
  sha256: documents.sha256,
  storageKey: documents.storageKey,
  thumbnailKey: documents.thumbnailKey,
  pageCount: documents.pageCount,
  width: documents.width,
  height: documents.height,
  originalName: documents.originalName,
  telegramFileUniqueId: documents.telegramFileUniqueId,
  createdAt: documents.createdAt,
};

const summary = {
  id: documents.id,
  kind: documents.kind,
  mime: documents.mime,
  bytes: documents.bytes,
  pageCount: documents.pageCount,
  createdAt: documents.createdAt,
  originalName: documents.originalName,
};

const files = {
  id: documents.id,
  patientId: documents.patientId,
  storageKey: documents.storageKey,
  thumbnailKey: documents.thumbnailKey,
};

// Well under SQLite's bound-parameter limit.
const CHUNK = 500;

export type DocumentRepository = ReturnType<typeof createDocumentRepository>;

/** Every query is scoped by patient where a patient is known, so a wrong id cannot reach another's document. */
export function createDocumentRepository(db: Db) {
  return {
    /** Undefined when this patient already has a document with the same sha256: the unique index decides, not a prior read. */
    insert(values: NewDocument): PatientDocument | undefined {
      return db
        .insert(documents)
        .values(values)
        .onConflictDoNothing({ target: [documents.patientId, documents.sha256] })
        .returning(full)
        .get();
    },

    findBySha(patientId: number, sha256: string): PatientDocument | undefined {
      return db
        .select(full)
        .from(documents)
        .where(and(eq(documents.patientId, patientId), eq(documents.sha256, sha256)))
        .get();
    },

    findById(patientId: number, id: number): PatientDocument | undefined {
      return db
        .select(full)
        .from(documents)
        .where(and(eq(documents.patientId, patientId), eq(documents.id, id)))
        .get();
    },

    findByTelegramFileUniqueId(patientId: number, uniqueId: string): PatientDocument | undefined {
      return db
        .select(full)
        .from(documents)
        .where(and(eq(documents.patientId, patientId), eq(documents.telegramFileUniqueId, uniqueId)))
        .orderBy(desc(documents.id))
        .limit(1)
        .get();
    },

    listByPatient(patientId: number): DocumentSummary[] {
      return db
        .select(summary)
        .from(documents)
        .where(eq(documents.patientId, patientId))
        .orderBy(desc(documents.createdAt), desc(documents.id))
        .all();
    },

    filesOfPatients(patientIds: readonly number[]): StoredFiles[] {
      const rows: StoredFiles[] = [];
      for (const ids of chunks(patientIds)) {
        rows.push(...db.select(files).from(documents).where(inArray(documents.patientId, ids)).all());
      }
      return rows;
    },

    /** Ids of every document whose main file or thumbnail is stored under key. */
    referencing(key: string): number[] {
      return db
        .select({ id: documents.id })
        .from(documents)
        .where(or(eq(documents.storageKey, key), eq(documents.thumbnailKey, key)))
        .all()
        .map((row) => row.id);
    },

    deleteByIds(ids: readonly number[]): number {
      let deleted = 0;
      for (const part of chunks(ids)) {
        deleted += db.delete(documents).where(inArray(documents.id, part)).run().changes;
      }
      return deleted;
    },
  };
}

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += CHUNK) yield items.slice(i, i + CHUNK);
}
