import { Composer } from 'grammy';
import { tryParse } from '../../shared/domain-error-text.js';
import type { PatientContext } from '../context.js';
import { mainMenu } from '../menu.js';
import { cancelConsultationData } from './callback-data.js';
import { consultationWhen } from './format.js';
import { cancelStep, yesNoKeyboard } from './keyboards.js';
import { mayCancel } from '../notifications/cancel-terms.js';
import { nameArgs } from '../../../core/patients/declension.js';

/** The patient cancels a consultation from the message that announced it (or from "My applications"), after a confirmation. */
export function consultationCancelFeature() {
  const feature = new Composer<PatientContext>();

  feature.callbackQuery(cancelConsultationData.filter(), async (ctx) => {
    const { id, step } = cancelConsultationData.unpack(ctx.callbackQuery.data);
    const c = ctx.deps.scheduling.get(id);
    const patient = c && c.accountId === ctx.from.id ? ctx.deps.patients.get(ctx.from.id, c.patientId) : undefined;
    if (!c || !patient) return ctx.answerCallbackQuery({ text: ctx.t('consult-not-found'), show_alert: true });
    await ctx.answerCallbackQuery();
    if (step !== 'ask') await ctx.editMessageReplyMarkup();
    if (step === 'no') return ctx.reply(ctx.t('consult-kept'));
    const locale = await ctx.i18n.getLocale();
    const when = consultationWhen(ctx.deps, c, patient.regionCode, locale);
    if (c.status !== 'scheduled') return ctx.reply(ctx.t('consult-not-open', { status: c.status }));
    if (ctx.deps.clock.now() >= c.startsAt) return ctx.reply(ctx.t('consult-started'));
    // Past the cut-off (a button pressed before its edit arrived): say so now rather than ask and then refuse.
    if (!mayCancel(ctx.deps, c, ctx.deps.clock.now())) return ctx.reply(ctx.t('consult-cancel-too-late', { minutes: ctx.deps.booking.limits.cancelMinNoticeMinutes }));
    if (step === 'ask') {
      return ctx.reply(ctx.t('consult-cancel-ask', { ...when, ...nameArgs('name', patient.fullName) }), {
        reply_markup: yesNoKeyboard(ctx.t, cancelStep(id, 'yes'), cancelStep(id, 'no')),
      });
    }
    const result = tryParse(() => ctx.deps.scheduling.cancelByPatient(ctx.from.id, id));
    if (!result.ok) {
      if (result.error.code === 'consultation_started') return ctx.reply(ctx.t('consult-started'));
      if (result.error.code === 'cancel_too_late') return ctx.reply(ctx.t('consult-cancel-too-late', result.error.details));
      return ctx.reply(ctx.t('consult-not-open', { status: ctx.deps.scheduling.get(id)?.status ?? 'cancelled' }));
    }
    await ctx.reply(ctx.t('consult-cancelled', when), { reply_markup: mainMenu(ctx) });
  });

  return feature;
}
