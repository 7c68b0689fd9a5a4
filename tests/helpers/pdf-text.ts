import { join } from 'node:path';

/** One printed line of a page: its text runs left to right, runs that touch merged into one cell. */
export type PdfRow = readonly string[];

interface Run {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
}

const standardFontDataUrl = `${join(__dirname, '..', '..', 'node_modules', 'pdfjs-dist', 'standard_fonts')}/`;
/** Closer than this (points) is one cell: wider than a space at 9 pt, narrower than the table's cell padding. */
const sameCell = 4;

function rows(runs: readonly Run[]): PdfRow[] {
  const byLine = new Map<number, Run[]>();
  for (const run of runs) {
    const y = Math.round(run.y);
    byLine.set(y, [...(byLine.get(y) ?? []), run]);
  }
  return [...byLine.entries()]
    .sort(([a], [b]) => b - a)
    .map(([, line]) => {
      const cells: { text: string; end: number }[] = [];
      for (const run of [...line].sort((a, b) => a.x - b.x)) {
        const last = cells.at(-1);
        if (last && run.x - last.end < sameCell) {
          last.text += run.text;
          last.end = run.x + run.width;
        } else {
          cells.push({ text: run.text, end: run.x + run.width });
        }
      }
      return cells.map((cell) => cell.text.trim()).filter((text) => text !== '');
    });
}

/** Reads a PDF back with Mozilla's PDF.js, as a viewer would: per page, its rows of cells, top to bottom. */
export async function pdfPages(bytes: Uint8Array): Promise<PdfRow[][]> {
  // An ES module (PDF.js ships no CommonJS build), so it is loaded dynamically.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // PDF.js takes ownership of the buffer it is given, so it gets a copy.
  const document = await getDocument({ data: bytes.slice(), standardFontDataUrl, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: PdfRow[][] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    // PDF.js bridges the gap between two runs with a run of spaces as wide as the gap: not a cell.
    const runs = content.items.flatMap((item) =>
      'str' in item && item.str.trim() !== '' ? [{ text: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width }] : [],
    );
    pages.push(rows(runs));
  }
  await document.destroy();
  return pages;
}
