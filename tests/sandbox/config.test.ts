import { describe, expect, it } from 'vitest';
import { loadSandboxConfig } from '../../sandbox/config.js';

const overrides = {
  patientBotToken: '1000000001:SANDBOX-patient-abcdefghijkl',
  staffBotToken: '1000000002:SANDBOX-staff-abcdefghijklm',
  telegramApiRoot: 'http://127.0.0.1:9999',
  publicUrl: 'https://oblako.sandbox.localhost',
  jitsi: { domain: 'meet.sandbox.localhost', appId: 'oblako-sandbox', appSecret: 'x'.repeat(64) },
};

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
