import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, Writer } from '../../db/client.js';
import { applications, patients } from '../../db/schema.js';
import type { AuditLog } from '../audit.js';
import type { Catalog } from '../catalog/index.js';
import type { Clock } from '../clock.js';
import type { DocumentService } from '../documents/service.js';
import { DomainError } from '../errors.js';
import { enqueue, type OutboxMessage } from '../outbox/repository.js';
import type { PatientTemplate, StaffTemplate } from '../outbox/templates.js';
import type { StaffMember, StaffRepository } from '../staff/repository.js';
import type { Application, ApplicationRepository } from './repository.js';
import { checklist, findCondition, missingRequired } from './requirements.js';

export const DIAGNOSIS_MAX = 500;
export const COMPLAINTS_MAX = 1000;
export const REASON_MAX = 1000;

export interface ApplicationDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  catalog: Catalog;
  applications: ApplicationRepository;
  staff: StaffRepository;
  documents: DocumentService;
}

function checkText(value: string, max: number, empty: string, long: string): string {
  const text = value.trim();
  if (!text) throw new DomainError(empty);
  if (text.length > max) throw new DomainError(long, { max, length: text.length });
  return text;
}

export function validateDiagnosis(value: string): string {
  return checkText(value, DIAGNOSIS_MAX, 'diagnosis_empty', 'diagnosis_too_long');
}

export function validateComplaints(value: string): string {
  return checkText(value, COMPLAINTS_MAX, 'complaints_empty', 'complaints_too_long');
}

/** Applications: submitted by a patient's account, triaged by the center's doctors. Every step notifies through the outbox. */
export function createApplicationService(deps: ApplicationDeps) {
  const { db, clock, audit, catalog } = deps;

  const accountOf = (patientId: number) =>
    db.select({ accountId: patients.accountId }).from(patients).where(eq(patients.id, patientId)).get()?.accountId ?? null;

  const notifyPatient = <K extends PatientTemplate>(tx: Writer, app: Application, template: K, params: OutboxMessage<K>['params'], key: string) => {
    const accountId = accountOf(app.patientId);
    if (accountId === null) return;
    enqueue(tx, { chatId: accountId, template, params, dedupeKey: key }, clock.now());
  };

  const notifyStaff = <K extends StaffTemplate>(tx: Writer, member: StaffMember | undefined, template: K, params: OutboxMessage<K>['params'], key: string) => {
    if (!member?.telegramId || !member.active) return;
    enqueue(tx, { chatId: member.telegramId, template, params, dedupeKey: key }, clock.now());
  };

  /**
   * The application, if this member may see it: a doctor of its center, or an admin. Other roles may carry a center
   * too (a duty doctor, a manager) but triage is not theirs; they get the same not-found as a stranger.
   */
  const forDoctor = (member: StaffMember, applicationId: number): Application => {
    const app = deps.applications.byId(applicationId);
    const allowed = member.role === 'admin' || (member.role === 'doctor' && app?.centerCode === member.centerCode);
    if (!app || !allowed) throw new DomainError('application_not_found');
    return app;
  };

  const assignedTo = (member: StaffMember, applicationId: number, statuses: Application['status'][]) => {
    const app = forDoctor(member, applicationId);
    if (app.assignedStaffId !== member.id) throw new DomainError('application_not_yours');
    if (!statuses.includes(app.status)) throw new DomainError('application_wrong_status', { status: app.status });
    return app;
  };

  const setStatus = (tx: Writer, id: number, from: Application['status'][], patch: Partial<typeof applications.$inferInsert>) => {
    const result = tx
      .update(applications)
      .set({ ...patch, updatedAt: clock.now() })
      .where(and(eq(applications.id, id), inArray(applications.status, from)))
      .run();
    // Checked above, but another doctor or the patient may have changed it in between.
    if (result.changes !== 1) throw new DomainError('application_changed');
  };

  const checklistOf = (patientId: number, centerCode: string, conditionCode: string) =>
    checklist(catalog, centerCode, conditionCode, deps.documents.list(patientId).map((d) => d.kind));

  return {
    checklist: checklistOf,

    /** Submits an application; refused while a required document is missing or the same center has an open one. */
    submit(input: {
      patientId: number;
      centerCode: string;
      conditionCode: string;
      diagnosis: string;
      complaints: string;
      path?: 'own' | 'referral';
      actorAccountId: number | null;
    }): Application {
      findCondition(catalog, input.centerCode, input.conditionCode);
      const diagnosis = validateDiagnosis(input.diagnosis);
      const complaints = validateComplaints(input.complaints);
      const missing = missingRequired(checklistOf(input.patientId, input.centerCode, input.conditionCode));
      if (missing.length) throw new DomainError('documents_missing', { kinds: missing.join(',') });
      const now = clock.now();
      const app = db.transaction((tx) => {
        // Inside the transaction: SQLite serialises writers, so two submissions cannot both find none open.
        if (deps.applications.openOf(input.patientId, input.centerCode)) throw new DomainError('application_open_exists');
        const row = tx
          .insert(applications)
          .values({
            patientId: input.patientId,
            centerCode: input.centerCode,
            conditionCode: input.conditionCode,
            diagnosis,
            complaints,
            path: input.path ?? 'own',
            status: 'submitted',
            submittedAt: now,
            updatedAt: now,
          })
          .returning({ id: applications.id })
          .get();
        const created = deps.applications.byId(row.id)!;
        for (const doctor of deps.staff.reachableDoctorsOf(input.centerCode)) {
          notifyStaff(tx, doctor, 'application_new', { applicationId: created.id }, `app:${created.id}:new:${doctor.id}`);
        }
        return created;
      });
      audit.record({
        actor: input.actorAccountId ? { type: 'account', id: input.actorAccountId } : { type: 'system' },
        action: 'application.submitted',
        patientId: input.patientId,
        details: { applicationId: app.id, center: app.centerCode },
      });
      return app;
    },

    ofAccount(accountId: number) {
      return deps.applications.ofAccount(accountId);
    },

    /** The patient withdraws an application that is not yet scheduled. */
    withdraw(accountId: number, applicationId: number): Application {
      const app = deps.applications.ofAccount(accountId).find((a) => a.id === applicationId);
      if (!app) throw new DomainError('application_not_found');
      if (!['submitted', 'in_review', 'needs_documents'].includes(app.status)) throw new DomainError('application_wrong_status', { status: app.status });
      db.transaction((tx) => {
        setStatus(tx, app.id, ['submitted', 'in_review', 'needs_documents'], { status: 'withdrawn', closedAt: clock.now() });
        if (app.assignedStaffId) {
          notifyStaff(tx, deps.staff.byId(app.assignedStaffId), 'application_withdrawn', { applicationId: app.id }, `app:${app.id}:withdrawn`);
        }
      });
      audit.record({ actor: { type: 'account', id: accountId }, action: 'application.withdrawn', patientId: app.patientId, details: { applicationId: app.id } });
      return deps.applications.byId(app.id)!;
    },

    /** Assigns a waiting application to the doctor. Of two doctors pressing at once exactly one wins. */
    take(member: StaffMember, applicationId: number): { ok: true; application: Application } | { ok: false; takenBy: string | null } {
      const app = forDoctor(member, applicationId);
      const now = clock.now();
      const won = db.transaction((tx) => {
        const result = tx
          .update(applications)
          .set({ assignedStaffId: member.id, status: 'in_review', takenAt: now, updatedAt: now })
          .where(and(eq(applications.id, app.id), eq(applications.status, 'submitted'), isNull(applications.assignedStaffId)))
          .run();
        if (result.changes !== 1) return false;
        const taken = deps.applications.byId(app.id)!;
        notifyPatient(tx, taken, 'application_in_review', { applicationId: app.id, center: taken.centerCode }, `app:${app.id}:in_review`);
        for (const notice of deps.applications.notices(app.id)) {
          if (notice.staffId === member.id) continue;
          enqueue(
            tx,
            {
              chatId: notice.chatId,
              template: 'application_taken',
              params: { applicationId: app.id, messageId: notice.messageId, takenBy: member.name },
              dedupeKey: `app:${app.id}:taken:${notice.staffId}`,
            },
            now,
          );
        }
        return true;
      });
      if (!won) {
        const current = deps.applications.byId(app.id)!;
        const holder = current.assignedStaffId ? deps.staff.byId(current.assignedStaffId) : undefined;
        return { ok: false, takenBy: holder?.name ?? null };
      }
      audit.record({ actor: { type: 'staff', id: member.id }, action: 'application.taken', patientId: app.patientId, details: { applicationId: app.id } });
      return { ok: true, application: deps.applications.byId(app.id)! };
    },

    requestDocuments(member: StaffMember, applicationId: number, kinds: string[], comment: string): Application {
      const app = assignedTo(member, applicationId, ['submitted', 'in_review']);
      const known = new Set([...catalog.centers.flatMap((c) => c.documents.map((d) => d.kind)), ...catalog.otherDocumentKinds.map((d) => d.kind)]);
      const wanted = [...new Set(kinds)].filter((k) => known.has(k));
      if (wanted.length === 0) throw new DomainError('kinds_empty');
      const text = comment.trim().slice(0, REASON_MAX);
      const now = clock.now();
      db.transaction((tx) => {
        setStatus(tx, app.id, ['submitted', 'in_review'], { status: 'needs_documents', requestedKinds: JSON.stringify(wanted), requestComment: text || null });
        notifyPatient(tx, app, 'application_needs_documents', { applicationId: app.id, kinds: wanted, comment: text }, `app:${app.id}:needs_documents:${now}`);
      });
      audit.record({ actor: { type: 'staff', id: member.id }, action: 'application.documents_requested', patientId: app.patientId, details: { applicationId: app.id, kinds: wanted.join(',') } });
      return deps.applications.byId(app.id)!;
    },

    decline(member: StaffMember, applicationId: number, reason: string): Application {
      const app = assignedTo(member, applicationId, ['submitted', 'in_review', 'needs_documents']);
      const text = checkText(reason, REASON_MAX, 'reason_empty', 'reason_too_long');
      db.transaction((tx) => {
        setStatus(tx, app.id, ['submitted', 'in_review', 'needs_documents'], { status: 'declined', declineReason: text, closedAt: clock.now() });
        notifyPatient(tx, app, 'application_declined', { applicationId: app.id, reason: text }, `app:${app.id}:declined`);
      });
      audit.record({ actor: { type: 'staff', id: member.id }, action: 'application.declined', patientId: app.patientId, details: { applicationId: app.id } });
      return deps.applications.byId(app.id)!;
    },

    /**
     * After a patient uploads a document: an application waiting for documents whose requested kinds have all been
     * uploaded since the request goes back to its doctor. Returns the applications that moved.
     */
    documentsUploaded(patientId: number): Application[] {
      const documents = deps.documents.list(patientId);
      const moved: Application[] = [];
      for (const app of deps.applications.ofPatient(patientId)) {
        if (app.status !== 'needs_documents') continue;
        // Only uploads since the request answer it: a doctor asks for a kind the patient already has when that one
        // will not do (unreadable, outdated), so the old document must not send the application back by itself.
        const have = new Set(documents.filter((d) => d.createdAt >= app.updatedAt).map((d) => d.kind));
        if (!app.requestedKinds.every((k) => have.has(k))) continue;
        const now = clock.now();
        db.transaction((tx) => {
          setStatus(tx, app.id, ['needs_documents'], { status: 'submitted' });
          if (app.assignedStaffId) {
            notifyStaff(tx, deps.staff.byId(app.assignedStaffId), 'application_documents_added', { applicationId: app.id }, `app:${app.id}:docs_added:${now}`);
          }
        });
        moved.push(deps.applications.byId(app.id)!);
      }
      return moved;
    },

    /** What a doctor may see of an application; authorization is the center (or admin). */
    forDoctor(member: StaffMember, applicationId: number): Application {
      return forDoctor(member, applicationId);
    },

    queue(member: StaffMember): Application[] {
      if (member.role !== 'doctor' || !member.centerCode) return [];
      return deps.applications.queue(member.centerCode);
    },
  };
}

export type ApplicationService = ReturnType<typeof createApplicationService>;
