import { createCallbackData } from '../../shared/callback-data.js';

export const editData = createCallbackData('profile-edit', { patientId: Number, field: String });
/** confirm false asks "are you sure?", true removes; the answer "keep" is a separate button. */
export const deleteProfileData = createCallbackData('profile-del', { patientId: Number, confirm: Boolean });
export const keepProfileData = createCallbackData('profile-keep', { patientId: Number });
