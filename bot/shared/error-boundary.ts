import type { I18nFlavor } from '@grammyjs/i18n';
import type { BotError, Context } from 'grammy';
import type { Logger } from '../../core/logger.js';
import { StaleButtonError } from './callback-data.js';

/**
 * Logs the failure with its update and tells the person, in their language, that it was on our side; a stale or
 * forged button is not a failure: its press is answered and logged at warn.
 */
export function createErrorHandler<C extends Context & I18nFlavor>(logger: Logger) {
  return async (error: BotError<C>) => {
    const { ctx } = error;
    if (error.error instanceof StaleButtonError && ctx.callbackQuery) {
      // Expected (an old message, a forged client): no stack, nothing changed, the press answered in a word.
      logger.warn({ update_id: ctx.update.update_id, data: error.error.data }, 'stale button pressed');
      await ctx.answerCallbackQuery({ text: ctx.t('button-stale') });
      return;
    }
    logger.error({ err: error.error, update_id: ctx.update.update_id }, 'update failed');
    if (!ctx.chat) return;
    try {
      const text = typeof ctx.t === 'function' ? ctx.t('error-generic') : 'Извините, что-то пошло не так. Попробуйте ещё раз.';
      await ctx.api.sendMessage(ctx.chat.id, text);
    } catch (err) {
      logger.warn({ err, update_id: ctx.update.update_id }, 'could not tell the user about the failure');
    }
  };
}
