/**
 * One unit's profile, both files: content (profile-content.ts) → figures rendered once to SVG →
 * PDF (assemble-profile-pdf.ts) and HTML page (assemble-profile-html.ts). Pure of I/O: the caller
 * writes the bytes (commands/profiles-command.ts, in the main thread or a worker).
 */
import { renderSpecToSvg } from '../render-figure.ts';
import type { ReportInput } from '../report-input.ts';
import { assembleProfileHtml } from './assemble-profile-html.ts';
import { assembleProfilePdf } from './assemble-profile-pdf.ts';
import { buildProfileContent, type ProfileUnit } from './profile-content.ts';

export interface RenderedProfile {
  unit: ProfileUnit;
  pdf: Uint8Array;
  html: string;
  pages: number;
}

export async function renderProfile(input: ReportInput, unit: ProfileUnit, assetsPath = '../assets'): Promise<RenderedProfile> {
  const content = buildProfileContent(input, unit);
  const specs = new Map(content.sections.flatMap((section) => section.figures.map((figure) => [figure.id, figure.spec] as const)));
  const pdf = await assembleProfilePdf(input, content, (id) => renderSpecToSvg(specs.get(id)!));
  const html = assembleProfileHtml(input, content, { assetsPath, pdfName: `${unit.slug}.pdf` });
  return { unit, pdf, html, pages: countPdfPages(pdf) };
}

/** Pages of a pdfkit document: its page objects (one `/Type /Page` each; the tree is `/Type /Pages`). */
function countPdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}
