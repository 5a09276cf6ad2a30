import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../db/client.js';
import { accounts } from '../../db/schema.js';
import { clockEnv } from '../support/child-env.js';

// The admin CLI with no bot token set works on the sandbox's data, says so, and follows the sandbox's clock, so every
// command of the README can be tried beside `npm start`'s sandbox.
vi.setConfig({ testTimeout: 180_000 });

const root = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

function cli(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], {
    cwd: root,
    env: { ...clockEnv(), PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('the admin CLI in the sandbox', () => {
  it('knows it is the sandbox, names the sandbox bots in links, imports tables and follows the moved clock', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oz-cli-sandbox-'));
    dirs.push(dir);
    const env = { DATA_DIR: dir };
    const DAY = 86_400_000;
    writeFileSync(path.join(dir, 'sandbox-clock.json'), JSON.stringify({ offsetMs: 10 * DAY }));
    const invite = cli(env, 'staff', 'invite', '--role', 'manager', '--name', 'Иванова Ольга', '--ttl-hours', '24');
    expect(invite.code).toBe(0);
    expect(invite.err).toMatch(/^SANDBOX: no bot token set.*sandbox's demo data in /m);
    expect(invite.out).toMatch(/https:\/\/t\.me\/oblako_staff_sandbox_bot\?start=inv_[\w-]{32}/);
    // Expiry from the sandbox's time: ten days ahead of the real one, plus the invite's day.
    const expires = Date.parse(/expires (\S+?)\. /.exec(invite.out)![1]!);
    expect(expires - Date.now()).toBeGreaterThan(10.9 * DAY);
    expect(expires - Date.now()).toBeLessThan(11.1 * DAY);

    const table = path.join(dir, 'referrals.csv');
    copyFileSync(path.join(root, 'docs/referrals-example.csv'), table);
    const imported = cli(env, 'referrals', 'import', table);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/4/);
    expect(cli(env, 'staff', 'list')).toMatchObject({ code: 0, out: expect.stringMatching(/Иванова Ольга\tmanager/) });
  });

  it('never opens a service’s data, and a deployment without its token is still told to set it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oz-cli-sandbox-'));
    dirs.push(dir);
    const db = openDatabase(path.join(dir, 'db.sqlite'));
    db.insert(accounts).values({ telegramId: 777_000_111, consentVersion: '1', consentAt: Date.now() }).run();
    db.$client.close();
    expect(cli({ DATA_DIR: dir }, 'staff', 'list')).toMatchObject({ code: 1, err: expect.stringMatching(/DATA_DIR .* holds a service's data/) });
    expect(cli({ DATA_DIR: dir, SANDBOX: '0' }, 'staff', 'list')).toMatchObject({ code: 1, err: expect.stringMatching(/set PATIENT_BOT_TOKEN/) });
  });
});
