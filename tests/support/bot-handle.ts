import type { Message, Update } from 'grammy/types';
import type { FakeBotApi } from './fake-bot-api.js';
import type { createUpdateFactory, TestUser } from './updates.js';

/** One bot as a test drives it: send updates, press buttons, read what the person was sent. */
export interface BotHandle {
  token: string;
  updates: ReturnType<typeof createUpdateFactory>;
  send(update: Update): Promise<void>;
  /** Presses the inline button with this text on the latest message that still shows it, as a person would. */
  press(user: TestUser, buttonText: string): Promise<void>;
  /** New messages (sendMessage/sendDocument/…) to this person since the last call, as text or caption. */
  seen(user: TestUser): string[];
}

export function createBotHandle(
  api: FakeBotApi,
  token: string,
  updates: BotHandle['updates'],
  handleUpdate: (update: Update) => Promise<void>,
): BotHandle {
  const read = new Map<number, number>();
  return {
    token,
    updates,
    send: handleUpdate,
    async press(user, buttonText) {
      const history: Message[] = api.history(user.id, token);
      for (let i = history.length - 1; i >= 0; i--) {
        const button = (history[i]!.reply_markup?.inline_keyboard ?? []).flat().find((b) => b.text === buttonText && 'callback_data' in b);
        if (button && 'callback_data' in button) {
          await handleUpdate(updates.callback(user, button.callback_data!, history[i]));
          return;
        }
      }
      throw new Error(`No message in chat ${user.id} (${token.split(':')[0]}) shows a button "${buttonText}"`);
    },
    seen(user) {
      // New messages only: edits of earlier ones (a keyboard removed) are not something new to read.
      const all = api.sent(user.id, token).filter((m) => m.method.startsWith('send'));
      const from = read.get(user.id) ?? 0;
      read.set(user.id, all.length);
      return all.slice(from).map((m) => m.text ?? m.caption ?? '');
    },
  };
}
