import { InlineKeyboard } from 'grammy';
import type { Application } from '../../../core/applications/repository.js';
import { formatDay } from '../../shared/format.js';
import type { PatientContext } from '../context.js';
import { requestedDocsData } from './callback-data.js';
import { centerName, conditionName, consultationWhen, kindNames } from './format.js';
import { cancelStep, withdrawStep } from './keyboards.js';

/** Newest first; older ones are rarely looked for and would make the message too long to read. */
const SHOWN = 10;
export const WITHDRAWABLE: readonly Application['status'][] = ['submitted', 'in_review', 'needs_documents'];

/** "My applications": each with its status, and the buttons that status allows (withdraw, documents, cancel the call). */
export async function showApplications(ctx: PatientContext) {
  const accountId = ctx.from!.id;
  const all = ctx.deps.applications.ofAccount(accountId);
  if (all.length === 0) return ctx.reply(ctx.t('apps-none'));
  const locale = await ctx.i18n.getLocale();
  const { catalog } = ctx.deps;
  const consultations = ctx.deps.scheduling.ofAccount(accountId).filter((c) => c.status === 'scheduled');
  const keyboard = new InlineKeyboard();
  const entries = all.slice(0, SHOWN).map((app) => {
    const patient = ctx.deps.patients.get(accountId, app.patientId);
    const lines = [
      ctx.t('apps-entry', {
        id: app.id,
        center: centerName(catalog, app.centerCode, locale),
        name: app.patientName,
        condition: conditionName(catalog, app.centerCode, app.conditionCode, locale),
        date: formatDay(app.submittedAt, patient?.timeZone ?? 'Europe/Moscow'),
        status: app.status,
      }),
    ];
    if (app.status === 'needs_documents') {
      lines.push(ctx.t('apps-entry-needs', { kinds: kindNames(catalog, app.requestedKinds, locale) }));
      keyboard.text(ctx.t('apps-btn-docs', { id: app.id }), requestedDocsData.pack({ id: app.id })).row();
    }
    const consultation = consultations.find((c) => c.applicationId === app.id);
    if (app.status === 'scheduled' && consultation && patient) {
      lines.push(ctx.t('apps-entry-when', consultationWhen(ctx.deps, consultation, patient.regionCode, locale)));
      keyboard.text(ctx.t('apps-btn-cancel-consultation', { id: app.id }), cancelStep(consultation.id, 'ask')).row();
    }
    if (WITHDRAWABLE.includes(app.status)) keyboard.text(ctx.t('apps-btn-withdraw', { id: app.id }), withdrawStep(app.id, 'ask')).row();
    return lines.join('\n');
  });
  const head = all.length > SHOWN ? ctx.t('apps-header-recent', { shown: SHOWN, total: all.length }) : ctx.t('apps-header');
  await ctx.reply([head, ...entries].join('\n\n'), { reply_markup: keyboard });
}
