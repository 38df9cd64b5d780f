/**
 * Places a rendered chart in the PDF as vector graphics (svg-to-pdfkit), scaled to the content
 * width at most and never up. Chart text is mapped onto the embedded DejaVu faces, so the PDF
 * has no font the reader's machine must supply.
 */
import SVGtoPDF from 'svg-to-pdfkit';
import { CONTENT_BOTTOM, CONTENT_WIDTH, FONTS, PAGE, ensureSpace } from './page-layout.ts';

/** Vega writes the canvas size on the root element: `<svg … width="W" height="H" …>`. */
function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  if (!Number.isFinite(width) || !Number.isFinite(height)) throw new Error('rendered SVG has no width/height on its root element');
  return { width, height };
}

/** The height the SVG will take on the page when drawn with drawSvg (so a heading can keep with its chart). */
export function svgDrawnHeight(svg: string, maxHeight = CONTENT_BOTTOM - PAGE.marginTop): number {
  const size = svgSize(svg);
  return size.height * Math.min(1, CONTENT_WIDTH / size.width, maxHeight / size.height);
}

/** Draws the SVG at the cursor; starts a new page when it does not fit in the remaining space. */
export function drawSvg(doc: PDFKit.PDFDocument, svg: string, maxHeight = CONTENT_BOTTOM - PAGE.marginTop): void {
  const size = svgSize(svg);
  const scale = Math.min(1, CONTENT_WIDTH / size.width, maxHeight / size.height);
  const width = size.width * scale;
  const height = size.height * scale;
  ensureSpace(doc, height);
  SVGtoPDF(doc, svg, PAGE.marginSide, doc.y, {
    width,
    height,
    preserveAspectRatio: 'xMinYMin meet',
    fontCallback: (_family, bold) => (bold ? FONTS.bold : FONTS.regular),
  });
  doc.x = PAGE.marginSide;
  doc.y += height + 12;
}
