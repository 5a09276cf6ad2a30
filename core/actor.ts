import type { AuditActor } from './audit.js';
import type { StaffMember } from './staff/repository.js';

/** The staff member as the rules need them: who they are, their role and center. */
export type StaffActor = Pick<StaffMember, 'id' | 'role' | 'centerCode'>;

/**
 * Who is acting, passed to every domain-service method that checks a permission or writes an audit record, so the
 * staff bot, the patient bot, the Mini App API and the CLI all meet the same rule:
 * - `staff`: a member acting through the staff bot;
 * - `patient`: the holder of a patient-bot account (the patient bot and the Mini App);
 * - `operator`: whoever runs the CLI on the server; they hold the database already, so nothing is refused to them;
 * - `system`: the service itself (jobs, the scheduler).
 */
export type Actor =
  | { kind: 'staff'; staff: StaffActor }
  | { kind: 'patient'; accountId: number }
  | { kind: 'operator' }
  | { kind: 'system' };

export const staffActor = (staff: StaffActor): Actor => ({ kind: 'staff', staff });
export const patientActor = (accountId: number): Actor => ({ kind: 'patient', accountId });
export const OPERATOR: Actor = { kind: 'operator' };
export const SYSTEM: Actor = { kind: 'system' };

/** How the audit log names an actor: the operator has no identity of their own there, like the service. */
export function auditActorOf(actor: Actor): AuditActor {
  switch (actor.kind) {
    case 'staff':
      return { type: 'staff', id: actor.staff.id };
    case 'patient':
      return { type: 'account', id: actor.accountId };
    case 'operator':
    case 'system':
      return { type: 'system' };
  }
}
