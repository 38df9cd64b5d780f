/**
 * Tagged PDF/UA-1: the report is read back with pdf.js (test/helpers/pdf-structure.ts) and its
 * structure tree checked (MarkInfo, Lang, headings, figures' alt text, tables' TH, no untagged
 * content); the checker itself is shown to reject an untagged document and a skipped heading level.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { assembleReport } from '../../../../stages/render/assemble-report.ts';
import { figureAltTextFor, ipaAltText, regionGapsAltText } from '../../../../stages/render/figure-alt-text.ts';
import { regionsOf } from '../../../../stages/render/figure-data.ts';
import { drawSvg, svgTitleText } from '../../../../stages/render/pdf/draw-svg.ts';
import { drawTable } from '../../../../stages/render/pdf/draw-table.ts';
import { createReportDocument } from '../../../../stages/render/pdf/page-layout.ts';
import { tagHeading } from '../../../../stages/render/pdf/structure.ts';
import { renderFigures, renderSpecToSvg } from '../../../../stages/render/render-figure.ts';
import { readPdfStructure, structureProblems } from '../../../helpers/pdf-structure.ts';
import { buildReportInput } from '../fixtures.ts';

const date = new Date('2023-11-30T00:00:00Z');

async function finish(build: (doc: PDFKit.PDFDocument) => void, title = 'Test'): Promise<Buffer> {
  const { doc, finished } = createReportDocument({ title, subject: 'test', keywords: 'test', date });
  build(doc);
  doc.end();
  return finished;
}

describe('the report as tagged PDF/UA-1', async () => {
  const input = buildReportInput({ withPrevious: true });
  const figures = await renderFigures(input, { formats: ['svg'] });
  const pdf = await assembleReport(input, figures);
  const structure = await readPdfStructure(pdf);

  it('passes every structure check: tagged, language, headings, alt text, table headers, nothing untagged', () => {
    expect(structureProblems(structure)).toEqual([]);
    expect(structure.marked).toBe(true);
    expect(structure.lang).toBe('en-GB');
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
  });

  it('has H1 chapters, H2 sections and the methodology’s own headings at H2–H3', () => {
    const levels = structure.headings.map((heading) => heading.level);
    expect(levels[0]).toBe(1);
    expect(new Set(levels)).toEqual(new Set([1, 2, 3]));
    // Cover title, Contents and 10 chapters (executive summary … appendix B).
    expect(levels.filter((level) => level === 1)).toHaveLength(12);
  });

  it('tags every chart as a Figure whose alt text is the one written from the numbers, in report order', () => {
    const regions = regionsOf(input.analysis).filter((region) => region !== 'Global');
    const expected = [
      figureAltTextFor(input, 'gap-heatmap').text,
      ...['importance-vs-preparedness', 'ipa-quadrants', 'rank-intervals', 'curriculum-gap', 'wave-change', 'likert-industry', 'likert-education', 'respondents-map'].map((id) => figureAltTextFor(input, id).text),
      ...regions.flatMap((region) => [regionGapsAltText(input, region).text, ipaAltText(input, region).text]),
    ];
    expect(structure.figures.map((figure) => figure.alt)).toEqual(expected);
    expect(structure.figures[0]!.alt).toContain('Globally, Incident response has the largest gap, 1.30 (95% CI 1.21 to 1.39)');
  });

  it('tags tables with TH header cells of scope Column, lists, the contents and artifacts', () => {
    expect(structure.tables.length).toBeGreaterThanOrEqual(10);
    for (const table of structure.tables) expect(table.headerCells).toBeGreaterThan(0);
    const raw = pdf.toString('latin1');
    const th = raw.match(/\/S \/TH\b/g)!.length;
    expect(th).toBe(structure.roles.get('TH'));
    expect(raw.match(/\/Scope \/Column/g)!.length).toBe(th);
    expect(structure.roles.get('TOCI')).toBe(raw.match(/\/S \/TOCI\b/g)!.length);
    expect(structure.roles.get('TOCI')).toBeGreaterThan(20);
    expect(structure.roles.get('LBody')).toBe(structure.roles.get('LI'));
    // Running header and footer (two artifacts) on every page but the cover; more where tables have rules.
    expect(structure.artifactsPerPage[0]).toBe(0);
    for (const count of structure.artifactsPerPage.slice(1)) expect(count).toBeGreaterThanOrEqual(2);
  });

  it('declares PDF/UA-1 and the title in the XMP metadata, and shows the title', async () => {
    const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
    const { metadata } = await document.getMetadata();
    expect(metadata?.get('pdfuaid:part')).toBe('1');
    expect(metadata?.get('dc:title')).toBe('Cybersecurity skills gap survey 2023');
    expect(await document.getViewerPreferences()).toMatchObject({ DisplayDocTitle: true });
    await document.destroy();
  });
});

describe('tagging in the drawing primitives', () => {
  it('keeps a table that runs over pages one Table, its repeated header row an artifact', async () => {
    const rows = Array.from({ length: 120 }, (_, index) => [`Row ${index}`, String(index)]);
    const structure = await readPdfStructure(await finish((doc) => {
      tagHeading(doc, 1, () => doc.text('Long table'));
      drawTable(doc, [{ header: 'Name', width: 0.5 }, { header: 'Value', width: 0.5, align: 'right' }], rows);
    }));
    expect(structure.pageCount).toBeGreaterThan(2);
    expect(structureProblems(structure)).toEqual([]);
    expect(structure.tables).toEqual([{ page: 1, headerCells: 2, dataCells: 240 }]);
    // Pages 2 and 3 repeat the header row, as an artifact: more artifacts there than the rules and shading alone.
    expect(structure.roles.get('TH')).toBe(2);
  });

  it('gives a chart drawn without alt text its own title and subtitle as alternative text', async () => {
    const svg = await renderSpecToSvg({
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      title: { text: 'Gaps & needs', subtitle: ['Two bars.'] },
      data: { values: [{ a: 'x', b: 1 }, { a: 'y', b: 2 }] },
      mark: 'bar',
      encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' } },
    });
    expect(svgTitleText(svg)).toBe('Gaps & needs Two bars.');
    const structure = await readPdfStructure(await finish((doc) => {
      tagHeading(doc, 1, () => doc.text('Chart'));
      drawSvg(doc, svg);
    }));
    expect(structureProblems(structure)).toEqual([]);
    expect(structure.figures).toEqual([{ page: 1, alt: 'Gaps & needs Two bars.' }]);
  });

  it('escapes the title in the XMP packet, so "A&M <Lab>" is valid metadata', async () => {
    const title = 'Curriculum and industry demand: Texas A&M <Lab> "Cyber"';
    const pdf = await finish((doc) => tagHeading(doc, 1, () => doc.text(title)), title);
    const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
    const { info, metadata } = await document.getMetadata();
    expect((info as { Title: string }).Title).toBe(title);
    expect(metadata?.get('dc:title')).toBe(title);
    await document.destroy();
  });

  it('the checker rejects an untagged document and a skipped heading level', async () => {
    const plain = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    plain.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => plain.on('end', resolve));
    plain.text('Untagged text').rect(10, 10, 50, 50).fill('#cccccc');
    plain.end();
    await ended;
    const untagged = structureProblems(await readPdfStructure(Buffer.concat(chunks)));
    expect(untagged).toContain('MarkInfo /Marked is not true');
    expect(untagged).toContain('untagged Tj on page 1');
    expect(untagged).toContain('untagged path on page 1');

    const skipped = await finish((doc) => {
      tagHeading(doc, 1, () => doc.text('Title'));
      tagHeading(doc, 3, () => doc.text('Too deep'));
    });
    expect(structureProblems(await readPdfStructure(skipped))).toEqual(['H3 on page 1 follows H1: a level is skipped']);
  });

  it('refuses a page break inside tagged content (the new page would hold untagged content)', async () => {
    const { doc } = createReportDocument({ title: 'x', subject: 'x', keywords: 'x', date });
    expect(() => tagHeading(doc, 1, () => doc.addPage().text('lost'))).toThrow(/interrupted by doc.addPage/);
  });
});
