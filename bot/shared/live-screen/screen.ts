import type { Conversation } from '@grammyjs/conversations';
import type { Context } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';

/** What a screen shows: a text and its buttons (an InlineKeyboard, or the same as plain data). */
export interface ScreenView {
  text: string;
  keyboard: InlineKeyboardMarkup;
}

/** A flow's one message with live buttons: shown, replaced, and stripped of its buttons when the flow moves on. */
export interface LiveScreen {
  /**
   * Shows a view: in place of the pressed message when that is the live one (`pressed` is the update of the press),
   * else as a new message, the old one losing its buttons.
   */
  show(view: ScreenView, pressed?: Context): Promise<void>;
  /** Takes the buttons off the live message, so nothing left on screen can act on this flow. */
  drop(): Promise<void>;
  /** Ends the flow with a last message: the buttons dropped, the text said, the conversation halted. */
  leave(text: string, other?: Parameters<Context['reply']>[1]): Promise<never>;
}

/**
 * The live screen of one conversation. Its state (the live message's id) is rebuilt on every replay, because every
 * Bot API call it makes is replayed from the conversation's log.
 */
export function createLiveScreen(conversation: Pick<Conversation, 'halt'>, ctx: Context): LiveScreen {
  const chatId = ctx.chat!.id;
  let shownId: number | undefined;

  const drop = async () => {
    if (shownId !== undefined) await ctx.api.editMessageReplyMarkup(chatId, shownId);
    shownId = undefined;
  };

  return {
    async show(view, pressed) {
      const pressedId = pressed?.callbackQuery?.message?.message_id;
      if (pressedId !== undefined && pressedId === shownId) {
        await ctx.api.editMessageText(chatId, pressedId, view.text, { reply_markup: view.keyboard });
      } else {
        await drop();
        shownId = (await ctx.reply(view.text, { reply_markup: view.keyboard })).message_id;
      }
    },
    drop,
    async leave(text, other) {
      await drop();
      await ctx.reply(text, other);
      return conversation.halt();
    },
  };
}
