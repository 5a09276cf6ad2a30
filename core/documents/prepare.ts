import type { DetectedType } from './detect.js';
import { processImage } from './images.js';
import { inspectPdf, type PdfLimits } from './pdf.js';
import type { StorageExtension } from './storage.js';

/** What goes to storage for one upload, before it has keys or a row. */
export interface PreparedDocument {
  data: Buffer;
  ext: StorageExtension;
  mime: string;
  thumbnail: Buffer | null;
  pageCount: number;
  width: number | null;
  height: number | null;
}

export async function prepareDocument(bytes: Buffer, type: DetectedType, pdfLimits: PdfLimits): Promise<PreparedDocument> {
  if (type.kind === 'pdf') {
    const { pageCount } = await inspectPdf(bytes, pdfLimits);
    // Stored as uploaded: re-writing a PDF could drop a signature or change what the doctor sees.
    return { data: bytes, ext: 'pdf', mime: 'application/pdf', thumbnail: null, pageCount, width: null, height: null };
  }
  const image = await processImage(bytes, type.format);
  return {
    data: image.data,
    ext: image.mime === 'image/png' ? 'png' : 'jpg',
    mime: image.mime,
    thumbnail: image.thumbnail,
    pageCount: 1,
    width: image.width,
    height: image.height,
  };
}
