import { z } from 'zod';
import { SmsError, type SmsGateway } from './gateway.js';
import { SMSRU_OK, smsRuVerdict } from './smsru-codes.js';

export const SMSRU_ENDPOINT = 'https://sms.ru/sms/send';

export interface SmsRuOptions {
  apiId: string;
  /** An approved sender name (`from`); the account's default sender when absent. */
  sender?: string | undefined;
  /** SMS.ru's test mode (`test=1`): the answer is real, nothing is sent or charged. */
  test?: boolean;
  timeoutMs?: number;
  endpoint?: string;
}

const status = z.enum(['OK', 'ERROR']);
const code = z.union([z.number(), z.string().regex(/^-?\d+$/)]).transform(Number);
const perNumber = z.object({
  status,
  status_code: code,
  status_text: z.string().optional(),
  sms_id: z.union([z.string(), z.number()]).transform(String).optional(),
});
// The JSON answer of sms/send with json=1: the request's own status, then one entry per recipient number.
const answerSchema = z.object({
  status,
  status_code: code,
  status_text: z.string().optional(),
  sms: z.record(z.string(), perNumber).optional(),
  balance: z.number().optional(),
});

function isTimeout(err: unknown): boolean {
  return err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
}

/**
 * SMS.ru's sms/send (https://sms.ru/api/send): one POST per message, form-encoded UTF-8, JSON answer. Timeouts, network
 * errors, 5xx and unreadable answers are retryable (the message may or may not have gone out; SMS.ru has no idempotency
 * key, so a retry after a lost answer can deliver twice, which beats not delivering); refusals follow the status code.
 */
export function createSmsRuGateway(opts: SmsRuOptions): SmsGateway {
  const endpoint = opts.endpoint ?? SMSRU_ENDPOINT;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  return {
    name: 'smsru',
    async send({ phone, text }) {
      // SMS.ru's examples write numbers as digits only (79255070602) and key the answer by them.
      const to = phone.replace(/\D/g, '');
      const body = new URLSearchParams({ api_id: opts.apiId, to, msg: text, json: '1' });
      if (opts.sender) body.set('from', opts.sender);
      if (opts.test) body.set('test', '1');
      let response: Response;
      let raw: string;
      try {
        response = await fetch(endpoint, { method: 'POST', body, signal: AbortSignal.timeout(timeoutMs) });
        raw = await response.text();
      } catch (err) {
        if (isTimeout(err)) throw new SmsError(`SMS.ru did not answer within ${timeoutMs / 1000} s`, true);
        throw new SmsError(`SMS.ru unreachable: ${err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err)}`, true);
      }
      if (!response.ok) {
        const retryable = response.status >= 500 || response.status === 429 || response.status === 408;
        throw new SmsError(`SMS.ru HTTP ${response.status}`, retryable);
      }
      let answer: z.infer<typeof answerSchema>;
      try {
        answer = answerSchema.parse(JSON.parse(raw));
      } catch {
        throw new SmsError(`SMS.ru answered something unreadable: ${raw.slice(0, 80)}`, true);
      }
      if (answer.status !== 'OK') {
        const verdict = smsRuVerdict(answer.status_code, answer.status_text);
        throw new SmsError(verdict.reason, verdict.retryable);
      }
      const entries = Object.entries(answer.sms ?? {});
      const result = answer.sms?.[to] ?? (entries.length === 1 ? entries[0]![1] : undefined);
      if (!result) throw new SmsError('SMS.ru answered OK without a result for the number', true);
      if (result.status !== 'OK' || result.status_code !== SMSRU_OK) {
        const verdict = smsRuVerdict(result.status_code, result.status_text);
        throw new SmsError(verdict.reason, verdict.retryable);
      }
      return { providerMessageId: result.sms_id ?? null };
    },
  };
}
