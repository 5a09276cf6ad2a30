import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startService } from '../../app/start-service.js';
import { ConfigError, loadConfig } from '../../core/config.js';
import { createLogger } from '../../core/logger.js';
import { createMovableClock } from '../../sandbox/clock.js';
import { loadSandboxConfig } from '../../sandbox/config.js';

// The movable clock is the sandbox's alone: a service whose time could be moved would send reminders early, expire
// join links and let a conclusion be written before the call.

const TOKEN = '7001234567:AAF-movable-clock-test-token';
let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

describe('the movable clock outside the sandbox', () => {
  it('a service is refused a movable clock before it opens anything', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'oz-clock-refused-'));
    const config = loadConfig({ PATIENT_BOT_TOKEN: TOKEN, DATA_DIR: dir, TELEGRAM_API_ROOT: 'http://127.0.0.1:9' });
    await expect(startService(config, createLogger('silent'), { clock: createMovableClock() })).rejects.toThrow(ConfigError);
    await expect(startService(config, createLogger('silent'), { clock: createMovableClock() })).rejects.toThrow(/movable clock runs only in the sandbox/);
    expect(existsSync(path.join(dir, 'db.sqlite'))).toBe(false);
  });

  it('no environment makes a service config the sandbox’s; only the sandbox’s own config is', () => {
    for (const env of [{}, { SANDBOX: '1' }, { SANDBOX: 'true', sandbox: '1' }]) {
      expect(loadConfig({ PATIENT_BOT_TOKEN: TOKEN, ...env }).sandbox).toBe(false);
    }
    const sandbox = loadSandboxConfig(
      { DATA_DIR: '/tmp/oz-sandbox-never-opened' },
      { patientBotToken: '1000000001:SANDBOX-patient-aaaaaaaaaaaaaaaa', staffBotToken: '1000000002:SANDBOX-staff-aaaaaaaaaaaaaaaaaa', telegramApiRoot: 'http://127.0.0.1:9', publicUrl: 'https://oblako.sandbox.localhost', jitsi: { domain: 'meet.sandbox.localhost', appId: 'x', appSecret: 'y'.repeat(32) } },
    );
    expect(sandbox.sandbox).toBe(true);
  });
});
