import type { StaffMember } from '../../../core/staff/repository.js';

/**
 * Which centers' figures a staff member may read: managers and admins every center; a center's doctor their own
 * (figures only, yet a doctor has no business with another center's workload). Duty doctors have none to read.
 */
export function statsScope(member: Pick<StaffMember, 'role' | 'centerCode'>): { centers?: string[] } | undefined {
  if (member.role === 'manager' || member.role === 'admin') return {};
  if (member.role === 'doctor' && member.centerCode) return { centers: [member.centerCode] };
  return undefined;
}
