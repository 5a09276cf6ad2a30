import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The layer rule's messages for a probe file that does not exist on disk, linted as if it sat at `file`. */
async function refusals(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

const uses = (specifier: string) => `import { x } from '${specifier}';\nexport const probe = x;\n`;

describe('the layer rule in eslint.config.js', () => {
  it.each([
    ['core/booking/probe.ts', '../../bot/staff/deps.js'],
    ['core/booking/probe.ts', '../../api/server.js'],
    ['core/booking/probe.ts', '../../app/services.js'],
    ['core/booking/probe.ts', '../../cli/main.js'],
    ['core/booking/probe.ts', '../../sandbox/start.js'],
    ['core/booking/probe.ts', '../../miniapp/src/lib/api.js'],
    ['core/referrals/import/probe.ts', '../../../bot/shared/i18n.js'],
    ['core/probe.ts', '../bot/shared/i18n.js'],
    ['db/probe.ts', '../api/server.js'],
    ['db/deeper/probe.ts', '../../bot/shared/i18n.js'],
    ['bot/staff/slots/probe.ts', '../../../api/server.js'],
    ['bot/staff/slots/probe.ts', '../../../app/services.js'],
    ['bot/patient/probe.ts', '../../sandbox/start.js'],
  ])('%s may not import %s', async (file, specifier) => {
    expect(await refusals(file, uses(specifier))).toHaveLength(1);
  });

  it.each(['grammy', 'grammy/types', '@grammyjs/conversations', 'hono', 'hono/http-exception', '@hono/node-server'])(
    'core/ and db/ at any depth may not import %s',
    async (specifier) => {
      expect(await refusals('core/booking/probe.ts', uses(specifier))).toHaveLength(1);
      expect(await refusals('db/deeper/probe.ts', uses(specifier))).toHaveLength(1);
    },
  );

  it('refuses a type-only import up a floor too', async () => {
    const code = "import type { Services } from '../../app/services.js';\nexport type Probe = Services;\n";
    expect(await refusals('core/booking/probe.ts', code)).toHaveLength(1);
    expect(await refusals('bot/staff/probe.ts', code)).toHaveLength(1);
  });

  it('lets a file at depth import its own floor and the ones below, with no other complaint', async () => {
    const core = [
      "import type { Clock } from '../clock.js';",
      "import type { Db } from '../../db/client.js';",
      "import { DomainError } from '../errors.js';",
      'export const probe = (clock: Clock, db: Db) => (db ? clock.now() : new DomainError("x"));',
      '',
    ].join('\n');
    const [coreResult] = await eslint.lintText(core, { filePath: path.join(root, 'core/booking/probe.ts') });
    expect(coreResult!.messages).toEqual([]);
    const bot = [
      "import { Composer } from 'grammy';",
      "import type { StaffBotDeps } from '../deps.js';",
      "import { DEFAULT_LOCALE } from '../../shared/i18n.js';",
      "import type { Clock } from '../../../core/clock.js';",
      'export const probe = (deps: StaffBotDeps, clock: Clock) => [new Composer(), deps.clock === clock, DEFAULT_LOCALE];',
      '',
    ].join('\n');
    const [botResult] = await eslint.lintText(bot, { filePath: path.join(root, 'bot/staff/slots/probe.ts') });
    expect(botResult!.messages).toEqual([]);
  });
});
