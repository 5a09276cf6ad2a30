import type { AuditEntry } from '../../../core/audit.js';
import type { DutyDoctor } from '../../../core/duty/index.js';
import type { StaffMember } from '../../../core/staff/repository.js';
import type { StaffBotDeps } from '../deps.js';
import { attemptDuty } from './errors.js';

/** A duty doctor manages their own schedule; an admin manages anyone's. Nobody else has a schedule to manage. */
export function mayManage(actor: Pick<StaffMember, 'id' | 'role'>, staffId: number): boolean {
  return actor.role === 'admin' || (actor.role === 'duty_doctor' && actor.id === staffId);
}

/** The duty doctor whose schedule `actor` may manage, or undefined (not allowed, or not a duty doctor). */
export function managedDoctor(deps: Pick<StaffBotDeps, 'duty'>, actor: Pick<StaffMember, 'id' | 'role'>, staffId: number): DutyDoctor | undefined {
  if (!mayManage(actor, staffId)) return undefined;
  const found = attemptDuty(() => deps.duty.doctor(staffId));
  return found.ok ? found.value : undefined;
}

/**
 * The duty service records its changes as the doctor's own; when an admin made them for the doctor, this records who
 * really did (identifiers only).
 */
export function auditIfAdmin(
  deps: Pick<StaffBotDeps, 'audit'>,
  actor: Pick<StaffMember, 'id'>,
  staffId: number,
  action: string,
  opts: { patientId?: number; details?: NonNullable<AuditEntry['details']> } = {},
): void {
  if (actor.id === staffId) return;
  deps.audit.record({
    actor: { type: 'staff', id: actor.id },
    action: `duty.admin.${action}`,
    ...(opts.patientId !== undefined ? { patientId: opts.patientId } : {}),
    details: { staffId, ...opts.details },
  });
}
