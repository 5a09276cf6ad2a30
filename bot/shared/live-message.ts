import { GrammyError, type Context } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';

/**
 * A flow's one message, edited in place: returns the id that is live afterwards. "Not modified" is already harmless
 * (api-tolerance); a message Telegram will not edit any more (deleted, older than 48 h) is sent anew instead.
 */
export async function editOrSend(ctx: Context, messageId: number | undefined, text: string, keyboard: InlineKeyboardMarkup): Promise<number> {
  if (messageId !== undefined) {
    try {
      await ctx.api.editMessageText(ctx.chat!.id, messageId, text, { reply_markup: keyboard });
      return messageId;
    } catch (err) {
      if (!(err instanceof GrammyError && err.error_code === 400)) throw err;
    }
  }
  return (await ctx.reply(text, { reply_markup: keyboard })).message_id;
}
