import type { Message } from 'grammy/types';
import type { PatientTemplate } from '../../../core/outbox/templates.js';
import { checkedHooks, checkedRenderers, type Renderers } from '../../shared/renderers.js';
import type { PatientBotDeps } from '../deps.js';
import { declinedRenderer, inReviewRenderer, needsDocumentsRenderer } from './application.js';
import { conclusionRenderers } from './conclusion.js';
import { buttonRenderers } from './consultation-buttons.js';
import { noShowRenderer, rescheduledRenderer, scheduledRenderer } from './consultation.js';
import { dutyRenderers } from './duty.js';
import { dutyChatPatientOnSent, dutyChatPatientRenderers } from '../duty-chat/notifications.js';
import { reminderRenderers, type PatientReminderDeps } from './reminders.js';

/**
 * How each outbox template addressed to a patient reads, in their language: one renderer for every patient template of
 * core/outbox/templates.ts (a missing one does not compile). Features add their templates here.
 */
export function patientRendererTable(deps: PatientBotDeps & PatientReminderDeps): Renderers<PatientTemplate> {
  return {
    application_in_review: inReviewRenderer(deps),
    application_needs_documents: needsDocumentsRenderer(deps),
    application_declined: declinedRenderer(deps),
    consultation_scheduled: scheduledRenderer(deps),
    consultation_rescheduled: rescheduledRenderer(deps),
    consultation_no_show: noShowRenderer(deps),
    ...buttonRenderers(deps),
    ...conclusionRenderers(deps),
    ...dutyRenderers(deps),
    ...dutyChatPatientRenderers(deps),
    ...reminderRenderers(deps),
  };
}

/** The table as the sender uses it: each row's params are checked against its template before they are read. */
export function patientRenderers(deps: PatientBotDeps & PatientReminderDeps) {
  return checkedRenderers(patientRendererTable(deps));
}

/** After Telegram accepted a patient message: remember which message showed what. */
export function patientOnSent(deps: PatientBotDeps) {
  return checkedHooks<PatientTemplate, [Message], void>({ ...dutyChatPatientOnSent(deps) });
}
