import { create as openFont } from 'fontkit';
import { PDFDict, PDFDocument, PDFName, decodePDFRawStream, type PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderConclusionPdf, type ConclusionPdfInput } from '../../../core/conclusions/pdf.js';
import { pdfPageTexts, pdfTextRuns } from '../../support/pdf-text.js';

const CODE = 'K7QW-3MXP-9HTD';
const BAKULEV = {
  name: 'ФГБУ «НМИЦ сердечно-сосудистой хирургии имени А.Н. Бакулева» Минздрава России',
  shortName: 'НМИЦ ССХ им. А.Н. Бакулева',
};

function input(overrides: Partial<ConclusionPdfInput> = {}): ConclusionPdfInput {
  return {
    locale: 'ru',
    center: BAKULEV,
    doctorName: 'Петров Сергей Александрович',
    patient: { fullName: 'Иванова Мария Петровна', birthDate: '1970-03-05' },
    consultationAt: Date.UTC(2025, 2, 14, 10, 30),
    timeZone: 'Asia/Yekaterinburg',
    text: 'Гипертоническая болезнь II стадии, контролируемая. Ёмкость терапии достаточна.',
    outcome: 'Заключение специалиста (дистанционное наблюдение)',
    recommendations: 'Контроль АД дважды в день; лозартан 50 мг ± коррекция.',
    verificationCode: CODE,
    verifyUrl: `https://oblako.example.org/verify/${CODE}`,
    issuedAt: Date.UTC(2025, 2, 14, 11, 0),
    ...overrides,
  };
}

/** Whitespace-insensitive view of extracted text: line wrapping moves spaces, never letters. */
const squash = (s: string) => s.replace(/\s+/g, '');

describe('conclusion PDF', () => {
  it('holds the Cyrillic name, the fields and the verification code as real text', async () => {
    const pdf = await renderConclusionPdf(input());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const [page] = await pdfPageTexts(pdf);
    expect(page).toContain('Иванова Мария Петровна');
    expect(page).toContain('05.03.1970');
    expect(page).toContain('Петров Сергей Александрович');
    expect(page).toContain('Заключение специалиста');
    expect(squash(page!)).toContain(squash(BAKULEV.name));
    // The patient's own clock: 10:30 UTC is 15:30 in Yekaterinburg.
    expect(page).toContain('14.03.2025, 15:30 по екатеринбургскому времени (МСК+2)');
    expect(page).toContain('Заключение специалиста (дистанционное наблюдение)');
    expect(page).toContain('Ёмкость терапии достаточна.');
    expect(page).toContain('Рекомендации');
    expect(page).toContain('лозартан 50 мг ± коррекция.');
    expect(page).toContain(`Код проверки: ${CODE}`);
    expect(page).toContain(`https://oblako.example.org/verify/${CODE}`);
    expect(page).toContain('Стр. 1 из 1');
  });

  it('5000 characters paginate cleanly: every word once, in order, and the code and page number on every page', async () => {
    const words = Array.from({ length: 500 }, (_, i) => `слово${String(i).padStart(4, '0')}`);
    const text = words.join(' ').padEnd(5000, ' конец').slice(0, 5000);
    expect(text).toHaveLength(5000);
    const pages = await pdfPageTexts(await renderConclusionPdf(input({ text })));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain(`Код проверки: ${CODE}`);
      expect(page).toContain(`/verify/${CODE}`);
      expect(page).toContain(`Стр. ${i + 1} из ${pages.length}`);
    });
    const all = pages.join('\n');
    const found = [...all.matchAll(/слово(\d{4})/g)].map((m) => Number(m[1]));
    expect(found).toEqual(words.map((_, i) => i));
    // Pages after the first say whose document they continue.
    expect(pages[1]).toContain('НМИЦ ССХ им. А.Н. Бакулева · Заключение специалиста (продолжение)');
  });

  it('keeps every line inside the margins: long words and URLs are broken, not cut off', async () => {
    const long = 'Оченьдлинноесловобезпробелов'.repeat(12);
    const url = `https://example.org/${'segment/'.repeat(30)}end`;
    const pdf = await renderConclusionPdf(
      input({ text: `${long}\n${url}\nсердечно-сосудисто-хирургическо-перинатально-гинекологическо-кардиологическо-составное` }),
    );
    const runs = await pdfTextRuns(pdf);
    const rightEdge = runs[0]!.pageWidth - (15 * 72) / 25.4;
    for (const run of runs) expect(run.x + run.width, run.text).toBeLessThanOrEqual(rightEdge + 0.5);
    const text = (await pdfPageTexts(pdf)).join('');
    expect(squash(text)).toContain(long);
    expect(squash(text)).toContain(url);
  });

  it('embeds subset fonts whose every glyph can be drawn', async () => {
    // @pdf-lib/fontkit wrote subsets of this font whose glyphs viewers could not draw; text extraction did not notice.
    const alphabet = 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 №±°≤≥×µ«»—–…₽%';
    const pdf = await renderConclusionPdf(input({ text: alphabet, recommendations: 'Жирный шрифт — только в заголовках.' }));
    const doc = await PDFDocument.load(pdf);
    const fonts: { name: string; glyphs: number; undrawable: number[]; blank: number }[] = [];
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      if (!(obj instanceof PDFDict) || !obj.get(PDFName.of('FontFile2'))) continue;
      const stream = doc.context.lookup(obj.get(PDFName.of('FontFile2'))) as PDFRawStream;
      const data = Buffer.from(decodePDFRawStream(stream).decode());
      const font = openFont(data);
      if (!('getGlyph' in font)) throw new Error('embedded font is a collection');
      const undrawable: number[] = [];
      let blank = 0;
      for (let gid = 1; gid < font.numGlyphs; gid++) {
        try {
          if (font.getGlyph(gid).path.commands.length === 0) blank++;
        } catch {
          undrawable.push(gid);
        }
      }
      fonts.push({ name: String(obj.get(PDFName.of('FontName'))), glyphs: font.numGlyphs, undrawable, blank });
    }
    expect(fonts.map((f) => f.name.replace(/-\d+$/, '')).sort()).toEqual(['/PTSans-Bold', '/PTSans-Regular']);
    for (const font of fonts) {
      expect(font.undrawable, font.name).toEqual([]);
      // Only the space has no outline.
      expect(font.blank, font.name).toBeLessThanOrEqual(1);
    }
    const regular = fonts.find((f) => f.name.includes('Regular'))!;
    // A subset, not the 700+ glyphs of the whole font.
    expect(regular.glyphs).toBeGreaterThan(100);
    expect(regular.glyphs).toBeLessThan(250);
    expect(pdf.length).toBeLessThan(120_000);
  });

  it('spells out or replaces characters the font lacks instead of drawing empty boxes', async () => {
    const [page] = await pdfPageTexts(await renderConclusionPdf(input({ text: 'Давление ↑ → контроль 😀\u200b.\tГотово' })));
    expect(page).toContain('Давление ^ -> контроль ?.');
    expect(page).toContain('Готово');
  });

  it('speaks English when the patient does, and leaves out empty recommendations', async () => {
    const [page] = await pdfPageTexts(
      await renderConclusionPdf(input({ locale: 'en', center: { name: 'Bakulev Center', shortName: 'Bakulev' }, outcome: 'Remote follow-up', recommendations: '  ' })),
    );
    expect(page).toContain("Specialist's conclusion");
    expect(page).toContain('Date of birth');
    expect(page).toContain('Remote follow-up');
    expect(page).toContain(`Verification code: ${CODE}`);
    expect(page).toContain('Page 1 of 1');
    expect(page).not.toContain('Recommendations');
  });

  it('names the document in its metadata without the patient', async () => {
    const doc = await PDFDocument.load(await renderConclusionPdf(input()), { updateMetadata: false });
    expect(doc.getTitle()).toBe(`Заключение специалиста ${CODE}`);
    expect(doc.getCreator()).toBe('Облако здоровья');
    expect(doc.getProducer()).toBe('Облако здоровья');
    expect(doc.getAuthor()).toBeUndefined();
    expect(doc.getSubject()).toBeUndefined();
    expect(doc.getKeywords()).toBeUndefined();
    expect(doc.getCreationDate()?.getTime()).toBe(Date.UTC(2025, 2, 14, 11, 0));
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
  });
});
