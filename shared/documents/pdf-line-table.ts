import type { DocumentLine } from './business-document';
import { colors, contentWidth, fit, fonts, left, lowest, rule, type Pdf } from './pdf-page';

interface Column {
  readonly key: keyof DocumentLine;
  readonly label: string;
  readonly width: number;
  readonly numeric: boolean;
}

const figures: readonly Column[] = [
  { key: 'ordered', label: 'Ordered', width: 48, numeric: true },
  { key: 'shipped', label: 'Shipped', width: 48, numeric: true },
  { key: 'unitPrice', label: 'Unit price', width: 66, numeric: true },
  { key: 'amount', label: 'Amount', width: 76, numeric: true },
];

/** Item and description share what the figures leave; an order column, when there is one, takes from the item. */
function columns(orderColumn: boolean): readonly Column[] {
  const order: Column[] = orderColumn ? [{ key: 'order', label: 'Order', width: 52, numeric: false }] : [];
  const item = orderColumn ? 100 : 120;
  const rest = contentWidth - item - [...order, ...figures].reduce((sum, c) => sum + c.width, 0);
  return [...order, { key: 'item', label: 'Item', width: item, numeric: false }, { key: 'description', label: 'Description', width: rest, numeric: false }, ...figures];
}

const padding = 4;
const headerHeight = 18;
const rowHeight = 15;

/**
 * One line of cells, each placed by its own measured width: pdfkit's wrapping and alignment
 * (`width`, `align`) cost several times more, and a cell never wraps anyway.
 */
function row(doc: Pdf, cells: readonly Column[], y: number, text: (column: Column) => string): void {
  let x = left;
  for (const column of cells) {
    const shown = fit(doc, text(column), column.width - 2 * padding);
    const at = column.numeric ? x + column.width - padding - doc.widthOfString(shown) : x + padding;
    doc.text(shown, at, y, { lineBreak: false });
    x += column.width;
  }
}

function header(doc: Pdf, cells: readonly Column[], y: number): number {
  doc.rect(left, y, contentWidth, headerHeight).fill(colors.band);
  doc.font(fonts.bold).fontSize(8.5).fillColor(colors.ink);
  row(doc, cells, y + 5, (column) => column.label);
  return y + headerHeight;
}

/**
 * The lines as a table whose header repeats at the top of every page it runs onto. `newPage` starts
 * a page (with its running header) and answers where the table may continue.
 */
export function drawLineTable(doc: Pdf, lines: readonly DocumentLine[], orderColumn: boolean, top: number, newPage: () => number): number {
  const cells = columns(orderColumn);
  let y = header(doc, cells, top);
  for (const line of lines) {
    if (y + rowHeight > lowest) y = header(doc, cells, newPage());
    doc.font(fonts.regular).fontSize(9).fillColor(colors.ink);
    row(doc, cells, y + 4, (column) => line[column.key]);
    rule(doc, y + rowHeight, left, left + contentWidth, colors.band);
    y += rowHeight;
  }
  return y;
}
