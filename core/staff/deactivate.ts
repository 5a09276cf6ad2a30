import type { Db } from '../../db/client.js';
import { auditActorOf, type Actor } from '../actor.js';
import type { AuditLog } from '../audit.js';
import { DomainError } from '../errors.js';
import type { StaffRepository } from './repository.js';

export type StaffDeactivation = ReturnType<typeof createStaffDeactivation>;

/** Closing the staff bot to a member: their Telegram account opens nothing from then on. */
export function createStaffDeactivation(deps: { db: Db; staff: Pick<StaffRepository, 'byId' | 'setActive'>; audit: AuditLog }) {
  /** Only the operator (CLI) or an admin may; DomainError staff_not_allowed, staff_not_found. */
  return function deactivate(actor: Actor, staffId: number): void {
    if (actor.kind !== 'operator' && !(actor.kind === 'staff' && actor.staff.role === 'admin')) throw new DomainError('staff_not_allowed');
    if (!deps.staff.byId(staffId)) throw new DomainError('staff_not_found');
    deps.db.transaction(() => {
      deps.staff.setActive(staffId, false);
      deps.audit.record({ actor: auditActorOf(actor), action: 'staff.deactivated', details: { staffId } });
    });
  };
}
