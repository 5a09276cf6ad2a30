import { BUTTONS_TEMPLATE, sentSource } from '../../../core/outbox/consultation-buttons.js';
import { parseParams } from '../../../core/outbox/templates.js';
import type { Renderers } from '../../shared/renderers.js';
import type { PatientBotDeps } from '../deps.js';
import { bookingKeyboard, mayCancel, type CancelTermsDeps } from './cancel-terms.js';
import { reminderKeyboard } from './reminders.js';

const NONE = { inline_keyboard: [] };

/**
 * An earlier message about a consultation gets the buttons its state allows now (core/outbox/consultation-buttons.ts):
 * none once it is cancelled, moved, missed or completed; past the cut-off, no Cancel (Ask the duty doctor and the
 * Mini App stay while it is still to come). An old button pressed before the edit arrives still gets the usual answer.
 */
export function buttonRenderers(deps: PatientBotDeps & CancelTermsDeps): Renderers<typeof BUTTONS_TEMPLATE.patient> {
  return {
    [BUTTONS_TEMPLATE.patient]: (row, t) => {
      const source = sentSource(deps.db, row.params.sourceId);
      // Never sent (the state changed first) or sent to another chat: nothing of this chat to edit.
      if (!source || source.bot !== 'patient' || source.chatId !== row.chatId) return { kind: 'skip', reason: 'no message of this chat to edit' };
      const c = deps.scheduling.get(row.params.consultationId);
      const now = deps.clock.now();
      if (!c || c.status !== 'scheduled') return { kind: 'markup', messageId: source.messageId, replyMarkup: NONE };
      if (source.template === 'consultation_reminder') {
        const params = parseParams('consultation_reminder', source.params);
        const kind = params.ok ? params.params.kind : 'day';
        return { kind: 'markup', messageId: source.messageId, replyMarkup: reminderKeyboard(deps, t, c.id, kind, mayCancel(deps, c, now)) };
      }
      return { kind: 'markup', messageId: source.messageId, replyMarkup: bookingKeyboard(deps, t, c, now) };
    },
  };
}
