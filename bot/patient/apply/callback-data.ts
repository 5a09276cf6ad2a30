import { createCallbackData } from '../../shared/callback-data.js';

export const profileData = createCallbackData('apply-profile', { patientId: Number });
/** An unfinished draft: go on with it, or start afresh. */
export const resumeData = createCallbackData('apply-resume', { fresh: Boolean });
export const centerData = createCallbackData('apply-center', { center: String });
export const conditionData = createCallbackData('apply-cond', { center: String, condition: String });
export const uploadData = createCallbackData('apply-upload', { kind: String });
/** centers: back to the choice of center; review: the summary; send: submit; edit: retype the texts; drop: discard. */
export const actionData = createCallbackData('apply-act', { action: String });
