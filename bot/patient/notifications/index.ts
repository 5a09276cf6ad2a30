import type { Message } from 'grammy/types';
import type { OutboxRow } from '../../../core/outbox/repository.js';
import type { Renderer } from '../../shared/outbox-sender.js';
import type { PatientBotDeps } from '../deps.js';
import { declinedRenderer, inReviewRenderer, needsDocumentsRenderer } from './application.js';
import { conclusionRenderers } from './conclusion.js';
import { noShowRenderer, scheduledRenderer } from './consultation.js';
import { dutyRenderers } from './duty.js';
import { dutyChatPatientOnSent, dutyChatPatientRenderers } from '../duty-chat/notifications.js';
import { reminderRenderers, type PatientReminderDeps } from './reminders.js';

/**
 * How each outbox template addressed to a patient reads, in their language. Features add their templates
 * here; the sender keeps a row whose template has no renderer for a release that has one.
 */
export function patientRenderers(deps: PatientBotDeps & PatientReminderDeps): Record<string, Renderer> {
  return {
    application_in_review: inReviewRenderer(deps),
    application_needs_documents: needsDocumentsRenderer(deps),
    application_declined: declinedRenderer(deps),
    consultation_scheduled: scheduledRenderer(deps),
    consultation_no_show: noShowRenderer(deps),
    ...conclusionRenderers(deps),
    ...dutyRenderers(deps),
    ...dutyChatPatientRenderers(deps),
    ...reminderRenderers(deps),
  };
}

/** After Telegram accepted a patient message: remember which message showed what. */
export function patientOnSent(deps: PatientBotDeps): Record<string, (row: OutboxRow, message: Message) => void> {
  return { ...dutyChatPatientOnSent(deps) };
}
