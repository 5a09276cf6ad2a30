import type { Message } from 'grammy/types';
import { MAX_FILE_BYTES } from '../../../core/documents/service.js';
import { DomainError } from '../../../core/errors.js';
import { domainErrorText, tryParse } from '../../shared/domain-error-text.js';
import { downloadTelegramFile } from '../../shared/download.js';
import { formatDay } from '../../shared/format.js';
import type { PatientContext, PendingFile, UploadState } from '../context.js';
import { currentDraft, showChecklist } from '../apply/steps.js';
import { showReferralChecklist } from '../referral/checklist.js';
import { kindLabel } from './keyboards.js';

// Messages about a single file's failure; the rest of an album still goes through.
const fileErrors = new Set([
  'file_too_big',
  'unsupported_type',
  'heic',
  'image_too_large',
  'image_broken',
  'pdf_encrypted',
  'pdf_broken',
  'empty_file',
  'download_failed',
  'busy',
  'unknown_kind',
]);

/** The file a message carries, whether sent, forwarded or part of an album; the largest size of a photo. */
export function fileOf(msg: Message): PendingFile | undefined {
  const base = msg.media_group_id ? { mediaGroupId: msg.media_group_id } : {};
  if (msg.photo?.length) {
    const p = msg.photo[msg.photo.length - 1]!;
    return { ...base, fileId: p.file_id, fileUniqueId: p.file_unique_id, fileSize: p.file_size };
  }
  if (msg.document) {
    const d = msg.document;
    return { ...base, fileId: d.file_id, fileUniqueId: d.file_unique_id, fileSize: d.file_size, fileName: d.file_name };
  }
  return undefined;
}

function errorText(ctx: PatientContext, err: DomainError): string {
  return fileErrors.has(err.code) ? ctx.t(`docs-${err.code.replaceAll('_', '-')}`, err.details) : domainErrorText(ctx, err);
}

/** Downloads, checks and stores one file for the upload in progress; tells the person what happened to it. */
export async function saveFile(ctx: PatientContext, upload: UploadState, file: PendingFile): Promise<void> {
  const { documents } = ctx.deps;
  const locale = await ctx.i18n.getLocale();
  const kind = kindLabel(ctx.deps.catalog, upload.kind, locale);
  const tz = ctx.deps.patients.get(ctx.from!.id, upload.patientId)?.timeZone ?? 'Europe/Moscow';

  const known = documents.findByTelegramFileUniqueId(upload.patientId, file.fileUniqueId);
  if (known) {
    await ctx.reply(ctx.t('docs-duplicate', { date: formatDay(known.createdAt, tz), kind: kindLabel(ctx.deps.catalog, known.kind, locale) }));
    return;
  }
  try {
    if ((file.fileSize ?? 0) > MAX_FILE_BYTES) throw new DomainError('file_too_big');
    ctx.chatAction = 'upload_document';
    const bytes = await downloadTelegramFile(ctx.api, { apiRoot: ctx.deps.apiRoot, token: ctx.deps.token, maxBytes: MAX_FILE_BYTES }, file.fileId);
    const result = await documents.ingest({
      patientId: upload.patientId,
      kind: upload.kind,
      bytes,
      originalName: file.fileName,
      telegramFileUniqueId: file.fileUniqueId,
      actorAccountId: ctx.from!.id,
    });
    if (result.status === 'duplicate') {
      const d = result.document;
      await ctx.reply(ctx.t('docs-duplicate', { date: formatDay(d.createdAt, tz), kind: kindLabel(ctx.deps.catalog, d.kind, locale) }));
      return;
    }
    upload.saved += 1;
    await reportSaved(ctx, upload, file, kind, result.document.pageCount);
    await handBackToDoctor(ctx, upload.patientId);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    ctx.deps.logger.info({ code: err.code, patientId: upload.patientId }, 'document refused');
    await ctx.reply(errorText(ctx, err));
  } finally {
    ctx.chatAction = null;
  }
}

/** An application waiting for documents goes back to its doctor once everything requested is here. */
async function handBackToDoctor(ctx: PatientContext, patientId: number): Promise<void> {
  // A doctor may have closed it in the same instant (application_changed): then there is nothing to hand back.
  const moved = tryParse(() => ctx.deps.applications.documentsUploaded(patientId));
  for (const app of moved.ok ? moved.value : []) await ctx.reply(ctx.t('app-docs-back-to-doctor', { id: app.id }));
}

/**
 * An upload opened from a checklist (apply, referral) is acknowledged by that checklist: moved down below the first
 * file (its copy above deleted, so no stale buttons stay), with the kind ticked and a count of the files, then edited
 * as more arrive (an album's files come as separate updates, one after another per chat: the count ends right).
 * True when a checklist took the acknowledgement.
 */
async function reportOnChecklist(ctx: PatientContext, upload: UploadState, kind: string): Promise<boolean> {
  const uploading = { kind, count: upload.saved };
  const place = upload.saved > 1 ? 'edit' : 'down';
  if (upload.returnTo?.to === 'apply') {
    const current = currentDraft(ctx);
    if (!current?.draft.conditionCode) return false;
    await showChecklist(ctx, current.draft, current.patient, { place, uploading });
    return true;
  }
  if (upload.returnTo?.to === 'referral') {
    await showReferralChecklist(ctx, upload.returnTo.referralId, { place, uploading });
    return true;
  }
  return false;
}

/** One progress message per album, edited as its files arrive, instead of a reply per photo. */
async function reportSaved(ctx: PatientContext, upload: UploadState, file: PendingFile, kind: string, pages: number) {
  if (await reportOnChecklist(ctx, upload, kind)) return;
  if (!file.mediaGroupId) {
    await ctx.reply(ctx.t('docs-saved', { kind, pages }));
    return;
  }
  const album = upload.album;
  if (album && album.mediaGroupId === file.mediaGroupId) {
    album.saved += 1;
    await ctx.api.editMessageText(ctx.chat!.id, album.messageId, ctx.t('docs-album-progress', { count: album.saved }));
    return;
  }
  const sent = await ctx.reply(ctx.t('docs-album-progress', { count: 1 }));
  upload.album = { mediaGroupId: file.mediaGroupId, messageId: sent.message_id, saved: 1 };
}
