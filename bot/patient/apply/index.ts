import { hears } from '@grammyjs/i18n';
import { Composer } from 'grammy';
import { documentsFor } from '../../../core/applications/requirements.js';
import { validateComplaints, validateDiagnosis } from '../../../core/applications/service.js';
import type { DomainError } from '../../../core/errors.js';
import { tryParse } from '../../shared/domain-error-text.js';
import { centerName } from '../applications/format.js';
import type { PatientContext } from '../context.js';
import { finishUpload, startUpload } from '../documents/index.js';
import { mainMenu } from '../menu.js';
import { actionData, centerData, conditionData, profileData, resumeData, uploadData } from './callback-data.js';
import {
  askCenter,
  askComplaints,
  askDiagnosis,
  askProfile,
  currentDraft,
  dropped,
  offerResume,
  openApplication,
  resume,
  showChecklist,
  showSummary,
  stale,
} from './steps.js';
import { nameArgs } from '../../../core/patients/declension.js';

/** Parts of one split text arrive within this many seconds of each other. */
const SPLIT_MESSAGE_SECONDS = 1;

function textError(ctx: PatientContext, err: DomainError): string {
  const length = Number(err.details.length);
  const max = Number(err.details.max);
  switch (err.code) {
    case 'diagnosis_empty':
      return ctx.t('apply-diagnosis-empty');
    case 'diagnosis_too_long':
      return ctx.t('apply-diagnosis-too-long', { length, max, over: length - max });
    case 'complaints_empty':
      return ctx.t('apply-complaints-empty');
    case 'complaints_too_long':
      return ctx.t('apply-complaints-too-long', { length, max, over: length - max });
    default:
      throw err;
  }
}

/**
 * "Apply to a center": profile, center, condition, diagnosis, complaints, the documents checklist (missing ones
 * uploaded right there), a summary, submit. The draft lives in the session, so leaving to upload loses nothing.
 */
export function applyFeature() {
  const feature = new Composer<PatientContext>();
  const registered = feature.filter((ctx) => ctx.deps.accounts.find(ctx.from!.id) !== undefined);

  const begin = async (ctx: PatientContext) => {
    const patients = ctx.deps.patients.list(ctx.from!.id);
    if (patients.length === 0) return ctx.reply(ctx.t('profile-none'), { reply_markup: mainMenu(ctx) });
    if (patients.length > 1) return askProfile(ctx, patients);
    ctx.session.applyDraft = { patientId: patients[0]!.id };
    await askCenter(ctx, patients[0]!);
  };

  const entry = async (ctx: PatientContext) => {
    const current = currentDraft(ctx);
    if (current?.draft.centerCode) return offerResume(ctx, current.draft, current.patient);
    delete ctx.session.applyDraft;
    await begin(ctx);
  };
  registered.command('apply', entry);
  registered.filter(hears('menu-apply'), entry);

  registered.callbackQuery(resumeData.filter(), async (ctx) => {
    const { fresh } = resumeData.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    const current = currentDraft(ctx);
    if (fresh || !current) {
      delete ctx.session.applyDraft;
      return begin(ctx);
    }
    await resume(ctx, current.draft, current.patient);
  });

  registered.callbackQuery(profileData.filter(), async (ctx) => {
    const { patientId } = profileData.unpack(ctx.callbackQuery.data);
    const patient = ctx.deps.patients.get(ctx.from.id, patientId);
    if (!patient) return ctx.answerCallbackQuery({ text: ctx.t('profile-not-found'), show_alert: true });
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    ctx.session.applyDraft = { patientId: patient.id };
    await askCenter(ctx, patient);
  });

  registered.callbackQuery(centerData.filter(), async (ctx) => {
    const { center } = centerData.unpack(ctx.callbackQuery.data);
    const current = currentDraft(ctx);
    if (!current || !ctx.deps.catalog.centers.some((c) => c.code === center)) return stale(ctx);
    const { draft, patient } = current;
    await ctx.answerCallbackQuery();
    // Checked now, not at the end: nobody should type a diagnosis only to hear the center already has one.
    const open = openApplication(ctx, patient.id, center);
    if (open) {
      const locale = await ctx.i18n.getLocale();
      return ctx.reply(ctx.t('apply-open-exists', { id: open.id, ...nameArgs('name', patient.fullName), center: centerName(ctx.deps.catalog, center, locale) }));
    }
    await ctx.editMessageReplyMarkup();
    if (draft.centerCode !== center) delete draft.conditionCode;
    draft.centerCode = center;
    await resume(ctx, draft, patient);
  });

  registered.callbackQuery(conditionData.filter(), async (ctx) => {
    const { center, condition } = conditionData.unpack(ctx.callbackQuery.data);
    const current = currentDraft(ctx);
    const known = ctx.deps.catalog.centers.find((c) => c.code === center)?.conditions.some((c) => c.code === condition);
    if (!current || current.draft.centerCode !== center || !known) return stale(ctx);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    current.draft.conditionCode = condition;
    await resume(ctx, current.draft, current.patient);
  });

  // The diagnosis and the complaints, typed while the draft waits for them. Files go on to the documents feature.
  registered.on('message', async (ctx, next) => {
    const current = ctx.session.upload ? undefined : currentDraft(ctx);
    const awaiting = current?.draft.awaiting;
    const text = ctx.message.text;
    // The Done button of an upload already finished is not an answer either.
    if (!current || !awaiting || ctx.message.photo || ctx.message.document || text === ctx.t('docs-btn-done')) return next();
    const { draft, patient } = current;
    if (text === undefined) return ctx.reply(ctx.t(awaiting === 'diagnosis' ? 'apply-diagnosis-text-only' : 'apply-complaints-text-only'));
    // Telegram apps split a text over 4096 characters into several messages sent in the same second. After the first
    // part was refused as too long, the rest must not be taken for the answer: the person meant one long text.
    const continued = draft.refusedAt !== undefined && ctx.message.date - draft.refusedAt <= SPLIT_MESSAGE_SECONDS;
    delete draft.refusedAt;
    if (continued) {
      draft.refusedAt = ctx.message.date;
      return ctx.reply(ctx.t('apply-text-continued'));
    }
    const parsed = tryParse(() => (awaiting === 'diagnosis' ? validateDiagnosis(text) : validateComplaints(text)));
    if (!parsed.ok) {
      if (parsed.error.code.endsWith('_too_long')) draft.refusedAt = ctx.message.date;
      return ctx.reply(textError(ctx, parsed.error));
    }
    delete draft.awaiting;
    if (awaiting === 'diagnosis') {
      draft.diagnosis = parsed.value;
      if (!draft.complaints) return askComplaints(ctx, draft);
    } else {
      draft.complaints = parsed.value;
    }
    await resume(ctx, draft, patient);
  });

  registered.callbackQuery(uploadData.filter(), async (ctx) => {
    const { kind } = uploadData.unpack(ctx.callbackQuery.data);
    const current = currentDraft(ctx);
    const { centerCode, conditionCode } = current?.draft ?? {};
    const wanted = tryParse(() => (centerCode && conditionCode ? documentsFor(ctx.deps.catalog, centerCode, conditionCode) : []));
    if (!current || !wanted.ok || !wanted.value.some((d) => d.kind === kind)) return stale(ctx);
    await ctx.answerCallbackQuery();
    await startUpload(ctx, current.patient, kind, { to: 'apply' });
  });

  // Done after an upload started from the checklist: the checklist, with what just arrived ticked.
  registered.filter(hears('docs-btn-done')).filter(
    (ctx) => ctx.session.upload?.returnTo?.to === 'apply',
    async (ctx) => {
      const finished = await finishUpload(ctx);
      if (!finished) return;
      const current = currentDraft(ctx);
      // The checklist comes down under the summary, where the next step is read; its earlier copy goes.
      if (current) await resume(ctx, current.draft, current.patient, { place: 'down' });
    },
  );

  registered.callbackQuery(actionData.filter(), async (ctx) => {
    const { action } = actionData.unpack(ctx.callbackQuery.data);
    const current = currentDraft(ctx);
    if (!current) return stale(ctx);
    const { draft, patient } = current;
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    switch (action) {
      case 'centers':
        delete draft.centerCode;
        delete draft.conditionCode;
        return resume(ctx, draft, patient);
      case 'review':
        if (!draft.conditionCode || !draft.diagnosis || !draft.complaints) return resume(ctx, draft, patient);
        return submitOrExplain(ctx, { review: true });
      case 'send':
        return submitOrExplain(ctx, { review: false });
      case 'edit':
        delete draft.diagnosis;
        delete draft.complaints;
        return askDiagnosis(ctx, draft);
      case 'drop':
        return dropped(ctx);
    }
  });

  return feature;
}

/**
 * review: the summary if every required document is there; send: submits. Either way a missing document (one may
 * have been deleted since the checklist was shown) is explained with the checklist again, never sent without.
 */
async function submitOrExplain(ctx: PatientContext, opts: { review: boolean }) {
  const { draft, patient } = currentDraft(ctx)!;
  if (!draft.centerCode || !draft.conditionCode || !draft.diagnosis || !draft.complaints) return resume(ctx, draft, patient);
  const items = tryParse(() => ctx.deps.applications.checklist(patient.id, draft.centerCode!, draft.conditionCode!));
  // A catalog without this center or condition any more: the checklist says so and asks for the center again.
  if (!items.ok) return showChecklist(ctx, draft, patient);
  if (items.value.some((i) => i.need === 'required' && !i.present)) {
    await ctx.reply(ctx.t('apply-send-blocked'));
    return showChecklist(ctx, draft, patient);
  }
  if (opts.review) return showSummary(ctx, draft, patient);
  const result = tryParse(() =>
    ctx.deps.applications.submit({
      patientId: patient.id,
      centerCode: draft.centerCode!,
      conditionCode: draft.conditionCode!,
      diagnosis: draft.diagnosis!,
      complaints: draft.complaints!,
      actorAccountId: ctx.from!.id,
    }),
  );
  const locale = await ctx.i18n.getLocale();
  const center = centerName(ctx.deps.catalog, draft.centerCode, locale);
  if (result.ok) {
    delete ctx.session.applyDraft;
    return ctx.reply(ctx.t('apply-sent', { id: result.value.id, center, name: patient.fullName }), { reply_markup: mainMenu(ctx) });
  }
  switch (result.error.code) {
    case 'documents_missing':
      await ctx.reply(ctx.t('apply-send-blocked'));
      return showChecklist(ctx, draft, patient);
    case 'application_open_exists': {
      delete ctx.session.applyDraft;
      const open = openApplication(ctx, patient.id, draft.centerCode);
      return ctx.reply(ctx.t('apply-open-exists', { id: open?.id ?? '—', ...nameArgs('name', patient.fullName), center }), { reply_markup: mainMenu(ctx) });
    }
    case 'diagnosis_empty':
    case 'diagnosis_too_long':
    case 'complaints_empty':
    case 'complaints_too_long':
      await ctx.reply(textError(ctx, result.error));
      delete draft.diagnosis;
      delete draft.complaints;
      return askDiagnosis(ctx, draft);
    case 'unknown_center':
    case 'unknown_condition':
      return showChecklist(ctx, draft, patient);
    default:
      throw result.error;
  }
}
