import type { Application, ApplicationStatus } from '../../../core/applications/repository.js';
import { DomainError } from '../../../core/errors.js';
import type { StaffMember } from '../../../core/staff/repository.js';
import type { Translate } from '../../shared/outbox-sender.js';
import type { StaffBotDeps } from '../deps.js';

/** Statuses in which each action can still be started. */
export const REQUESTABLE: readonly ApplicationStatus[] = ['submitted', 'in_review'];
export const DECLINABLE: readonly ApplicationStatus[] = ['submitted', 'in_review', 'needs_documents'];

export type Refusal = { code: string; details: Record<string, string | number> } | { takenBy: string | null };

export type Lookup = { ok: true; app: Application } | ({ ok: false } & Refusal);

const isFree = (app: Application) => app.assignedStaffId === null && app.status === 'submitted';

/**
 * The application as this member may see it. Any doctor of the center sees a free one; once a doctor took it, only
 * that doctor (and admins): the others are told who has it. Another center's application is simply not found.
 */
export function lookup(deps: StaffBotDeps, member: StaffMember, id: number): Lookup {
  let app: Application;
  try {
    app = deps.applications.forDoctor(member, id);
  } catch (err) {
    if (err instanceof DomainError) return { ok: false, code: err.code, details: err.details };
    throw err;
  }
  if (member.role === 'admin' || app.assignedStaffId === member.id || isFree(app)) return { ok: true, app };
  if (app.assignedStaffId !== null) return { ok: false, takenBy: holderName(deps, app) };
  return { ok: false, code: 'application_wrong_status', details: { status: app.status } };
}

export function holderName(deps: Pick<StaffBotDeps, 'staff'>, app: Application): string | null {
  return app.assignedStaffId === null ? null : (deps.staff.byId(app.assignedStaffId)?.name ?? null);
}

/** Documents stay closed once the patient withdrew the application. */
export function mayViewDocuments(member: StaffMember, app: Application): boolean {
  return app.status !== 'withdrawn' || member.role === 'admin';
}

/** Whether this member may start an action that needs the application in one of `statuses`. */
export function mayStart(member: StaffMember, app: Application, statuses: readonly ApplicationStatus[]): boolean {
  return (isFree(app) || app.assignedStaffId === member.id) && statuses.includes(app.status);
}

/**
 * Runs an action of the assigned doctor, taking a free application first: the moment a doctor commits to a
 * decision is the moment it becomes theirs, and the other doctors' notices say so.
 */
export function actAsHolder(deps: StaffBotDeps, member: StaffMember, id: number, act: (app: Application) => void): { ok: true } | ({ ok: false } & Refusal) {
  const found = lookup(deps, member, id);
  if (!found.ok) return found;
  let app = found.app;
  try {
    if (isFree(app)) {
      const taken = deps.applications.take(member, id);
      if (!taken.ok) return { ok: false, takenBy: taken.takenBy };
      app = taken.application;
    }
    act(app);
    return { ok: true };
  } catch (err) {
    if (err instanceof DomainError) return { ok: false, code: err.code, details: err.details };
    throw err;
  }
}

/** What a refused step tells the doctor; codes a doctor cannot meet here read as "changed". */
export function refusalText(t: Translate, refusal: Refusal): string {
  if ('takenBy' in refusal) return refusal.takenBy ? t('triage-already-taken', { name: refusal.takenBy }) : t('triage-changed');
  switch (refusal.code) {
    case 'application_not_found':
      return t('triage-not-found');
    case 'application_not_yours':
      return t('triage-not-yours');
    case 'kinds_empty':
      return t('triage-request-none-picked');
    case 'reason_empty':
      return t('triage-reason-empty');
    case 'reason_too_long':
      return t('triage-reason-too-long', refusal.details);
    default:
      return t('triage-changed');
  }
}
