import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { applications, consultations, patients } from '../../db/schema.js';

export type Relation = 'self' | 'child' | 'relative';

export interface Patient {
  id: number;
  accountId: number | null;
  relation: Relation;
  fullName: string;
  birthDate: string;
  phone: string | null;
  phoneVerified: boolean;
  regionCode: string;
  timeZone: string;
}

export type NewPatient = Omit<Patient, 'id' | 'accountId'>;

const columns = {
  id: patients.id,
  accountId: patients.accountId,
  relation: patients.relation,
  fullName: patients.fullName,
  birthDate: patients.birthDate,
  phone: patients.phone,
  phoneVerified: patients.phoneVerified,
  regionCode: patients.regionCode,
  timeZone: patients.timeZone,
};

export function createPatientRepository(db: Db) {
  const ofAccount = (accountId: number) => and(eq(patients.accountId, accountId), isNull(patients.deletedAt));
  return {
    listByAccount(accountId: number): Patient[] {
      return db.select(columns).from(patients).where(ofAccount(accountId)).orderBy(asc(patients.id)).all();
    },
    /** Undefined unless the patient belongs to that account: the ownership check is in the query itself. */
    findOwned(accountId: number, patientId: number): Patient | undefined {
      return db.select(columns).from(patients).where(and(ofAccount(accountId), eq(patients.id, patientId))).get();
    },
    insert(accountId: number, data: NewPatient): Patient {
      return db.insert(patients).values({ ...data, accountId }).returning(columns).get();
    },
    update(accountId: number, patientId: number, patch: Partial<NewPatient>): Patient | undefined {
      return db
        .update(patients)
        .set(patch)
        .where(and(ofAccount(accountId), eq(patients.id, patientId)))
        .returning(columns)
        .get();
    },
    /** Region codes of live profiles, the most common first. */
    frequentRegions(limit: number): string[] {
      return db
        .select({ code: patients.regionCode, n: count() })
        .from(patients)
        .where(isNull(patients.deletedAt))
        .groupBy(patients.regionCode)
        .orderBy(desc(count()), asc(patients.regionCode))
        .limit(limit)
        .all()
        .map((r) => r.code);
    },
    /** True while the patient has a booked consultation or an application a doctor has still to answer. */
    hasOpenCare(patientId: number): boolean {
      const booked = db
        .select({ id: consultations.id })
        .from(consultations)
        .where(and(eq(consultations.patientId, patientId), eq(consultations.status, 'scheduled')))
        .get();
      const open = db
        .select({ id: applications.id })
        .from(applications)
        .where(and(eq(applications.patientId, patientId), inArray(applications.status, ['submitted', 'in_review', 'needs_documents', 'scheduled'])))
        .get();
      return booked !== undefined || open !== undefined;
    },
    /** Hides the profile from its account; its medical records stay for the centers (see patients.deleted_at). */
    markDeleted(accountId: number, patientId: number, now: number): boolean {
      return db.update(patients).set({ deletedAt: now }).where(and(ofAccount(accountId), eq(patients.id, patientId))).run().changes > 0;
    },
    idsOfAccount(accountId: number): number[] {
      return db.select({ id: patients.id }).from(patients).where(eq(patients.accountId, accountId)).all().map((r) => r.id);
    },
    deleteByIds(ids: number[]): void {
      if (ids.length) db.delete(patients).where(inArray(patients.id, ids)).run();
    },
  };
}

export type PatientRepository = ReturnType<typeof createPatientRepository>;
