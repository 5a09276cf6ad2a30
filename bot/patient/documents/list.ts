import { Composer, InlineKeyboard, InputFile } from 'grammy';
import type { DocumentSummary } from '../../../core/documents/repository.js';
import { formatDay } from '../../shared/format.js';
import type { PatientContext } from '../context.js';
import { deleteData, listData, sendData } from './callback-data.js';
import { kindLabel } from './keyboards.js';
import { nameArgs } from '../../../core/patients/declension.js';

const PAGE_SIZE = 8;

const extensionOf: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };

/**
 * grammY writes the multipart file name unescaped and Telegram cuts it at ';' and decodes '%xx':
 * keep names to characters that arrive as sent.
 */
function safeFileName(name: string): string {
  return name.replace(/[;"%\\/\r\n\t]+/g, '_').slice(0, 120);
}

// Long names are cut in the middle, keeping the extension: the start and the type are what tell files apart.
const NAME_MAX = 40;

function shortName(name: string): string {
  if (name.length <= NAME_MAX) return name;
  const ext = /\.[^.]{1,5}$/.exec(name)?.[0] ?? '';
  return `${name.slice(0, NAME_MAX - ext.length - 1)}…${ext}`;
}

/** One line of the list: kind, the file's own name (a photo has none: «фото»), pages of a PDF, the day it came. */
function listLine(ctx: PatientContext, d: DocumentSummary, n: number, kind: string, timeZone: string): string {
  const file = d.originalName ? shortName(d.originalName) : ctx.tText(d.mime === 'application/pdf' ? 'docs-list-pdf' : 'docs-list-photo');
  const args = { n, kind, file, date: formatDay(d.createdAt, timeZone) };
  return d.mime === 'application/pdf' ? ctx.t('docs-list-line-pages', { ...args, pages: d.pageCount }) : ctx.t('docs-list-line', args);
}

/** The list of a profile's documents, page by page, with buttons to get one back or delete it. */
export function documentListFeature() {
  const feature = new Composer<PatientContext>();

  feature.callbackQuery(listData.filter(), async (ctx) => {
    const { patientId, page } = listData.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    const patient = ctx.deps.patients.get(ctx.from.id, patientId);
    if (!patient) return ctx.reply(ctx.t('profile-not-found'));
    const docs = ctx.deps.documents.list(patientId);
    if (docs.length === 0) return ctx.reply(ctx.t('docs-list-empty', nameArgs('name', patient.fullName)));
    const pages = Math.ceil(docs.length / PAGE_SIZE);
    const current = Math.min(Math.max(1, page), pages);
    const locale = await ctx.i18n.getLocale();
    const shown = docs.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
    const lines = shown.map((d, i) =>
      listLine(ctx, d, (current - 1) * PAGE_SIZE + i + 1, kindLabel(ctx.deps.catalog, d.kind, locale), patient.timeZone),
    );
    const keyboard = new InlineKeyboard();
    shown.forEach((d, i) => {
      const n = (current - 1) * PAGE_SIZE + i + 1;
      keyboard
        .text(ctx.t('docs-btn-send', { n }), sendData.pack({ patientId, documentId: d.id }))
        .text(ctx.t('docs-btn-delete', { n }), deleteData.pack({ patientId, documentId: d.id, confirm: false }))
        .row();
    });
    if (current > 1) keyboard.text(ctx.t('docs-btn-prev'), listData.pack({ patientId, page: current - 1 }));
    if (current < pages) keyboard.text(ctx.t('docs-btn-next'), listData.pack({ patientId, page: current + 1 }));
    const text = [ctx.t('docs-list-header', { ...nameArgs('name', patient.fullName), page: current, pages }), ...lines].join('\n');
    await ctx.reply(text, { reply_markup: keyboard });
  });

  feature.callbackQuery(sendData.filter(), async (ctx) => {
    const { patientId, documentId } = sendData.unpack(ctx.callbackQuery.data);
    // Ownership of the profile, then of the document by that profile: both checked before any byte is read.
    const patient = ctx.deps.patients.get(ctx.from.id, patientId);
    const doc = patient && ctx.deps.documents.get(patientId, documentId);
    if (!patient || !doc) return ctx.answerCallbackQuery({ text: ctx.t('docs-not-found'), show_alert: true });
    await ctx.answerCallbackQuery();
    ctx.chatAction = 'upload_document';
    const locale = await ctx.i18n.getLocale();
    const day = formatDay(doc.createdAt, patient.timeZone);
    // Images were re-encoded, so the extension follows what is stored, not what was uploaded.
    const base = doc.originalName?.replace(/\.[^.]{1,5}$/, '') || `${kindLabel(ctx.deps.catalog, doc.kind, locale)} ${day}`;
    const name = `${base}.${extensionOf[doc.mime] ?? 'bin'}`;
    const bytes = await ctx.deps.documents.read(doc);
    await ctx.replyWithDocument(new InputFile(bytes, safeFileName(name)), {
      caption: `${kindLabel(ctx.deps.catalog, doc.kind, locale)} — ${day}`,
    });
  });

  feature.callbackQuery(deleteData.filter(), async (ctx) => {
    const { patientId, documentId, confirm } = deleteData.unpack(ctx.callbackQuery.data);
    const patient = ctx.deps.patients.get(ctx.from.id, patientId);
    const doc = patient && ctx.deps.documents.get(patientId, documentId);
    if (!patient || !doc) return ctx.answerCallbackQuery({ text: ctx.t('docs-not-found'), show_alert: true });
    await ctx.answerCallbackQuery();
    const locale = await ctx.i18n.getLocale();
    if (!confirm) {
      const keyboard = new InlineKeyboard()
        .text(ctx.t('btn-yes'), deleteData.pack({ patientId, documentId, confirm: true }))
        .text(ctx.t('btn-no'), listData.pack({ patientId, page: 1 }));
      const kind = kindLabel(ctx.deps.catalog, doc.kind, locale);
      return ctx.reply(ctx.t('docs-delete-confirm', { kind, date: formatDay(doc.createdAt, patient.timeZone) }), {
        reply_markup: keyboard,
      });
    }
    await ctx.editMessageReplyMarkup();
    await ctx.deps.documents.remove(patientId, documentId, { type: 'account', id: ctx.from.id });
    await ctx.reply(ctx.t('docs-deleted'));
  });

  return feature;
}
