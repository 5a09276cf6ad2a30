import { describe, expect, it } from 'vitest';
import { ConfigError, detectMode, loadSandboxConfig } from '../../core/config.js';

const token = '123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const overrides = {
  patientBotToken: '1000000001:SANDBOX-patient-abcdefghijkl',
  staffBotToken: '1000000002:SANDBOX-staff-abcdefghijklm',
  telegramApiRoot: 'http://127.0.0.1:9999',
  publicUrl: 'https://oblako.sandbox.localhost',
  jitsi: { domain: 'meet.sandbox.localhost', appId: 'oblako-sandbox', appSecret: 'x'.repeat(64) },
};

describe('detectMode', () => {
  it('is the sandbox with no bot token at all (empty counts as unset)', () => {
    expect(detectMode({})).toBe('sandbox');
    expect(detectMode({ PATIENT_BOT_TOKEN: '', STAFF_BOT_TOKEN: '' })).toBe('sandbox');
    expect(detectMode({ SANDBOX: '1' })).toBe('sandbox');
  });

  it('is the service with a token, with SANDBOX=0 and in webhook mode, so loadConfig reports a missing token', () => {
    expect(detectMode({ PATIENT_BOT_TOKEN: token })).toBe('service');
    expect(detectMode({ STAFF_BOT_TOKEN: token })).toBe('service');
    expect(detectMode({ SANDBOX: '0' })).toBe('service');
    expect(detectMode({ BOT_MODE: 'webhook' })).toBe('service');
  });

  it('refuses SANDBOX=1 beside a token and a SANDBOX that is neither 1 nor 0', () => {
    expect(() => detectMode({ SANDBOX: '1', PATIENT_BOT_TOKEN: token })).toThrow(ConfigError);
    expect(() => detectMode({ SANDBOX: '1', STAFF_BOT_TOKEN: token })).toThrow(/unset STAFF_BOT_TOKEN/);
    expect(() => detectMode({ SANDBOX: 'yes' })).toThrow(/SANDBOX must be 1 or 0/);
  });
});

describe('loadSandboxConfig', () => {
  it('keeps the sandbox on loopback, in data/sandbox, with its own tokens, API root and stand-in Jitsi', () => {
    const config = loadSandboxConfig({ PORT: '0' }, overrides);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dataDir.endsWith('/data/sandbox')).toBe(true);
    expect(config.patientBotToken).toBe(overrides.patientBotToken);
    expect(config.staffBotToken).toBe(overrides.staffBotToken);
    expect(config.telegramApiRoot).toBe('http://127.0.0.1:9999');
    expect(config.publicUrl).toBe('https://oblako.sandbox.localhost');
    expect(config.jitsi?.domain).toBe('meet.sandbox.localhost');
    expect(config.sms.provider).toBe('log');
    expect(config.bot.mode).toBe('polling');
  });

  it('takes DATA_DIR, HOST and a real Jitsi from the environment, and never an SMS provider that sends', () => {
    const config = loadSandboxConfig(
      { DATA_DIR: '/tmp/elsewhere', HOST: '0.0.0.0', SMS_PROVIDER: 'smsru', SMSRU_API_ID: 'ABCDEF12-3456-7890', JITSI_DOMAIN: 'meet.example.org', JITSI_APP_ID: 'oz', JITSI_APP_SECRET: 'y'.repeat(40) },
      overrides,
    );
    expect(config.dataDir).toBe('/tmp/elsewhere');
    expect(config.host).toBe('0.0.0.0');
    expect(config.jitsi?.domain).toBe('meet.example.org');
    expect(config.sms.provider).toBe('log');
  });
});
