export interface Limiter {
  /**
   * Runs task once a slot is free and the weights in flight leave room for its weight; a task heavier
   * than the whole capacity runs alone. Rejects at once with rejectWhenFull() when the queue is full.
   */
  run<T>(task: () => Promise<T>, weight?: number): Promise<T>;
  readonly active: number;
  readonly queued: number;
}

export interface LimiterOptions {
  /** Tasks at once, whatever their weight. */
  concurrency: number;
  /** Sum of the weights in flight. */
  capacity?: number;
  maxQueue: number;
  rejectWhenFull: () => Error;
}

/** First come, first served: a heavy task at the head is not overtaken by light ones, so it cannot starve. */
export function createLimiter({ concurrency, capacity = Infinity, maxQueue, rejectWhenFull }: LimiterOptions): Limiter {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError('concurrency must be a positive integer');
  let active = 0;
  let load = 0;
  const waiting: Array<{ weight: number; start: () => void }> = [];

  const fits = (weight: number) => active === 0 || (active < concurrency && load + weight <= capacity);

  function admit(weight: number) {
    active++;
    load += weight;
  }

  function release(weight: number) {
    active--;
    load -= weight;
    while (waiting.length > 0 && fits(waiting[0]!.weight)) {
      const next = waiting.shift()!;
      admit(next.weight);
      next.start();
    }
  }

  return {
    async run(task, weight = 1) {
      if (waiting.length === 0 && fits(weight)) admit(weight);
      else if (waiting.length >= maxQueue) throw rejectWhenFull();
      else await new Promise<void>((start) => waiting.push({ weight, start }));
      try {
        return await task();
      } finally {
        release(weight);
      }
    },
    get active() {
      return active;
    },
    get queued() {
      return waiting.length;
    },
  };
}
