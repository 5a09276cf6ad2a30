import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { patients } from '../../db/schema.js';

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
    idsOfAccount(accountId: number): number[] {
      return db.select({ id: patients.id }).from(patients).where(eq(patients.accountId, accountId)).all().map((r) => r.id);
    },
    deleteByIds(ids: number[]): void {
      if (ids.length) db.delete(patients).where(inArray(patients.id, ids)).run();
    },
  };
}

export type PatientRepository = ReturnType<typeof createPatientRepository>;
