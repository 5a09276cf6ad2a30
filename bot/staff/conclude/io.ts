import type { Conversation } from '@grammyjs/conversations';
import { attemptAsync, refusal } from '../consultations/errors.js';
import type { StaffContext, StaffConvoContext } from '../context.js';
import type { StaffBotDeps } from '../deps.js';
import { checkConcludable } from './check.js';

export interface Draft {
  text: string;
  outcome: string;
  recommendations: string;
}

/**
 * What the conclusion conversation reads and writes, each through conversation.external (run once, replayed from
 * the log). The doctor is looked up afresh every time: a deactivated one gets nothing (undefined).
 */
export function concludeIo(conversation: Conversation<StaffContext, StaffConvoContext>, deps: StaffBotDeps, telegramId: number, consultationId: number) {
  return {
    /** The patient's name, or why this doctor may not conclude this consultation now. */
    start: () =>
      conversation.external(() => {
        const member = deps.staff.byTelegramId(telegramId);
        if (!member) return undefined;
        const checked = checkConcludable(deps, member, consultationId);
        return checked.ok ? { ok: true as const, patient: checked.value.patientName } : { ok: false as const, refused: refusal(checked.error) };
      }),

    /** Issues the conclusion: the core renders the PDF, completes the consultation and queues the PDF for the patient. */
    issue: (draft: Draft) =>
      conversation.external(async () => {
        const member = deps.staff.byTelegramId(telegramId);
        if (!member) return undefined;
        // The document's language is the patient's (their account's), which the core picks.
        const issued = await attemptAsync(() => deps.conclusions.issue({ consultationId, staffId: member.id, ...draft, verifyBaseUrl: deps.publicUrl! }));
        // Only what the reply needs: the replay log is no place for the PDF's bytes.
        return issued.ok ? { ok: true as const, code: issued.value.verificationCode } : { ok: false as const, refused: refusal(issued.error) };
      }),
  };
}
