import type { Context, MiddlewareFn } from 'grammy';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import { createReachability } from '../../core/outbox/reachability.js';
import type { Db } from '../../db/client.js';

/**
 * Keeps accounts.reachable true to life for the outbox and the staff. Telegram tells a bot it was blocked
 * (my_chat_member: kicked) or unblocked (member); a 403 to one of our messages says the same. Anything the person sends
 * afterwards means they can be reached again, and what was refused in the meantime is queued once more.
 */
export function reachability(deps: { db: Db; clock: Clock; logger: Logger }): MiddlewareFn<Context> {
  const accounts = createReachability(deps.db);
  return async (ctx, next) => {
    const from = ctx.from;
    if (!from) return next();
    if (ctx.myChatMember?.new_chat_member.status === 'kicked') {
      // Nothing to answer: a reply would only be refused.
      accounts.markBlocked(from.id);
      return;
    }
    const requeued = accounts.markReachable(from.id, deps.clock.now());
    if (requeued > 0) deps.logger.info({ accountId: from.id, requeued }, 'patient reachable again; refused messages queued again');
    await next();
  };
}
