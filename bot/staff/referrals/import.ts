import { Composer, InputFile } from 'grammy';
import type { Document } from 'grammy/types';
import { DomainError } from '../../../core/errors.js';
import { buildErrorWorkbook, REFERRAL_FILE_LIMITS, type ReferralFileErrorCode } from '../../../core/referrals/import/index.js';
import { downloadTelegramFile } from '../../shared/download.js';
import { html } from '../../shared/html.js';
import type { StaffContext } from '../context.js';

const MAX_MB = REFERRAL_FILE_LIMITS.maxBytes / 1024 / 1024;

const FILE_ERROR_KEYS: Record<ReferralFileErrorCode | 'file_too_big' | 'download_failed', string> = {
  referral_file_empty: 'refimport-err-empty',
  referral_file_too_big: 'refimport-err-too-big',
  file_too_big: 'refimport-err-too-big',
  referral_file_too_many_rows: 'refimport-err-too-many-rows',
  referral_file_not_table: 'refimport-err-not-table',
  referral_file_old_excel: 'refimport-err-old-excel',
  referral_file_opendocument: 'refimport-err-opendocument',
  referral_file_unreadable: 'refimport-err-unreadable',
  referral_file_no_header: 'refimport-err-no-header',
  referral_file_missing_columns: 'refimport-err-missing-columns',
  referral_file_no_rows: 'refimport-err-no-rows',
  download_failed: 'refimport-err-download',
};

// What a table looks like before its bytes are read: only to tell a doctor's stray PDF from a table they cannot load.
const TABLE_NAME = /\.(xlsx|xlsm|xls|csv|ods|txt)$/i;
const TABLE_MIME = /spreadsheet|excel|csv|comma-separated/i;
const looksLikeTable = (doc: Document) => TABLE_NAME.test(doc.file_name ?? '') || TABLE_MIME.test(doc.mime_type ?? '');

const canImport = (ctx: StaffContext) => ctx.staff?.role === 'manager' || ctx.staff?.role === 'admin';

function errorText(ctx: StaffContext, err: DomainError): string | undefined {
  const key = FILE_ERROR_KEYS[err.code as keyof typeof FILE_ERROR_KEYS];
  if (!key) return undefined;
  return ctx.t(key, { maxMb: MAX_MB, max: REFERRAL_FILE_LIMITS.maxRows, columns: String(err.details.columns ?? '') });
}

const baseName = (name: string) => name.replace(/\.[^.]*$/, '') || 'table';

/** A manager's table: downloaded, imported, answered with the counts and, when rows were rejected, the error XLSX. */
async function importTable(ctx: StaffContext, doc: Document): Promise<void> {
  const fileName = doc.file_name ?? 'table';
  let result;
  // A large table takes a few seconds: the manager sees the bot working meanwhile.
  ctx.chatAction = 'typing';
  try {
    // Refused before downloading: Telegram states the size, and nothing bigger is read.
    if ((doc.file_size ?? 0) > REFERRAL_FILE_LIMITS.maxBytes) throw new DomainError('referral_file_too_big');
    const bytes = await downloadTelegramFile(ctx.api, { apiRoot: ctx.deps.apiRoot, token: ctx.deps.staffToken, maxBytes: REFERRAL_FILE_LIMITS.maxBytes }, doc.file_id);
    result = await ctx.deps.referralImport.importFile({ bytes, fileName, actor: { type: 'staff', id: ctx.staff!.id }, locale: ctx.staff!.locale === 'en' ? 'en' : 'ru' });
  } catch (err) {
    const text = err instanceof DomainError ? errorText(ctx, err) : undefined;
    if (text === undefined) throw err;
    await ctx.reply(ctx.t('refimport-refused', { file: fileName, reason: html(text) }));
    return;
  }
  const rejected = result.rejected.length;
  await ctx.reply(ctx.t('refimport-done', { file: fileName, imported: result.imported, known: result.known, rejected }));
  // Without a provider the invites only reach the service's log: the manager must not believe patients were texted.
  if (result.imported > 0 && ctx.deps.smsGateway.name === 'log') await ctx.reply(ctx.t('refimport-sms-not-configured'));
  if (rejected > 0) {
    ctx.chatAction = 'upload_document';
    const workbook = await buildErrorWorkbook(result.columns, result.rejected);
    // The rows hold patients' names, phones and diagnoses: the file stays in this chat (no forwarding, no saving).
    await ctx.replyWithDocument(new InputFile(workbook, `${baseName(fileName)}-ошибки.xlsx`), { caption: ctx.t('refimport-errors-caption', { rejected }), protect_content: true });
  }
}

/**
 * Referral tables sent to the staff bot as a file. Managers and admins load them; anyone else who sends a table is told
 * that only managers can, and other files go on to the next feature.
 */
export function referralImportFeature() {
  const feature = new Composer<StaffContext>();
  feature.on('message:document', async (ctx, next) => {
    const doc = ctx.message.document;
    if (canImport(ctx)) return importTable(ctx, doc);
    if (!looksLikeTable(doc)) return next();
    await ctx.reply(ctx.t('refimport-managers-only'));
  });
  return feature;
}
