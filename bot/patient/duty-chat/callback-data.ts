import { createCallbackData } from '../../shared/callback-data.js';

/** Opens the chat with the duty doctor of this consultation. */
export const askDoctorData = createCallbackData('dchat-ask', { id: Number });
/** Leaves the chat; the id names the consultation the button was shown for. */
export const leaveChatData = createCallbackData('dchat-leave', { id: Number });
