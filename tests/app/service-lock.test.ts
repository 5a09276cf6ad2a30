import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../core/config.js';
import { lockDataDir, SERVICE_PID_FILE } from '../../core/ops/service-lock.js';
import { listeningPort, runProcess, startBotApi } from '../support/service-process.js';

// Real processes under tsx, several seconds each on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

const TOKEN = '7001234567:AAF-service-lock-test-token';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'oz-lock-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('one service per DATA_DIR', () => {
  it('a second lock on a folder is refused naming the holder; released, the folder can be locked again', () => {
    const dir = tempDir();
    const first = lockDataDir(dir, 4242);
    expect(readFileSync(path.join(dir, SERVICE_PID_FILE), 'utf8').trim()).toBe('4242');
    expect(() => lockDataDir(dir)).toThrow(ConfigError);
    expect(() => lockDataDir(dir)).toThrow(/in use by another service process \(pid 4242\)/);
    first.release();
    expect(existsSync(path.join(dir, SERVICE_PID_FILE))).toBe(false);
    lockDataDir(dir).release();
  });

  it('a second service process on the same DATA_DIR exits 1 at once with one line; the CLI works beside; kill -9 frees the folder', async () => {
    const dir = tempDir();
    const api = await startBotApi();
    cleanups.push(api.close);
    const env = { PATIENT_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.url, DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'info' };
    const first = runProcess(env);
    cleanups.push(() => first.child.kill('SIGKILL'));
    await listeningPort(first.out);

    const second = runProcess(env);
    cleanups.push(() => second.child.kill('SIGKILL'));
    expect(await second.exited).toBe(1);
    expect(second.err().trim().split('\n')).toEqual([expect.stringContaining(`is in use by another service process (pid ${first.child.pid})`)]);
    expect(second.out()).not.toMatch(/server listening/);

    const cli = runProcess(env, ['--import', 'tsx', 'cli/main.ts', 'staff', 'list']);
    expect(await cli.exited).toBe(0);

    // The kernel drops the lock with the process, however it ends: no stale lock to clean up by hand.
    first.child.kill('SIGKILL');
    await first.exited;
    const third = runProcess(env);
    cleanups.push(() => third.child.kill('SIGKILL'));
    await listeningPort(third.out);
    expect(readFileSync(path.join(dir, SERVICE_PID_FILE), 'utf8').trim()).toBe(String(third.child.pid));
    // The graceful stop, once the bots run (a stop while starting: the next test).
    await vi.waitFor(() => expect(third.out()).toMatch(/long polling started/), { timeout: 30_000, interval: 100 });
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
    expect(existsSync(path.join(dir, SERVICE_PID_FILE))).toBe(false);
  });

  it('a SIGTERM while the service is still starting (Telegram not answering getMe) closes the database, frees DATA_DIR and exits 0', async () => {
    const dir = tempDir();
    const api = await startBotApi([], { unanswered: ['getMe'] });
    cleanups.push(api.close);
    const env = { PATIENT_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.url, DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'info' };
    const starting = runProcess(env);
    cleanups.push(() => starting.child.kill('SIGKILL'));
    await vi.waitFor(() => expect(api.calls.map((c) => c.method)).toContain('getMe'), { timeout: 60_000, interval: 100 });
    expect(readFileSync(path.join(dir, SERVICE_PID_FILE), 'utf8').trim()).toBe(String(starting.child.pid));

    starting.child.kill('SIGTERM');
    // The default handler would end it by the signal (exit code null) with service.pid left behind.
    expect(await starting.exited).toBe(0);
    expect(starting.out()).toMatch(/stopped while starting/);
    expect(starting.out()).not.toMatch(/server listening/);
    expect(existsSync(path.join(dir, SERVICE_PID_FILE))).toBe(false);
    // The database was closed cleanly: no write-ahead log left to recover.
    expect(existsSync(path.join(dir, 'db.sqlite-wal'))).toBe(false);
    lockDataDir(dir).release();
  });
});
