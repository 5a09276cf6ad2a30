import { randomFillSync } from 'node:crypto';
import { Hono } from 'hono';
import { SPEEDTEST_MAX_BYTES, speedtestQuery } from '../contract.js';
import type { MiniEnv } from '../env.js';
import { parseQuery } from '../validate.js';

/**
 * Download-speed check: N random (incompressible) bytes, never cached. One random block is made at start and sliced,
 * so a burst of checks costs the server no CPU for randomness.
 */
export function speedtestRoutes() {
  let block: Uint8Array<ArrayBuffer> | undefined;
  return new Hono<MiniEnv>().get('/speedtest', (c) => {
    const { bytes } = parseQuery(c, speedtestQuery);
    const n = Math.min(bytes, SPEEDTEST_MAX_BYTES);
    block ??= randomFillSync(new Uint8Array(SPEEDTEST_MAX_BYTES));
    return c.body(block.subarray(0, n), 200, {
      'Content-Type': 'application/octet-stream',
      'Cache-Control': 'no-store, no-transform',
      'Content-Length': String(n),
    });
  });
}
