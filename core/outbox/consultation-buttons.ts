import { and, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Writer } from '../../db/client.js';
import { outbox } from '../../db/schema.js';
import type { OutboxBot, StoredParams } from './message.js';
import { enqueue } from './repository.js';
import type { OutboxTemplate } from './templates.js';

/**
 * Messages that carry buttons about one consultation (params.consultationId), by the bot that sent them: Cancel under
 * the booking and move notices and the day-before reminder, Join and No-show under the doctor's. When the
 * consultation's state changes, each one that went out is edited to the buttons that state still allows.
 */
export const BUTTON_SOURCES = {
  patient: ['consultation_scheduled', 'consultation_rescheduled', 'consultation_reminder'],
  staff: ['consultation_reminder_doctor', 'consultation_no_show_offer'],
} as const satisfies Record<OutboxBot, readonly OutboxTemplate[]>;

/** The edit rows, one per bot: params { consultationId, sourceId } (sourceId: the outbox row of the message to edit). */
export const BUTTONS_TEMPLATE = { patient: 'consultation_buttons', staff: 'consultation_buttons_doctor' } as const satisfies Record<OutboxBot, OutboxTemplate>;

/** What changed: it is over for good (cancelled, moved, no-show, completed), or only the patient's cut-off passed. */
export type ButtonsEvent = 'cancelled' | 'no_show' | 'completed' | 'cut_off';

/**
 * Queues, in the caller's transaction, an edit of every earlier message about the consultation that carries its
 * buttons: the edit's renderer reads the consultation's state when it goes out, so an edit arriving late still shows
 * what holds then. A source not sent yet needs no edit (it renders the new state itself) but gets its row all the
 * same: the sender keeps a chat's rows in order, so the edit waits for it and then finds its message id, or skips.
 * The cut-off concerns the patient's Cancel only. Returns how many edits were queued.
 */
export function queueButtonEdits(tx: Writer, consultationId: number, event: ButtonsEvent, now: number): number {
  const sources = buttonSources(tx, consultationId, event === 'cut_off' ? ['patient'] : ['patient', 'staff']).all();
  for (const source of sources) {
    const template = BUTTONS_TEMPLATE[source.bot];
    enqueue(
      tx,
      { chatId: source.chatId, template, params: { consultationId, sourceId: source.id }, dedupeKey: `consultation:${consultationId}:buttons:${source.id}:${event}` },
      now,
    );
  }
  return sources.length;
}

/** The query for the messages with buttons about a consultation; it runs on outbox_consultation_idx (a test checks the plan). */
export function buttonSources(tx: Pick<Writer, 'select'>, consultationId: number, bots: OutboxBot[]) {
  return tx
    .select({ id: outbox.id, bot: outbox.bot, chatId: outbox.chatId })
    .from(outbox)
    .where(
      and(
        inArray(outbox.template, bots.flatMap((bot) => BUTTON_SOURCES[bot])),
        sql`json_extract(${outbox.params}, '$.consultationId') = ${consultationId}`,
        isNull(outbox.failedAt),
        // Sent without a message (skipped): nothing in the chat to edit.
        or(isNull(outbox.sentAt), isNotNull(outbox.messageId)),
      ),
    );
}

/** The message a source row put in its chat, as the edit's renderer needs it; undefined when it has none (yet). */
export interface SentSource {
  bot: OutboxBot;
  chatId: number;
  template: string;
  params: StoredParams;
  messageId: number;
}

export function sentSource(db: Pick<Writer, 'select'>, outboxId: number): SentSource | undefined {
  const row = db
    .select({ bot: outbox.bot, chatId: outbox.chatId, template: outbox.template, params: outbox.params, messageId: outbox.messageId })
    .from(outbox)
    .where(and(eq(outbox.id, outboxId), isNotNull(outbox.sentAt)))
    .get();
  if (!row || row.messageId === null) return undefined;
  return { ...row, params: JSON.parse(row.params) as StoredParams, messageId: row.messageId };
}
