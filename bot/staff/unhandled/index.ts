import { Composer } from 'grammy';
import type { StaffContext } from '../context.js';

export function staffUnhandledFeature() {
  const feature = new Composer<StaffContext>();
  feature.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: ctx.t('staff-unknown-action') }));
  feature.on('message', (ctx) => ctx.reply(ctx.t('staff-help')));
  return feature;
}
