import { InputFile, InputMediaBuilder } from 'grammy';
import type { Application } from '../../../core/applications/repository.js';
import type { PatientDocument } from '../../../core/documents/index.js';
import type { StaffMember } from '../../../core/staff/repository.js';
import { formatDay } from '../../shared/format.js';
import type { StaffContext } from '../context.js';
import { kindLabel } from './labels.js';

// Telegram's limits for a photo: 10 MB, width + height ≤ 10000, sides no more than 20 to 1. Anything else
// (a long ECG strip, a big PNG scan) goes as a file, which Telegram also leaves uncompressed.
const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
const PHOTO_MAX_RATIO = 20;
const PHOTO_MIMES = new Set(['image/jpeg', 'image/png']);
const ALBUM_MAX = 10;

const extensionOf: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };

function fitsPhoto(doc: PatientDocument): boolean {
  if (!PHOTO_MIMES.has(doc.mime) || doc.bytes > PHOTO_MAX_BYTES || !doc.width || !doc.height) return false;
  const ratio = Math.max(doc.width, doc.height) / Math.min(doc.width, doc.height);
  return ratio <= PHOTO_MAX_RATIO && doc.width + doc.height <= 10_000;
}

/** n photos in albums of at most 10, sized evenly so that none is left alone (an album needs 2 to 10). */
function albums<T>(items: T[]): T[][] {
  const count = Math.ceil(items.length / ALBUM_MAX);
  const out: T[][] = [];
  let start = 0;
  for (let i = 0; i < count; i++) {
    const size = Math.ceil((items.length - start) / (count - i));
    out.push(items.slice(start, start + size));
    start += size;
  }
  return out;
}

/** Names Telegram will not cut (it stops at ';' and decodes '%xx' in multipart names); no patient data in them. */
function fileName(label: string, day: string, doc: PatientDocument): string {
  return `${label} ${day} #${doc.id}.${extensionOf[doc.mime] ?? 'bin'}`.replace(/[;"%\\/\r\n\t]+/g, '_');
}

/**
 * Sends the application's documents from our storage: photos as albums, PDFs (and images Telegram would refuse as
 * photos) as files, each with its kind and date in the doctor's zone. Core records every document read for sending.
 */
/**
 * A patient's medical documents shown to staff cannot be forwarded or saved from the chat (protect_content): they are
 * for triage inside the service, and a forward would take them out of its access control and audit log.
 */
const PROTECTED = { protect_content: true } as const;

export async function sendDocuments(ctx: StaffContext, member: StaffMember, app: Application, docs: PatientDocument[]): Promise<void> {
  const { triage, catalog } = ctx.deps;
  if (docs.length === 0) {
    await ctx.reply(ctx.t('triage-docs-none', { id: String(app.id) }));
    return;
  }
  await ctx.reply(ctx.t('triage-docs-header', { id: String(app.id), count: docs.length }));
  const locale = await ctx.i18n.getLocale();
  const describe = (doc: PatientDocument) => {
    const label = kindLabel(catalog, doc.kind, locale);
    const day = formatDay(doc.createdAt, member.timeZone);
    return { caption: ctx.t('triage-doc-caption', { kind: label, date: day, pages: doc.pageCount }), name: fileName(label, day, doc) };
  };
  const read = (doc: PatientDocument) => triage.readDocument(member, app.id, doc.id);

  const photos = docs.filter(fitsPhoto);
  const files = docs.filter((d) => !fitsPhoto(d));
  for (const album of albums(photos)) {
    ctx.chatAction = 'upload_photo';
    const media = [];
    for (const doc of album) {
      const { caption, name } = describe(doc);
      const bytes = await read(doc);
      media.push(InputMediaBuilder.photo(new InputFile(bytes, name), { caption }));
    }
    if (media.length === 1) await ctx.replyWithPhoto(media[0]!.media, { caption: media[0]!.caption!, ...PROTECTED });
    else await ctx.replyWithMediaGroup(media, PROTECTED);
  }
  for (const doc of files) {
    ctx.chatAction = 'upload_document';
    const { caption, name } = describe(doc);
    const bytes = await read(doc);
    await ctx.replyWithDocument(new InputFile(bytes, name), { caption, ...PROTECTED });
  }
}
