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

  it('refuses a partial Jitsi setup and a short secret instead of quietly running without video', () => {
    expect(() => loadConfig({ PATIENT_BOT_TOKEN: token, JITSI_DOMAIN: 'meet.example.org' })).toThrow(/set JITSI_APP_ID, JITSI_APP_SECRET/);
    expect(() => loadConfig({ PATIENT_BOT_TOKEN: token, JITSI_DOMAIN: 'meet.example.org', JITSI_APP_ID: 'oz', JITSI_APP_SECRET: 'short' })).toThrow(
      /JITSI_APP_SECRET must be at least 32/,
    );
    const config = loadConfig({ PATIENT_BOT_TOKEN: token, JITSI_DOMAIN: 'meet.example.org', JITSI_APP_ID: 'oz', JITSI_APP_SECRET: 'a'.repeat(64) });
    expect(config.jitsi).toEqual({ domain: 'meet.example.org', appId: 'oz', appSecret: 'a'.repeat(64) });
  });
});
