import type { ChatClosedReason } from '../../../core/duty-chat/service.js';
import type { PatientContext } from '../context.js';
import { bookAgain } from './keyboards.js';

/** Why the chat is closed and what to do instead: book again in the Mini App (unless the doctor is what is missing). */
export async function replyClosed(ctx: PatientContext, reason: ChatClosedReason | string): Promise<void> {
  const closed = ctx.t('dchat-closed', { reason });
  if (reason === 'no_doctor') {
    await ctx.reply(closed);
    return;
  }
  const next = bookAgain(ctx.t, ctx.deps.publicUrl);
  await ctx.reply(`${closed}\n\n${next.text}`, next.replyMarkup ? { reply_markup: next.replyMarkup } : {});
}
