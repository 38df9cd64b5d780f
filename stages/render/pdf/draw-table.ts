/**
 * A table that breaks across pages and repeats its header row on every page it continues on.
 * Cells wrap within their column; a row never splits across pages.
 */
import { COLOURS, CONTENT_BOTTOM, CONTENT_WIDTH, FONTS, PAGE } from './page-layout.ts';

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

function drawRow(doc: PDFKit.PDFDocument, cells: string[], columns: TableColumn[], widths: number[], y: number, height: number, font: string, shade: boolean): void {
  if (shade) doc.rect(PAGE.marginSide, y, CONTENT_WIDTH, height).fill(COLOURS.shade);
  let x = PAGE.marginSide;
  doc.font(font).fontSize(FONT_SIZE).fillColor(COLOURS.text);
  cells.forEach((cell, index) => {
    doc.text(cell, x + PADDING, y + PADDING, { width: widths[index]! - 2 * PADDING, align: columns[index]!.align ?? 'left', lineBreak: true });
    x += widths[index]!;
  });
}

export function drawTable(doc: PDFKit.PDFDocument, columns: TableColumn[], rows: string[][]): void {
  const widths = columns.map((column) => column.width * CONTENT_WIDTH);
  const headers = columns.map((column) => column.header);
  const headerHeight = rowHeight(doc, headers, widths, FONTS.bold);
  const drawHeader = () => {
    const y = doc.y;
    drawRow(doc, headers, columns, widths, y, headerHeight, FONTS.bold, false);
    doc.moveTo(PAGE.marginSide, y + headerHeight).lineTo(PAGE.marginSide + CONTENT_WIDTH, y + headerHeight).lineWidth(0.8).strokeColor(COLOURS.rule).stroke();
    doc.y = y + headerHeight + 1;
  };
  const firstRowHeight = rows.length > 0 ? rowHeight(doc, rows[0]!, widths, FONTS.regular) : 0;
  if (doc.y + headerHeight + firstRowHeight > CONTENT_BOTTOM) doc.addPage();
  drawHeader();
  rows.forEach((row, index) => {
    const height = rowHeight(doc, row, widths, FONTS.regular);
    if (doc.y + height > CONTENT_BOTTOM) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    drawRow(doc, row, columns, widths, y, height, FONTS.regular, index % 2 === 1);
    doc.y = y + height;
  });
  doc.moveTo(PAGE.marginSide, doc.y).lineTo(PAGE.marginSide + CONTENT_WIDTH, doc.y).lineWidth(0.8).strokeColor(COLOURS.rule).stroke();
  doc.x = PAGE.marginSide;
  doc.y += 10;
}
