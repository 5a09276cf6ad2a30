import type { Conversation } from '@grammyjs/conversations';
import type { StaffContext, StaffConvoContext } from '../context.js';

export type TriageConvo = Conversation<StaffContext, StaffConvoContext>;

/** Wrong answers tolerated before the flow gives up; each is one more update the conversation replays. */
const MAX_TRIES = 6;

export type TextAnswer = { text: string } | { button: string } | { gaveUp: true };

/**
 * Waits for a typed answer. A press on one of this step's own buttons ends the wait with it; any other button goes on
 * to the bot's other handlers while the question stays open; a command leaves the flow and runs. `check` returns what
 * is wrong with a text, or undefined when it will do.
 */
export async function askText(
  conversation: TriageConvo,
  ownButtons: RegExp,
  check: (text: string, ctx: StaffConvoContext) => string | undefined,
): Promise<TextAnswer> {
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const c = await conversation.wait();
    const data = c.callbackQuery?.data;
    if (data !== undefined) {
      if (!ownButtons.test(data)) await conversation.skip({ next: true });
      await c.answerCallbackQuery();
      await c.editMessageReplyMarkup();
      return { button: data };
    }
    if (!c.message) await conversation.skip({ next: true });
    const text = c.message?.text;
    if (text?.startsWith('/')) {
      await c.reply(c.t('triage-flow-left'));
      await conversation.halt({ next: true });
    }
    if (text === undefined) {
      await c.reply(c.t('triage-expect-text'));
      continue;
    }
    const problem = check(text, c);
    if (problem === undefined) return { text };
    await c.reply(problem);
  }
  return { gaveUp: true };
}
