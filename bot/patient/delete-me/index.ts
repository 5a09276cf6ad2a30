import { createCallbackData } from '../../shared/callback-data.js';
import { Composer, InlineKeyboard } from 'grammy';
import { forgetChatState } from '../../shared/state-storage.js';
import { clearSession, type PatientContext } from '../context.js';

const deleteData = createCallbackData('delete-me', { confirm: Boolean });

/** /delete_me: withdrawal of consent. Asks once, then removes profiles, documents and files for good. */
export function deleteMeFeature() {
  const feature = new Composer<PatientContext>();

  feature.command('delete_me', async (ctx) => {
    const accountId = ctx.from!.id;
    if (!ctx.deps.accounts.find(accountId)) {
      // No account, but perhaps a language chosen before consent: that goes too, so "nothing" is true.
      forgetChatState(ctx.deps.db, ctx.chat!.id);
      clearSession(ctx);
      return ctx.reply(ctx.t('delete-nothing'));
    }
    const profiles = ctx.deps.patients.list(accountId);
    const documents = profiles.reduce((n, p) => n + ctx.deps.documents.list(p.id).length, 0);
    const keyboard = new InlineKeyboard()
      .text(ctx.t('delete-btn-confirm'), deleteData.pack({ confirm: true }))
      .row()
      .text(ctx.t('delete-btn-keep'), deleteData.pack({ confirm: false }));
    await ctx.reply(ctx.t('delete-confirm-ask', { profiles: profiles.length, documents }), { reply_markup: keyboard });
  });

  feature.callbackQuery(deleteData.filter(), async (ctx) => {
    const { confirm } = deleteData.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    if (!confirm) return ctx.reply(ctx.t('delete-kept'));
    if (!ctx.deps.accounts.find(ctx.from.id)) return ctx.reply(ctx.t('delete-nothing'));
    // The reply must be in the language the person used, which lives on the account about to go.
    const locale = await ctx.i18n.getLocale();
    await ctx.deps.deleteAccount(ctx.from.id);
    forgetChatState(ctx.deps.db, ctx.chat!.id);
    clearSession(ctx);
    ctx.i18n.useLocale(locale);
    await ctx.reply(ctx.t('delete-done'), { reply_markup: { remove_keyboard: true } });
  });

  return feature;
}
