import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../core/config.js';

const token = '123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

describe('loadConfig', () => {
  it('applies documented defaults in polling mode', () => {
    const config = loadConfig({ PATIENT_BOT_TOKEN: token });
    expect(config.bot.mode).toBe('polling');
    expect(config.port).toBe(8080);
    expect(config.telegramApiRoot).toBe('https://api.telegram.org');
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  it('names every missing key in one message', () => {
    let error: unknown;
    try {
      loadConfig({ BOT_MODE: 'webhook' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const missing = (error as ConfigError).missing;
    expect(missing).toEqual(expect.arrayContaining(['PATIENT_BOT_TOKEN', 'PUBLIC_URL', 'WEBHOOK_SECRET']));
    expect((error as Error).message).toMatch(/^Invalid config: set /);
  });

  it('refuses a webhook over plain http and a malformed token', () => {
    expect(() =>
      loadConfig({ PATIENT_BOT_TOKEN: 'nope', BOT_MODE: 'webhook', PUBLIC_URL: 'http://x.test', WEBHOOK_SECRET: 'secret-secret-secret' }),
    ).toThrow(/PATIENT_BOT_TOKEN .*PUBLIC_URL/);
  });

  it('treats empty variables as unset and trims a trailing slash of the API root', () => {
    const config = loadConfig({ PATIENT_BOT_TOKEN: token, PORT: '', TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/' });
    expect(config.port).toBe(8080);
    expect(config.telegramApiRoot).toBe('http://127.0.0.1:8081');
  });
});
