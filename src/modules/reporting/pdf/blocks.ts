import type { Block, Column, Field } from '../view.ts';
import { toWinAnsi } from './winAnsi.ts';

/**
 * Draws the view's blocks on a pdfkit document, breaking pages between rows rather than inside
 * them, and repeating a table's header row on each page it continues to. Positions are computed
 * from measured text heights, so long free text grows its row instead of overlapping the next.
 */

export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold' } as const;
export const SIZE = { body: 9, small: 7.5, heading: 10, section: 12 } as const;
const LABEL_WIDTH = 135;
const CELL_PADDING = 3;
const GAP = 4;
const TEXT = '#1a1a1a';
const MUTED = '#5a5a5a';
const RULE = '#b8b8b8';
const HEADER_FILL = '#ececec';
const WARNING = '#8a1c1c';

export class BlockWriter {
  constructor(private readonly doc: PDFKit.PDFDocument) {}

  private get left() {
    return this.doc.page.margins.left;
  }
  private get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  private get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `height` still fits below the cursor. */
  private ensure(height: number) {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  private measure(text: string, font: string, size: number, width: number): number {
    return this.doc.font(font).fontSize(size).heightOfString(text, { width });
  }

  section(title: string) {
    // Keep a section title with at least a few lines of what follows it.
    this.ensure(60);
    this.doc.moveDown(0.6);
    const y = this.doc.y;
    this.doc.font(FONT.bold).fontSize(SIZE.section).fillColor(TEXT).text(toWinAnsi(title), this.left, y, {
      width: this.width,
    });
    const ruleY = this.doc.y + 1;
    this.doc
      .moveTo(this.left, ruleY)
      .lineTo(this.left + this.width, ruleY)
      .lineWidth(0.6)
      .strokeColor(RULE)
      .stroke();
    this.doc.y = ruleY + GAP;
  }

  block(block: Block) {
    switch (block.kind) {
      case 'fields':
        return this.fields(block.fields);
      case 'heading':
        return this.heading(block.text);
      case 'text':
        return this.paragraph(block.text, block.label, block.tone === 'warning');
      case 'list':
        return this.list(block.items, block.label);
      case 'table':
        return this.table(block.columns, block.rows);
    }
  }

  private fields(fields: Field[]) {
    const valueWidth = this.width - LABEL_WIDTH;
    for (const f of fields) {
      const label = toWinAnsi(f.label);
      const value = toWinAnsi(f.value);
      const height = Math.max(
        this.measure(label, FONT.bold, SIZE.body, LABEL_WIDTH - GAP),
        this.measure(value, FONT.regular, SIZE.body, valueWidth),
      );
      this.ensure(height);
      const y = this.doc.y;
      this.doc
        .font(FONT.bold)
        .fontSize(SIZE.body)
        .fillColor(MUTED)
        .text(label, this.left, y, {
          width: LABEL_WIDTH - GAP,
        });
      this.doc
        .font(FONT.regular)
        .fillColor(TEXT)
        .text(value, this.left + LABEL_WIDTH, y, { width: valueWidth });
      this.doc.y = y + height + 1.5;
    }
    this.doc.y += GAP;
  }

  private heading(text: string) {
    const value = toWinAnsi(text);
    // A finding's heading stays with the first lines of its detail.
    this.ensure(this.measure(value, FONT.bold, SIZE.heading, this.width) + 40);
    this.doc
      .font(FONT.bold)
      .fontSize(SIZE.heading)
      .fillColor(TEXT)
      .text(value, this.left, this.doc.y + GAP, {
        width: this.width,
      });
    this.doc.y += 2;
  }

  private paragraph(text: string, label: string | undefined, warning: boolean) {
    const body = toWinAnsi(text);
    const lead = label ? `${toWinAnsi(label)}: ` : '';
    this.ensure(Math.min(this.measure(lead + body, FONT.regular, SIZE.body, this.width), 40));
    const colour = warning ? WARNING : TEXT;
    this.doc.fillColor(colour).fontSize(SIZE.body);
    if (lead) {
      this.doc.font(FONT.bold).text(lead, this.left, this.doc.y, { width: this.width, continued: true });
      this.doc.font(FONT.regular).text(body);
    } else {
      this.doc
        .font(warning ? FONT.bold : FONT.regular)
        .text(body, this.left, this.doc.y, { width: this.width });
    }
    this.doc.fillColor(TEXT);
    this.doc.y += GAP;
  }

  private list(items: string[], label: string | undefined) {
    if (label) {
      const value = `${toWinAnsi(label)}:`;
      this.ensure(this.measure(value, FONT.bold, SIZE.body, this.width) + 20);
      this.doc.font(FONT.bold).fontSize(SIZE.body).fillColor(TEXT).text(value, this.left, this.doc.y, {
        width: this.width,
      });
      this.doc.y += 2;
    }
    const indent = 10;
    for (const item of items) {
      const value = toWinAnsi(item);
      const height = this.measure(value, FONT.regular, SIZE.body, this.width - indent);
      this.ensure(Math.min(height, 40));
      const y = this.doc.y;
      this.doc.font(FONT.regular).fontSize(SIZE.body).fillColor(TEXT).text('•', this.left, y);
      this.doc.text(value, this.left + indent, y, { width: this.width - indent });
      this.doc.y += 2;
    }
    this.doc.y += GAP;
  }

  private table(columns: Column[], rows: string[][]) {
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const header = columns.map((c) => toWinAnsi(c.label));
    const rowHeight = (cells: string[], font: string) =>
      Math.max(
        ...cells.map((cell, i) => this.measure(cell, font, SIZE.body, (widths[i] ?? 0) - 2 * CELL_PADDING)),
      ) +
      2 * CELL_PADDING;
    const drawRow = (cells: string[], font: string, height: number, fill: string | null) => {
      const y = this.doc.y;
      if (fill) this.doc.rect(this.left, y, this.width, height).fill(fill);
      let x = this.left;
      cells.forEach((cell, i) => {
        const width = widths[i] ?? 0;
        const align = columns[i]?.numeric ? 'right' : 'left';
        this.doc
          .font(font)
          .fontSize(SIZE.body)
          .fillColor(TEXT)
          .text(cell, x + CELL_PADDING, y + CELL_PADDING, { width: width - 2 * CELL_PADDING, align });
        x += width;
      });
      this.doc
        .moveTo(this.left, y + height)
        .lineTo(this.left + this.width, y + height)
        .lineWidth(0.4)
        .strokeColor(RULE)
        .stroke();
      this.doc.y = y + height;
    };

    const headerHeight = rowHeight(header, FONT.bold);
    const body = rows.map((row) => row.map(toWinAnsi));
    const heights = body.map((row) => rowHeight(row, FONT.regular));
    this.ensure(headerHeight + (heights[0] ?? 0));
    drawRow(header, FONT.bold, headerHeight, HEADER_FILL);
    body.forEach((row, i) => {
      const height = heights[i] ?? 0;
      if (this.doc.y + height > this.bottom) {
        this.doc.addPage();
        drawRow(header, FONT.bold, headerHeight, HEADER_FILL);
      }
      drawRow(row, FONT.regular, height, null);
    });
    this.doc.x = this.left;
    this.doc.y += GAP * 2;
  }
}
