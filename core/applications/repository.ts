import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { applicationNotices, applications, patients } from '../../db/schema.js';

export type ApplicationStatus = (typeof applications.$inferSelect)['status'];
export const OPEN_STATUSES: readonly ApplicationStatus[] = ['submitted', 'in_review', 'needs_documents', 'scheduled'];

export interface Application {
  id: number;
  patientId: number;
  centerCode: string;
  conditionCode: string;
  diagnosis: string;
  complaints: string;
  path: 'own' | 'referral';
  status: ApplicationStatus;
  assignedStaffId: number | null;
  requestedKinds: string[];
  requestComment: string | null;
  declineReason: string | null;
  submittedAt: number;
  takenAt: number | null;
  scheduledAt: number | null;
  closedAt: number | null;
  /** Last change of status; while waiting for documents, the moment they were requested. */
  updatedAt: number;
}

/** Who an application is about, as the doctors who may see it are shown. */
export interface ApplicationPatient {
  id: number;
  accountId: number | null;
  fullName: string;
  birthDate: string;
  timeZone: string;
}

type Row = typeof applications.$inferSelect;
const toApplication = (r: Row): Application => ({
  id: r.id,
  patientId: r.patientId,
  centerCode: r.centerCode,
  conditionCode: r.conditionCode,
  diagnosis: r.diagnosis,
  complaints: r.complaints,
  path: r.path,
  status: r.status,
  assignedStaffId: r.assignedStaffId,
  requestedKinds: r.requestedKinds ? (JSON.parse(r.requestedKinds) as string[]) : [],
  requestComment: r.requestComment,
  declineReason: r.declineReason,
  submittedAt: r.submittedAt,
  takenAt: r.takenAt,
  scheduledAt: r.scheduledAt,
  closedAt: r.closedAt,
  updatedAt: r.updatedAt,
});

export function createApplicationRepository(db: Db) {
  return {
    byId(id: number): Application | undefined {
      const row = db.select().from(applications).where(eq(applications.id, id)).get();
      return row && toApplication(row);
    },
    /** Applications of the account's own patients, newest first. */
    ofAccount(accountId: number): Array<Application & { patientName: string }> {
      return db
        .select({ a: applications, patientName: patients.fullName })
        .from(applications)
        .innerJoin(patients, eq(patients.id, applications.patientId))
        .where(and(eq(patients.accountId, accountId), isNull(patients.deletedAt)))
        .orderBy(desc(applications.id))
        .all()
        .map((r) => ({ ...toApplication(r.a), patientName: r.patientName }));
    },
    ofPatient(patientId: number): Application[] {
      return db.select().from(applications).where(eq(applications.patientId, patientId)).all().map(toApplication);
    },
    openOf(patientId: number, centerCode: string): Application | undefined {
      const row = db
        .select()
        .from(applications)
        .where(
          and(eq(applications.patientId, patientId), eq(applications.centerCode, centerCode), inArray(applications.status, [...OPEN_STATUSES])),
        )
        .get();
      return row && toApplication(row);
    },
    /** The center's applications waiting for a doctor, oldest first. */
    queue(centerCode: string): Application[] {
      return db
        .select()
        .from(applications)
        .where(and(eq(applications.centerCode, centerCode), eq(applications.status, 'submitted'), isNull(applications.assignedStaffId)))
        .orderBy(asc(applications.submittedAt))
        .all()
        .map(toApplication);
    },
    assignedTo(staffId: number): Application[] {
      return db
        .select()
        .from(applications)
        .where(and(eq(applications.assignedStaffId, staffId), inArray(applications.status, ['submitted', 'in_review', 'needs_documents'])))
        .orderBy(asc(applications.submittedAt))
        .all()
        .map(toApplication);
    },
    /** The patient of an application; callers check first that the reader may see it. Undefined once the profile is gone. */
    patientOf(applicationId: number): ApplicationPatient | undefined {
      return db
        .select({
          id: patients.id,
          accountId: patients.accountId,
          fullName: patients.fullName,
          birthDate: patients.birthDate,
          timeZone: patients.timeZone,
        })
        .from(applications)
        .innerJoin(patients, eq(patients.id, applications.patientId))
        .where(and(eq(applications.id, applicationId), isNull(patients.deletedAt)))
        .get();
    },
    notices(applicationId: number) {
      return db.select().from(applicationNotices).where(eq(applicationNotices.applicationId, applicationId)).all();
    },
    recordNotice(applicationId: number, staffId: number, chatId: number, messageId: number): void {
      db.insert(applicationNotices)
        .values({ applicationId, staffId, chatId, messageId })
        .onConflictDoUpdate({ target: [applicationNotices.applicationId, applicationNotices.staffId], set: { chatId, messageId } })
        .run();
    },
  };
}

export type ApplicationRepository = ReturnType<typeof createApplicationRepository>;
