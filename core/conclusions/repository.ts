import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Writer } from '../../db/client.js';
import { accounts, applications, conclusions, consultations, patients, slots, staff } from '../../db/schema.js';

/** What issuing a conclusion needs to know about its consultation. */
export interface ConsultationForIssue {
  id: number;
  status: 'scheduled' | 'completed' | 'cancelled' | 'no_show';
  staffId: number;
  patientId: number;
  /** The patient's Telegram account; null for a referred patient no account has claimed yet. */
  accountId: number | null;
  accountLocale: string | null;
  applicationId: number | null;
  startsAt: number;
  patientFullName: string;
  patientBirthDate: string;
  patientTimeZone: string;
  patientDeletedAt: number | null;
  staffName: string;
  staffActive: boolean;
  staffCenterCode: string | null;
  applicationCenterCode: string | null;
}

export interface ConclusionRecord {
  id: number;
  consultationId: number;
  patientId: number;
  staffId: number;
  verificationCode: string;
  outcome: string;
  pdfKey: string;
  createdAt: number;
}

/** A conclusion as the public verification sees it, before it is cut down to what a stranger may read. */
export interface ConclusionForVerify {
  id: number;
  patientId: number;
  verificationCode: string;
  outcome: string;
  createdAt: number;
  consultationAt: number;
  patientFullName: string;
  staffName: string;
  staffCenterCode: string | null;
  applicationCenterCode: string | null;
}

export type NewConclusion = Omit<ConclusionRecord, 'id' | 'patientId' | 'staffId'> & { text: string; recommendations: string };

const record = {
  id: conclusions.id,
  consultationId: conclusions.consultationId,
  patientId: consultations.patientId,
  staffId: consultations.staffId,
  verificationCode: conclusions.verificationCode,
  outcome: conclusions.outcome,
  pdfKey: conclusions.pdfKey,
  createdAt: conclusions.createdAt,
};

export type ConclusionRepository = ReturnType<typeof createConclusionRepository>;

export function createConclusionRepository(db: Db) {
  const byRecord = () => db.select(record).from(conclusions).innerJoin(consultations, eq(consultations.id, conclusions.consultationId));

  return {
    consultationForIssue(consultationId: number): ConsultationForIssue | undefined {
      return db
        .select({
          id: consultations.id,
          status: consultations.status,
          staffId: consultations.staffId,
          patientId: consultations.patientId,
          accountId: patients.accountId,
          accountLocale: accounts.locale,
          applicationId: consultations.applicationId,
          startsAt: slots.startsAt,
          patientFullName: patients.fullName,
          patientBirthDate: patients.birthDate,
          patientTimeZone: patients.timeZone,
          patientDeletedAt: patients.deletedAt,
          staffName: staff.name,
          staffActive: staff.active,
          staffCenterCode: staff.centerCode,
          applicationCenterCode: applications.centerCode,
        })
        .from(consultations)
        .innerJoin(patients, eq(patients.id, consultations.patientId))
        .innerJoin(staff, eq(staff.id, consultations.staffId))
        .innerJoin(slots, eq(slots.id, consultations.slotId))
        .leftJoin(applications, eq(applications.id, consultations.applicationId))
        .leftJoin(accounts, eq(accounts.telegramId, patients.accountId))
        .where(eq(consultations.id, consultationId))
        .get();
    },

    /** Marks a scheduled consultation completed; false when it was not scheduled (any more). */
    completeConsultation(tx: Writer, consultationId: number, now: number): boolean {
      const result = tx
        .update(consultations)
        .set({ status: 'completed', updatedAt: now })
        .where(and(eq(consultations.id, consultationId), eq(consultations.status, 'scheduled')))
        .run();
      return result.changes === 1;
    },

    /** Closes the application the consultation was booked for, if it is still waiting on that consultation. */
    completeApplication(tx: Writer, applicationId: number, now: number): void {
      tx.update(applications)
        .set({ status: 'completed', closedAt: now, updatedAt: now })
        .where(and(eq(applications.id, applicationId), eq(applications.status, 'scheduled')))
        .run();
    },

    insert(tx: Writer, values: NewConclusion): number {
      return tx.insert(conclusions).values(values).returning({ id: conclusions.id }).get().id;
    },

    findById(conclusionId: number): ConclusionRecord | undefined {
      return byRecord().where(eq(conclusions.id, conclusionId)).get();
    },

    findByConsultation(consultationId: number): ConclusionRecord | undefined {
      return byRecord().where(eq(conclusions.consultationId, consultationId)).get();
    },

    pdfKeysOfPatients(patientIds: readonly number[]): string[] {
      if (patientIds.length === 0) return [];
      return db
        .select({ pdfKey: conclusions.pdfKey })
        .from(conclusions)
        .innerJoin(consultations, eq(consultations.id, conclusions.consultationId))
        .where(inArray(consultations.patientId, [...patientIds]))
        .all()
        .map((r) => r.pdfKey);
    },

    findForVerify(verificationCode: string): ConclusionForVerify | undefined {
      return db
        .select({
          id: conclusions.id,
          patientId: consultations.patientId,
          verificationCode: conclusions.verificationCode,
          outcome: conclusions.outcome,
          createdAt: conclusions.createdAt,
          consultationAt: slots.startsAt,
          patientFullName: patients.fullName,
          staffName: staff.name,
          staffCenterCode: staff.centerCode,
          applicationCenterCode: applications.centerCode,
        })
        .from(conclusions)
        .innerJoin(consultations, eq(consultations.id, conclusions.consultationId))
        .innerJoin(patients, eq(patients.id, consultations.patientId))
        .innerJoin(staff, eq(staff.id, consultations.staffId))
        .innerJoin(slots, eq(slots.id, consultations.slotId))
        .leftJoin(applications, eq(applications.id, consultations.applicationId))
        .where(eq(conclusions.verificationCode, verificationCode))
        .get();
    },
  };
}
