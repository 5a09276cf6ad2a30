import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { SmsGateway } from './gateway.js';
import { createLogSmsGateway } from './log-gateway.js';
import { createSmsRuGateway } from './smsru-gateway.js';

export type SmsConfig = Config['sms'];

/** The gateway SMS_PROVIDER names; the log one when none is configured. */
export function createSmsGateway(config: SmsConfig | undefined, logger: Logger): SmsGateway {
  if (config?.provider === 'smsru') {
    logger.info({ provider: 'smsru', test: config.test, sender: config.sender ?? null }, 'SMS go through SMS.ru');
    return createSmsRuGateway({ apiId: config.apiId, sender: config.sender, test: config.test });
  }
  return createLogSmsGateway(logger);
}
