import { Composer, InlineKeyboard } from 'grammy';
import { DomainError } from '../../../core/errors.js';
import { domainErrorText } from '../../shared/domain-error-text.js';
import type { PatientContext } from '../context.js';
import { mainMenu } from '../menu.js';
import { deleteProfileData, keepProfileData } from './callback-data.js';

/** Deleting a child's or relative's profile: one question, then the profile leaves the account (the holder's own stays). */
export function deleteProfileFeature() {
  const feature = new Composer<PatientContext>();

  feature.callbackQuery(deleteProfileData.filter({ confirm: false }), async (ctx) => {
    const { patientId } = deleteProfileData.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    const patient = ctx.deps.patients.get(ctx.from.id, patientId);
    if (!patient) return ctx.reply(ctx.t('profile-not-found'));
    if (patient.relation === 'self') return ctx.reply(ctx.t('profile-self-delete'));
    const keyboard = new InlineKeyboard()
      .text(ctx.t('profile-btn-delete-confirm'), deleteProfileData.pack({ patientId, confirm: true }))
      .row()
      .text(ctx.t('profile-btn-delete-keep'), keepProfileData.pack({ patientId }));
    await ctx.reply(ctx.t('profile-delete-ask', { name: patient.fullName }), { reply_markup: keyboard });
  });

  feature.callbackQuery(keepProfileData.filter(), async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    await ctx.reply(ctx.t('profile-delete-kept'), { reply_markup: mainMenu(ctx) });
  });

  feature.callbackQuery(deleteProfileData.filter({ confirm: true }), async (ctx) => {
    const { patientId } = deleteProfileData.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    try {
      ctx.deps.patients.remove(ctx.from.id, patientId, ctx.deps.clock.now());
    } catch (err) {
      if (err instanceof DomainError) return ctx.reply(domainErrorText(ctx, err), { reply_markup: mainMenu(ctx) });
      throw err;
    }
    await ctx.reply(ctx.t('profile-deleted'), { reply_markup: mainMenu(ctx) });
  });

  return feature;
}
