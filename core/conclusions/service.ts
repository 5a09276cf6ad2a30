import type { AuditLog } from '../audit.js';
import type { Catalog } from '../catalog/index.js';
import type { Clock } from '../clock.js';
import { createFileStorage, storageKeyFor, type FileStorage } from '../documents/storage.js';
import { DomainError } from '../errors.js';
import { queueButtonEdits } from '../outbox/consultation-buttons.js';
import { enqueue } from '../outbox/repository.js';
import type { Db } from '../../db/client.js';
import { generateVerificationCode, normalizeCode } from './code.js';
import { initialsOf } from './format.js';
import { SERVICE_HEADER, type DocumentLocale } from './labels.js';
import { renderConclusionPdf } from './pdf.js';
import { createConclusionRepository, type ConclusionRecord, type ConsultationForIssue } from './repository.js';

export const MAX_TEXT_LENGTH = 5000;
export const MAX_RECOMMENDATIONS_LENGTH = 3000;

/** Every expected refusal of issuing a conclusion; the staff bot maps each to a message. */
export type ConclusionErrorCode =
  | 'conclusion_text_empty'
  | 'conclusion_text_too_long'
  | 'recommendations_too_long'
  | 'unknown_outcome'
  | 'consultation_not_found'
  | 'not_your_consultation'
  | 'staff_inactive'
  | 'consultation_not_started'
  | 'consultation_not_open'
  | 'conclusion_already_issued';

function conclusionError(code: ConclusionErrorCode, details?: Record<string, string | number>): DomainError<ConclusionErrorCode> {
  return new DomainError(code, details);
}

/** The outbox template that brings the PDF to the patient in the patient bot; params: { conclusionId }. */
export const CONCLUSION_READY_TEMPLATE = 'conclusion_ready';

export interface ConclusionServiceDeps {
  db: Db;
  filesDir: string;
  clock: Clock;
  audit: AuditLog;
  catalog: Catalog;
  /** Another backend under the same contract; by default files go under filesDir. */
  storage?: FileStorage;
}

export interface IssueConclusionInput {
  consultationId: number;
  staffId: number;
  text: string;
  /** A catalog outcome code. */
  outcome: string;
  recommendations?: string;
  /** The language of the document; by default the language of the patient's account (Russian without one). */
  locale?: DocumentLocale;
  /** Public origin of the server, e.g. https://oblako.example.org; the PDF prints <base>/verify/<code>. */
  verifyBaseUrl: string;
}

export interface IssuedConclusion {
  conclusionId: number;
  verificationCode: string;
  pdf: Buffer;
}

/** What an anonymous visitor of /verify/<code> may learn: no full name, no text, no diagnosis. */
export interface VerifiedConclusion {
  verificationCode: string;
  issuedAt: number;
  consultationAt: number;
  centerName: { ru: string; en: string };
  doctorName: string;
  /** "Иванова М. П." */
  patientInitials: string;
  /** A catalog outcome code. */
  outcome: string;
}

export type ConclusionSummary = Omit<ConclusionRecord, 'pdfKey'>;

export type ConclusionService = ReturnType<typeof createConclusionService>;

export function createConclusionService(deps: ConclusionServiceDeps) {
  const { db, clock, audit, catalog } = deps;
  const repo = createConclusionRepository(db);
  const storage = deps.storage ?? createFileStorage(deps.filesDir);

  function centerOf(row: { applicationCenterCode: string | null; staffCenterCode: string | null }) {
    const code = row.applicationCenterCode ?? row.staffCenterCode;
    return catalog.centers.find((c) => c.code === code);
  }

  function checkConsultation(row: ConsultationForIssue | undefined, staffId: number): ConsultationForIssue {
    if (!row) throw conclusionError('consultation_not_found');
    if (row.staffId !== staffId) throw conclusionError('not_your_consultation');
    if (!row.staffActive) throw conclusionError('staff_inactive');
    if (row.status === 'completed' && repo.findByConsultation(row.id)) throw conclusionError('conclusion_already_issued');
    if (row.status !== 'scheduled' || row.patientDeletedAt !== null) throw conclusionError('consultation_not_open', { status: row.status });
    if (clock.now() < row.startsAt) throw conclusionError('consultation_not_started');
    return row;
  }

  return {
    /**
     * Renders and stores the PDF; then, in one transaction, records the conclusion, completes the consultation
     * (and its application) and queues the PDF for the patient's bot. Refusals: see ConclusionErrorCode.
     * Of two concurrent issues for one consultation one wins; the other gets conclusion_already_issued.
     */
    async issue(input: IssueConclusionInput): Promise<IssuedConclusion> {
      const text = tidy(input.text);
      const recommendations = tidy(input.recommendations ?? '');
      if (!text) throw conclusionError('conclusion_text_empty');
      if (lengthOf(text) > MAX_TEXT_LENGTH) throw conclusionError('conclusion_text_too_long', { max: MAX_TEXT_LENGTH, length: lengthOf(text) });
      if (lengthOf(recommendations) > MAX_RECOMMENDATIONS_LENGTH) {
        throw conclusionError('recommendations_too_long', { max: MAX_RECOMMENDATIONS_LENGTH, length: lengthOf(recommendations) });
      }
      const outcome = catalog.outcomes.find((o) => o.code === input.outcome);
      if (!outcome) throw conclusionError('unknown_outcome');
      const base = verifyBase(input.verifyBaseUrl);
      const row = checkConsultation(repo.consultationForIssue(input.consultationId), input.staffId);

      const locale = input.locale ?? (row.accountLocale === 'en' ? 'en' : 'ru');
      const center = centerOf(row);
      const verificationCode = generateVerificationCode();
      const issuedAt = clock.now();
      const pdf = await renderConclusionPdf({
        locale,
        center: center ? { name: center.name[locale], shortName: center.shortName[locale] } : SERVICE_HEADER[locale],
        doctorName: row.staffName,
        patient: { fullName: row.patientFullName, birthDate: row.patientBirthDate },
        consultationAt: row.startsAt,
        timeZone: row.patientTimeZone,
        text,
        outcome: outcome[locale],
        recommendations,
        verificationCode,
        verifyUrl: `${base}/verify/${verificationCode}`,
        issuedAt,
      });
      // The code is printed in the PDF, so these bytes, and this key, belong to this conclusion alone.
      const pdfKey = storageKeyFor(pdf, 'pdf');
      await storage.put(pdfKey, pdf);

      let conclusionId: number;
      try {
        conclusionId = db.transaction((tx) => {
          // The status guard makes the second of two racing issues fail here rather than double-complete.
          if (!repo.completeConsultation(tx, row.id, issuedAt)) {
            throw repo.findByConsultation(row.id) ? conclusionError('conclusion_already_issued') : conclusionError('consultation_not_open');
          }
          if (row.applicationId !== null) repo.completeApplication(tx, row.applicationId, issuedAt);
          queueButtonEdits(tx, row.id, 'completed', issuedAt);
          const id = repo.insert(tx, {
            consultationId: row.id,
            text,
            outcome: outcome.code,
            recommendations,
            verificationCode,
            pdfKey,
            createdAt: issuedAt,
          });
          audit.record({
            actor: { type: 'staff', id: input.staffId },
            action: 'conclusion.issued',
            patientId: row.patientId,
            details: { conclusionId: id, consultationId: row.id },
          });
          // Queued with the conclusion itself: the patient is sent the PDF exactly when it exists.
          if (row.accountId !== null) {
            enqueue(
              tx,
              { chatId: row.accountId, template: CONCLUSION_READY_TEMPLATE, params: { conclusionId: id }, dedupeKey: `conclusion:${id}:ready` },
              issuedAt,
            );
          }
          return id;
        });
      } catch (err) {
        await storage.remove(pdfKey).catch((cleanupErr: unknown) => {
          throw new AggregateError([err, cleanupErr], 'Conclusion insert failed and its PDF could not be removed');
        });
        throw err;
      }
      return { conclusionId, verificationCode, pdf };
    },

    /** The public check of a code as typed (any case, spaces, dashes); undefined when no conclusion has it. */
    verify(code: string): VerifiedConclusion | undefined {
      const normalized = normalizeCode(code);
      if (!normalized) return undefined;
      const row = repo.findForVerify(normalized);
      if (!row) return undefined;
      const center = centerOf(row);
      audit.record({ actor: { type: 'system' }, action: 'conclusion.verified', patientId: row.patientId, details: { conclusionId: row.id } });
      return {
        verificationCode: row.verificationCode,
        issuedAt: row.createdAt,
        consultationAt: row.consultationAt,
        centerName: center ? { ru: center.name.ru, en: center.name.en } : { ru: SERVICE_HEADER.ru.name, en: SERVICE_HEADER.en.name },
        doctorName: row.staffName,
        patientInitials: initialsOf(row.patientFullName),
        outcome: row.outcome,
      };
    },

    get(conclusionId: number): ConclusionSummary | undefined {
      return summaryOf(repo.findById(conclusionId));
    },

    getByConsultation(consultationId: number): ConclusionSummary | undefined {
      return summaryOf(repo.findByConsultation(consultationId));
    },

    /**
     * For account deletion: removes the PDFs of these patients' conclusions. Call it before the patient rows
     * go, whose cascade drops the conclusion rows and would leave the files, with names and health data, behind.
     */
    async removeAllForPatients(patientIds: readonly number[]): Promise<number> {
      const keys = repo.pdfKeysOfPatients(patientIds);
      for (const key of keys) await storage.remove(key);
      return keys.length;
    },

    /** The issued PDF, for sending again; undefined when there is no such conclusion. The caller checks who may have it. */
    async readPdf(conclusionId: number): Promise<Buffer | undefined> {
      const found = repo.findById(conclusionId);
      return found ? storage.read(found.pdfKey) : undefined;
    },
  };
}

function summaryOf(row: ConclusionRecord | undefined): ConclusionSummary | undefined {
  if (!row) return undefined;
  const { pdfKey: _pdfKey, ...summary } = row;
  return summary;
}

/** One line ending, no trailing spaces, at most one empty line in a row, no blank start or end. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Characters as a person counts them: an emoji or a letter outside the BMP is one. */
function lengthOf(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function verifyBase(url: string): string {
  const parsed = new URL(url);
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.search || parsed.hash) {
    throw new TypeError(`verifyBaseUrl must be a plain http(s) URL: ${url}`);
  }
  return `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '');
}
