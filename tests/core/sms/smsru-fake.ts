import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { SMSRU_ENDPOINT } from '../../../core/sms/smsru-gateway.js';

/**
 * A fake of SMS.ru's sms/send (https://sms.ru/api/send) as its documentation describes it: POST only (GET answers
 * 210), form fields api_id, to, msg, json=1, optional from and test=1; the JSON answer has the request's status and
 * one entry per number, keyed by the number's digits, with sms_id on success; the balance after sending.
 */
export interface SmsRuRequest {
  method: string;
  fields: Record<string, string>;
}

type Failure =
  /** The whole request refused (200 wrong api_id, 201 no money, 220 service unavailable, …). */
  | { kind: 'request'; code: number; text: string }
  /** One number refused (202 bad number, 207 no route, 209 stop-list, …). */
  | { kind: 'number'; code: number; text: string }
  | { kind: 'http'; status: number }
  | { kind: 'timeout' }
  /** The connection fails (reset, DNS): fetch rejects. */
  | { kind: 'network' }
  | { kind: 'garbage' };

export const TEXTS: Record<number, string> = {
  200: 'Неправильный api_id',
  201: 'Не хватает средств на лицевом счету',
  202: 'Неправильно указан номер телефона получателя, либо на него нет маршрута',
  207: 'На этот номер нет маршрута для доставки сообщений',
  210: 'Используется GET, где необходимо использовать POST',
  220: 'Сервис временно недоступен, попробуйте чуть позже',
};

export function createSmsRuFake(opts: { apiId: string }) {
  const requests: SmsRuRequest[] = [];
  const queue: Failure[] = [];
  let always: Failure | undefined;
  let next = 10_000_000;
  let balance = 100;

  const error = (code: number) => ({ status: 'ERROR', status_code: code, status_text: TEXTS[code] ?? `code ${code}` });

  const server = setupServer(
    http.get(SMSRU_ENDPOINT, ({ request }) => {
      requests.push({ method: 'GET', fields: Object.fromEntries(new URL(request.url).searchParams) });
      return HttpResponse.json(error(210));
    }),
    http.post(SMSRU_ENDPOINT, async ({ request }) => {
      const fields = Object.fromEntries(new URLSearchParams(await request.text())) as Record<string, string>;
      requests.push({ method: 'POST', fields });
      const failure = queue.shift() ?? always;
      if (failure?.kind === 'timeout') await delay('infinite');
      if (failure?.kind === 'network') return HttpResponse.error();
      if (failure?.kind === 'http') return new HttpResponse('<html><body>502 Bad Gateway</body></html>', { status: failure.status, headers: { 'content-type': 'text/html' } });
      if (failure?.kind === 'garbage') return new HttpResponse('100\n000000-10000000\nbalance=4122.56', { status: 200 });
      if (fields.api_id !== opts.apiId) return HttpResponse.json(error(200));
      if (!fields.msg) return HttpResponse.json(error(203));
      if (failure?.kind === 'request') return HttpResponse.json({ status: 'ERROR', status_code: failure.code, status_text: failure.text });
      const sms: Record<string, unknown> = {};
      for (const to of (fields.to ?? '').split(',')) {
        if (failure?.kind === 'number') sms[to] = { status: 'ERROR', status_code: failure.code, status_text: failure.text };
        else if (!/^7\d{10}$/.test(to)) sms[to] = error(202);
        else {
          if (fields.test !== '1') balance -= 3.5;
          sms[to] = { status: 'OK', status_code: 100, sms_id: `000000-${next++}` };
        }
      }
      return HttpResponse.json({ status: 'OK', status_code: 100, sms, balance });
    }),
  );

  return {
    requests,
    listen: () => server.listen({ onUnhandledRequest: 'error' }),
    close: () => server.close(),
    reset() {
      requests.length = 0;
      queue.length = 0;
      always = undefined;
      balance = 100;
    },
    /** The next requests fail this way, one each, in order. */
    failNext(...failures: Failure[]) {
      queue.push(...failures);
    },
    /** Every request fails this way until reset (or `undefined`). */
    failAlways(failure: Failure | undefined) {
      always = failure;
    },
    refuse(code: number, scope: 'request' | 'number' = 'number'): Failure {
      return { kind: scope, code, text: TEXTS[code] ?? `code ${code}` };
    },
  };
}
