/**
 * Page geometry and fonts of the report. A4 portrait; all text in embedded DejaVu Sans (no
 * standard-14 font anywhere, so every glyph beyond Latin-1 renders and `pdffonts` lists only
 * embedded fonts).
 */
import path from 'node:path';
import { FONT_FILES } from '../theme.ts';

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
