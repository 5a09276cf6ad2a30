import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Vite from 'vite';

/**
 * Builds the Mini App into miniapp/dist when it is missing or its sources changed since the last build, so that a
 * fresh clone's `npm ci && npm start` (prestart), `npm test` (pretest) and the end-to-end test all serve current files.
 * Staleness is a hash of the inputs, not mtimes, which a checkout or a copy rewrites.
 */
export const MINIAPP_DIR = path.dirname(fileURLToPath(import.meta.url));
export const DIST_DIR = path.join(MINIAPP_DIR, 'dist');
const STAMP = path.join(DIST_DIR, '.source-hash');
const LOCK = path.join(MINIAPP_DIR, '.build-lock');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

export function sourceHash(): string {
  const root = path.dirname(MINIAPP_DIR);
  const inputs = [
    ...filesUnder(path.join(MINIAPP_DIR, 'src')),
    path.join(MINIAPP_DIR, 'index.html'),
    path.join(MINIAPP_DIR, 'room.html'),
    path.join(MINIAPP_DIR, 'vite.config.ts'),
    path.join(root, 'package-lock.json'),
  ];
  const hash = createHash('sha256');
  for (const file of inputs) {
    hash.update(path.relative(root, file));
    hash.update('\0');
    if (existsSync(file)) hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export function isBuildCurrent(): boolean {
  return existsSync(path.join(DIST_DIR, 'index.html')) && existsSync(path.join(DIST_DIR, 'room.html')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === sourceHash();
}

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  // Two test processes building at once would write into the same folder.
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() > deadline || (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 120_000)) {
        rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Returns true when it built, false when the existing build was current. */
export async function ensureMiniAppBuilt(opts: { force?: boolean; quiet?: boolean } = {}): Promise<boolean> {
  if (!opts.force && isBuildCurrent()) return false;
  return withLock(async () => {
    if (!opts.force && isBuildCurrent()) return false;
    const hash = sourceHash();
    let vite: typeof Vite;
    try {
      vite = await import('vite');
    } catch {
      // A production install without dev dependencies: serve what is there, if anything.
      if (existsSync(path.join(DIST_DIR, 'index.html'))) return false;
      throw new Error('miniapp/dist is missing and vite is not installed: run `npm ci` (with dev dependencies), then `npm run build`');
    }
    // Vite takes NODE_ENV from the process: under vitest it is 'test', which would bundle React's development build
    // and turn on the dev-only Telegram mock. A build for serving is always a production build.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await vite.build({ configFile: path.join(MINIAPP_DIR, 'vite.config.ts'), mode: 'production', logLevel: opts.quiet ? 'warn' : 'info' });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
    writeFileSync(STAMP, hash);
    return true;
  });
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const force = process.argv.includes('--force');
  try {
    const built = await ensureMiniAppBuilt({ force });
    if (!built) console.log('miniapp/dist is current');
  } catch (err) {
    // Before `npm start` a failed build must not keep the bots down: /app/ then answers 503 saying what to run.
    if (!process.argv.includes('--if-possible')) throw err;
    console.warn(`The Mini App was not built: ${err instanceof Error ? err.message : String(err)}`);
  }
}
