import { createCallbackData } from 'callback-data';

export const editData = createCallbackData('profile-edit', { patientId: Number, field: String });
