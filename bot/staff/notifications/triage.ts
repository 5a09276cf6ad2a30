import type { Application } from '../../../core/applications/repository.js';
import type { StaffMember } from '../../../core/staff/repository.js';
import { tryParse } from '../../shared/domain-error-text.js';
import type { Rendered } from '../../shared/outbox-sender.js';
import type { Renderers } from '../../shared/renderers.js';
import type { StaffBotDeps } from '../deps.js';
import { takenText, triageCard, type CardView } from '../triage/card.js';
import { nameGender } from '../../../core/patients/declension.js';
import { conditionLabel, shortName } from '../triage/labels.js';

const message = (view: CardView): Rendered => ({ kind: 'message', text: view.text, ...(view.replyMarkup ? { replyMarkup: view.replyMarkup } : {}) });

/**
 * The recipient and the application, when the recipient (still an active staff member) may see it. Messages are
 * rendered when sent, not when queued: the card shows the application as it is by then.
 */
function subject(deps: StaffBotDeps, row: { chatId: number; params: { applicationId: number } }): { member: StaffMember; app: Application } | { skip: string } {
  const member = deps.staff.byTelegramId(row.chatId);
  if (!member) return { skip: 'recipient is no longer active staff' };
  const found = tryParse(() => deps.applications.forDoctor(member, row.params.applicationId));
  if (!found.ok) return { skip: 'application gone or not visible to the recipient' };
  return { member, app: found.value };
}

/** How the outbox's triage templates read in the staff bot. */
export function triageRenderers(
  deps: StaffBotDeps,
): Renderers<'application_new' | 'application_taken' | 'application_documents_added' | 'application_withdrawn'> {
  return {
    /** To every doctor of the center: the card with its buttons, unless it is no longer waiting for a doctor. */
    application_new: (row, t, locale) => {
      const found = subject(deps, row);
      if ('skip' in found) return { kind: 'skip', reason: found.skip };
      const { member, app } = found;
      if (app.status !== 'submitted' || app.assignedStaffId !== null) return { kind: 'skip', reason: 'no longer waiting for a doctor' };
      return message(triageCard(deps, t, locale, app, member, 'new'));
    },

    /** Edits another doctor's notice once a colleague took the application: who has it, and no buttons. */
    application_taken: (row, t, locale) => {
      const found = subject(deps, row);
      if ('skip' in found) return { kind: 'skip', reason: found.skip };
      const text = takenText(deps, t, locale, found.app, row.params.takenBy);
      return { kind: 'edit', messageId: row.params.messageId, text };
    },

    /** To the assigned doctor: the patient answered a request for documents; the card again, with its buttons. */
    application_documents_added: (row, t, locale) => {
      const found = subject(deps, row);
      if ('skip' in found) return { kind: 'skip', reason: found.skip };
      const { member, app } = found;
      if (app.assignedStaffId !== member.id) return { kind: 'skip', reason: 'assigned to someone else now' };
      return message(triageCard(deps, t, locale, app, member, 'documents_added'));
    },

    /** To the assigned doctor: the patient withdrew the application. */
    application_withdrawn: (row, t, locale) => {
      const found = subject(deps, row);
      if ('skip' in found) return { kind: 'skip', reason: found.skip };
      const { app } = found;
      const patient = deps.applicationRepository.patientOf(app.id);
      return {
        kind: 'message',
        text: t('triage-withdrawn', { id: String(app.id), name: patient ? shortName(patient.fullName) : '—', nameGender: patient ? nameGender(patient.fullName) : 'unknown', condition: conditionLabel(deps.catalog, app, locale) }),
      };
    },
  };
}
