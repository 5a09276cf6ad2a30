import { commandMethods } from './commands.js';
import { editMethods } from './edits.js';
import { fileMethods } from './files.js';
import { messageMethods } from './messages.js';
import type { MethodHandler } from './state.js';
import { updateMethods } from './updates.js';

/**
 * Every Bot API method the emulator answers, by lower-cased name (Telegram matches method names case-insensitively):
 * getMe, getUpdates, setWebhook, deleteWebhook, getWebhookInfo, sendMessage, sendPhoto, sendDocument, sendMediaGroup,
 * editMessageText, editMessageCaption, editMessageReplyMarkup, deleteMessage, deleteMessages, copyMessage,
 * forwardMessage, answerCallbackQuery, sendChatAction, setMyCommands, getMyCommands, deleteMyCommands,
 * setChatMenuButton, getChatMenuButton, getFile.
 */
export const BOT_API_METHODS: Record<string, MethodHandler> = {
  ...commandMethods,
  ...updateMethods,
  ...fileMethods,
  ...messageMethods,
  ...editMethods,
};
