import type { Conversation } from '@grammyjs/conversations';
import type { Context } from 'grammy';

const isCancel = (text: string) => /^\/cancel(@\w+)?(\s|$)/.test(text);

/** How a flow answers each kind of update while it waits; a handler that ends the flow halts it (LiveScreen.leave). */
export interface Steps<C extends Context, B> {
  /** Each update replays the whole flow, so the flow takes at most this many and then gives up (`tooMany`). */
  maxSteps: number;
  /** Whether callback data is one of this flow's buttons; any other button is a new action: the flow is left and it runs. */
  owns(data: string): boolean;
  /** A button of this flow, checked; undefined when forged or left from an older flow, which `stale` then says. */
  parse(data: string): B | undefined;
  stale(update: C): string;
  button(update: C, button: B): Promise<unknown>;
  text(update: C, text: string): Promise<unknown>;
  /** Anything neither a button nor a text (a photo, a sticker). */
  other(update: C): Promise<unknown>;
  /** /cancel: leaves the flow. Any other command leaves it too, and runs. */
  cancel(update: C): Promise<unknown>;
  tooMany(): Promise<unknown>;
}

/** The bounded wait loop of a live-screen flow (see Steps). */
export async function runSteps<OC extends Context, C extends Context, B>(conversation: Conversation<OC, C>, steps: Steps<C, B>): Promise<void> {
  for (let step = 0; step < steps.maxSteps; step++) {
    const update = await conversation.wait();
    const data = update.callbackQuery?.data;
    const text = update.message?.text;
    if (data !== undefined) {
      if (!steps.owns(data)) return conversation.halt({ next: true });
      const button = steps.parse(data);
      if (button === undefined) await update.answerCallbackQuery({ text: steps.stale(update) });
      else await steps.button(update, button);
    } else if (text?.startsWith('/')) {
      if (!isCancel(text)) return conversation.halt({ next: true });
      await steps.cancel(update);
      return;
    } else if (text !== undefined) {
      await steps.text(update, text);
    } else {
      await steps.other(update);
    }
  }
  await steps.tooMany();
}
