import type { DeliveryParams, OutboxTemplate, ParamsOf } from './templates.js';

export type OutboxBot = 'patient' | 'staff';

/** A notification for the Telegram outbox; its template decides which bot sends it (core/outbox/templates.ts). */
export interface OutboxMessage<K extends OutboxTemplate = OutboxTemplate> {
  chatId: number;
  template: K;
  params: ParamsOf<K> & DeliveryParams;
  /** Same key, same message: enqueueing it again is a no-op, so a retried state change cannot notify twice. */
  dedupeKey: string;
}

/** JSON as stored: checked against the template only when rendered, since a row may come from another release. */
export type StoredParams = Record<string, unknown>;

export interface OutboxRow {
  id: number;
  bot: OutboxBot;
  chatId: number;
  template: string;
  params: StoredParams;
  dedupeKey: string;
  attempts: number;
  /** When it was queued (the service's clock): the give-up bound counts from here. */
  createdAt: number;
  /**
   * Set when an attempt began whose outcome is unknown: the process stopped during the call, or the call timed out or
   * lost its answer. Telegram may have shown the message already.
   */
  sendingAt: number | null;
}
