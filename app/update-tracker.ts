import type { Bot, Context } from 'grammy';

/**
 * The updates the bots are handling right now, however they came (the runner or a webhook, whose answer may have gone
 * to Telegram before the handling ended: api/server.ts). Shutdown waits for them before it closes the database, and
 * refuses new ones from then on: a refused webhook update gets an error answer, so Telegram delivers it again later,
 * to the next process.
 */
export function createUpdateTracker() {
  const inFlight = new Set<Promise<unknown>>();
  let closed = false;
  return {
    /** Routes the bot's handleUpdate (which both the runner and webhookCallback call) through the tracker. */
    track(bot: Bot<Context>): void {
      const handle = bot.handleUpdate.bind(bot);
      bot.handleUpdate = (...args: Parameters<typeof handle>) => {
        if (closed) return Promise.reject(new Error('the service is stopping; the update is left for the next start'));
        const handling = handle(...args);
        inFlight.add(handling);
        const done = () => inFlight.delete(handling);
        handling.then(done, done);
        return handling;
      };
    },
    get inFlight(): number {
      return inFlight.size;
    },
    /** Refuses new updates and resolves once every update in hand is handled. */
    async drain(): Promise<void> {
      closed = true;
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
  };
}

export type UpdateTracker = ReturnType<typeof createUpdateTracker>;
