import { createCallbackData } from '../../shared/callback-data.js';

export const relationData = createCallbackData('reg-rel', { relation: String });
export const regionData = createCallbackData('reg-region', { code: String });
export const zoneData = createCallbackData('reg-zone', { index: Number });
export const confirmData = createCallbackData('reg-confirm', { ok: Boolean });
/** The summary's answer: a region button (its code), another region ('other') or start again ('restart'). */
export const summaryData = createCallbackData('reg-sum', { pick: String });
