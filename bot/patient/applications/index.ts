import { hears } from '@grammyjs/i18n';
import { Composer } from 'grammy';
import type { Application } from '../../../core/applications/repository.js';
import { tryParse } from '../../shared/domain-error-text.js';
import type { PatientContext } from '../context.js';
import { finishUpload, startUpload } from '../documents/index.js';
import { mainMenu } from '../menu.js';
import { requestedDocsData, requestedUploadData, withdrawData } from './callback-data.js';
import { consultationCancelFeature } from './consultation.js';
import { centerName, kindNames } from './format.js';
import { requestedKindsKeyboard, withdrawStep, yesNoKeyboard } from './keyboards.js';
import { showApplications, WITHDRAWABLE } from './list.js';

/** One of this account's applications; another account's id finds nothing. */
function ownApplication(ctx: PatientContext, id: number) {
  return ctx.deps.applications.ofAccount(ctx.from!.id).find((a) => a.id === id);
}

/** The kinds a doctor asked for, a button each; `still`: after an upload that did not yet cover them all. */
async function offerRequestedUploads(ctx: PatientContext, app: Application, still: boolean) {
  const locale = await ctx.i18n.getLocale();
  const params = { id: app.id, kinds: kindNames(ctx.deps.catalog, app.requestedKinds, locale) };
  await ctx.reply(still ? ctx.t('apps-docs-still', params) : ctx.t('apps-docs-prompt', params), {
    reply_markup: requestedKindsKeyboard(ctx.t, ctx.deps.catalog, locale, app.id, app.requestedKinds),
  });
}

/** "My applications": statuses; withdraw one not yet scheduled; upload what a doctor asked for; cancel a consultation. */
export function applicationsFeature() {
  const feature = new Composer<PatientContext>();
  const registered = feature.filter((ctx) => ctx.deps.accounts.find(ctx.from!.id) !== undefined);

  registered.command('applications', showApplications);
  registered.filter(hears('menu-applications'), showApplications);

  registered.callbackQuery(withdrawData.filter(), async (ctx) => {
    const { id, step } = withdrawData.unpack(ctx.callbackQuery.data);
    const app = ownApplication(ctx, id);
    if (!app) return ctx.answerCallbackQuery({ text: ctx.t('apps-not-found'), show_alert: true });
    await ctx.answerCallbackQuery();
    if (step !== 'ask') await ctx.editMessageReplyMarkup();
    if (step === 'no') return ctx.reply(ctx.t('apps-withdraw-kept', { id }));
    if (!WITHDRAWABLE.includes(app.status)) return ctx.reply(ctx.t('apps-withdraw-refused', { id, status: app.status }));
    const locale = await ctx.i18n.getLocale();
    const center = centerName(ctx.deps.catalog, app.centerCode, locale);
    if (step === 'ask') {
      return ctx.reply(ctx.t('apps-withdraw-ask', { id, center, name: app.patientName }), {
        reply_markup: yesNoKeyboard(ctx.t, withdrawStep(id, 'yes'), withdrawStep(id, 'no')),
      });
    }
    const result = tryParse(() => ctx.deps.applications.withdraw(ctx.from.id, id));
    if (!result.ok) {
      // The doctor moved it in the meantime (scheduled it, or closed it): say what it is now.
      const now = ownApplication(ctx, id);
      return ctx.reply(ctx.t('apps-withdraw-refused', { id, status: now?.status ?? 'withdrawn' }));
    }
    await ctx.reply(ctx.t('apps-withdrawn', { id, center }), { reply_markup: mainMenu(ctx) });
  });

  registered.callbackQuery(requestedDocsData.filter(), async (ctx) => {
    const { id } = requestedDocsData.unpack(ctx.callbackQuery.data);
    const app = ownApplication(ctx, id);
    if (!app) return ctx.answerCallbackQuery({ text: ctx.t('apps-not-found'), show_alert: true });
    if (app.status !== 'needs_documents') return ctx.answerCallbackQuery({ text: ctx.t('apps-docs-not-needed'), show_alert: true });
    await ctx.answerCallbackQuery();
    await offerRequestedUploads(ctx, app, false);
  });

  registered.callbackQuery(requestedUploadData.filter(), async (ctx) => {
    const { id, kind } = requestedUploadData.unpack(ctx.callbackQuery.data);
    const app = ownApplication(ctx, id);
    const patient = app && ctx.deps.patients.get(ctx.from.id, app.patientId);
    if (!app || !patient) return ctx.answerCallbackQuery({ text: ctx.t('apps-not-found'), show_alert: true });
    if (app.status !== 'needs_documents' || !app.requestedKinds.includes(kind)) {
      return ctx.answerCallbackQuery({ text: ctx.t('apps-docs-not-needed'), show_alert: true });
    }
    await ctx.answerCallbackQuery();
    await startUpload(ctx, patient, kind, { to: 'application', applicationId: app.id });
  });

  // Done after uploading what a doctor asked for: the usual count, then what is still awaited, if anything.
  registered.filter(hears('docs-btn-done')).filter(
    (ctx) => ctx.session.upload?.returnTo?.to === 'application',
    async (ctx) => {
      const finished = await finishUpload(ctx);
      if (!finished) return;
      const { upload } = finished;
      const target = upload.returnTo?.to === 'application' ? upload.returnTo.applicationId : undefined;
      const app = target === undefined ? undefined : ownApplication(ctx, target);
      // Moved back to the doctor already, when the last requested file was stored; otherwise say what is left.
      if (app?.status === 'needs_documents') await offerRequestedUploads(ctx, app, true);
    },
  );

  registered.use(consultationCancelFeature());
  return feature;
}
