import type { Message } from 'grammy/types';
import type { FakeBotApi } from './fake-bot-api.js';
import { STAFF_TOKEN } from './service-harness.js';
import type { TestUser } from './updates.js';

/** The staff bot's latest message in a chat as the person sees it now (edits applied): its text and button rows. */
export function staffScreen(api: FakeBotApi, user: TestUser): { text: string; buttons: string[][]; message: Message } {
  const message = api
    .history(user.id, STAFF_TOKEN)
    .filter((m) => m.from?.is_bot)
    .at(-1);
  if (!message) throw new Error(`the staff bot has said nothing to ${user.id}`);
  const text = ('text' in message ? message.text : undefined) ?? ('caption' in message ? message.caption : undefined) ?? '';
  const buttons = (message.reply_markup?.inline_keyboard ?? []).map((row) => row.map((b) => b.text));
  return { text, buttons, message };
}

/** Every button text of the latest staff-bot message. */
export function staffButtons(api: FakeBotApi, user: TestUser): string[] {
  return staffScreen(api, user).buttons.flat();
}
