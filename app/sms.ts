import { smsRenderers, type SmsTranslate } from '../bot/sms/renderers.js';
import { createSmsSender, type SmsSenderOptions } from '../core/sms/sender.js';
import type { Services } from './services.js';

/**
 * The SMS sender over the service graph: texts from the bots' Fluent files, the gateway SMS_PROVIDER names.
 * `botUsername` is asked at each send, so PATIENT_BOT_USERNAME or the name the patient bot learnt from getMe works.
 */
export function createSms(
  services: Pick<Services, 'smsOutbox' | 'smsGateway' | 'clock' | 'logger' | 'patientBotUsername'>,
  opts: { translate: SmsTranslate; botUsername?: () => string | undefined; options?: SmsSenderOptions },
) {
  return createSmsSender({
    repo: services.smsOutbox,
    gateway: services.smsGateway,
    renderers: smsRenderers({
      translate: opts.translate,
      botUsername: () => services.patientBotUsername ?? opts.botUsername?.(),
    }),
    clock: services.clock,
    logger: services.logger,
    ...(opts.options ? { options: opts.options } : {}),
  });
}
