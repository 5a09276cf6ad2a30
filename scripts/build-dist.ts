/**
 * The service's production build (npm run build, after the Mini App's): compiles app/ and cli/ with everything they
 * import into dist/ (tsconfig.build.json), copies the files tsc does not emit (Fluent texts, migrations, the catalogue,
 * the PDF worker, the sandbox page's sources) and the built Mini App beside them, then checks that nothing in dist/
 * imports a package production installs lack (npm prune --omit=dev): no tsx, no Vite, no TypeScript at start.
 */
import { execFileSync } from 'node:child_process';
import { builtinModules, createRequire } from 'node:module';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const SOURCE_DIRS = ['app', 'api', 'bot', 'core', 'db', 'cli', 'sandbox'];
// The sandbox page transpiles its browser sources at start (it runs with the dev dependencies only).
const KEEP_SOURCES = path.join('sandbox', 'page', 'client');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function isAsset(rel: string): boolean {
  if (rel.startsWith(KEEP_SOURCES + path.sep)) return true;
  return !rel.endsWith('.ts') && path.basename(rel) !== 'tsconfig.json';
}

/** Bare imports of compiled files outside the sandbox that are neither Node's nor production dependencies. */
export function devOnlyImports(distDir: string, dependencies: string[]): string[] {
  const allowed = new Set([...dependencies, ...builtinModules]);
  const found = new Set<string>();
  for (const file of filesUnder(distDir)) {
    const rel = path.relative(distDir, file);
    if (!/\.m?js$/.test(file) || rel.startsWith('sandbox' + path.sep) || rel.startsWith('miniapp' + path.sep)) continue;
    const text = readFileSync(file, 'utf8');
    // TypeScript's own scanner: imports, exports, dynamic import() and require() calls, never strings or comments.
    for (const { fileName: spec } of ts.preProcessFile(text, true, true).importedFiles) {
      if (spec.startsWith('node:') || spec.startsWith('.') || spec.startsWith('/')) continue;
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
      if (!allowed.has(name)) found.add(`${rel}: ${name}`);
    }
  }
  return [...found].sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  rmSync(DIST, { recursive: true, force: true });
  const require = createRequire(import.meta.url);
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit', cwd: ROOT });
  for (const dir of SOURCE_DIRS) {
    for (const file of filesUnder(path.join(ROOT, dir))) {
      const rel = path.relative(ROOT, file);
      if (isAsset(rel)) cpSync(file, path.join(DIST, rel));
    }
  }
  const miniapp = path.join(ROOT, 'miniapp', 'dist');
  if (!existsSync(path.join(miniapp, 'index.html'))) throw new Error('miniapp/dist is missing: run `tsx miniapp/build.ts --force` first (npm run build does)');
  cpSync(miniapp, path.join(DIST, 'miniapp', 'dist'), { recursive: true });
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const bad = devOnlyImports(DIST, Object.keys(pkg.dependencies));
  if (bad.length) throw new Error(`dist/ imports packages that are not production dependencies:\n${bad.join('\n')}`);
  console.log(`dist/ built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
