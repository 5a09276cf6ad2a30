import { createCallbackData } from '../../shared/callback-data.js';

/** Which profile a documents action is for, when the account has several. */
export const pickProfileData = createCallbackData('docs-profile', { patientId: Number, next: String });
export const addData = createCallbackData('docs-add', { patientId: Number });
export const kindData = createCallbackData('docs-kind', { patientId: Number, kind: String });
export const listData = createCallbackData('docs-list', { patientId: Number, page: Number });
export const sendData = createCallbackData('docs-send', { patientId: Number, documentId: Number });
export const deleteData = createCallbackData('docs-del', { patientId: Number, documentId: Number, confirm: Boolean });
