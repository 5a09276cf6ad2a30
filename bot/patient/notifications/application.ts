import { InlineKeyboard } from 'grammy';
import type { Renderer } from '../../shared/renderers.js';
import { centerName, kindNames } from '../applications/format.js';
import { requestedKindsKeyboard } from '../applications/keyboards.js';
import type { PatientBotDeps } from '../deps.js';
import { miniAppUrl } from '../menu-button.js';

/** The application the message is about, if its profile is still under the addressed account. */
function applicationOf(deps: PatientBotDeps, row: { chatId: number; params: { applicationId: number } }) {
  return deps.applications.ofAccount(row.chatId).find((a) => a.id === row.params.applicationId);
}

const gone = { kind: 'skip', reason: 'application or its profile is gone' } as const;

/** A doctor of the center took the application. */
export function inReviewRenderer(deps: PatientBotDeps): Renderer<'application_in_review'> {
  return (row, t, locale) => {
    const app = applicationOf(deps, row);
    if (!app) return gone;
    const center = centerName(deps.catalog, row.params.center, locale);
    return { kind: 'message', text: t('app-note-in-review', { id: app.id, center, name: app.patientName }) };
  };
}

/** The doctor wants more documents: which, why, and a button per kind that opens the upload for that profile. */
export function needsDocumentsRenderer(deps: PatientBotDeps): Renderer<'application_needs_documents'> {
  return (row, t, locale) => {
    const app = applicationOf(deps, row);
    if (!app) return gone;
    const { kinds } = row.params;
    const comment = row.params.comment.trim();
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
export function declinedRenderer(deps: PatientBotDeps): Renderer<'application_declined'> {
  return (row, t, locale) => {
    const app = applicationOf(deps, row);
    if (!app) return gone;
    const reason = row.params.reason.trim();
    const text = t('app-note-declined', { id: app.id, center: centerName(deps.catalog, app.centerCode, locale), name: app.patientName, reason });
    // The way that remains, one tap away: the Mini App opened at the duty booking (web apps open over https only).
    if (!deps.publicUrl?.startsWith('https://')) return { kind: 'message', text };
    return { kind: 'message', text, replyMarkup: new InlineKeyboard().webApp(t('app-btn-book-duty'), `${miniAppUrl(deps.publicUrl)}?book=duty`) };
  };
}
