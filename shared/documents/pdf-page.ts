/** US Letter in points, the page every document is set on, and the type it uses. */
export const page = { width: 612, height: 792, margin: 50 } as const;
export const left = page.margin;
export const right = page.width - page.margin;
export const contentWidth = right - left;
/** Lowest y a table row or totals line may reach; the footer sits below it. */
export const lowest = page.height - page.margin - 16;

/**
 * PDF's standard Helvetica, with the WinAnsi encoding pdfkit writes for it: every Latin-1 letter
 * (é, ñ, ü, ø) prints with no font file embedded, which keeps a 300-line invoice small.
 */
export const fonts = { regular: 'Helvetica', bold: 'Helvetica-Bold' } as const;
export const colors = { ink: '#1a1a1a', muted: '#5c5c5c', rule: '#c8c8c8', band: '#ececec' } as const;

export type Pdf = PDFKit.PDFDocument;

/** The text cut with an ellipsis so it fits `width` on one line in the current font. */
export function fit(doc: Pdf, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 0 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

export function rule(doc: Pdf, y: number, from: number = left, to: number = right, color: string = colors.rule): void {
  doc.moveTo(from, y).lineTo(to, y).lineWidth(0.75).strokeColor(color).stroke();
}
