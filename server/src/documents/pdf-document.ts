import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { printableText } from './printable-text.js';

/** Noto Sans SC (SIL OFL 1.1) cut to GB 2312 and common symbols by scripts/font-subset.mjs; src/ and dist/ both reach server/assets. */
export const CJK_FONT_PATH = fileURLToPath(new URL('../../assets/fonts/NotoSansSC-Regular-GB2312.ttf', import.meta.url));

const FONT = 'cjk';
const MARGIN = 50;
const INK = '#000000';
const GREY = '#555555';
export const PDF_SIZES = { title: 22, heading: 14, body: 12, small: 10 } as const;

let fontBytes: Buffer | null = null;
/** Read once per process: every document embeds its own subset of it. */
const cjkFont = () => (fontBytes ??= readFileSync(CJK_FONT_PATH));

export interface PdfMetadata {
  title: string;
  subject?: string;
  /** From the app's Clock, so the same document rendered twice is byte for byte the same. */
  createdAt: Date;
}

interface FontkitInternals {
  _font?: { font?: { hasGlyphForCodePoint?: (codePoint: number) => boolean } };
}

/** The glyph test of the font pdfkit loaded (fontkit's), so what is checked is what is embedded. */
function glyphTest(doc: PDFKit.PDFDocument): (codePoint: number) => boolean {
  const font = (doc as unknown as FontkitInternals)._font?.font;
  if (!font?.hasGlyphForCodePoint) throw new Error('pdfkit no longer exposes its fontkit font: update documents/pdf-document.ts');
  return (codePoint) => font.hasGlyphForCodePoint!(codePoint);
}

/**
 * The text helpers every printed document uses (stairwell notices, warranty and application
 * PDFs): A4, one CJK font, characters the font lacks printed as □. Each helper starts on a new
 * page when what it writes would not fit, so a heading never ends a page alone.
 */
export class PdfWriter {
  private readonly hasGlyph: (codePoint: number) => boolean;

  constructor(readonly doc: PDFKit.PDFDocument) {
    this.hasGlyph = glyphTest(doc);
  }

  get contentWidth(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  printable(text: string): string {
    return printableText(text, this.hasGlyph);
  }

  /** The document's title, centred. */
  title(text: string): this {
    return this.block(text, PDF_SIZES.title, { align: 'center', emphasis: true, after: 0.6 });
  }

  /** A centred line under the title (the place, the plan). */
  subtitle(text: string): this {
    return this.block(text, PDF_SIZES.heading, { align: 'center', after: 0.4 });
  }

  heading(text: string): this {
    // A heading keeps a couple of body lines with it on its page.
    this.ensureSpace(this.heightOf(text, PDF_SIZES.heading) + 3 * this.lineHeight(PDF_SIZES.body));
    return this.block(text, PDF_SIZES.heading, { emphasis: true, before: 0.3, after: 0.1 });
  }

  paragraph(text: string, options: { size?: number; color?: string; align?: 'left' | 'center' | 'right' } = {}): this {
    return this.block(text, options.size ?? PDF_SIZES.body, { align: options.align, color: options.color, after: 0.25 });
  }

  /** Small grey text (legal notes, issue details). */
  note(text: string): this {
    return this.paragraph(text, { size: PDF_SIZES.small, color: GREY });
  }

  /** `label：value` lines, the label emphasised, the value wrapping under itself. */
  fields(rows: Array<[label: string, value: string]>): this {
    for (const [label, value] of rows) this.hanging(`${label}：`, value, PDF_SIZES.body, 5.5);
    return this;
  }

  /** A numbered (1. 2. …) or bulleted list with hanging indents. */
  list(items: string[], options: { numbered?: boolean } = {}): this {
    items.forEach((item, index) => this.hanging(options.numbered ? `${index + 1}.` : '•', item, PDF_SIZES.body, 2));
    this.doc.moveDown(0.25);
    return this;
  }

  /** A framed line across the page, for what must not be overlooked (e.g. 「草稿，未发布」). */
  banner(text: string): this {
    const size = PDF_SIZES.heading;
    const x = this.doc.page.margins.left;
    const height = this.heightOf(text, size, this.contentWidth - 16) + 12;
    this.ensureSpace(height + 8);
    const y = this.doc.y;
    this.doc.save().lineWidth(1.5).strokeColor(INK).rect(x, y, this.contentWidth, height).stroke().restore();
    this.emphasised(size, () => this.doc.text(this.printable(text), x + 8, y + 6, { width: this.contentWidth - 16, align: 'center', stroke: true, fill: true }));
    this.doc.x = x;
    this.doc.y = y + height + 8;
    return this;
  }

  space(lines = 1): this {
    this.doc.moveDown(lines);
    return this;
  }

  private block(text: string, size: number, options: { align?: 'left' | 'center' | 'right'; emphasis?: boolean; color?: string; before?: number; after?: number }): this {
    if (options.before) this.doc.moveDown(options.before);
    this.ensureSpace(Math.min(this.heightOf(text, size), 2 * this.lineHeight(size)));
    const write = () => this.doc.text(this.printable(text), this.doc.page.margins.left, this.doc.y, { width: this.contentWidth, align: options.align ?? 'left', lineGap: size * 0.15, stroke: !!options.emphasis, fill: true });
    if (options.emphasis) this.emphasised(size, write);
    else {
      this.doc.font(FONT).fontSize(size).fillColor(options.color ?? INK);
      write();
    }
    if (options.after) this.doc.moveDown(options.after);
    return this;
  }

  /** `marker` in the margin of a text indented by `indentEm` characters, e.g. a list number or a field label. */
  private hanging(marker: string, text: string, size: number, indentEm: number) {
    const left = this.doc.page.margins.left;
    const indent = indentEm * size;
    const width = this.contentWidth - indent;
    this.ensureSpace(Math.min(this.heightOf(text, size, width), 2 * this.lineHeight(size)));
    const y = this.doc.y;
    this.emphasised(size, () => this.doc.text(this.printable(marker), left, y, { width: indent, lineBreak: false, stroke: true, fill: true }));
    this.doc.text(this.printable(text), left + indent, y, { width, lineGap: size * 0.15, stroke: false, fill: true });
    this.doc.x = left;
    this.doc.moveDown(0.05);
  }

  /** The font has no bold face: emphasised text is filled and its outline stroked a little (text render mode 2). */
  private emphasised(size: number, write: () => void) {
    this.doc.font(FONT).fontSize(size).fillColor(INK).strokeColor(INK).lineWidth(size / 40);
    write();
    this.doc.lineWidth(1);
  }

  private lineHeight(size: number): number {
    return this.doc.font(FONT).fontSize(size).currentLineHeight(true) + size * 0.15;
  }

  private heightOf(text: string, size: number, width = this.contentWidth): number {
    return this.doc.font(FONT).fontSize(size).heightOfString(this.printable(text), { width, lineGap: size * 0.15 });
  }

  private ensureSpace(height: number) {
    const bottom = this.doc.page.height - this.doc.page.margins.bottom;
    if (this.doc.y + height > bottom) this.doc.addPage();
  }
}

/** Page numbers at the foot of every page, once the pages are known; none on a one-page document. */
function numberPages(doc: PDFKit.PDFDocument) {
  const { start, count } = doc.bufferedPageRange();
  if (count < 2) return;
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise open a new page.
    doc.page.margins.bottom = 0;
    doc.font(FONT).fontSize(PDF_SIZES.small).fillColor(GREY).text(`第 ${i - start + 1} 页，共 ${count} 页`, MARGIN, doc.page.height - bottom / 2 - PDF_SIZES.small, { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * Renders one A4 document: metadata (title, author 邻议, creation time from the caller's clock),
 * the bundled CJK font, then whatever `draw` writes with the helpers. Returns the PDF bytes.
 */
export function renderPdf(meta: PdfMetadata, draw: (pdf: PdfWriter) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    displayTitle: true,
    lang: 'zh-CN',
    info: { Title: meta.title, Author: '邻议', Subject: meta.subject ?? meta.title, Creator: '邻议', Producer: '邻议', CreationDate: meta.createdAt, ModDate: meta.createdAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    doc.registerFont(FONT, cjkFont());
    doc.font(FONT);
    draw(new PdfWriter(doc));
    numberPages(doc);
  } catch (error) {
    doc.end();
    return Promise.reject(error);
  }
  doc.end();
  return done;
}
