import type { Message } from 'grammy/types';
import type { OutboxRow } from '../../../core/outbox/repository.js';
import type { Renderer } from '../../shared/outbox-sender.js';
import type { StaffBotDeps } from '../deps.js';
import { consultationRenderers } from './consultations.js';
import { digestRenderers } from './digest.js';
import { dutyRenderers } from './duty.js';
import { dutyChatStaffOnSent, dutyChatStaffRenderers } from '../duty-chat/notifications.js';
import { reminderRenderers } from './reminders.js';
import { triageRenderers } from './triage.js';

/** How each outbox template addressed to staff reads, in their language. */
export function staffRenderers(deps: StaffBotDeps): Record<string, Renderer> {
  return { ...triageRenderers(deps), ...consultationRenderers(deps), ...dutyRenderers(deps), ...reminderRenderers(deps), ...digestRenderers(deps), ...dutyChatStaffRenderers(deps) };
}

/** After Telegram accepted a staff message: remember which message announced which application. */
export function staffOnSent(deps: StaffBotDeps): Record<string, (row: OutboxRow, message: Message) => void> {
  return {
    ...dutyChatStaffOnSent(deps),
    application_new: (row, message) => {
      const member = deps.staff.byTelegramId(row.chatId);
      if (member) deps.applicationRepository.recordNotice(Number(row.params.applicationId), member.id, row.chatId, message.message_id);
    },
  };
}
