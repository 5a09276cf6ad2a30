import { fontkitForPdfLib } from './fontkit-adapter.js';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { loadFontFiles } from './fonts.js';
import { formatDate, formatDateTime, formatDay } from './format.js';
import { CONCLUSION_LABELS, PDF_CREATOR, type DocumentLocale } from './labels.js';
import { printable, wrapText } from './text-layout.js';

export interface ConclusionPdfInput {
  locale: DocumentLocale;
  center: { name: string; shortName: string };
  doctorName: string;
  /** birthDate is YYYY-MM-DD. */
  patient: { fullName: string; birthDate: string };
  consultationAt: number;
  /** The patient's IANA zone: the consultation time is printed as the patient lived it. */
  timeZone: string;
  text: string;
  /** The outcome's label in `locale`. */
  outcome: string;
  /** May be empty: the section is then left out. */
  recommendations: string;
  verificationCode: string;
  verifyUrl: string;
  /** When the conclusion was signed off; printed and used as the PDF's dates. Default: consultationAt. */
  issuedAt?: number;
}

const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
// Russian office-document margins (ГОСТ Р 7.0.97): wider on the left for binding.
const MARGIN = { top: 20 * MM, bottom: 15 * MM, left: 25 * MM, right: 15 * MM };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.38, 0.38, 0.38);
const RULE = rgb(0.72, 0.72, 0.72);

interface Style {
  font: PDFFont;
  size: number;
  lineHeight: number;
  color?: ReturnType<typeof rgb>;
}

/** An A4 PDF of a specialist's conclusion, with the fonts embedded (subset) and the verification code on every page. */
export async function renderConclusionPdf(input: ConclusionPdfInput): Promise<Buffer> {
  const labels = CONCLUSION_LABELS[input.locale];
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkitForPdfLib);
  const files = await loadFontFiles();
  const regular = await doc.embedFont(files.regular, { subset: true });
  const bold = await doc.embedFont(files.bold, { subset: true });
  // Bold and regular PT Sans cover the same characters; one check serves both.
  const charset = new Set(regular.getCharacterSet());
  const clean = (s: string) => printable(s, (cp) => charset.has(cp));

  const body: Style = { font: regular, size: 11, lineHeight: 15.5 };
  const footerStyle: Style = { font: regular, size: 8.5, lineHeight: 11, color: MUTED };
  const code = clean(input.verificationCode);
  const footerUrlLines = wrap(clean(`${labels.verifyAt}: ${input.verifyUrl}`), CONTENT_WIDTH, footerStyle);
  const footerHeight = (footerUrlLines.length + 1) * footerStyle.lineHeight + 8;
  const contentBottom = MARGIN.bottom + footerHeight + 14;

  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  let pageTop = 0;

  function newPage(): void {
    page = doc.addPage([PAGE.width, PAGE.height]);
    pages.push(page);
    y = PAGE.height - MARGIN.top;
    if (pages.length > 1) {
      const running = clean(`${input.center.shortName} · ${labels.continued}`);
      drawLines(wrap(running, CONTENT_WIDTH, footerStyle), footerStyle, MARGIN.left);
      y -= 4;
      rule(y);
      y -= 12;
    }
    pageTop = y;
  }

  function ensure(height: number): void {
    if (y - height < contentBottom) newPage();
  }

  function drawLines(lines: string[], style: Style, x: number, align: 'left' | 'center' = 'left', width = CONTENT_WIDTH): void {
    for (const line of lines) {
      ensure(style.lineHeight);
      // A paragraph break that falls at the top of a page would only push the text down.
      if (line === '' && y === pageTop) continue;
      const dx = align === 'center' ? (width - style.font.widthOfTextAtSize(line, style.size)) / 2 : 0;
      if (line) page.drawText(line, { x: x + dx, y: y - style.size, size: style.size, font: style.font, color: style.color ?? INK });
      y -= style.lineHeight;
    }
  }

  function rule(at: number, p: PDFPage = page): void {
    p.drawLine({ start: { x: MARGIN.left, y: at }, end: { x: PAGE.width - MARGIN.right, y: at }, thickness: 0.6, color: RULE });
  }

  function section(heading: string, text: string): void {
    const headingStyle: Style = { font: bold, size: 12, lineHeight: 18 };
    // Keep a heading with at least two lines of its text.
    ensure(headingStyle.lineHeight + 2 * body.lineHeight);
    y -= 6;
    drawLines([clean(heading)], headingStyle, MARGIN.left);
    drawLines(wrap(clean(text).trim().replace(/\n{3,}/g, '\n\n'), CONTENT_WIDTH, body), body, MARGIN.left);
  }

  newPage();
  drawLines(wrap(clean(input.center.name), CONTENT_WIDTH, { ...body, font: bold }), { ...body, font: bold }, MARGIN.left, 'center');
  y -= 6;
  rule(y);
  y -= 22;
  const title: Style = { font: bold, size: 16, lineHeight: 22 };
  drawLines(wrap(clean(labels.title), CONTENT_WIDTH, title), title, MARGIN.left, 'center');
  y -= 12;

  const fields: [string, string][] = [
    [labels.patient, input.patient.fullName],
    [labels.birthDate, formatDate(input.patient.birthDate)],
    [labels.doctor, input.doctorName],
    [labels.consultationTime, formatDateTime(input.consultationAt, input.timeZone, input.locale)],
    [labels.issued, formatDay(input.issuedAt ?? input.consultationAt, input.timeZone)],
    [labels.outcome, input.outcome],
  ];
  const labelStyle: Style = { ...body, size: 10, color: MUTED };
  const labelWidth = 150;
  for (const [label, value] of fields) {
    const labelLines = wrap(clean(label), labelWidth - 10, labelStyle);
    const valueLines = wrap(clean(value), CONTENT_WIDTH - labelWidth, body);
    const rows = Math.max(labelLines.length, valueLines.length);
    ensure(rows * body.lineHeight);
    const top = y;
    // The smaller label sits on the value's baseline.
    y = top - (body.size - labelStyle.size);
    drawLines(labelLines, { ...labelStyle, lineHeight: body.lineHeight }, MARGIN.left);
    y = top;
    drawLines(valueLines, body, MARGIN.left + labelWidth);
    y = top - rows * body.lineHeight - 3;
  }
  y -= 8;

  section(labels.conclusion, input.text);
  if (input.recommendations.trim()) {
    y -= 6;
    section(labels.recommendations, input.recommendations);
  }

  pages.forEach((p, i) => {
    let fy = MARGIN.bottom + footerHeight;
    rule(fy, p);
    fy -= 8;
    const draw = (text: string, x: number, font: PDFFont) =>
      p.drawText(text, { x, y: fy - footerStyle.size, size: footerStyle.size, font, color: footerStyle.color ?? INK });
    draw(`${clean(labels.verificationCode)}: ${code}`, MARGIN.left, bold);
    const pageLabel = labels.page(i + 1, pages.length);
    draw(pageLabel, PAGE.width - MARGIN.right - regular.widthOfTextAtSize(pageLabel, footerStyle.size), regular);
    for (const line of footerUrlLines) {
      fy -= footerStyle.lineHeight;
      draw(line, MARGIN.left, regular);
    }
  });

  const issued = new Date(input.issuedAt ?? input.consultationAt);
  // Metadata names the document only: no patient or doctor, which a file manager or search index would show.
  doc.setTitle(`${labels.title} ${code}`, { showInWindowTitleBar: true });
  doc.setCreator(PDF_CREATOR);
  doc.setProducer(PDF_CREATOR);
  doc.setLanguage(input.locale === 'ru' ? 'ru-RU' : 'en-GB');
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);
  const bytes = await doc.save();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function wrap(text: string, width: number, style: Style): string[] {
  return wrapText(text, width, (s) => style.font.widthOfTextAtSize(s, style.size));
}
