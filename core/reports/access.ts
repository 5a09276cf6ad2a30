import type { Actor } from '../actor.js';

/**
 * Which centers' figures an actor may read: managers, admins and the operator (CLI) every center; a center's doctor
 * their own (figures only, yet a doctor has no business with another center's workload). Duty doctors and patients
 * have none to read (undefined).
 */
export function reportScope(actor: Actor): { centers?: string[] } | undefined {
  if (actor.kind === 'operator') return {};
  if (actor.kind !== 'staff') return undefined;
  const { role, centerCode } = actor.staff;
  if (role === 'manager' || role === 'admin') return {};
  if (role === 'doctor' && centerCode) return { centers: [centerCode] };
  return undefined;
}
