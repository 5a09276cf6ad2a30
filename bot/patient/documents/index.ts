import { hears } from '@grammyjs/i18n';
import { Composer } from 'grammy';
import type { Patient } from '../../../core/patients/repository.js';
import type { PatientContext, PendingFile, UploadReturn, UploadState } from '../context.js';
import { mainMenu } from '../menu.js';
import { addData, kindData, pickProfileData } from './callback-data.js';
import { documentsMenuKeyboard, doneKeyboard, kindKeyboard, kindLabel, profileKeyboard } from './keyboards.js';
import { documentListFeature } from './list.js';
import { fileOf, saveFile } from './upload.js';
import { nameArgs } from '../../../core/patients/declension.js';

// Files kept while the person picks a profile or a kind; more than this in one go is not a realistic upload.
const MAX_PENDING_FILES = 30;

async function showDocumentsMenu(ctx: PatientContext, patient: Patient) {
  const count = ctx.deps.documents.list(patient.id).length;
  await ctx.reply(ctx.t('docs-summary', { ...nameArgs('name', patient.fullName), count }), {
    reply_markup: documentsMenuKeyboard(ctx, patient.id),
  });
}

/** Opens an upload of one kind for a profile; `returnTo` says where Done leads (the features that started it handle that). */
export async function startUpload(ctx: PatientContext, patient: Patient, kind: string, returnTo?: UploadReturn) {
  const upload: UploadState = { patientId: patient.id, kind, saved: 0, ...(returnTo ? { returnTo } : {}) };
  ctx.session.upload = upload;
  const locale = await ctx.i18n.getLocale();
  await ctx.reply(ctx.t('docs-send-prompt', { kind: kindLabel(ctx.deps.catalog, kind, locale) }), {
    reply_markup: doneKeyboard(ctx),
  });
  // Files sent before the kind was known are not lost: they are processed now, in the order they came.
  const pending = ctx.session.pendingFiles ?? [];
  delete ctx.session.pendingFiles;
  for (const file of pending) await saveFile(ctx, upload, file);
}

/**
 * Closes the upload in progress and says how many were saved; every "Done" starts here, wherever the upload
 * leads back to. Returns the upload and its profile, or undefined (then the main menu was shown).
 */
export async function finishUpload(ctx: PatientContext): Promise<{ upload: UploadState; patient: Patient } | undefined> {
  const upload = ctx.session.upload;
  delete ctx.session.upload;
  const patient = upload && ctx.deps.patients.get(ctx.from!.id, upload.patientId);
  if (!upload || !patient) {
    await ctx.reply(ctx.t('menu-shown'), { reply_markup: mainMenu(ctx) });
    return undefined;
  }
  const total = ctx.deps.documents.list(patient.id).length;
  await ctx.reply(ctx.t('docs-done-summary', { saved: upload.saved, ...nameArgs('name', patient.fullName), total }), { reply_markup: mainMenu(ctx) });
  return { upload, patient };
}

/** Documents: pick a profile and a kind, send photos/albums/PDFs, press Done; list, get back and delete them. */
export function documentsFeature() {
  const feature = new Composer<PatientContext>();
  const registered = feature.filter((ctx) => ctx.deps.accounts.find(ctx.from!.id) !== undefined);

  const entry = async (ctx: PatientContext) => {
    const patients = ctx.deps.patients.list(ctx.from!.id);
    if (patients.length === 0) return ctx.reply(ctx.t('profile-none'), { reply_markup: mainMenu(ctx) });
    if (patients.length === 1) return showDocumentsMenu(ctx, patients[0]!);
    await ctx.reply(ctx.t('pick-profile'), { reply_markup: profileKeyboard(patients, 'menu') });
  };
  registered.command('documents', entry);
  registered.filter(hears('menu-documents'), entry);

  registered.callbackQuery(pickProfileData.filter(), async (ctx) => {
    const { patientId, next } = pickProfileData.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    const patient = ctx.deps.patients.get(ctx.from.id, patientId);
    if (!patient) return ctx.reply(ctx.t('profile-not-found'));
    if (next === 'add') return ctx.reply(ctx.t('docs-kind-ask'), { reply_markup: await kindKeyboard(ctx, patient.id) });
    await showDocumentsMenu(ctx, patient);
  });

  registered.callbackQuery(addData.filter(), async (ctx) => {
    const { patientId } = addData.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    if (!ctx.deps.patients.get(ctx.from.id, patientId)) return ctx.reply(ctx.t('profile-not-found'));
    await ctx.reply(ctx.t('docs-kind-ask'), { reply_markup: await kindKeyboard(ctx, patientId) });
  });

  registered.callbackQuery(kindData.filter(), async (ctx) => {
    const { patientId, kind } = kindData.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    const patient = ctx.deps.patients.get(ctx.from.id, patientId);
    if (!patient) return ctx.reply(ctx.t('profile-not-found'));
    await startUpload(ctx, patient, kind);
  });

  registered.on(['message:photo', 'message:document'], async (ctx) => {
    const file = fileOf(ctx.message)!;
    const upload = ctx.session.upload;
    if (upload && ctx.deps.patients.get(ctx.from.id, upload.patientId)) {
      await saveFile(ctx, upload, file);
      return;
    }
    // A file with no upload in progress: keep it and ask where it belongs, once per batch.
    const pending: PendingFile[] = ctx.session.pendingFiles ?? [];
    const first = pending.length === 0;
    if (pending.length < MAX_PENDING_FILES) pending.push(file);
    ctx.session.pendingFiles = pending;
    if (!first) return;
    const patients = ctx.deps.patients.list(ctx.from.id);
    if (patients.length === 0) return ctx.reply(ctx.t('profile-none'), { reply_markup: mainMenu(ctx) });
    if (patients.length === 1) {
      return ctx.reply(ctx.t('docs-which-kind'), { reply_markup: await kindKeyboard(ctx, patients[0]!.id) });
    }
    await ctx.reply(ctx.t('pick-profile'), { reply_markup: profileKeyboard(patients, 'add') });
  });

  registered.filter(hears('docs-btn-done'), async (ctx) => {
    await finishUpload(ctx);
  });

  // Anything else while an upload is open: remind what is expected instead of a generic "not understood".
  registered.on('message', async (ctx, next) => {
    if (!ctx.session.upload || ctx.message.text?.startsWith('/')) return next();
    await ctx.reply(ctx.t('docs-not-a-file'), { reply_markup: doneKeyboard(ctx) });
  });

  registered.use(documentListFeature());
  return feature;
}
