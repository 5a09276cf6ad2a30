import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listeningPort, REPO_ROOT, runProcess, startBotApi } from '../support/service-process.js';

const TOKEN = '7001234567:AAF-production-start-test';
const work = mkdtempSync(path.join(tmpdir(), 'oz-prod-'));
const clone = path.join(work, 'repo');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * npm with nothing of this run's npm configuration (npm test sets npm_config_* for its children), except the headers
 * native modules are built against: under .ci/node22-suite they are Node 22's, and without them node-gyp takes the
 * machine's (Node 20's), and better-sqlite3 then fails to load in the service started from the clone.
 */
function npm(args: string[]): number {
  const started = performance.now();
  execFileSync('npm', [...args, '--no-audit', '--no-fund'], {
    cwd: clone,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...(process.env.npm_config_nodedir ? { npm_config_nodedir: process.env.npm_config_nodedir } : {}),
    },
  });
  return Math.round((performance.now() - started) / 100) / 10;
}

// The check, as an operator would do it: a fresh clone of the committed tree, `npm ci`, `npm run build`,
// `npm prune --omit=dev`, `npm run start:prod`. It installs and builds a whole copy, so it takes minutes.
describe('a fresh clone built for production', () => {
  it('runs from dist/ with production dependencies only: serves /healthz and the Mini App, stops on SIGTERM', { timeout: 20 * 60_000 }, async () => {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    execFileSync('git', ['clone', '--quiet', '--no-checkout', REPO_ROOT, clone]);
    execFileSync('git', ['checkout', '--quiet', head], { cwd: clone });
    const seconds = { ci: npm(['ci', '--prefer-offline']), build: npm(['run', 'build']), prune: npm(['prune', '--omit=dev']) };
    console.info(`production check: npm ci ${seconds.ci} s, build ${seconds.build} s, prune ${seconds.prune} s`);
    for (const dev of ['tsx', 'vite', '@vitejs/plugin-react', 'vitest']) expect(existsSync(path.join(clone, 'node_modules', dev)), dev).toBe(false);
    expect(existsSync(path.join(clone, 'dist', 'miniapp', 'dist', 'index.html'))).toBe(true);

    const api = await startBotApi();
    const dataDir = path.join(work, 'data');
    // What `npm run start:prod` runs, started directly so that SIGTERM reaches the service itself.
    const pkg = JSON.parse(readFileSync(path.join(clone, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['start:prod']).toBe('node dist/app/main.js');
    const run = runProcess({ PATIENT_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.url, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' }, ['dist/app/main.js'], clone);
    try {
      const port = await listeningPort(run.out, 60_000);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      const app = await fetch(`http://127.0.0.1:${port}/app/`);
      expect(app.status).toBe(200);
      expect(await app.text()).toMatch(/<div id="root">/);
      expect(api.calls.some((c) => c.method === 'getMe')).toBe(true);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    } finally {
      run.child.kill('SIGKILL');
      api.close();
    }
  });
});
