import { createCallbackData } from '../../shared/callback-data.js';

/** step: ask → the confirmation; yes → withdraw; no → keep. */
export const withdrawData = createCallbackData('app-withdraw', { id: Number, step: String });
/** Offers the upload buttons of an application that waits for documents. */
export const requestedDocsData = createCallbackData('app-docs', { id: Number });
/** Starts the upload of one requested kind for the application's own profile. */
export const requestedUploadData = createCallbackData('app-upload', { id: Number, kind: String });
/** step as for withdrawData. */
export const cancelConsultationData = createCallbackData('consult-cancel', { id: Number, step: String });
