import { createCallbackData } from '../../shared/callback-data.js';

/** The offer: confirm ("this is me") or "this is not me". */
export const offerData = createCallbackData('ref-offer', { id: Number, ok: Boolean });
/** The prefilled profile: 'ok' confirms it, a field name asks that field again. */
export const fieldData = createCallbackData('ref-field', { field: String });
/** No complaints to add: the referral's own reasons stand. */
export const skipComplaintsData = createCallbackData('ref-skip', { id: Number });
export const uploadData = createCallbackData('ref-upload', { id: Number, kind: String });
export const sendData = createCallbackData('ref-send', { id: Number });
/** Go on with a referral left unfinished (offered on a plain /start). */
export const resumeData = createCallbackData('ref-resume', { id: Number });
