import type { AuditLog } from '../audit.js';
import type { DocumentService } from '../documents/service.js';
import type { PatientDocument } from '../documents/index.js';
import { DomainError } from '../errors.js';
import type { StaffMember, StaffRepository } from '../staff/repository.js';
import { DECLINABLE, isFree, mayOpen, mayStart, mayViewDocuments, REQUESTABLE } from './access.js';
import type { Application } from './repository.js';
import type { ApplicationService } from './service.js';

export interface TriageDeps {
  audit: AuditLog;
  staff: StaffRepository;
  documents: DocumentService;
  applications: ApplicationService;
}

export type Triage = ReturnType<typeof createTriage>;

/**
 * A center's doctors working through applications, whichever surface they press in. Refusals are DomainErrors:
 * application_not_found (another center's, or none), application_taken {takenBy?} (a colleague holds it; takenBy is
 * their name when known), application_wrong_status {status}, application_closed (documents of a withdrawn one), and
 * the application service's own codes.
 */
export function createTriage(deps: TriageDeps) {
  const { applications } = deps;

  const holderName = (app: Application): string | null => (app.assignedStaffId === null ? null : (deps.staff.byId(app.assignedStaffId)?.name ?? null));

  const taken = (name: string | null) => new DomainError('application_taken', name ? { takenBy: name } : {});

  /** The application as this member may open it: a free one, their own, or any as an admin; see mayOpen. */
  const open = (member: StaffMember, applicationId: number): Application => {
    const app = applications.forDoctor(member, applicationId);
    if (mayOpen(member, app)) return app;
    if (app.assignedStaffId !== null) throw taken(holderName(app));
    throw new DomainError('application_wrong_status', { status: app.status });
  };

  /**
   * Runs an action of the holder, taking a free application first: the moment a doctor commits to a decision is the
   * moment it becomes theirs, and the other doctors' notices say so.
   */
  const asHolder = <T>(member: StaffMember, applicationId: number, act: (app: Application) => T): T => {
    let app = open(member, applicationId);
    if (isFree(app)) {
      const result = applications.take(member, applicationId);
      if (!result.ok) throw taken(result.takenBy);
      app = result.application;
    }
    return act(app);
  };

  /** The application, if this member may still start an action needing one of `statuses` (else application_wrong_status). */
  const startable = (member: StaffMember, applicationId: number, statuses: typeof REQUESTABLE): Application => {
    const app = open(member, applicationId);
    if (!mayStart(member, app, statuses)) throw new DomainError('application_wrong_status', { status: app.status });
    return app;
  };

  const viewable = (member: StaffMember, applicationId: number): Application => {
    const app = open(member, applicationId);
    if (!mayViewDocuments(member, app)) throw new DomainError('application_closed');
    return app;
  };

  return {
    open,
    holderName,

    /** The application, if this member may still ask for documents on it. */
    requestable: (member: StaffMember, applicationId: number) => startable(member, applicationId, REQUESTABLE),

    /** The application, if this member may still decline it. */
    declinable: (member: StaffMember, applicationId: number) => startable(member, applicationId, DECLINABLE),

    /** Asks the patient for documents, taking a free application first. */
    requestDocuments(member: StaffMember, applicationId: number, kinds: string[], comment: string): Application {
      return asHolder(member, applicationId, (app) => applications.requestDocuments(member, app.id, kinds, comment));
    },

    /** Declines with a reason the patient reads, taking a free application first. */
    decline(member: StaffMember, applicationId: number, reason: string): Application {
      return asHolder(member, applicationId, (app) => applications.decline(member, app.id, reason));
    },

    /** The application's documents, oldest first, for a doctor who may see them. */
    documents(member: StaffMember, applicationId: number): { app: Application; documents: PatientDocument[] } {
      const app = viewable(member, applicationId);
      const documents = deps.documents
        .list(app.patientId)
        .map((d) => deps.documents.get(app.patientId, d.id))
        .filter((d): d is PatientDocument => d !== undefined)
        .sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
      return { app, documents };
    },

    /** One document's bytes for that doctor. Recorded as the bytes leave storage: a disclosure that may happen is logged, not skipped. */
    async readDocument(member: StaffMember, applicationId: number, documentId: number): Promise<Buffer> {
      const app = viewable(member, applicationId);
      const doc = deps.documents.get(app.patientId, documentId);
      if (!doc) throw new DomainError('document_not_found');
      const bytes = await deps.documents.read(doc);
      deps.audit.record({ actor: { type: 'staff', id: member.id }, action: 'document.viewed', patientId: app.patientId, details: { applicationId: app.id, documentId: doc.id } });
      return bytes;
    },
  };
}
