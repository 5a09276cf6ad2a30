import { createCallbackData } from 'callback-data';

export const relationData = createCallbackData('reg-rel', { relation: String });
export const regionData = createCallbackData('reg-region', { code: String });
export const zoneData = createCallbackData('reg-zone', { index: Number });
export const confirmData = createCallbackData('reg-confirm', { ok: Boolean });
