// A small flowing-text writer over pdf-lib: A4 pages, margins, wrapped paragraphs, key/value rows,
// tables, QR codes drawn as vector modules, and page footers. Deterministic: pdf-lib's resource names
// come from a seeded generator, document dates are set by the caller, nothing reads a clock.
// Text is drawn with the standard PDF fonts in WinAnsi encoding, which covers English and Spanish;
// a character outside it is printed without its accent when that makes it encodable, else as "?".
import { PDFDocument, type PDFFont, type PDFPage, StandardFonts, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import bwipjs from 'bwip-js';

export const A4 = { width: 595.28, height: 841.89 } as const;
const MARGIN = 50;
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);

export type Fonts = { readonly regular: PDFFont; readonly bold: PDFFont; readonly mono: PDFFont };
export type DocumentInfo = { readonly title: string; readonly subject: string; readonly language: string; readonly createdAt: Date };

export async function newDocument(info: DocumentInfo): Promise<{ doc: PDFDocument; fonts: Fonts }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(info.title);
  doc.setSubject(info.subject);
  doc.setLanguage(info.language);
  doc.setCreator('Ratify');
  doc.setProducer('Ratify (pdf-lib 1.17.1)');
  doc.setCreationDate(info.createdAt);
  doc.setModificationDate(info.createdAt);
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    mono: await doc.embedFont(StandardFonts.Courier),
  };
  return { doc, fonts };
}

/** Makes text drawable in the font's encoding (WinAnsi for the standard fonts). */
export function encodable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  let out = '';
  for (const ch of text.replace(/[\t\n\r]+/g, ' ')) {
    if (supported.has(ch.codePointAt(0)!)) out += ch;
    else {
      const bare = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += bare.length > 0 && [...bare].every((c) => supported.has(c.codePointAt(0)!)) ? bare : '?';
    }
  }
  return out;
}

/** Greedy word wrap to a width in points; a word longer than a line is cut. */
export function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of encodable(font, paragraph).split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

export class FlowWriter {
  private page!: PDFPage;
  private y = 0;
  readonly width = A4.width - 2 * MARGIN;

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
  }

  /** Starts a new page unless `height` points still fit above the footer. */
  ensure(height: number): void {
    if (this.y - height < MARGIN + 20) this.newPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  paragraph(text: string, options: { size?: number; font?: PDFFont; indent?: number; grey?: boolean } = {}): void {
    const size = options.size ?? 10;
    const font = options.font ?? this.fonts.regular;
    const indent = options.indent ?? 0;
    for (const line of wrap(font, size, text, this.width - indent)) {
      this.ensure(size * 1.35);
      this.y -= size * 1.35;
      this.page.drawText(line, { x: MARGIN + indent, y: this.y, size, font, color: options.grey ? GREY : BLACK });
    }
  }

  heading(text: string, size = 13): void {
    this.ensure(size * 3);
    this.gap(size * 0.6);
    this.paragraph(text, { size, font: this.fonts.bold });
    this.gap(2);
  }

  /** A label in bold and its value, the value wrapped in the remaining width (mono for hashes). */
  field(label: string, value: string, options: { mono?: boolean; labelWidth?: number } = {}): void {
    const size = 10;
    const labelWidth = options.labelWidth ?? 150;
    const font = options.mono ? this.fonts.mono : this.fonts.regular;
    const valueSize = options.mono ? 8.5 : size;
    const lines = wrap(font, valueSize, value, this.width - labelWidth);
    const labelLines = wrap(this.fonts.bold, size, label, labelWidth - 8);
    const rows = Math.max(lines.length, labelLines.length);
    this.ensure(rows * size * 1.35);
    for (let i = 0; i < rows; i++) {
      this.y -= size * 1.35;
      const l = labelLines[i];
      if (l !== undefined) this.page.drawText(l, { x: MARGIN, y: this.y, size, font: this.fonts.bold });
      const v = lines[i];
      if (v !== undefined) this.page.drawText(v, { x: MARGIN + labelWidth, y: this.y, size: valueSize, font });
    }
  }

  /** A table: the first column left-aligned, the others right-aligned in equal columns. */
  table(header: readonly string[], rows: readonly (readonly string[])[], options: { boldLast?: boolean } = {}): void {
    const size = 10;
    const first = this.width * 0.5;
    const other = (this.width - first) / Math.max(1, header.length - 1);
    const drawRow = (cells: readonly string[], font: PDFFont) => {
      const label = wrap(font, size, cells[0] ?? '', first - 8);
      this.ensure(label.length * size * 1.35 + 4);
      this.y -= size * 1.35;
      label.forEach((line, i) => this.page.drawText(line, { x: MARGIN, y: this.y - i * size * 1.35, size, font }));
      cells.slice(1).forEach((cell, i) => {
        const text = encodable(font, cell);
        const x = MARGIN + first + (i + 1) * other - font.widthOfTextAtSize(text, size);
        this.page.drawText(text, { x, y: this.y, size, font });
      });
      this.y -= (label.length - 1) * size * 1.35;
    };
    drawRow(header, this.fonts.bold);
    this.rule(0.8);
    rows.forEach((row, i) => drawRow(row, options.boldLast && i === rows.length - 1 ? this.fonts.bold : this.fonts.regular));
    this.gap(4);
  }

  rule(thickness = 0.5): void {
    this.y -= 3;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + this.width, y: this.y }, thickness, color: GREY });
  }

  /** A QR code (error correction M) of `text`, `side` points wide, with `caption` lines beside it. */
  qr(text: string, side: number, caption: readonly string[]): void {
    const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    const cell = side / n;
    this.ensure(side + 8);
    const top = this.y - 4;
    for (let row = 0; row < n; row++) {
      let col = 0;
      while (col < n) {
        if (!qr.modules.get(row, col)) {
          col++;
          continue;
        }
        const start = col;
        while (col < n && qr.modules.get(row, col)) col++;
        this.page.drawRectangle({ x: MARGIN + start * cell, y: top - (row + 1) * cell, width: (col - start) * cell, height: cell, color: BLACK });
      }
    }
    let y = top;
    for (const line of caption) {
      for (const part of wrap(this.fonts.mono, 8, line, this.width - side - 16)) {
        y -= 10;
        this.page.drawText(part, { x: MARGIN + side + 16, y, size: 8, font: this.fonts.mono });
      }
    }
    this.y = Math.min(top - side, y) - 6;
  }

  /** An empty square to mark, with its label beside it. */
  checkbox(label: string): void {
    const size = 11;
    const lines = wrap(this.fonts.regular, size, label, this.width - 40);
    this.ensure(lines.length * size * 1.4 + 10);
    this.y -= 18;
    this.page.drawRectangle({ x: MARGIN + 8, y: this.y - 3, width: 14, height: 14, borderColor: BLACK, borderWidth: 1 });
    lines.forEach((line, i) => this.page.drawText(line, { x: MARGIN + 32, y: this.y - i * size * 1.4, size, font: this.fonts.regular }));
    this.y -= (lines.length - 1) * size * 1.4 + 4;
  }

  /** A Code 128 barcode of `text` (bwip-js), `height` points tall, with the text under it. */
  barcode(text: string, height: number): void {
    const [symbol] = bwipjs.raw({ bcid: 'code128', text });
    const widths = (symbol as { readonly sbs?: readonly number[] } | undefined)?.sbs;
    if (widths === undefined) throw new Error('bwip-js gave no bar widths for a Code 128 symbol');
    const module = 1.0;
    this.ensure(height + 24);
    const top = this.y - 4;
    let x = MARGIN + 10;
    widths.forEach((w, i) => {
      if (i % 2 === 0) this.page.drawRectangle({ x, y: top - height, width: w * module, height, color: BLACK });
      x += w * module;
    });
    this.y = top - height;
    this.paragraph(text, { font: this.fonts.mono, size: 14, indent: 10 });
  }

  /** A dashed line across the page with a small label: where to cut the return label off. */
  cutLine(label: string): void {
    this.ensure(30);
    this.y -= 14;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + this.width, y: this.y }, thickness: 0.6, color: GREY, dashArray: [4, 3] });
    this.page.drawText(encodable(this.fonts.regular, label), { x: MARGIN + this.width - 60, y: this.y + 3, size: 7, font: this.fonts.regular, color: GREY });
  }

  /** Empty lines to sign on: name, signature and date, `count` times. */
  signatureLines(labels: { name: string; signature: string; date: string }, count: number): void {
    const size = 9;
    const columns = [0, this.width * 0.4, this.width * 0.78];
    const widths = [this.width * 0.36, this.width * 0.34, this.width * 0.22];
    for (let i = 0; i < count; i++) {
      this.ensure(44);
      this.y -= 32;
      columns.forEach((x, c) => {
        this.page.drawLine({ start: { x: MARGIN + x, y: this.y }, end: { x: MARGIN + x + widths[c]!, y: this.y }, thickness: 0.6, color: BLACK });
      });
      const words = [labels.name, labels.signature, labels.date];
      columns.forEach((x, c) => this.page.drawText(encodable(this.fonts.regular, words[c]!), { x: MARGIN + x, y: this.y - 10, size, font: this.fonts.regular, color: GREY }));
      this.y -= 10;
    }
  }

  /** Writes "footer · Page i of n" at the bottom of every page. */
  footers(text: (i: number, n: number) => string): void {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => {
      const line = encodable(this.fonts.regular, text(i + 1, pages.length));
      page.drawText(line, { x: MARGIN, y: MARGIN - 20, size: 8, font: this.fonts.regular, color: GREY });
    });
  }
}
