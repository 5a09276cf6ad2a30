import type { Writer } from '../../db/client.js';
import { smsOutbox } from '../../db/schema.js';
import type { ParamsOf, SmsPurpose } from '../outbox/templates.js';

export interface SmsMessage<P extends SmsPurpose = SmsPurpose> {
  /** E.164. */
  phone: string;
  /** What the SMS says, by name in core/outbox/templates.ts; its renderer is in bot/sms/renderers.ts. */
  purpose: P;
  params: ParamsOf<P>;
  referralId?: number | null;
  /** Same key, same SMS: queueing it again is a no-op. */
  dedupeKey: string;
}

/** Queues an SMS; call it with the transaction of the change it reports, like the Telegram outbox. */
export function enqueueSms<P extends SmsPurpose>(tx: Pick<Writer, 'insert'>, message: SmsMessage<P>, now: number): void {
  insertSmsRow(tx, message, now);
}

/** enqueueSms's insert, unchecked: for a purpose the catalogue does not hold (a test's, or another release's row). */
export function insertSmsRow(
  tx: Pick<Writer, 'insert'>,
  message: { phone: string; purpose: string; params: Record<string, unknown>; referralId?: number | null; dedupeKey: string },
  now: number,
): void {
  tx.insert(smsOutbox)
    .values({
      phone: message.phone,
      purpose: message.purpose,
      params: JSON.stringify(message.params),
      referralId: message.referralId ?? null,
      dedupeKey: message.dedupeKey,
      nextAttemptAt: now,
      createdAt: now,
    })
    .onConflictDoNothing({ target: smsOutbox.dedupeKey })
    .run();
}
