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

/**
 * The flow's one message brought down to the end of the chat, where the next step is read: the earlier copy is
 * deleted so its buttons are not pressed twice. One Telegram will not delete (already gone, older than 48 h) stays.
 */
export async function moveDown(ctx: Context, messageId: number | undefined, text: string, keyboard: InlineKeyboardMarkup): Promise<number> {
  if (messageId !== undefined) {
    try {
      await ctx.api.deleteMessage(ctx.chat!.id, messageId);
    } catch (err) {
      if (!(err instanceof GrammyError && err.error_code === 400)) throw err;
    }
  }
  return (await ctx.reply(text, { reply_markup: keyboard })).message_id;
}

/** Where a flow's one message goes: a new one below, the same one edited, or the same one moved down. */
export type LivePlace = 'new' | 'edit' | 'down';

export async function showLive(
  ctx: Context,
  place: LivePlace | undefined,
  messageId: number | undefined,
  text: string,
  keyboard: InlineKeyboardMarkup,
): Promise<number> {
  if (place === 'edit') return editOrSend(ctx, messageId, text, keyboard);
  if (place === 'down') return moveDown(ctx, messageId, text, keyboard);
  return (await ctx.reply(text, { reply_markup: keyboard })).message_id;
}
