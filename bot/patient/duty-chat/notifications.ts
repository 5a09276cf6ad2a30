import type { Message } from 'grammy/types';
import { TO_PATIENT_TEMPLATE, UNDELIVERED_TEMPLATE } from '../../../core/duty-chat/service.js';
import { escapeHtml, html } from '../../shared/html.js';
import type { Renderers, RowHooks } from '../../shared/renderers.js';
import { consultationWhen } from '../applications/format.js';
import type { PatientBotDeps } from '../deps.js';
import { replyToDoctorKeyboard } from './keyboards.js';

type Deps = Pick<PatientBotDeps, 'dutyChat' | 'patients' | 'regions'>;

/** A duty doctor's answer as the patient reads it: who answered about which consultation, then the text or the photo. */
export function dutyChatPatientRenderers(deps: Deps): Renderers<typeof TO_PATIENT_TEMPLATE | typeof UNDELIVERED_TEMPLATE> {
  return {
    ...dutyChatUndeliveredRenderers(deps),
    [TO_PATIENT_TEMPLATE]: async (row, t, locale) => {
      const found = deps.dutyChat.message(row.params.chatMessageId);
      if (!found || found.message.direction !== 'doctor' || found.chat.accountId !== row.chatId) {
        return { kind: 'skip', reason: 'chat message or its consultation is gone' };
      }
      const { message, chat } = found;
      const patient = deps.patients.get(row.chatId, chat.patientId);
      if (!patient) return { kind: 'skip', reason: 'profile is gone' };
      const head = t('dchat-from-doctor', { doctor: chat.staffName, ...consultationWhen(deps, chat, patient.regionCode, locale) });
      const body = message.text ? `${head}\n\n${escapeHtml(message.text)}` : head;
      // Written while the chat was open, it is delivered even if the chat closed since; only the reply button depends on now.
      const open = deps.dutyChat.access(row.chatId, chat.consultationId).open;
      const markup = open ? { replyMarkup: replyToDoctorKeyboard(t, chat.consultationId) } : {};
      if (message.photoKey) {
        const bytes = await deps.dutyChat.readPhoto(message.photoKey);
        return { kind: 'photo', protect: true, bytes, fileName: `photo.${message.photoKey.slice(-3)}`, caption: body, ...markup };
      }
      return { kind: 'message', text: body, ...markup };
    },
  };
}

/** How much of an undelivered message is quoted back, so the patient knows which one it was. */
const QUOTE_CHARS = 100;

function quote(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > QUOTE_CHARS ? `${chars.slice(0, QUOTE_CHARS).join('')}…` : chars.join('');
}

/** A patient's message that never reached the doctor: told so, with what to do instead. */
export function dutyChatUndeliveredRenderers(deps: Deps): Renderers<typeof UNDELIVERED_TEMPLATE> {
  return {
    [UNDELIVERED_TEMPLATE]: (row, t, locale) => {
      const found = deps.dutyChat.message(row.params.chatMessageId);
      if (!found || found.message.direction !== 'patient' || found.chat.accountId !== row.chatId) {
        return { kind: 'skip', reason: 'chat message or its consultation is gone' };
      }
      const { message, chat } = found;
      const patient = deps.patients.get(row.chatId, chat.patientId);
      if (!patient) return { kind: 'skip', reason: 'profile is gone' };
      const what = message.text ? t('dchat-undelivered-text', { text: quote(message.text) }) : t('dchat-undelivered-photo');
      return {
        kind: 'message',
        text: t('dchat-undelivered', { what: html(what), doubt: row.params.inDoubt ? 'yes' : 'no', ...consultationWhen(deps, chat, patient.regionCode, locale) }),
      };
    },
  };
}

/** Remembers which Telegram message showed the patient each answer. */
export function dutyChatPatientOnSent(deps: Pick<Deps, 'dutyChat'>): RowHooks<typeof TO_PATIENT_TEMPLATE, [Message], void> {
  return {
    [TO_PATIENT_TEMPLATE]: (row, message) => deps.dutyChat.relayedToPatient(row.params.chatMessageId, message.message_id),
  };
}
