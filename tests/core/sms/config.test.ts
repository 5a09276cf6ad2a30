import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig, type ConfigError } from '../../../core/config.js';
import { createSmsGateway } from '../../../core/sms/create-gateway.js';

const token = '123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const API_ID = 'A1B2C3D4-E5F6-A7B8-C9D0-E1F2A3B4C5D6';
const silent = pino({ level: 'silent' });

describe('SMS configuration', () => {
  it('defaults to the log gateway, with no bot username', () => {
    const config = loadConfig({ PATIENT_BOT_TOKEN: token });
    expect(config.sms).toEqual({ provider: 'log' });
    expect(config.patientBotUsername).toBeUndefined();
    expect(createSmsGateway(config.sms, silent).name).toBe('log');
  });

  it('SMS.ru with its api_id, an optional sender and test mode; the bot username without its @', () => {
    const config = loadConfig({ PATIENT_BOT_TOKEN: token, SMS_PROVIDER: 'smsru', SMSRU_API_ID: API_ID, SMS_SENDER: 'OblakoZd', SMSRU_TEST: '1', PATIENT_BOT_USERNAME: '@oblako_zdorovya_bot' });
    expect(config.sms).toEqual({ provider: 'smsru', apiId: API_ID, sender: 'OblakoZd', test: true });
    expect(config.patientBotUsername).toBe('oblako_zdorovya_bot');
    expect(createSmsGateway(config.sms, silent).name).toBe('smsru');
    expect(loadConfig({ PATIENT_BOT_TOKEN: token, SMS_PROVIDER: 'smsru', SMSRU_API_ID: API_ID }).sms).toEqual({ provider: 'smsru', apiId: API_ID, sender: undefined, test: false });
  });

  it('refuses SMS.ru without an api_id, an unknown provider, a bad sender name, each named', () => {
    const error = (env: Record<string, string>) => {
      try {
        loadConfig({ PATIENT_BOT_TOKEN: token, ...env });
      } catch (err) {
        return err as ConfigError;
      }
      throw new Error('accepted');
    };
    expect(error({ SMS_PROVIDER: 'smsru' })).toMatchObject({ missing: ['SMSRU_API_ID'], message: expect.stringMatching(/set SMSRU_API_ID/) });
    expect(error({ SMS_PROVIDER: 'twilio' }).message).toMatch(/fix SMS_PROVIDER/);
    expect(error({ SMS_PROVIDER: 'smsru', SMSRU_API_ID: API_ID, SMS_SENDER: 'Облако здоровья' }).message).toMatch(/fix SMS_SENDER must be up to 11 Latin letters/);
    expect(error({ SMSRU_API_ID: 'short' }).message).toMatch(/fix SMSRU_API_ID is not an SMS\.ru api_id/);
    expect(error({ PATIENT_BOT_USERNAME: 'no spaces please' }).message).toMatch(/fix PATIENT_BOT_USERNAME/);
  });
});
