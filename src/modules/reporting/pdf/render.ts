import PDFDocument from 'pdfkit';
import type { ReportContent, ReportLanguage } from '../content.ts';
import { buildReportView, type ReportView } from '../view.ts';
import { BlockWriter, FONT, SIZE } from './blocks.ts';
import { toWinAnsi } from './winAnsi.ts';

/**
 * The report as an A4 PDF: on every page a header with the laboratory, the patient and the
 * order, and a footer with order number, version, status and "Side n av m"; a diagonal "UTKAST"
 * across every page of a draft. The text is real text in Helvetica (WinAnsi), so it can be
 * searched, copied and read aloud, with æ, ø and å intact. The document's dates are the
 * report's own, so one version always renders to the same bytes.
 */
const MARGIN = { top: 96, bottom: 56, left: 50, right: 50 };

export function renderReportPdf(content: ReportContent, lang: ReportLanguage): Promise<Buffer> {
  const view = buildReportView(content, lang);
  const preparedAt = new Date(content.preparedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: lang === 'nb' ? 'nb-NO' : 'en-GB',
    displayTitle: true,
    info: {
      Title: toWinAnsi(`${view.title} ${content.orderNumber} v${content.version}`),
      Author: toWinAnsi(content.lab.name),
      Subject: toWinAnsi(view.statusLine),
      Creator: 'genvei',
      CreationDate: preparedAt,
      ModDate: preparedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const writer = new BlockWriter(doc);
  for (const section of view.sections) {
    writer.section(section.title);
    for (const block of section.blocks) writer.block(block);
  }
  decoratePages(doc, view);
  doc.end();
  return done;
}

/** Header, footer and draft watermark, drawn on each page once the page count is known. */
function decoratePages(doc: PDFKit.PDFDocument, view: ReportView) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing in the margins must not make pdfkit start a new page.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    header(doc, view);
    footer(doc, view.pageLabel(i - start + 1, count), view.statusLine);
    if (view.watermark) watermark(doc, view.watermark);
    doc.page.margins.bottom = bottomMargin;
  }
}

function header(doc: PDFKit.PDFDocument, view: ReportView) {
  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  doc
    .font(FONT.bold)
    .fontSize(11)
    .fillColor('#1a1a1a')
    .text(toWinAnsi(view.lab), left, 28, { width, lineBreak: false });
  doc.font(FONT.regular).fontSize(SIZE.small).fillColor('#5a5a5a');
  doc.text(toWinAnsi(view.labDetail), left, 42, { width, lineBreak: false });
  doc.font(FONT.bold).fontSize(SIZE.heading).fillColor('#1a1a1a');
  doc.text(toWinAnsi(view.title), left, 56, { width, lineBreak: false });
  doc
    .font(FONT.regular)
    .fontSize(SIZE.body)
    .text(toWinAnsi(view.patientLine), left, 70, { width, lineBreak: false });
  doc
    .moveTo(left, 84)
    .lineTo(left + width, 84)
    .lineWidth(0.8)
    .strokeColor('#1a1a1a')
    .stroke();
}

function footer(doc: PDFKit.PDFDocument, pageLabel: string, statusLine: string) {
  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const y = doc.page.height - 38;
  doc
    .moveTo(left, y - 6)
    .lineTo(left + width, y - 6)
    .lineWidth(0.4)
    .strokeColor('#b8b8b8')
    .stroke();
  doc.font(FONT.regular).fontSize(SIZE.small).fillColor('#5a5a5a');
  doc.text(toWinAnsi(statusLine), left, y, { width: width * 0.75, lineBreak: false });
  doc.text(toWinAnsi(pageLabel), left + width * 0.75, y, {
    width: width * 0.25,
    align: 'right',
    lineBreak: false,
  });
}

function watermark(doc: PDFKit.PDFDocument, text: string) {
  const { width, height } = doc.page;
  doc.save();
  doc.rotate(-40, { origin: [width / 2, height / 2] });
  doc.font(FONT.bold).fontSize(110).fillColor('#b00000').fillOpacity(0.1);
  doc.text(toWinAnsi(text), 0, height / 2 - 55, { width, align: 'center', lineBreak: false });
  doc.restore();
}
