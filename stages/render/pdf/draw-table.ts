/**
 * A table that breaks across pages and repeats its header row on every page it continues on.
 * Cells wrap within their column; a row never splits across pages.
 *
 * Tagged as Table ─ TR ─ TH (Scope Column) / TD; the header row repeated on a continuation page,
 * the row shading and the rules are artifacts, so a screen reader meets the header once.
 */
import { COLOURS, CONTENT_BOTTOM, CONTENT_WIDTH, FONTS, PAGE } from './page-layout.ts';
import { markArtifact, tagContent, withStructure } from './structure.ts';

export interface TableColumn {
  header: string;
  /** Share of the content width; the shares of a table sum to 1. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

const FONT_SIZE = 8.5;
const PADDING = 3;

function rowHeight(doc: PDFKit.PDFDocument, cells: string[], widths: number[], font: string): number {
  doc.font(font).fontSize(FONT_SIZE);
  return Math.max(...cells.map((cell, index) => doc.heightOfString(cell, { width: widths[index]! - 2 * PADDING }))) + 2 * PADDING;
}

/** `TH`/`TD`: a row of the table's structure; `Artifact`: a header row repeated on a continuation page. */
type RowTag = 'TH' | 'TD' | 'Artifact';

function drawRow(doc: PDFKit.PDFDocument, cells: string[], columns: TableColumn[], widths: number[], y: number, height: number, font: string, shade: boolean, tag: RowTag): void {
  if (shade) markArtifact(doc, () => doc.rect(PAGE.marginSide, y, CONTENT_WIDTH, height).fill(COLOURS.shade));
  let x = PAGE.marginSide;
  doc.font(font).fontSize(FONT_SIZE).fillColor(COLOURS.text);
  const drawCells = () =>
    cells.forEach((cell, index) => {
      const drawCell = () => doc.text(cell, x + PADDING, y + PADDING, { width: widths[index]! - 2 * PADDING, align: columns[index]!.align ?? 'left', lineBreak: true });
      if (tag === 'Artifact') drawCell();
      else tagContent(doc, tag, drawCell, tag === 'TH' ? { scope: 'Column' } : {});
      x += widths[index]!;
    });
  if (tag === 'Artifact') markArtifact(doc, drawCells, { type: 'Pagination' });
  else withStructure(doc, 'TR', drawCells);
}

function drawRule(doc: PDFKit.PDFDocument, y: number): void {
  markArtifact(doc, () => doc.moveTo(PAGE.marginSide, y).lineTo(PAGE.marginSide + CONTENT_WIDTH, y).lineWidth(0.8).strokeColor(COLOURS.rule).stroke());
}

export function drawTable(doc: PDFKit.PDFDocument, columns: TableColumn[], rows: string[][]): void {
  const widths = columns.map((column) => column.width * CONTENT_WIDTH);
  const headers = columns.map((column) => column.header);
  const headerHeight = rowHeight(doc, headers, widths, FONTS.bold);
  const drawHeader = (tag: RowTag) => {
    const y = doc.y;
    drawRow(doc, headers, columns, widths, y, headerHeight, FONTS.bold, false, tag);
    drawRule(doc, y + headerHeight);
    doc.y = y + headerHeight + 1;
  };
  const firstRowHeight = rows.length > 0 ? rowHeight(doc, rows[0]!, widths, FONTS.regular) : 0;
  if (doc.y + headerHeight + firstRowHeight > CONTENT_BOTTOM) doc.addPage();
  withStructure(doc, 'Table', () => {
    drawHeader('TH');
    rows.forEach((row, index) => {
      const height = rowHeight(doc, row, widths, FONTS.regular);
      if (doc.y + height > CONTENT_BOTTOM) {
        doc.addPage();
        drawHeader('Artifact');
      }
      const y = doc.y;
      drawRow(doc, row, columns, widths, y, height, FONTS.regular, index % 2 === 1, 'TD');
      doc.y = y + height;
    });
  });
  drawRule(doc, doc.y);
  doc.x = PAGE.marginSide;
  doc.y += 10;
}
