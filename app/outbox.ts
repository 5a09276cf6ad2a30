import type { I18n } from '@grammyjs/i18n';
import { Api, type ApiClientOptions, type Context } from 'grammy';
import { patientOnSent, patientRenderers } from '../bot/patient/notifications/index.js';
import { dutyChatStaffOnFailed } from '../bot/staff/duty-chat/notifications.js';
import { staffOnSent, staffRenderers } from '../bot/staff/notifications/index.js';
import { escapeArgs, htmlByDefault } from '../bot/shared/html.js';
import { DEFAULT_LOCALE } from '../bot/shared/i18n.js';
import { TELEGRAM_LIMITS } from '../bot/shared/outbox-pacing.js';
import { createOutboxSender, type OutboxChannel, type OutboxSenderOptions } from '../bot/shared/outbox-sender.js';
import type { Services } from './services.js';

export interface OutboxOptions extends OutboxSenderOptions {
  /**
   * A Bot API call unanswered this long is abandoned and retried later as "in doubt" (grammY's own default is 500 s,
   * which would hold a place in flight for minutes).
   */
  requestTimeoutSeconds?: number;
  /** Telegram's bulk limit per bot (OUTBOX_MESSAGES_PER_SECOND); the window and the per-chat gap stay Telegram's. */
  messagesPerSecond?: number;
}

/**
 * The outbox sender with one channel per bot. It talks to the Bot API through plain Api objects (no auto-retry):
 * it retries by rescheduling rows, so one slow chat never holds the others.
 */
/** The outbox's own Api sends HTML like the bots do (bot/shared/html.ts). */
function htmlApi(token: string, client: ApiClientOptions): Api {
  const api = new Api(token, client);
  api.config.use(htmlByDefault);
  return api;
}

export function createOutbox(services: Services, i18n: { patient: I18n<Context>; staff?: I18n<Context> | undefined }, options: OutboxOptions = {}) {
  const { requestTimeoutSeconds = 30, messagesPerSecond, ...rest } = options;
  const senderOptions = messagesPerSecond === undefined ? rest : { ...rest, limits: { ...(rest.limits ?? TELEGRAM_LIMITS), perWindow: messagesPerSecond } };
  const client = { apiRoot: services.apiRoot, timeoutSeconds: requestTimeoutSeconds };
  const channels: Partial<Record<'patient' | 'staff', OutboxChannel>> = {
    patient: {
      api: htmlApi(services.token, client),
      locale: (chatId) => services.accounts.locale(chatId) ?? DEFAULT_LOCALE,
      translate: (locale, key, params) => i18n.patient.t(locale, key, escapeArgs(params)),
      renderers: patientRenderers(services),
      onSent: patientOnSent(services),
    },
  };
  if (services.staffToken && i18n.staff) {
    const staffDeps = { ...services, staffToken: services.staffToken };
    const staffI18n = i18n.staff;
    channels.staff = {
      api: htmlApi(services.staffToken, client),
      locale: (chatId) => services.staff.byTelegramId(chatId)?.locale ?? DEFAULT_LOCALE,
      translate: (locale, key, params) => staffI18n.t(locale, key, escapeArgs(params)),
      renderers: staffRenderers(staffDeps),
      onSent: staffOnSent(staffDeps),
      onFailed: dutyChatStaffOnFailed(staffDeps),
    };
  }
  return createOutboxSender({ repo: services.outbox, channels, clock: services.clock, logger: services.logger, options: senderOptions });
}
