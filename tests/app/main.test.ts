import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runProcess, startBotApi, waitFor } from '../support/service-process.js';

// Each test starts real processes (the service or the CLI, a few seconds each under tsx, more on a busy machine):
// the suite's 30 s is for in-process tests.
vi.setConfig({ testTimeout: 180_000 });

const TOKEN = '7001234567:AAF-main-process-test-token';

const runMain = (env: Record<string, string>) => runProcess(env);

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('the service process', () => {
  it('a deployment without its bot token (SANDBOX=0, webhook mode, a staff token alone) exits at once naming what to set', async () => {
    for (const env of [{ SANDBOX: '0' }, { BOT_MODE: 'webhook' }, { STAFF_BOT_TOKEN: TOKEN }] as Array<Record<string, string>>) {
      const dir = mkdtempSync(path.join(tmpdir(), 'oz-main-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const run = runMain({ DATA_DIR: dir, ...env });
      expect(await run.exited).toBe(1);
      const lines = run.err().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/set PATIENT_BOT_TOKEN/);
    }
  });

  it('refuses SANDBOX=1 beside a bot token, in one line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oz-main-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const run = runMain({ DATA_DIR: dir, SANDBOX: '1', PATIENT_BOT_TOKEN: TOKEN });
    expect(await run.exited).toBe(1);
    const lines = run.err().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/SANDBOX=1 .*unset PATIENT_BOT_TOKEN/);
  });

  it('without any bot token starts the sandbox: prints SANDBOX and one URL, serves the page, stops on SIGTERM', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oz-main-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const run = runMain({ DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'info' });
    cleanups.push(() => run.child.kill('SIGKILL'));
    await waitFor(() => /Open: http:\/\/127\.0\.0\.1:\d+\/sandbox\//.test(run.out()), 30_000);
    const urls = new Set(run.out().match(/http:\/\/127\.0\.0\.1:\d+\/sandbox\//g));
    expect(urls.size).toBe(1);
    expect(run.out()).toMatch(/=+ SANDBOX =+/);
    expect(run.out()).toMatch(/"msg":"SANDBOX mode: no bot tokens set/);
    const url = [...urls][0]!;
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/ПЕСОЧНИЦА · SANDBOX/);
    // Every other page a browser opens by itself is labelled too; the Mini App inside the page's frame is not.
    const label = /<body[^>]*><p role="status"><strong>ПЕСОЧНИЦА · SANDBOX<\/strong>/;
    const open = (p: string, dest: string) => fetch(new URL(p, url), { headers: { 'sec-fetch-dest': dest, 'accept-encoding': 'br, gzip' } }).then((r) => r.text());
    expect(await open('/app/', 'document')).toMatch(label);
    expect(await open('/app/', 'iframe')).not.toMatch(/SANDBOX/);
    expect(await open('/verify/2222-3333-4444', 'document')).toMatch(label);
    // The demo data is in the sandbox's own data folder and both bots answer through the emulator.
    await fetch(new URL('/sandbox/api/chats/patient/text', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: '/start' }) });
    type State = { revision: number; chats: { patient: { messages: Array<{ fromBot: boolean; text?: string }> } } };
    let state = (await (await fetch(new URL('/sandbox/api/state?after=-1', url))).json()) as State;
    for (let i = 0; i < 20 && !state.chats.patient.messages.some((m) => m.fromBot); i++) {
      state = (await (await fetch(new URL(`/sandbox/api/state?after=${state.revision}`, url))).json()) as State;
    }
    expect(state.chats.patient.messages[0]).toMatchObject({ fromBot: false, text: '/start' });
    expect(state.chats.patient.messages.find((m) => m.fromBot)?.text).toMatch(/Облако здоровья/);
    // A second sandbox on the same port says so in one line instead of failing after start.
    const second = runMain({ DATA_DIR: dir, PORT: new URL(url).port });
    expect(await second.exited).toBe(1);
    expect(second.err().trim().split('\n')).toEqual([expect.stringMatching(/PORT \d+ is in use/)]);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  }, 60_000);

  it("never opens a service's data as the sandbox (DATA_DIR of a deployment that lost its tokens): one line, exit 1", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oz-main-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const db = new Database(path.join(dir, 'db.sqlite'));
    db.exec('create table accounts (telegram_id integer primary key); insert into accounts values (123456789);');
    db.close();
    const run = runMain({ DATA_DIR: dir, PORT: '0' });
    cleanups.push(() => run.child.kill('SIGKILL'));
    expect(await run.exited).toBe(1);
    expect(run.err().trim().split('\n')).toEqual([expect.stringMatching(/DATA_DIR .* holds a service's data/)]);
    expect(run.out()).not.toMatch(/Open: http/);
  }, 30_000);

  it('polls the Bot API at TELEGRAM_API_ROOT, answers a person, and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oz-main-'));
    const start = {
      update_id: 1,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: 42, type: 'private', first_name: 'Анна' },
        from: { id: 42, is_bot: false, first_name: 'Анна', language_code: 'ru' },
        text: '/start',
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      },
    };
    const api = await startBotApi([start]);
    cleanups.push(api.close, () => rmSync(dir, { recursive: true, force: true }));
    const run = runMain({ PATIENT_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.url, DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'info' });
    cleanups.push(() => run.child.kill('SIGKILL'));
    await waitFor(() => api.calls.some((c) => c.method === 'sendMessage'));
    expect(api.calls.find((c) => c.method === 'sendMessage')!.body.text).toMatch(/Облако здоровья/);
    const commands = api.calls.filter((c) => c.method === 'setMyCommands').map((c) => c.body.language_code ?? 'default');
    expect(commands).toEqual(['ru', 'en', 'default']);
    expect(api.calls.some((c) => c.method === 'deleteWebhook')).toBe(true);
    // The service has no clock control: the sandbox's route is not there, whatever is asked.
    await waitFor(() => /"port":\d+/.test(run.out()));
    const port = /"port":(\d+)/.exec(run.out())![1];
    const move = await fetch(`http://127.0.0.1:${port}/sandbox/api/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ move: '1d' }) });
    expect(move.status).toBe(404);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.out()).toMatch(/"msg":"stopped"/);
  });
});
