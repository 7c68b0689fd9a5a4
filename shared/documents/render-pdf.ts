import PDFDocument from 'pdfkit';
import type { BusinessDocument, Labelled } from './business-document';
import { drawLineTable } from './pdf-line-table';
import { colors, contentWidth, fit, fonts, left, lowest, page, right, rule, type Pdf } from './pdf-page';

const factLabelWidth = 78;
const factValueWidth = 150;
const titleWidth = 240;

/** Seller top left, the title and the document's facts top right; answers the lowest y used. */
function letterhead(doc: Pdf, document: BusinessDocument): number {
  const { seller } = document;
  const sellerWidth = contentWidth - titleWidth - 12;
  doc.font(fonts.bold).fontSize(15).fillColor(colors.ink).text(seller.name ?? '', left, page.margin, { width: sellerWidth });
  doc.font(fonts.regular).fontSize(9).fillColor(colors.muted);
  for (const line of seller.address) doc.text(line, left, doc.y + 1, { width: sellerWidth });
  const sellerBottom = doc.y;

  // The title keeps to one line: a long one ("ORDER ACKNOWLEDGEMENT") is set smaller rather than wrapped.
  const title = document.title.toUpperCase();
  let size = 18;
  doc.font(fonts.bold);
  while (size > 12 && doc.fontSize(size).widthOfString(title) > titleWidth) size -= 1;
  doc.fillColor(colors.ink).text(title, right - titleWidth, page.margin, { width: titleWidth, align: 'right' });
  let y = doc.y + 6;
  const valueX = right - factValueWidth;
  for (const [label, value] of document.facts) {
    doc.font(fonts.regular).fontSize(9).fillColor(colors.muted).text(label, valueX - factLabelWidth, y, { width: factLabelWidth });
    doc.font(fonts.bold).fillColor(colors.ink).text(value, valueX, y, { width: factValueWidth, align: 'right' });
    y = Math.max(doc.y, y + 12) + 1;
  }
  return Math.max(sellerBottom, y);
}

function addressBlock(doc: Pdf, heading: string, lines: readonly string[], x: number, y: number): number {
  const width = contentWidth / 2 - 20;
  doc.font(fonts.bold).fontSize(8).fillColor(colors.muted).text(heading.toUpperCase(), x, y, { width, characterSpacing: 0.5 });
  rule(doc, doc.y + 2, x, x + width);
  doc.font(fonts.regular).fontSize(10).fillColor(colors.ink);
  let next = doc.y + 6;
  for (const line of lines) {
    doc.text(line, x, next, { width });
    next = doc.y + 1;
  }
  return next;
}

/** Pages after the first repeat who issued what, so a loose page still says where it belongs. */
function continuation(doc: Pdf, document: BusinessDocument): number {
  doc.addPage();
  doc.font(fonts.bold).fontSize(10).fillColor(colors.ink).text(fit(doc, document.seller.name ?? '', 250), left, page.margin, { width: 250 });
  doc.text(`${document.reference} (continued)`, right - 250, page.margin, { width: 250, align: 'right' });
  rule(doc, page.margin + 16);
  return page.margin + 26;
}

const totalsWidth = 220;
const totalsHeight = (count: number) => count * 16 + 10;

function drawTotals(doc: Pdf, totals: readonly Labelled[], top: number): number {
  const x = right - totalsWidth;
  let y = top + 8;
  totals.forEach(([label, amount], index) => {
    const grand = index === totals.length - 1;
    if (grand) rule(doc, y - 3, x, right, colors.ink);
    doc.font(grand ? fonts.bold : fonts.regular).fontSize(grand ? 11 : 9.5).fillColor(colors.ink);
    doc.text(label, x + 4, y, { width: 100 });
    doc.text(amount, x + 100, y, { width: totalsWidth - 104, align: 'right' });
    y += 16;
  });
  return y;
}

/** A headed paragraph (terms, how the amounts were reached), on the next page when it does not fit; answers the lowest y used. */
function drawParagraph(doc: Pdf, heading: string, text: string, top: number, newPage: () => number): number {
  doc.font(fonts.regular).fontSize(9);
  const height = doc.heightOfString(text, { width: contentWidth }) + 16;
  const y = top + 14 + height > lowest ? newPage() : top + 14;
  doc.font(fonts.bold).fontSize(8).fillColor(colors.muted).text(heading.toUpperCase(), left, y, { characterSpacing: 0.5 });
  doc.font(fonts.regular).fontSize(9).fillColor(colors.ink).text(text, left, doc.y + 3, { width: contentWidth });
  return doc.y;
}

/** "Invoice 700044 · Page 2 of 7" on every page, once the page count is known. */
function footers(doc: Pdf, reference: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    // Text below the bottom margin would make pdfkit start another page; the footer belongs there.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(fonts.regular).fontSize(8).fillColor(colors.muted);
    doc.text(`${reference} · Page ${index - start + 1} of ${count}`, left, page.height - page.margin + 8, { width: contentWidth, align: 'center' });
    doc.page.margins.bottom = margin;
  }
}

/** The document as PDF bytes: letterhead, addresses, the line table over as many pages as it needs, totals and terms. */
export function renderPdf(document: BusinessDocument): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: page.margin,
    bufferPages: true,
    lang: 'en-US',
    displayTitle: true,
    info: { Title: document.reference, Author: document.seller.name ?? '', Subject: document.title },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const newPage = () => continuation(doc, document);

  let y = letterhead(doc, document) + 22;
  const billed = addressBlock(doc, 'Bill to', document.billTo, left, y);
  const remitted = document.remitTo.length > 0 ? addressBlock(doc, 'Remit to', document.remitTo, left + contentWidth / 2 + 20, y) : y;
  y = drawLineTable(doc, document.lines, document.orderColumn, Math.max(billed, remitted) + 18, newPage);
  if (y + totalsHeight(document.totals.length) > lowest) y = newPage();
  y = drawTotals(doc, document.totals, y);
  for (const note of document.notes) y = drawParagraph(doc, 'Amounts', note, y, newPage);
  if (document.seller.terms) drawParagraph(doc, 'Terms', document.seller.terms, y, newPage);
  footers(doc, document.reference);
  doc.end();
  return finished;
}
