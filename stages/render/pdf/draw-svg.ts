/**
 * Places a rendered chart in the PDF as vector graphics (svg-to-pdfkit), scaled to the content
 * width at most and never up. Chart text is mapped onto the embedded DejaVu faces, so the PDF
 * has no font the reader's machine must supply.
 *
 * Tagged as a Figure whose marked content is the whole chart, with its text alternative (`alt`,
 * from stages/render/figure-alt-text.ts) and its box on the page. Without an `alt` the chart's own title
 * and subtitle stand in, so no figure is ever without a text alternative.
 */
import SVGtoPDF from 'svg-to-pdfkit';
import { CONTENT_BOTTOM, CONTENT_WIDTH, FONTS, PAGE, ensureSpace } from './page-layout.ts';
import { tagContent } from './structure.ts';

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

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** A Vega chart's title and subtitle lines (the texts of its `role-title-text` / `role-title-subtitle` marks). */
export function svgTitleText(svg: string): string {
  const texts: string[] = [];
  for (const group of svg.matchAll(/<g class="mark-text role-title-(?:text|subtitle)"[^>]*>([\s\S]*?)<\/g>/g)) {
    for (const text of group[1]!.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)) {
      texts.push(text[1]!.replace(/<[^>]+>/g, ' ').replace(/&(amp|lt|gt|quot|apos);/g, (_all, name: string) => XML_ENTITIES[name]!).trim());
    }
  }
  return texts.filter(Boolean).join(' ');
}

/** Draws the SVG at the cursor; starts a new page when it does not fit in the remaining space. */
export function drawSvg(doc: PDFKit.PDFDocument, svg: string, maxHeight = CONTENT_BOTTOM - PAGE.marginTop, alt?: string): void {
  const size = svgSize(svg);
  const scale = Math.min(1, CONTENT_WIDTH / size.width, maxHeight / size.height);
  const width = size.width * scale;
  const height = size.height * scale;
  ensureSpace(doc, height);
  const y = doc.y;
  const text = alt ?? (svgTitleText(svg) || 'Chart');
  tagContent(
    doc,
    'Figure',
    () =>
      SVGtoPDF(doc, svg, PAGE.marginSide, y, {
        width,
        height,
        preserveAspectRatio: 'xMinYMin meet',
        fontCallback: (_family, bold) => (bold ? FONTS.bold : FONTS.regular),
      }),
    { alt: text, bbox: [PAGE.marginSide, y, PAGE.marginSide + width, y + height], placement: 'Block' },
  );
  doc.x = PAGE.marginSide;
  doc.y += height + 12;
}
