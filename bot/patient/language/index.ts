import { createCallbackData } from '../../shared/callback-data.js';
import { Composer, InlineKeyboard } from 'grammy';
import { LOCALES } from '../../shared/i18n.js';
import type { PatientContext } from '../context.js';
import { mainMenu } from '../menu.js';
import { configureChatMenuButton } from '../menu-button.js';

const languageData = createCallbackData('lang', { locale: String });

/** /language: the choice is kept on the account (or, before consent, in the session only); the menu button follows it. */
export function languageFeature() {
  const feature = new Composer<PatientContext>();

  feature.command('language', async (ctx) => {
    const keyboard = new InlineKeyboard();
    for (const locale of LOCALES) keyboard.text(ctx.t(`lang-btn-${locale}`), languageData.pack({ locale }));
    await ctx.reply(ctx.t('language-ask'), { reply_markup: keyboard });
  });

  feature.callbackQuery(languageData.filter(), async (ctx) => {
    const { locale } = languageData.unpack(ctx.callbackQuery.data);
    if (!(LOCALES as readonly string[]).includes(locale)) return ctx.answerCallbackQuery();
    const account = ctx.deps.accounts.find(ctx.from.id);
    if (account) ctx.deps.accounts.setLocale(ctx.from.id, locale);
    else ctx.session.locale = locale;
    ctx.i18n.useLocale(locale);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    await configureChatMenuButton(ctx.api, ctx.deps.publicUrl, ctx.chat!.id, ctx.tText('menu-button-app'));
    await ctx.reply(ctx.t('language-set'), account ? { reply_markup: mainMenu(ctx) } : {});
  });

  return feature;
}
