import { Composer } from 'grammy';
import { soundsUrgent } from '../../../core/complaints/urgent.js';
import type { PatientContext } from '../context.js';
import { mainMenu } from '../menu.js';

/** Last in the chain: anything no feature took gets a pointer to what the person can do. */
export function unhandledFeature() {
  const feature = new Composer<PatientContext>();
  // A press no feature takes is a button of an old message (or of a flow that is over).
  feature.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: ctx.t('button-stale') }));
  feature.on('message', async (ctx) => {
    // Someone describing chest pain or bleeding hears where help is right now before anything about menus.
    const text = ctx.message.text ?? ctx.message.caption;
    if (text && soundsUrgent(text)) await ctx.reply(ctx.t('urgent-advice'));
    if (!ctx.deps.accounts.find(ctx.from.id)) return ctx.reply(ctx.t('need-registration'));
    await ctx.reply(ctx.t('unhandled'), { reply_markup: mainMenu(ctx) });
  });
  return feature;
}
