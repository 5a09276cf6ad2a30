import type { Transformer } from 'grammy';

/**
 * Answers from Telegram that mean "nothing left to do", not "the step failed": a callback query answered
 * too late (after a restart or a slow download; Telegram keeps them ~15 s) and an edit that changes
 * nothing, or a deletion of a message already gone or too old to delete (it then just stays). Failing the person's
 * whole step over a spinner or an unchanged keyboard would lose their input.
 */
const harmless: Record<string, RegExp> = {
  answerCallbackQuery: /query is too old|query ID is invalid/i,
  editMessageReplyMarkup: /message is not modified|message to edit not found/i,
  editMessageText: /message is not modified/i,
  deleteMessage: /message to delete not found|message can't be deleted/i,
};

export function tolerateHarmlessErrors(onIgnored: (method: string, description: string) => void): Transformer {
  return async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    const pattern = harmless[method];
    if (!result.ok && result.error_code === 400 && pattern?.test(result.description)) {
      onIgnored(method, result.description);
      return { ok: true, result: true as never };
    }
    return result;
  };
}
