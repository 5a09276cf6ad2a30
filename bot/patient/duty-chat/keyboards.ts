import { InlineKeyboard } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { DutyChatService } from '../../../core/duty-chat/service.js';
import type { Translate } from '../../shared/outbox-sender.js';
import { miniAppUrl } from '../menu-button.js';
import { askDoctorData, leaveChatData } from './callback-data.js';

export const askDoctorButton = (t: Translate, consultationId: number) => ({
  text: t('dchat-btn-ask'),
  callback_data: askDoctorData.pack({ id: consultationId }),
});

/**
 * Adds «Ask the duty doctor» under a message about a consultation when it is a duty one (only those have a chat), for
 * the booking notice and lists of consultations.
 */
export function withAskDoctor(
  keyboard: InlineKeyboard,
  deps: { dutyChat: Pick<DutyChatService, 'isDuty'> },
  t: Translate,
  consultationId: number,
): InlineKeyboard {
  if (!deps.dutyChat.isDuty(consultationId)) return keyboard;
  const button = askDoctorButton(t, consultationId);
  return keyboard.row().text(button.text, button.callback_data);
}

export const leaveKeyboard = (t: Translate, consultationId: number) =>
  new InlineKeyboard().text(t('dchat-btn-leave'), leaveChatData.pack({ id: consultationId }));

export const replyToDoctorKeyboard = (t: Translate, consultationId: number): InlineKeyboardMarkup => ({
  inline_keyboard: [[{ text: t('dchat-btn-reply'), callback_data: askDoctorData.pack({ id: consultationId }) }]],
});

/** Where to go once the chat is closed: booking in the Mini App (an inline web_app button needs an https address). */
export function bookAgain(t: Translate, publicUrl: string | undefined): { text: string; replyMarkup?: InlineKeyboard } {
  if (publicUrl?.startsWith('https://')) {
    return { text: t('dchat-closed-book'), replyMarkup: new InlineKeyboard().webApp(t('dchat-btn-book'), miniAppUrl(publicUrl)) };
  }
  return { text: t('dchat-closed-book-menu', { app: t('menu-button-app') }) };
}
