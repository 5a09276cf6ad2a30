/** The time source; tests pass a fixed or advancing one. */
export interface Clock {
  now(): number;
  /**
   * Only on a clock whose time can jump (the sandbox's, moved from its page): calls `listener` after each jump, so a
   * timer that sleeps in real time (the scheduler, the outbox, SMS, slot generation) looks again at once instead of
   * after the real delay. Returns the unsubscribe. A clock that only runs leaves it out.
   */
  onJump?(listener: () => void): () => void;
}

export const systemClock: Clock = { now: () => Date.now() };
