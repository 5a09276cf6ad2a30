export interface KeyLock {
  /** Runs fn while holding every key. Callers are served in call order per key. */
  run<T>(keys: readonly string[], fn: () => Promise<T>): Promise<T>;
}

/**
 * In-process mutual exclusion per storage key. Storing a file and inserting the row that references it,
 * and checking for references and unlinking, are each one step under the key, so a removal can never
 * unlink a file that a concurrent upload is about to reference. One server process is the design;
 * several processes would need a lock in the database instead.
 */
export function createKeyLock(): KeyLock {
  const tails = new Map<string, Promise<void>>();

  return {
    async run(keys, fn) {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      // A caller queues on all its keys in one synchronous step, so a later caller waits behind it on
      // every shared key: no two callers can each hold what the other waits for.
      const queued = [...new Set(keys)].map((key) => {
        const previous = tails.get(key) ?? Promise.resolve();
        const tail = previous.then(() => held);
        tails.set(key, tail);
        return { key, previous, tail };
      });
      try {
        await Promise.all(queued.map((entry) => entry.previous));
        return await fn();
      } finally {
        release();
        for (const { key, tail } of queued) if (tails.get(key) === tail) tails.delete(key);
      }
    },
  };
}
