import { InlineKeyboard } from 'grammy';
import { OPEN_STATUSES } from '../../../core/applications/repository.js';
import { COMPLAINTS_MAX, DIAGNOSIS_MAX } from '../../../core/applications/service.js';
import type { Patient } from '../../../core/patients/repository.js';
import { tryParse } from '../../shared/domain-error-text.js';
import { centerName, conditionName } from '../applications/format.js';
import type { PatientContext } from '../context.js';
import { mainMenu } from '../menu.js';
import { actionData, centerData, conditionData, profileData, resumeData } from './callback-data.js';
import { showLive, type LivePlace as ChecklistPlace } from '../../shared/live-message.js';
import { checklistKeyboard, checklistText, type UploadProgress } from './checklist.js';
import type { ApplyDraft } from './draft.js';
import { nameArgs } from '../../../core/patients/declension.js';

/** The draft and its profile, if both are still there; a draft whose profile was deleted is dropped. */
export function currentDraft(ctx: PatientContext): { draft: ApplyDraft; patient: Patient } | undefined {
  const draft = ctx.session.applyDraft;
  if (!draft) return undefined;
  const patient = ctx.deps.patients.get(ctx.from!.id, draft.patientId);
  if (!patient) {
    delete ctx.session.applyDraft;
    return undefined;
  }
  return { draft, patient };
}

/** The application of this profile to this center that is still open, if any: one at a time per center. */
export function openApplication(ctx: PatientContext, patientId: number, centerCode: string) {
  return ctx.deps.applications
    .ofAccount(ctx.from!.id)
    .find((a) => a.patientId === patientId && a.centerCode === centerCode && OPEN_STATUSES.includes(a.status));
}

export async function askProfile(ctx: PatientContext, patients: Patient[]) {
  const keyboard = new InlineKeyboard();
  for (const p of patients) keyboard.text(p.fullName, profileData.pack({ patientId: p.id })).row();
  await ctx.reply(ctx.t('apply-profile-ask'), { reply_markup: keyboard });
}

export async function offerResume(ctx: PatientContext, draft: ApplyDraft, patient: Patient) {
  const locale = await ctx.i18n.getLocale();
  const keyboard = new InlineKeyboard()
    .text(ctx.t('apply-btn-resume'), resumeData.pack({ fresh: false }))
    .row()
    .text(ctx.t('apply-btn-fresh'), resumeData.pack({ fresh: true }));
  await ctx.reply(ctx.t('apply-resume-ask', { name: patient.fullName, center: centerName(ctx.deps.catalog, draft.centerCode!, locale) }), {
    reply_markup: keyboard,
  });
}

export async function askCenter(ctx: PatientContext, patient: Patient) {
  const locale = await ctx.i18n.getLocale();
  const keyboard = new InlineKeyboard();
  const lines = ctx.deps.catalog.centers.map((c) => {
    keyboard.text(centerName(ctx.deps.catalog, c.code, locale), centerData.pack({ center: c.code })).row();
    return ctx.t('apply-center-line', { center: centerName(ctx.deps.catalog, c.code, locale), specialty: c.specialty });
  });
  await ctx.reply([ctx.t('apply-center-ask', nameArgs('name', patient.fullName)), '', ...lines].join('\n'), { reply_markup: keyboard });
}

export async function askCondition(ctx: PatientContext, draft: ApplyDraft) {
  const locale = await ctx.i18n.getLocale();
  const center = ctx.deps.catalog.centers.find((c) => c.code === draft.centerCode)!;
  const keyboard = new InlineKeyboard();
  for (const c of center.conditions) keyboard.text(locale === 'en' ? c.en : c.ru, conditionData.pack({ center: center.code, condition: c.code })).row();
  keyboard.text(ctx.t('btn-back'), actionData.pack({ action: 'centers' }));
  await ctx.reply(ctx.t('apply-condition-ask', { center: centerName(ctx.deps.catalog, center.code, locale) }), { reply_markup: keyboard });
}

export async function askDiagnosis(ctx: PatientContext, draft: ApplyDraft) {
  draft.awaiting = 'diagnosis';
  await ctx.reply(ctx.t('apply-diagnosis-ask', { max: DIAGNOSIS_MAX }));
}

export async function askComplaints(ctx: PatientContext, draft: ApplyDraft) {
  draft.awaiting = 'complaints';
  await ctx.reply(ctx.t('apply-complaints-ask', { max: COMPLAINTS_MAX }));
}

/** The catalog changed under a draft kept across a release: the center or condition is no longer offered. */
async function catalogChanged(ctx: PatientContext, draft: ApplyDraft, patient: Patient) {
  delete draft.centerCode;
  delete draft.conditionCode;
  await ctx.reply(ctx.t('apply-catalog-changed'));
  await askCenter(ctx, patient);
}

function checklistOf(ctx: PatientContext, draft: ApplyDraft) {
  return tryParse(() => ctx.deps.applications.checklist(draft.patientId, draft.centerCode!, draft.conditionCode!));
}

/**
 * The documents checklist. `place` says where: `edit` changes the draft's checklist message in place (an upload's
 * progress), `down` moves it below what was just said (an upload's Done: the next step is read at the end of the
 * chat), and by default a new one is posted (when something was said after it, a refusal to send, say).
 */
export async function showChecklist(
  ctx: PatientContext,
  draft: ApplyDraft,
  patient: Patient,
  opts: { place?: ChecklistPlace; uploading?: UploadProgress } = {},
) {
  const items = checklistOf(ctx, draft);
  if (!items.ok) return catalogChanged(ctx, draft, patient);
  const locale = await ctx.i18n.getLocale();
  const head = {
    center: centerName(ctx.deps.catalog, draft.centerCode!, locale),
    condition: conditionName(ctx.deps.catalog, draft.centerCode!, draft.conditionCode!, locale),
  };
  const text = checklistText(ctx.t, items.value, locale, head, opts.uploading);
  const keyboard = checklistKeyboard(ctx.tText, items.value, locale);
  draft.checklistMessageId = await showLive(ctx, opts.place, draft.checklistMessageId, text, keyboard);
}

export async function showSummary(ctx: PatientContext, draft: ApplyDraft, patient: Patient) {
  const items = checklistOf(ctx, draft);
  if (!items.ok) return catalogChanged(ctx, draft, patient);
  const locale = await ctx.i18n.getLocale();
  const present = items.value.filter((i) => i.present).map((i) => (locale === 'en' ? i.en : i.ru));
  const keyboard = new InlineKeyboard()
    .text(ctx.t('apply-btn-send'), actionData.pack({ action: 'send' }))
    .row()
    .text(ctx.t('apply-btn-edit'), actionData.pack({ action: 'edit' }))
    .row()
    .text(ctx.t('apply-btn-drop'), actionData.pack({ action: 'drop' }));
  await ctx.reply(
    ctx.t('apply-summary', {
      name: patient.fullName,
      center: centerName(ctx.deps.catalog, draft.centerCode!, locale),
      condition: conditionName(ctx.deps.catalog, draft.centerCode!, draft.conditionCode!, locale),
      diagnosis: draft.diagnosis!,
      complaints: draft.complaints!,
      documents: present.join(', '),
    }),
    { reply_markup: keyboard },
  );
}

/** Asks for whatever the draft still lacks; with everything filled in, shows the documents checklist. */
export async function resume(ctx: PatientContext, draft: ApplyDraft, patient: Patient, checklist: { place?: ChecklistPlace } = {}) {
  if (!draft.centerCode) return askCenter(ctx, patient);
  if (!draft.conditionCode) return askCondition(ctx, draft);
  if (!draft.diagnosis) return askDiagnosis(ctx, draft);
  if (!draft.complaints) return askComplaints(ctx, draft);
  await showChecklist(ctx, draft, patient, checklist);
}

/** A press on a button of a draft that is no longer there (sent, discarded, or from an older form). */
export async function stale(ctx: PatientContext) {
  await ctx.answerCallbackQuery({ text: ctx.t('apply-stale'), show_alert: true });
}

export async function dropped(ctx: PatientContext) {
  delete ctx.session.applyDraft;
  await ctx.reply(ctx.t('apply-dropped'), { reply_markup: mainMenu(ctx) });
}
