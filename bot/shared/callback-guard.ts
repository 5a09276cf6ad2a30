import type { Context, Transformer } from 'grammy';
import type { Logger } from '../../core/logger.js';

/**
 * Every button press gets an answer, or the person's button keeps spinning for a while and then shows an error.
 * A press with no string data (a forged client, a game button) or from outside a private chat (a message sent in
 * inline mode) reaches no feature and is answered here; for every other press the guard answers after the update
 * when no handler, conversation step or error boundary did. Answers are seen through `track`, installed on the bot's
 * Api and on every conversation's (they share no transformers).
 */
export function createCallbackGuard(logger: Logger) {
  const answered = new Set<string>();

  const track: Transformer = (prev, method, payload, signal) => {
    if (method === 'answerCallbackQuery') answered.add(String((payload as { callback_query_id?: unknown }).callback_query_id));
    return prev(method, payload, signal);
  };

  async function answerLate(ctx: Context): Promise<void> {
    try {
      await ctx.answerCallbackQuery();
    } catch (err) {
      // The update itself went through; a press Telegram no longer waits for is not worth failing it.
      logger.warn({ err, update_id: ctx.update.update_id }, 'could not answer a button press');
    }
  }

  async function middleware(ctx: Context, next: () => Promise<void>): Promise<void> {
    const query = ctx.update.callback_query;
    if (!query) return next();
    if (typeof query.data !== 'string' || ctx.chat?.type !== 'private') {
      logger.warn({ update_id: ctx.update.update_id, data: typeof query.data }, 'button press without usable data');
      return answerLate(ctx);
    }
    try {
      await next();
    } finally {
      if (!answered.delete(query.id)) await answerLate(ctx);
    }
  }

  return { middleware, track };
}
