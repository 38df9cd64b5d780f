/** Reads a PDF back for tests: page count and the text of each page (pdfjs-dist, legacy build for Node). */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function readPdf(bytes: Uint8Array): Promise<{ pageCount: number; pages: string[]; text: string; info: Record<string, unknown> }> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  const { info } = await document.getMetadata();
  await document.destroy();
  return { pageCount: pages.length, pages, text: pages.join('\n'), info: info as Record<string, unknown> };
}
