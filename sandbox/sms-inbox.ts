import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import { createLogSmsGateway } from '../core/sms/log-gateway.js';
import type { SmsGateway } from '../core/sms/gateway.js';

/** One SMS as the page's "SMS" panel shows it: what the provider would have been given. */
export interface SandboxSms {
  id: number;
  phone: string;
  text: string;
  at: number;
}

/** Keeps the newest this many: a demo never needs more, and memory stays bounded. */
const KEEP = 200;

/**
 * The sandbox's SMS gateway: logged as the log gateway does (nothing reaches a phone), and kept for the page, which
 * shows each message whole, link included, so the person trying the sandbox can follow it as the patient would.
 * Like the chats, the list lives in memory and starts empty after a restart.
 */
export function createSmsInbox(deps: { logger: Logger; clock: Clock; onChange: () => void }) {
  const log = createLogSmsGateway(deps.logger);
  const messages: SandboxSms[] = [];
  let nextId = 1;
  const gateway: SmsGateway = {
    name: 'sandbox',
    async send(message) {
      const answer = await log.send(message);
      messages.push({ id: nextId++, phone: message.phone, text: message.text, at: deps.clock.now() });
      if (messages.length > KEEP) messages.splice(0, messages.length - KEEP);
      deps.onChange();
      return answer;
    },
  };
  return { gateway, list: (): readonly SandboxSms[] => messages };
}

export type SmsInbox = ReturnType<typeof createSmsInbox>;
