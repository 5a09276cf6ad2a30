import type { Conversation } from '@grammyjs/conversations';
import type { Context } from 'grammy';
import type { Clock } from '../../core/clock.js';

/**
 * The service's clock read once inside a conversation and replayed from its log. `conversation.now()` reads the wall
 * clock, which the sandbox's movable clock and the tests' fixed clocks never reach.
 */
export function clockNow<C extends Context & { deps: { clock: Clock } }, I extends Context>(
  conversation: Conversation<C, I>,
): Promise<number> {
  return conversation.external((outside) => outside.deps.clock.now());
}
