import { createCallbackData } from '../../shared/callback-data.js';
import { Composer, InlineKeyboard } from 'grammy';
import { CONSENT_VERSION } from '../../../core/accounts/consent.js';
import { formatDate } from '../../shared/format.js';
import { forgetChatState } from '../../shared/state-storage.js';
import { clearSession, type PatientContext } from '../context.js';
import { mainMenu } from '../menu.js';
import { configureChatMenuButton } from '../menu-button.js';
import { DEFAULT_LOCALE } from '../../shared/i18n.js';
import { resumeInviteAfterConsent } from '../referral/index.js';
import { REGISTRATION } from '../registration/conversation.js';

const consentData = createCallbackData('consent', { action: String });

function consentKeyboard(ctx: PatientContext) {
  return new InlineKeyboard()
    .text(ctx.t('consent-btn-accept'), consentData.pack({ action: 'accept' }))
    .row()
    .text(ctx.t('consent-btn-full'), consentData.pack({ action: 'full' }))
    .row()
    .text(ctx.t('consent-btn-decline'), consentData.pack({ action: 'decline' }));
}

/** /start: a few lines about the service, then explicit, versioned consent before anything is stored. */
export function startFeature() {
  const feature = new Composer<PatientContext>();

  feature.command('start', async (ctx) => {
    const account = ctx.deps.accounts.find(ctx.from!.id);
    if (account && account.consentVersion === CONSENT_VERSION) {
      if (ctx.deps.patients.list(account.telegramId).length === 0) return ctx.conversation.enter(REGISTRATION);
      return ctx.reply(ctx.t('welcome-back'), { reply_markup: mainMenu(ctx) });
    }
    await ctx.reply(ctx.t('start-welcome'), { reply_markup: { remove_keyboard: true } });
    await ctx.reply(ctx.t('consent-ask', { version: formatDate(CONSENT_VERSION) }), { reply_markup: consentKeyboard(ctx) });
  });

  feature.callbackQuery(consentData.filter({ action: 'full' }), async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t('consent-full', { version: formatDate(CONSENT_VERSION) }));
  });

  feature.callbackQuery(consentData.filter({ action: 'decline' }), async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    // Nothing about this person may stay behind: not even a session row with their language.
    forgetChatState(ctx.deps.db, ctx.chat!.id);
    clearSession(ctx);
    await ctx.reply(ctx.t('consent-declined'));
  });

  feature.callbackQuery(consentData.filter({ action: 'accept' }), async (ctx) => {
    const locale = await ctx.i18n.getLocale();
    const now = ctx.deps.consent.give(ctx.from.id, locale);
    delete ctx.session.locale;
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    // The bot-wide menu button speaks the default language; anyone else gets their own label from the start.
    if (locale !== DEFAULT_LOCALE) await configureChatMenuButton(ctx.api, ctx.deps.publicUrl, ctx.chat!.id, ctx.tText('menu-button-app'));
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(now);
    await ctx.reply(ctx.t('consent-accepted', { date: formatDate(day) }));
    // An SMS invite opened before consent is taken up now, instead of the usual registration.
    if (await resumeInviteAfterConsent(ctx)) return;
    if (ctx.deps.patients.list(ctx.from.id).length === 0) await ctx.conversation.enter(REGISTRATION);
    else await ctx.reply(ctx.t('welcome-back'), { reply_markup: mainMenu(ctx) });
  });

  return feature;
}
