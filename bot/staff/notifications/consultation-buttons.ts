import { BUTTONS_TEMPLATE, sentSource } from '../../../core/outbox/consultation-buttons.js';
import type { Renderers } from '../../shared/renderers.js';
import type { StaffBotDeps } from '../deps.js';

/**
 * The doctor's earlier messages with buttons about a consultation (Join, No-show) lose them once it is over: cancelled,
 * moved, missed or completed (core/outbox/consultation-buttons.ts). A press on one before the edit arrives is still
 * answered as stale.
 */
export function buttonRenderers(deps: Pick<StaffBotDeps, 'db' | 'scheduling'>): Renderers<typeof BUTTONS_TEMPLATE.staff> {
  return {
    [BUTTONS_TEMPLATE.staff]: (row) => {
      const source = sentSource(deps.db, row.params.sourceId);
      if (!source || source.bot !== 'staff' || source.chatId !== row.chatId) return { kind: 'skip', reason: 'no message of this chat to edit' };
      if (deps.scheduling.get(row.params.consultationId)?.status === 'scheduled') return { kind: 'skip', reason: 'still scheduled: its buttons stand' };
      return { kind: 'markup', messageId: source.messageId, replyMarkup: { inline_keyboard: [] } };
    },
  };
}
