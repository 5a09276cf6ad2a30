import { GrammyError, type Api } from 'grammy';
import { tryParse } from '../../shared/domain-error-text.js';
import type { Translate } from '../../shared/outbox-sender.js';
import type { CardDeps, CardView } from './card.js';
import { triageCard } from './card.js';

/** The card as the doctor with this Telegram id should now see it; undefined when they may not see it any more. */
export function cardFor(deps: CardDeps, t: Translate, locale: string, telegramId: number, applicationId: number): CardView | undefined {
  const member = deps.staff.byTelegramId(telegramId);
  const found = member && tryParse(() => deps.applications.forDoctor(member, applicationId));
  if (!member || !found?.ok) return undefined;
  return triageCard(deps, t, locale, found.value, member);
}

// The card may be gone (the doctor deleted it) or too old to find: the action is done and confirmed separately.
const CARD_GONE = /message to edit not found|message can't be edited|MESSAGE_ID_INVALID/i;

/** Puts the card's new state into the message that shows it (message id 0: there is none). */
export async function showCard(api: Api, chatId: number, messageId: number, view: CardView | undefined): Promise<void> {
  if (!messageId || !view) return;
  try {
    await api.editMessageText(chatId, messageId, view.text, view.replyMarkup ? { reply_markup: view.replyMarkup } : {});
  } catch (err) {
    if (err instanceof GrammyError && err.error_code === 400 && CARD_GONE.test(err.description)) return;
    throw err;
  }
}
