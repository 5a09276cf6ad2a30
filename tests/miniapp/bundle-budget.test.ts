import { beforeAll, describe, expect, it } from 'vitest';
import { ensureMiniAppBuilt } from '../../miniapp/build.js';
import { FIRST_SCREEN_BUDGET_GZIP, measureBundle } from '../bench/bundle.bench.js';

describe('the Mini App bundle', () => {
  beforeAll(() => ensureMiniAppBuilt({ quiet: true }), 120_000);

  it('keeps the first screen’s JavaScript within 150 KB gzipped, with booking and the device check loaded on demand', () => {
    const report = measureBundle();
    expect(report.firstScreenJsGzipBytes).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET_GZIP);
    const lazy = report.chunks.filter((c) => !c.firstScreen).map((c) => c.file);
    expect(lazy.some((f) => /\/booking-[\w-]+\.js$/.test(f))).toBe(true);
    expect(lazy.some((f) => /\/device-check-[\w-]+\.js$/.test(f))).toBe(true);
    expect(lazy.some((f) => /\/mock-env-[\w-]+\.js$/.test(f))).toBe(true);
  });
});
