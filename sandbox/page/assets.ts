import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../../core/config.js';

const CLIENT_DIR = fileURLToPath(new URL('./client/', import.meta.url));

export interface Asset {
  body: string;
  type: string;
}

/**
 * The page's browser code: sandbox/page/client/*.ts transpiled once at start, each file its own ES module (imports
 * between them keep their './x.js' names), plus the style sheet. No bundler: the sandbox runs from a clone with the
 * dev dependencies, where TypeScript is at hand; the typecheck covers these files with DOM types
 * (sandbox/page/client/tsconfig.json).
 */
export async function pageAssets(): Promise<Map<string, Asset>> {
  // TypeScript is a dev dependency: a production install (npm ci --omit=dev) has none, and says so plainly.
  const ts = await import('typescript').then(
    (m) => m.default,
    () => {
      throw new ConfigError('The sandbox needs the dev dependencies (npm ci without --omit=dev); a deployment sets SANDBOX=0 and its bot tokens', []);
    },
  );
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(CLIENT_DIR)) {
    const file = path.join(CLIENT_DIR, name);
    if (name.endsWith('.ts') && !name.endsWith('.d.ts')) {
      const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
        fileName: name,
      });
      assets.set(name.replace(/\.ts$/, '.js'), { body: outputText, type: 'text/javascript; charset=utf-8' });
    } else if (name.endsWith('.css')) {
      assets.set(name, { body: readFileSync(file, 'utf8'), type: 'text/css; charset=utf-8' });
    }
  }
  return assets;
}
