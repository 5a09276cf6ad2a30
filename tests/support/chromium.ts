import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; playwright-core downloads no browser of its own. */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether the browser tests run: Chromium is there, or this is CI (where its absence must fail, not skip). */
export const runBrowserTests = existsSync(CHROMIUM) || !!process.env.CI;
export function warnIfSkipped(name: string): void {
  if (!runBrowserTests) console.warn(`[${name}] skipped: ${CHROMIUM} is absent (apt-get install chromium; .ci/run installs it in CI)`);
}

/**
 * Chromium as the tests drive it. Under the clock matrix (scripts/test-clocks.ts) the test process runs inside libfaketime:
 * Chromium hangs with it preloaded, so the browser gets the real clock, as a patient's phone has its own — the Mini App
 * already takes the time from the server's answers, not from the phone.
 */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name, value]) => value !== undefined && name !== 'LD_PRELOAD' && !name.startsWith('FAKETIME'))) as Record<string, string>;
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    env,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}
