import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { DIST_DIR, ensureMiniAppBuilt } from '../../miniapp/build.js';

/** The budget: the JavaScript of the first screen, gzipped. */
export const FIRST_SCREEN_BUDGET_GZIP = 150 * 1024;

export interface ChunkSize {
  file: string;
  bytes: number;
  gzip: number;
  brotli: number;
  /** Loaded before the first screen shows (the entry and what it imports statically), rather than on demand. */
  firstScreen: boolean;
}

const sizeOf = (file: string, firstScreen: boolean): ChunkSize => {
  const body = readFileSync(path.join(DIST_DIR, file));
  return { file, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length, brotli: brotliCompressSync(body).length, firstScreen };
};

/** Relative static imports of an ES module chunk (`import … from "./x.js"`, `import "./x.js"`), not `import("./x.js")`. */
function staticImports(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([^"']+\.js)["']/g)) found.push(m[1]!);
  return found;
}

/** Sizes of every file of miniapp/dist/assets, the first screen's set found from index.html and its static imports. */
export function measureBundle() {
  const html = readFileSync(path.join(DIST_DIR, 'index.html'), 'utf8');
  const referenced = [...html.matchAll(/(?:src|href)="\/app\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
  const first = new Set<string>();
  const queue = referenced.filter((f) => f.endsWith('.js'));
  while (queue.length) {
    const file = queue.shift()!;
    if (first.has(file)) continue;
    first.add(file);
    const source = readFileSync(path.join(DIST_DIR, file), 'utf8');
    for (const dep of staticImports(source)) queue.push(path.posix.join(path.posix.dirname(file), dep));
  }
  const files = readdirSync(path.join(DIST_DIR, 'assets')).map((f) => `assets/${f}`);
  const chunks = files
    .filter((f) => f.endsWith('.js'))
    .map((f) => sizeOf(f, first.has(f)))
    .sort((a, b) => Number(b.firstScreen) - Number(a.firstScreen) || b.gzip - a.gzip);
  const css = files.filter((f) => f.endsWith('.css')).map((f) => sizeOf(f, referenced.includes(f)));
  const firstScreenJsGzip = chunks.filter((c) => c.firstScreen).reduce((sum, c) => sum + c.gzip, 0);
  return {
    budget: { firstScreenJsGzipBytes: FIRST_SCREEN_BUDGET_GZIP },
    firstScreenJsGzipBytes: firstScreenJsGzip,
    firstScreenJsGzipKb: Math.round((firstScreenJsGzip / 1024) * 10) / 10,
    lazyJsGzipBytes: chunks.filter((c) => !c.firstScreen).reduce((sum, c) => sum + c.gzip, 0),
    pass: firstScreenJsGzip <= FIRST_SCREEN_BUDGET_GZIP,
    chunks,
    css,
  };
}

export async function benchBundle() {
  await ensureMiniAppBuilt({ quiet: true });
  return measureBundle();
}
