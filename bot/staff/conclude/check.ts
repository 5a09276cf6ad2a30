import { DomainError } from '../../../core/errors.js';
import type { StaffMember } from '../../../core/staff/repository.js';
import { attempt } from '../consultations/errors.js';
import type { StaffBotDeps } from '../deps.js';

/**
 * Whether the doctor may write this consultation's conclusion now, checked before any typing starts (the core
 * checks the same again when it issues): theirs, started, still open, not concluded yet.
 */
export function checkConcludable(deps: Pick<StaffBotDeps, 'scheduling' | 'conclusions' | 'clock'>, member: StaffMember, consultationId: number) {
  return attempt(() => {
    const c = deps.scheduling.forStaff(member, consultationId);
    if (c.staffId !== member.id) throw new DomainError('not_your_consultation');
    if (deps.conclusions.getByConsultation(c.id)) throw new DomainError('conclusion_already_issued');
    if (c.status !== 'scheduled') throw new DomainError('consultation_not_open', { status: c.status });
    if (deps.clock.now() < c.startsAt) throw new DomainError('consultation_not_started');
    return c;
  });
}
