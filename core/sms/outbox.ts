import type { Writer } from '../../db/client.js';
import { smsOutbox } from '../../db/schema.js';

export interface SmsMessage {
  /** E.164. */
  phone: string;
  /** A purpose the SMS sender knows how to render ('referral_invite', 'notice_fallback', …). */
  purpose: string;
  params: Record<string, string | number | boolean | null>;
  referralId?: number | null;
  /** Same key, same SMS: queueing it again is a no-op. */
  dedupeKey: string;
}

/** Queues an SMS; call it with the transaction of the change it reports, like the Telegram outbox. */
export function enqueueSms(tx: Pick<Writer, 'insert'>, message: SmsMessage, now: number): void {
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
