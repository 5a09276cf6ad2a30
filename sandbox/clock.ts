import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { systemClock, type Clock } from '../core/clock.js';

/** The sandbox's clock: the real time plus an offset the page moves forward; it never goes back. */
export interface MovableClock extends Clock {
  onJump(listener: () => void): () => void;
  /** How far ahead of the real time the sandbox runs, in ms. */
  offsetMs(): number;
  /** Moves the time forward by `ms` (> 0), saves the offset and tells every listener. */
  advance(ms: number): void;
}

/** The longest single move: past it the demo's slots (generated DUTY_DAYS_AHEAD ahead) would all lie behind. */
export const MAX_MOVE_MS = 30 * 86_400_000;

/** The file beside the sandbox's database that keeps the offset: the service after a restart and the CLI read it. */
export const CLOCK_FILE = 'sandbox-clock.json';

/** Reads the offset a sandbox saved in `file`; 0 when there is none or it cannot be read. */
export function readClockOffset(file: string): number {
  if (!existsSync(file)) return 0;
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { offsetMs?: unknown };
    return typeof saved.offsetMs === 'number' && Number.isFinite(saved.offsetMs) && saved.offsetMs >= 0 ? saved.offsetMs : 0;
  } catch {
    return 0;
  }
}

/**
 * A clock over `base` that the sandbox page moves forward. Moving back is not offered: the jobs' windows, the outbox
 * and the emulator's message dates all assume a time that only runs forward.
 */
export function createMovableClock(opts: { file?: string; base?: Clock } = {}): MovableClock {
  const base = opts.base ?? systemClock;
  let offset = opts.file ? readClockOffset(opts.file) : 0;
  const listeners = new Set<() => void>();
  const save = () => {
    if (!opts.file) return;
    const temp = `${opts.file}.tmp`;
    writeFileSync(temp, JSON.stringify({ offsetMs: offset }) + '\n', { mode: 0o600 });
    renameSync(temp, opts.file);
  };
  return {
    now: () => base.now() + offset,
    offsetMs: () => offset,
    onJump(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    advance(ms) {
      if (!Number.isFinite(ms) || ms <= 0 || ms > MAX_MOVE_MS) throw new RangeError(`a move must be between 1 ms and ${MAX_MOVE_MS} ms`);
      offset += Math.round(ms);
      save();
      for (const listener of [...listeners]) {
        try {
          listener();
        } catch {
          // One timer failing to re-plan must not keep the others from learning of the jump; each logs its own errors.
        }
      }
    },
  };
}
