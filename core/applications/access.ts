import type { StaffActor } from '../actor.js';
import type { Application, ApplicationStatus } from './repository.js';

/** Statuses in which each triage action can still be started. */
export const REQUESTABLE: readonly ApplicationStatus[] = ['submitted', 'in_review'];
export const DECLINABLE: readonly ApplicationStatus[] = ['submitted', 'in_review', 'needs_documents'];

/** Waiting for a doctor: nobody has taken it yet. */
export const isFree = (app: Application): boolean => app.assignedStaffId === null && app.status === 'submitted';

/**
 * Whether a doctor who may see the application (its center's doctor, or an admin) may open it as theirs: a free one,
 * their own, or any as an admin. The others are told who has it.
 */
export function mayOpen(member: StaffActor, app: Application): boolean {
  return member.role === 'admin' || app.assignedStaffId === member.id || isFree(app);
}

/** Documents stay closed once the patient withdrew the application. */
export function mayViewDocuments(member: StaffActor, app: Application): boolean {
  return app.status !== 'withdrawn' || member.role === 'admin';
}

/** Whether this member may start an action that needs the application in one of `statuses`. */
export function mayStart(member: StaffActor, app: Application, statuses: readonly ApplicationStatus[]): boolean {
  return (isFree(app) || app.assignedStaffId === member.id) && statuses.includes(app.status);
}
