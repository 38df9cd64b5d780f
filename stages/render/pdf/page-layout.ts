/**
 * Page geometry and fonts of the report. A4 portrait; all text in embedded DejaVu Sans (no
 * standard-14 font anywhere, so every glyph beyond Latin-1 renders and `pdffonts` lists only
 * embedded fonts). Documents are tagged PDF/UA-1 (structure tree: stages/render/pdf/structure.ts).
 */
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { ValidationError } from '../../../contracts/errors.ts';
import type { WaveConfig } from '../../../contracts/types.ts';
import { FONT_FILES } from '../theme.ts';
import { beginDocumentStructure, markArtifact } from './structure.ts';
import { translator, type Translator } from '../i18n/translator.ts';

export const PAGE = { width: 595.28, height: 841.89, marginTop: 62, marginBottom: 62, marginSide: 56 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.marginSide;
export const CONTENT_BOTTOM = PAGE.height - PAGE.marginBottom;

export const FONTS = {
  regular: 'DejaVuSans',
  bold: 'DejaVuSans-Bold',
  mono: 'DejaVuSansMono',
} as const;

export const FONT_PATHS = {
  [FONTS.regular]: FONT_FILES.regular,
  [FONTS.bold]: FONT_FILES.bold,
  [FONTS.mono]: path.join(path.dirname(FONT_FILES.regular), 'DejaVuSansMono.ttf'),
} as const;

export const COLOURS = { text: '#111111', muted: '#555555', rule: '#999999', shade: '#f0f0f0', heading: '#0b3c6b' } as const;

export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, file] of Object.entries(FONT_PATHS)) doc.registerFont(name, file);
}

/** Moves to a new page unless `height` points still fit below the cursor. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > CONTENT_BOTTOM) doc.addPage();
}

/** `2023-11-30` → that day at 00:00 UTC: the PDF's creation date, from the config so renders are reproducible. */
export function reportDate(config: Pick<WaveConfig, 'reportDate'>): Date {
  const date = new Date(`${config.reportDate}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(config.reportDate) || Number.isNaN(date.getTime())) {
    throw new ValidationError(`reportDate "${config.reportDate}" is not an ISO date (YYYY-MM-DD)`, { file: 'wave.json', column: 'reportDate' });
  }
  return date;
}

export interface ReportDocumentInfo {
  title: string;
  subject: string;
  keywords: string;
  /** From the config (reportDate), never the clock. */
  date: Date;
  /** BCP 47 language of the text (the catalogue's Lang and the XMP's); default `en-GB`. */
  lang?: string;
}

/**
 * A buffered A4 document in the report's margins and fonts, with its metadata, and the promise of
 * its bytes once `doc.end()` is called. Byte-reproducible: CreationDate and ModDate are `date`,
 * and pdfkit derives the document /ID from the info dictionary (an MD5 of it), so fixed info
 * gives a fixed ID.
 *
 * Tagged PDF/UA-1: a structure tree (MarkInfo Marked true), PDF 1.7, the pdfuaid XMP entry,
 * document language, the title shown in the window bar (DisplayDocTitle), and an XMP dc:title.
 */
export function createReportDocument(info: ReportDocumentInfo): { doc: PDFKit.PDFDocument; finished: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginSide, right: PAGE.marginSide },
    bufferPages: true,
    autoFirstPage: true,
    font: FONT_PATHS[FONTS.regular],
    lang: info.lang ?? 'en-GB',
    displayTitle: true,
    tagged: true,
    pdfVersion: '1.7',
    subset: 'PDF/UA' as unknown as PDFKit.Mixins.PDFSubsets, // pdfkit 0.20 option, missing from @types/pdfkit 0.17
    info: {
      Title: info.title,
      Author: 'skillgap',
      Subject: info.subject,
      Keywords: info.keywords,
      Creator: 'skillgap',
      Producer: 'skillgap (pdfkit)',
      CreationDate: info.date,
      ModDate: info.date,
    },
  });
  registerFonts(doc);
  escapeXmpValues(doc);
  beginDocumentStructure(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, finished };
}

/**
 * Running header (`headerText` left, `Wave <id>` right, a rule below) and `Page i of n` footer on
 * every buffered page from `firstPage` (0-based; 1 skips a cover). Drawn last, when the page
 * count is known; the bottom margin is lifted while drawing so the footer does not start a page.
 */
export function drawRunningHeaders(doc: PDFKit.PDFDocument, headerText: string, wave: string, firstPage = 0, tr: Translator = translator()): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start + firstPage; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(FONTS.regular).fontSize(8).fillColor(COLOURS.muted);
    // Pagination artifacts: a screen reader skips them (the title and page are known to it anyway).
    markArtifact(doc, () => {
      doc.text(headerText, PAGE.marginSide, 30, { width: CONTENT_WIDTH * 0.75, lineBreak: false, ellipsis: true });
      doc.text(tr.t('report.header.wave', { wave }), PAGE.marginSide, 30, { width: CONTENT_WIDTH, align: 'right', lineBreak: false });
      doc.moveTo(PAGE.marginSide, 43).lineTo(PAGE.marginSide + CONTENT_WIDTH, 43).lineWidth(0.5).strokeColor(COLOURS.rule).stroke();
    }, { type: 'Pagination', attached: ['Top'] });
    markArtifact(doc, () => {
      doc.text(tr.t('report.footer.page', { page: tr.integer(index + 1), pages: tr.integer(range.count) }), PAGE.marginSide, PAGE.height - 40, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
    }, { type: 'Pagination', attached: ['Bottom'] });
    doc.page.margins.bottom = bottomMargin;
  }
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * pdfkit 0.20 writes the info strings into the XMP packet unescaped, so a title such as
 * "Texas A&M" would make the metadata stream malformed XML (PDF/UA-1 requires valid XMP with
 * dc:title). The Info dictionary is written first in `doc.end()`, from the raw strings; only the
 * XMP pass, which runs after it, sees the escaped copies.
 */
function escapeXmpValues(doc: PDFKit.PDFDocument): void {
  const withInfo = doc as unknown as { info: Record<string, unknown>; endMetadata: () => void };
  const writeMetadata = withInfo.endMetadata.bind(doc);
  withInfo.endMetadata = () => {
    for (const [key, value] of Object.entries(withInfo.info)) {
      if (typeof value === 'string') withInfo.info[key] = value.replace(/[&<>"']/g, (character) => XML_ESCAPES[character]!);
    }
    writeMetadata();
  };
}
