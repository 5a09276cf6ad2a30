import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { clockEnv } from './child-env.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * A minimal Bot API over real HTTP for a child process (msw cannot reach into another process). Methods named in
 * `unanswered` are never answered, as from a Telegram out of reach.
 */
export function startBotApi(updates: object[] = [], opts: { unanswered?: string[] } = {}) {
  const calls: Array<{ method: string; body: Record<string, unknown> }> = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const method = req.url!.split('/').pop()!;
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      calls.push({ method, body });
      if (opts.unanswered?.includes(method)) return;
      const reply = (result: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result }));
      switch (method) {
        case 'getMe':
          return reply({ id: 7001234567, is_bot: true, first_name: 'Облако', username: 'oblako_test_bot', can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false });
        case 'getUpdates': {
          const offset = Number(body.offset ?? 0);
          const pending = updates.filter((u) => (u as { update_id: number }).update_id >= offset);
          if (pending.length) return reply(pending);
          // Long polling: hold the request a little, as Telegram does, unless the client goes away.
          const timer = setTimeout(() => reply([]), 200);
          res.on('close', () => clearTimeout(timer));
          return;
        }
        case 'sendMessage':
          return reply({ message_id: calls.length, date: Math.floor(Date.now() / 1000), chat: { id: body.chat_id, type: 'private' }, text: body.text });
        default:
          return reply(true);
      }
    });
  });
  return new Promise<{ url: string; calls: typeof calls; close: () => void }>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, calls, close: () => (server.closeAllConnections(), server.close()) });
    }),
  );
}

/**
 * Starts a process with only the test's clock, PATH and HOME of this one's environment, plus `env`; by default the
 * service's entry point under tsx from the repository.
 */
export function runProcess(env: Record<string, string>, args: string[] = ['--import', 'tsx', 'app/main.ts'], cwd = REPO_ROOT) {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...clockEnv(), PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

export async function waitFor(check: () => boolean, ms = 15_000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The port a service logged it listens on (pino's "server listening" line). */
export async function listeningPort(out: () => string, ms = 30_000): Promise<number> {
  await waitFor(() => /"port":\d+/.test(out()), ms);
  return Number(/"port":(\d+)/.exec(out())![1]);
}
