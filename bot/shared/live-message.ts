import { GrammyError, type Context } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';

const send = async (ctx: Context, text: string, keyboard: InlineKeyboardMarkup) => (await ctx.reply(text, { reply_markup: keyboard })).message_id;

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
  return send(ctx, text, keyboard);
}

/**
 * Where a flow's one message goes: by default a new one below; `edit` the same one edited; `down` the same one brought
 * to the end of the chat, where the next step is read. The earlier copy is deleted only once the new one is there (a
 * failed send loses nothing), so its buttons are not pressed twice; one already gone or too old to delete stays
 * (api-tolerance).
 */
export type LivePlace = 'edit' | 'down';

export async function showLive(
  ctx: Context,
  place: LivePlace | undefined,
  messageId: number | undefined,
  text: string,
  keyboard: InlineKeyboardMarkup,
): Promise<number> {
  if (place === 'edit') return editOrSend(ctx, messageId, text, keyboard);
  const shown = await send(ctx, text, keyboard);
  if (place === 'down' && messageId !== undefined) await ctx.api.deleteMessage(ctx.chat!.id, messageId);
  return shown;
}
