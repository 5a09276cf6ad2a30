import { createCallbackData } from '../../shared/callback-data.js';

// `card` is the message id of the application's card in the doctor's chat, so a flow can update it when done.

export const openData = createCallbackData('tri-open', { id: Number });
export const documentsData = createCallbackData('tri-docs', { id: Number });
export const takeData = createCallbackData('tri-take', { id: Number });
export const requestData = createCallbackData('tri-req', { id: Number });
export const kindData = createCallbackData('tri-kind', { id: Number, card: Number, kind: String });
export const kindsDoneData = createCallbackData('tri-kinds', { id: Number, card: Number, go: Boolean });
export const commentData = createCallbackData('tri-comment', { id: Number, skip: Boolean });
export const declineData = createCallbackData('tri-decl', { id: Number });
export const reasonData = createCallbackData('tri-reason', { id: Number, card: Number, code: String });

/** Ids in callback data come from Telegram clients and may be forged: only whole positive numbers pass. */
export function unpackSafely<T extends { id: number }>(unpack: (data: string) => T, data: string): T | undefined {
  let value: T;
  try {
    value = unpack(data);
  } catch {
    return undefined;
  }
  const numbers = Object.values(value).filter((v): v is number => typeof v === 'number');
  return numbers.every((n) => Number.isSafeInteger(n) && n >= 0) && value.id > 0 ? value : undefined;
}
