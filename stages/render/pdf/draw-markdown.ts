/**
 * Prints the small Markdown subset docs/methods.md uses: `#`–`###` headings, paragraphs, `-`/`*`
 * and numbered lists, fenced code. Inline emphasis and code marks are dropped (the PDF has one
 * text face plus bold); links print as their text.
 *
 * Tagged: paragraphs P, fenced code Code, list items L ─ LI ─ Lbl · LBody, headings H<n> nested
 * below the heading drawn last (the Markdown's top level becomes one level below it), so a
 * document's headings never skip a level.
 */
import { COLOURS, CONTENT_WIDTH, FONTS, PAGE, ensureSpace } from './page-layout.ts';
import { beginStructure, endStructure, headingLevel, tagContent, tagHeading, withStructure } from './structure.ts';

function plainInline(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}

/** `topHeadingLevel`: the structure level (H1–H6) of the Markdown's highest headings; default one below the last heading drawn. */
export function drawMarkdown(doc: PDFKit.PDFDocument, markdown: string, options: { topHeadingLevel?: number } = {}): void {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const topLevel = Math.min(...lines.map((line) => /^(#{1,6})\s/.exec(line)?.[1]!.length ?? 7));
  const levelOffset = (options.topHeadingLevel ?? headingLevel(doc) + 1) - topLevel;
  let paragraph: string[] = [];
  let inList = false;
  const endList = () => {
    if (inList) endStructure(doc);
    inList = false;
  };
  const flush = () => {
    if (paragraph.length === 0) return;
    doc.font(FONTS.regular).fontSize(10).fillColor(COLOURS.text);
    tagContent(doc, 'P', () => doc.text(plainInline(paragraph.join(' ')), PAGE.marginSide, doc.y, { width: CONTENT_WIDTH, align: 'left' }));
    doc.moveDown(0.5);
    paragraph = [];
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^\s*(?:[-*]|(\d+)\.)\s+(.*)$/.exec(line);
    if (!bullet) endList();
    if (line.startsWith('```')) {
      flush();
      const code: string[] = [];
      for (index++; index < lines.length && !lines[index]!.startsWith('```'); index++) code.push(lines[index]!);
      doc.font(FONTS.mono).fontSize(8).fillColor(COLOURS.text);
      tagContent(doc, 'Code', () => doc.text(code.join('\n'), PAGE.marginSide + 10, doc.y, { width: CONTENT_WIDTH - 10 }));
      doc.moveDown(0.5);
    } else if (heading) {
      flush();
      const size = heading[1]!.length === 1 ? 13 : heading[1]!.length === 2 ? 11.5 : 10.5;
      ensureSpace(doc, 40);
      doc.moveDown(0.3).font(FONTS.bold).fontSize(size).fillColor(COLOURS.heading);
      tagHeading(doc, heading[1]!.length + levelOffset, () => doc.text(plainInline(heading[2]!), PAGE.marginSide, doc.y, { width: CONTENT_WIDTH }));
      doc.moveDown(0.3);
    } else if (bullet) {
      flush();
      if (!inList) beginStructure(doc, 'L');
      inList = true;
      const marker = bullet[1] ? `${bullet[1]}.` : '•';
      const y = doc.y;
      doc.font(FONTS.regular).fontSize(10).fillColor(COLOURS.text);
      withStructure(doc, 'LI', () => {
        tagContent(doc, 'Lbl', () => doc.text(marker, PAGE.marginSide + 6, y, { width: 14, lineBreak: false }));
        tagContent(doc, 'LBody', () => doc.text(plainInline(bullet[2]!), PAGE.marginSide + 22, y, { width: CONTENT_WIDTH - 22 }));
      });
      doc.moveDown(0.2);
    } else if (line.trim() === '') {
      flush();
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  endList();
  doc.x = PAGE.marginSide;
}
