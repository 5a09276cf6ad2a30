import type { Logger } from '../logger.js';
import type { SmsGateway } from './gateway.js';
import { maskPhone, redactLinks } from './mask.js';
import { countSegments } from './segments.js';

/**
 * The gateway when no SMS provider is configured: the message is written to the log (and, by the sender, to
 * sms_outbox.text) and counted as sent, with no provider id. Nobody's phone receives anything; the log line says so.
 */
export function createLogSmsGateway(logger: Logger): SmsGateway {
  return {
    name: 'log',
    send({ phone, text }) {
      const { segments, encoding } = countSegments(text);
      logger.warn(
        { sms: { to: maskPhone(phone), text: redactLinks(text), segments, encoding }, delivered: false },
        'SMS NOT DELIVERED to a real phone (SMS_PROVIDER=log, no provider configured): logged only',
      );
      return Promise.resolve({ providerMessageId: null });
    },
  };
}
