import type { Message } from 'grammy/types';
import { TO_DOCTOR_TEMPLATE } from '../../../core/duty-chat/service.js';
import type { OutboxMessage } from '../../../core/outbox/repository.js';
import type { ChatMessage, DutyChat } from '../../../core/duty-chat/repository.js';
import { escapeHtml } from '../../shared/html.js';
import type { Translate } from '../../shared/outbox-sender.js';
import { checkedHooks, type Renderers, type RowHooks } from '../../shared/renderers.js';
import { dateIn, timeIn, zoneTag } from '../consultations/format.js';
import type { StaffBotDeps } from '../deps.js';

type Deps = Pick<StaffBotDeps, 'dutyChat' | 'staff'>;

/** The text (or the photo's caption) a patient's message is relayed under: also how a copy of it is recognised. */
export function relayText(found: { message: ChatMessage; chat: DutyChat }, tz: string, t: Translate, locale: string): string {
  const { message, chat } = found;
  const head = t('dchat-staff-header', {
    id: String(chat.consultationId),
    patient: chat.patientName,
    date: dateIn(chat.startsAt, tz),
    time: timeIn(chat.startsAt, tz),
    zone: zoneTag(tz, chat.startsAt, locale),
  });
  return [head, ...(message.text ? [escapeHtml(message.text)] : []), t('dchat-staff-hint')].join('\n\n');
}

/**
 * A patient's message as the duty doctor reads it: a header (patient, consultation time in the doctor's zone, how to
 * answer), then the text or the photo. Only the consultation's own doctor is sent it.
 */
export function dutyChatStaffRenderers(deps: Deps): Renderers<typeof TO_DOCTOR_TEMPLATE> {
  return {
    [TO_DOCTOR_TEMPLATE]: async (row, t, locale) => {
      const found = deps.dutyChat.message(row.params.chatMessageId);
      const doctor = deps.staff.byTelegramId(row.chatId);
      if (!found || found.message.direction !== 'patient') return { kind: 'skip', reason: 'chat message gone' };
      // The patient was told it went to the doctor: failed (and so told to them), never dropped in silence.
      if (!doctor || doctor.id !== found.chat.staffId) return { kind: 'fail', reason: 'the doctor is no longer active or no longer this consultation’s' };
      const { message } = found;
      const text = relayText(found, doctor.timeZone, t, locale);
      if (message.photoKey) {
        const bytes = await deps.dutyChat.readPhoto(message.photoKey);
        return { kind: 'photo', protect: true, bytes, fileName: `photo.${message.photoKey.slice(-3)}`, caption: text };
      }
      return { kind: 'message', text };
    },
  };
}

/** The relayed message's id is what the doctor's reply points at; its delivery is the doctor's access to the patient's words. */
export function dutyChatStaffOnSent(deps: Pick<Deps, 'dutyChat'>): RowHooks<typeof TO_DOCTOR_TEMPLATE, [Message], void> {
  return {
    [TO_DOCTOR_TEMPLATE]: (row, message) => deps.dutyChat.relayedToDoctor(row.params.chatMessageId, message.message_id),
  };
}

/** A patient's message the doctor never got (the staff bot blocked, refused, given up): the patient is told. */
export function dutyChatStaffOnFailed(deps: Pick<Deps, 'dutyChat'>) {
  return checkedHooks<typeof TO_DOCTOR_TEMPLATE, [], OutboxMessage | undefined>({
    [TO_DOCTOR_TEMPLATE]: (row) => deps.dutyChat.undeliveredNotice(row.params.chatMessageId, row.sendingAt !== null),
  });
}
