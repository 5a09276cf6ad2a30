import type { ConsultationView } from '../../../core/scheduling/service.js';
import type { StaffMember } from '../../../core/staff/repository.js';
import type { Rendered } from '../../shared/outbox-sender.js';
import type { StaffBotDeps } from '../deps.js';

type Deps = Pick<StaffBotDeps, 'scheduling' | 'staff'>;

/**
 * The consultation a staff notice is about, with the doctor it is addressed to, or the reason to skip it: only the
 * consultation's own doctor hears about it, and (`scheduledOnly`) a consultation cancelled or moved since is no news.
 */
export function ownConsultation(
  deps: Deps,
  row: { chatId: number; params: { consultationId: number } },
  scheduledOnly: boolean,
): { skip: Rendered } | { c: ConsultationView; doctor: StaffMember } {
  const c = deps.scheduling.get(row.params.consultationId);
  const doctor = deps.staff.byTelegramId(row.chatId);
  if (!c || !doctor || doctor.id !== c.staffId) return { skip: { kind: 'skip', reason: 'consultation gone or not this doctor’s' } };
  if (scheduledOnly && c.status !== 'scheduled') return { skip: { kind: 'skip', reason: `consultation is ${c.status}` } };
  return { c, doctor };
}
