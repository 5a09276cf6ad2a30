// Status codes of SMS.ru's sms/send (https://sms.ru/api/send, "Коды ответов"). Most refusals are about this one
// message or number and trying again cannot help; the account-wide ones (key, balance, sender, limits) are kept for a
// retry because fixing them in the dashboard makes every queued message go out without anyone resending it.

/** Accepted for sending ("Сообщение принято к отправке"). */
export const SMSRU_OK = 100;

/** Refused for this message or this number: the same request will be refused again. */
const PERMANENT = new Map<number, string>([
  [202, 'invalid recipient number, or no route to it'],
  [203, 'empty message text'],
  [205, 'message too long (over 8 SMS)'],
  [207, 'no delivery route to this number'],
  [208, 'invalid time parameter'],
  [209, 'number is in the account stop-list'],
  [212, 'text is not UTF-8'],
  [213, 'too many recipients'],
  [214, 'number is abroad and the account sends to Russian numbers only'],
  [215, 'number is in the SMS.ru global stop-list (spam complaint)'],
  [216, 'forbidden word in the text'],
  [217, 'credit advertisement without the required phrase'],
]);

/** Refusals that another try later may get past: the provider is busy, or the account needs attention. */
const RETRYABLE = new Map<number, string>([
  [200, 'invalid api_id (check SMSRU_API_ID)'],
  [201, 'not enough money on the SMS.ru account'],
  [204, 'sender name not approved for this operator (check SMS_SENDER)'],
  [206, 'daily sending limit reached'],
  [210, 'GET used where POST is required'],
  [211, 'method not found'],
  [220, 'service temporarily unavailable'],
  [221, 'a letter sender name matching the site or company is required'],
  [230, 'daily limit of messages to this number reached'],
  [231, 'limit of identical messages to this number per minute reached'],
  [232, 'limit of identical messages to this number per day reached'],
  [233, 'limit of repeated code messages to this number reached'],
  [300, 'invalid token'],
  [301, 'invalid api_id or login/password (check SMSRU_API_ID)'],
  [302, 'account not confirmed'],
  [500, 'SMS.ru server error'],
  [508, 'too many requests in 5 minutes'],
]);

export interface SmsRuVerdict {
  retryable: boolean;
  reason: string;
}

/** What a status code other than 100 means for this message. Unknown codes are retried: they may be new limits. */
export function smsRuVerdict(code: number, statusText: string | undefined): SmsRuVerdict {
  const permanent = PERMANENT.get(code);
  if (permanent) return { retryable: false, reason: `SMS.ru ${code}: ${permanent}` };
  const known = RETRYABLE.get(code);
  return { retryable: true, reason: `SMS.ru ${code}: ${known ?? statusText ?? 'unknown status'}` };
}
