import { QUIET_HOURS_REASON } from './quiet-hours.js';

/**
 * What kind of trouble a recorded SMS error is (sms_outbox.last_error, referrals.invite_error), so staff read a reason in
 * their language instead of the provider's wording. The texts come from this folder's gateways and sender.
 */
export type SmsErrorKind = 'number' | 'text' | 'balance' | 'setup' | 'limit' | 'provider' | 'bot_username' | 'quiet_hours' | 'other';

const BY_CODE: Record<number, SmsErrorKind> = {
  202: 'number', 207: 'number', 209: 'number', 213: 'number', 214: 'number', 215: 'number',
  203: 'text', 205: 'text', 208: 'text', 212: 'text', 216: 'text', 217: 'text',
  201: 'balance',
  200: 'setup', 204: 'setup', 210: 'setup', 211: 'setup', 221: 'setup', 300: 'setup', 301: 'setup', 302: 'setup',
  206: 'limit', 230: 'limit', 231: 'limit', 232: 'limit', 233: 'limit', 508: 'limit',
  220: 'provider', 500: 'provider',
};

export function smsErrorKind(error: string): { kind: SmsErrorKind; code?: string; gaveUp: boolean } {
  const gaveUp = error.startsWith('gave up after ');
  const status = /SMS\.ru (\d{3})\b/.exec(error);
  if (status) return { kind: BY_CODE[Number(status[1])] ?? 'provider', code: `SMS.ru ${status[1]}`, gaveUp };
  const http = /SMS\.ru HTTP (\d{3})/.exec(error);
  if (http) return { kind: 'provider', code: `HTTP ${http[1]}`, gaveUp };
  if (/SMS\.ru (did not answer|unreachable|answered)/.test(error)) return { kind: 'provider', gaveUp };
  if (error.includes('patient bot username is unknown')) return { kind: 'bot_username', gaveUp };
  // Not a failure: the invite waits for the recipient's daytime.
  if (error === QUIET_HOURS_REASON) return { kind: 'quiet_hours', gaveUp };
  return { kind: 'other', gaveUp };
}
