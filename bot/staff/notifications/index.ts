import type { Message } from 'grammy/types';
import type { StaffTemplate } from '../../../core/outbox/templates.js';
import { checkedHooks, checkedRenderers, type Renderers } from '../../shared/renderers.js';
import type { StaffBotDeps } from '../deps.js';
import { buttonRenderers } from './consultation-buttons.js';
import { consultationRenderers } from './consultations.js';
import { digestRenderers } from './digest.js';
import { dutyRenderers } from './duty.js';
import { dutyChatStaffOnSent, dutyChatStaffRenderers } from '../duty-chat/notifications.js';
import { reminderRenderers } from './reminders.js';
import { triageRenderers } from './triage.js';

/** How each outbox template addressed to staff reads, in their language: one for every staff template (else no compile). */
export function staffRendererTable(deps: StaffBotDeps): Renderers<StaffTemplate> {
  return {
    ...triageRenderers(deps),
    ...consultationRenderers(deps),
    ...buttonRenderers(deps), ...dutyRenderers(deps), ...reminderRenderers(deps), ...digestRenderers(deps), ...dutyChatStaffRenderers(deps),
  };
}

/** The table as the sender uses it: each row's params are checked against its template before they are read. */
export function staffRenderers(deps: StaffBotDeps) {
  return checkedRenderers(staffRendererTable(deps));
}

/** After Telegram accepted a staff message: remember which message announced which application. */
export function staffOnSent(deps: StaffBotDeps) {
  return checkedHooks<StaffTemplate, [Message], void>({
    ...dutyChatStaffOnSent(deps),
    application_new: (row, message) => {
      const member = deps.staff.byTelegramId(row.chatId);
      if (member) deps.applicationRepository.recordNotice(row.params.applicationId, member.id, row.chatId, message.message_id);
    },
  });
}
