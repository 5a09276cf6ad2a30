import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of each page as a PDF reader extracts it (pdf.js, Firefox's engine), one string per page with a
 * line break where pdf.js sees one. Proves the words are text, in the document's fonts, not shapes.
 */
export async function pdfPageTexts(pdf: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

export interface PlacedText {
  page: number;
  text: string;
  x: number;
  width: number;
  pageWidth: number;
}

/** Every run of text with where it sits, to check margins. */
export async function pdfTextRuns(pdf: Uint8Array): Promise<PlacedText[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const runs: PlacedText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , pageWidth] = page.view as [number, number, number, number];
      for (const item of (await page.getTextContent()).items) {
        if ('str' in item && item.str.trim()) runs.push({ page: n, text: item.str, x: item.transform[4] as number, width: item.width, pageWidth });
      }
    }
    return runs;
  } finally {
    await doc.destroy();
  }
}
