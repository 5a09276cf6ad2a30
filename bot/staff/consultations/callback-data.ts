import { createCallbackData } from '../../shared/callback-data.js';

/** The buttons under a consultation's card: join, conclude, record a no-show (asked to confirm first). */
export const consultData = createCallbackData('cons', { id: Number, action: String });
/** The answer to "record a no-show?". */
export const noShowData = createCallbackData('consNoShow', { id: Number, yes: Boolean });

export const CARD_ACTIONS = ['join', 'conclude', 'noshow'] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];

/** Ids in callback data come from Telegram clients and may be forged: only whole positive numbers pass. */
export function unpackId<T extends { id: number }>(unpack: (data: string) => T, data: string): T | undefined {
  try {
    const value = unpack(data);
    return Number.isSafeInteger(value.id) && value.id > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}
