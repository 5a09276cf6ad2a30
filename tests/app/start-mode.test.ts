import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/config.js';
import { detectMode } from '../../app/start-mode.js';

const token = '123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

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
