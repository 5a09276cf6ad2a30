import type { Update } from 'grammy/types';
import type { BotHandle } from './bot-handle.js';
import type { TestUser } from './updates.js';

/**
 * Drives a bot as a person does and counts what the person did: each typed message, shared contact or pressed
 * button is one interaction. The step limits are measured with it.
 */
export function countInteractions(handle: Pick<BotHandle, 'send' | 'press'>) {
  let count = 0;
  return {
    send(update: Update) {
      count++;
      return handle.send(update);
    },
    press(user: TestUser, buttonText: string) {
      count++;
      return handle.press(user, buttonText);
    },
    get count() {
      return count;
    },
  };
}
