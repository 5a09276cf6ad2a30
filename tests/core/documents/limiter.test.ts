import { describe, expect, it } from 'vitest';
import { createKeyLock } from '../../../core/documents/key-lock.js';
import { createLimiter } from '../../../core/documents/limiter.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createLimiter', () => {
  it('runs at most `concurrency` tasks at once and starts waiting ones in arrival order', async () => {
    const limiter = createLimiter({ concurrency: 2, maxQueue: 10, rejectWhenFull: () => new Error('full') });
    const gates = Array.from({ length: 5 }, deferred);
    const started: number[] = [];
    const runs = gates.map((gate, i) =>
      limiter.run(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(limiter.queued).toBe(3);
    gates[1]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    for (const gate of gates) gate.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect({ active: limiter.active, queued: limiter.queued }).toEqual({ active: 0, queued: 0 });
  });

  it('refuses at once when the queue is full, and frees the slot of a task that failed', async () => {
    const limiter = createLimiter({ concurrency: 1, maxQueue: 1, rejectWhenFull: () => new Error('full') });
    const gate = deferred();
    const first = limiter.run(async () => {
      await gate.promise;
      throw new Error('boom');
    });
    const second = limiter.run(async () => 'second');
    await expect(limiter.run(async () => 'third')).rejects.toThrow('full');
    gate.resolve();
    await expect(first).rejects.toThrow('boom');
    await expect(second).resolves.toBe('second');
    expect(limiter.active).toBe(0);
  });

  it('admits tasks while their weights fit the capacity, and runs an oversized one alone', async () => {
    const limiter = createLimiter({ concurrency: 8, capacity: 25, maxQueue: 10, rejectWhenFull: () => new Error('full') });
    const running = new Set<string>();
    const seen: string[][] = [];
    const gates = new Map<string, ReturnType<typeof deferred>>();
    const task = (name: string, weight: number) => {
      const gate = deferred();
      gates.set(name, gate);
      return limiter.run(async () => {
        running.add(name);
        seen.push([...running].sort());
        await gate.promise;
        running.delete(name);
      }, weight);
    };
    const all = [task('photo1', 12), task('photo2', 12), task('photo3', 12), task('huge', 90), task('small', 1)];
    await tick();
    expect([...running].sort()).toEqual(['photo1', 'photo2']);
    gates.get('photo1')!.resolve();
    await tick();
    // photo3 fits beside photo2; `huge` waits at the head, and `small` does not overtake it.
    expect([...running].sort()).toEqual(['photo2', 'photo3']);
    gates.get('photo2')!.resolve();
    gates.get('photo3')!.resolve();
    await tick();
    expect([...running]).toEqual(['huge']);
    gates.get('huge')!.resolve();
    gates.get('small')!.resolve();
    await Promise.all(all);
    expect(seen.at(-1)).toEqual(['small']);
  });
});

describe('createKeyLock', () => {
  it('serialises work on a shared key and lets other keys run alongside', async () => {
    const lock = createKeyLock();
    const log: string[] = [];
    const gate = deferred();
    const a = lock.run(['k1', 'k2'], async () => {
      log.push('a start');
      await gate.promise;
      log.push('a end');
    });
    const b = lock.run(['k2'], async () => void log.push('b'));
    const c = lock.run(['k3'], async () => void log.push('c'));
    await tick();
    expect(log).toEqual(['a start', 'c']);
    gate.resolve();
    await Promise.all([a, b, c]);
    expect(log).toEqual(['a start', 'c', 'a end', 'b']);
  });

  it('does not deadlock when two callers name the same keys in opposite order', async () => {
    const lock = createKeyLock();
    const order: string[] = [];
    await Promise.all([
      lock.run(['x', 'y'], async () => void order.push('xy')),
      lock.run(['y', 'x'], async () => void order.push('yx')),
    ]);
    expect(order.sort()).toEqual(['xy', 'yx']);
  });

  it('releases the keys when the work throws', async () => {
    const lock = createKeyLock();
    await expect(lock.run(['k'], async () => Promise.reject(new Error('fail')))).rejects.toThrow('fail');
    await expect(lock.run(['k'], async () => 'again')).resolves.toBe('again');
  });
});
