/**
 * Prints the small Markdown subset docs/methods.md uses: `#`–`###` headings, paragraphs, `-`/`*`
 * and numbered lists, fenced code. Inline emphasis and code marks are dropped (the PDF has one
 * text face plus bold); links print as their text.
 */
import { COLOURS, CONTENT_WIDTH, FONTS, PAGE, ensureSpace } from './page-layout.ts';

function plainInline(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}

export function drawMarkdown(doc: PDFKit.PDFDocument, markdown: string): void {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length === 0) return;
    doc.font(FONTS.regular).fontSize(10).fillColor(COLOURS.text).text(plainInline(paragraph.join(' ')), PAGE.marginSide, doc.y, { width: CONTENT_WIDTH, align: 'left' });
    doc.moveDown(0.5);
    paragraph = [];
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^\s*(?:[-*]|(\d+)\.)\s+(.*)$/.exec(line);
    if (line.startsWith('```')) {
      flush();
      const code: string[] = [];
      for (index++; index < lines.length && !lines[index]!.startsWith('```'); index++) code.push(lines[index]!);
      doc.font(FONTS.mono).fontSize(8).fillColor(COLOURS.text).text(code.join('\n'), PAGE.marginSide + 10, doc.y, { width: CONTENT_WIDTH - 10 });
      doc.moveDown(0.5);
    } else if (heading) {
      flush();
      const size = heading[1]!.length === 1 ? 13 : heading[1]!.length === 2 ? 11.5 : 10.5;
      ensureSpace(doc, 40);
      doc.moveDown(0.3).font(FONTS.bold).fontSize(size).fillColor(COLOURS.heading).text(plainInline(heading[2]!), PAGE.marginSide, doc.y, { width: CONTENT_WIDTH });
      doc.moveDown(0.3);
    } else if (bullet) {
      flush();
      const marker = bullet[1] ? `${bullet[1]}.` : '•';
      const y = doc.y;
      doc.font(FONTS.regular).fontSize(10).fillColor(COLOURS.text).text(marker, PAGE.marginSide + 6, y, { width: 14, lineBreak: false });
      doc.text(plainInline(bullet[2]!), PAGE.marginSide + 22, y, { width: CONTENT_WIDTH - 22 });
      doc.moveDown(0.2);
    } else if (line.trim() === '') {
      flush();
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  doc.x = PAGE.marginSide;
}
