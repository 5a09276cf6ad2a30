import type { Actor } from '../actor.js';

/**
 * Whose duty schedule an actor may manage: a duty doctor their own, an admin anyone's, the operator (CLI) anyone's.
 * Nobody else has a schedule to manage.
 */
export function mayManageSchedule(actor: Actor, staffId: number): boolean {
  if (actor.kind === 'operator') return true;
  if (actor.kind !== 'staff') return false;
  return actor.staff.role === 'admin' || (actor.staff.role === 'duty_doctor' && actor.staff.id === staffId);
}
