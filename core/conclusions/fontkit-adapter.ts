import { Readable } from 'node:stream';
import { create, type Font } from 'fontkit';
import type { PDFDocument } from 'pdf-lib';

type PdfLibFontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * pdf-lib's own fork, @pdf-lib/fontkit 1.1.1 (last released 2020), writes broken subsets of PT Sans: most
 * glyphs of a subset cannot be decoded and viewers draw nothing for them, while text extraction still
 * finds the words, so only looking at the page shows the fault. Upstream fontkit 2 subsets the same font
 * correctly. pdf-lib calls the fontkit 1 API, identical but for `subset.encodeStream()`, which fontkit 2
 * replaced with `subset.encode()`; this adapter provides it.
 */
export const fontkitForPdfLib: PdfLibFontkit = {
  create(bytes: Uint8Array, postscriptName?: string) {
    const font = create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), postscriptName);
    if (!('createSubset' in font)) throw new TypeError('A font collection cannot be embedded; pass one font');
    const createSubset = font.createSubset.bind(font);
    const adapted: Font = Object.assign(font, {
      createSubset: () => {
        const subset = createSubset();
        return Object.assign(subset, { encodeStream: () => Readable.from([subset.encode()]) });
      },
    });
    return adapted as unknown as ReturnType<PdfLibFontkit['create']>;
  },
};
