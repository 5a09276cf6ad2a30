import type { OutboxRow } from '../../../core/outbox/repository.js';
import type { Renderer } from '../../shared/outbox-sender.js';
import { centerName, kindNames } from '../applications/format.js';
import { requestedKindsKeyboard } from '../applications/keyboards.js';
import type { PatientBotDeps } from '../deps.js';

/** The application the message is about, if its profile is still under the addressed account. */
function applicationOf(deps: PatientBotDeps, row: OutboxRow) {
  const id = Number(row.params.applicationId);
  return deps.applications.ofAccount(row.chatId).find((a) => a.id === id);
}

const gone = { kind: 'skip', reason: 'application or its profile is gone' } as const;

/** A doctor of the center took the application. */
export function inReviewRenderer(deps: PatientBotDeps): Renderer {
  return (row, t, locale) => {
    const app = applicationOf(deps, row);
    if (!app) return gone;
    const center = centerName(deps.catalog, String(row.params.center ?? app.centerCode), locale);
    return { kind: 'message', text: t('app-note-in-review', { id: app.id, center, name: app.patientName }) };
  };
}

/** The doctor wants more documents: which, why, and a button per kind that opens the upload for that profile. */
export function needsDocumentsRenderer(deps: PatientBotDeps): Renderer {
  return (row, t, locale) => {
    const app = applicationOf(deps, row);
    if (!app) return gone;
    const kinds = Array.isArray(row.params.kinds) ? row.params.kinds.map(String) : app.requestedKinds;
    const comment = typeof row.params.comment === 'string' ? row.params.comment.trim() : '';
    const params = {
      id: app.id,
      center: centerName(deps.catalog, app.centerCode, locale),
      name: app.patientName,
      kinds: kindNames(deps.catalog, kinds, locale),
    };
    const text = [t('app-note-needs-documents', params), ...(comment ? [t('app-note-doctor-comment', { comment })] : []), t('app-note-needs-documents-how')];
    return { kind: 'message', text: text.join('\n\n'), replyMarkup: requestedKindsKeyboard(t, deps.catalog, locale, app.id, kinds) };
  };
}

/** Declined: the doctor's reason, and the way that remains open (the duty doctor, who needs no documents). */
export function declinedRenderer(deps: PatientBotDeps): Renderer {
  return (row, t, locale) => {
    const app = applicationOf(deps, row);
    if (!app) return gone;
    const reason = String(row.params.reason ?? app.declineReason ?? '').trim();
    const text = t('app-note-declined', { id: app.id, center: centerName(deps.catalog, app.centerCode, locale), name: app.patientName, reason });
    return { kind: 'message', text };
  };
}
