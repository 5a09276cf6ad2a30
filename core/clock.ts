/** The time source; tests pass a fixed or advancing one. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
