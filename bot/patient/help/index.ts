import { hears } from '@grammyjs/i18n';
import { Composer } from 'grammy';
import type { PatientContext } from '../context.js';
import { mainMenu } from '../menu.js';

export function helpFeature() {
  const feature = new Composer<PatientContext>();
  const help = (ctx: PatientContext) =>
    ctx.reply(ctx.t('help-text'), ctx.deps.accounts.find(ctx.from!.id) ? { reply_markup: mainMenu(ctx) } : {});
  feature.command('help', help);
  feature.filter(hears('menu-help'), help);
  return feature;
}
