import type { MiddlewareFn } from 'grammy';
import type { StaffContext } from './context.js';

/**
 * Looks the sender up among active staff. Anyone else is told the bot is for staff, and nothing more:
 * no menu, no hint of what it can do.
 */
export const staffGate: MiddlewareFn<StaffContext> = async (ctx, next) => {
  const member = ctx.deps.staff.byTelegramId(ctx.from!.id);
  if (!member) {
    if (ctx.callbackQuery) return ctx.answerCallbackQuery({ text: ctx.t('staff-only') });
    if (ctx.message) return ctx.reply(ctx.t('staff-only'));
    return;
  }
  ctx.staff = member;
  await next();
};
