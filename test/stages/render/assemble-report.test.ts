/** Reads the PDF back (pdfjs-dist) and checks pages, names, quoted numbers, suppression and metadata. */
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { assembleReport } from '../../../stages/render/assemble-report.ts';
import { writeExecutiveSummary } from '../../../stages/render/executive-summary.ts';
import { formatEstimate } from '../../../stages/render/format.ts';
import { renderFigures } from '../../../stages/render/render-figure.ts';
import { CANARY_MEAN, buildReportInput } from './fixtures.ts';

async function readPdf(pdf: Buffer) {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  const { info } = (await document.getMetadata()) as unknown as { info: Record<string, unknown> };
  return { pages, text: pages.join('\n'), info, numPages: document.numPages };
}

/** Collapses line breaks and runs of spaces so sentences wrapped across lines compare as one. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('assembleReport', async () => {
  const input = buildReportInput({ withPrevious: true });
  const figures = await renderFigures(input, { formats: ['svg'] });
  const pdf = await assembleReport(input, figures);
  const read = await readPdf(pdf);

  it('has the expected pages and metadata', () => {
    // cover, contents, summary, gaps, 5 detail figures (one a page), 2 Likert figures, respondents, regions (3 pages), key, methods, appendices
    expect(read.numPages).toBe(19);
    expect(read.text).toContain('How industry and education answered');
    expect(read.info.Title).toBe('Cybersecurity skills gap survey 2023');
    expect(read.info.Author).toBe('skillgap');
    expect(read.info.Language).toBe('en-GB');
    expect(String(read.info.CreationDate)).toBe("D:20231130000000Z");
    expect(read.pages[1]).toContain('Contents');
    expect(read.pages[18]).toContain('Page 19 of 19');
  });

  it('embeds only DejaVu fonts (no standard-14 font)', () => {
    const raw = pdf.toString('latin1');
    const baseFonts = [...raw.matchAll(/\/BaseFont \/([A-Za-z0-9+-]+)/g)].map((match) => match[1]!.replace(/^[A-Z]{6}\+/, ''));
    expect(new Set(baseFonts)).toEqual(new Set(['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSansMono']));
    expect(raw).not.toMatch(/Helvetica|Times-Roman|Courier/);
  });

  it('names the largest gap’s competency and the countries beyond ASCII', () => {
    expect(flat(read.text)).toContain('Globally, the largest preparedness gaps are in Incident response (1.30');
    expect(read.text).toContain('Türkiye');
    expect(read.text).toContain("Côte d'Ivoire");
  });

  it('quotes every executive-summary number as the analysis value, formatted', () => {
    const summary = writeExecutiveSummary(input);
    const global = (id: string) => input.analysis.estimates.find((row) => row.region === 'Global' && row.competency === id && row.measure === 'gap_preparedness')!;
    expect(summary.quoted.find((q) => q.what === 'Global gap incident-response')?.text).toBe(formatEstimate(global('incident-response').mean));
    expect(summary.quoted.find((q) => q.what === 'industry respondents')?.text).toBe('120');
    expect(summary.quoted.find((q) => q.what === 'Africa gap cloud-security')?.text).toBe('1.35');
    expect(summary.quoted.find((q) => q.what === 'MWDS incident-response')?.text).toBe('5.72');
    const summaryPage = flat(read.pages[2]!);
    for (const paragraph of summary.paragraphs) expect(summaryPage).toContain(flat(paragraph));
    for (const quoted of summary.quoted) expect(summaryPage).toContain(quoted.text);
  });

  it('never prints the suppressed cell’s mean and bins small counts', () => {
    expect(read.text).not.toContain(formatEstimate(CANARY_MEAN));
    expect(read.text).not.toContain('3.14');
    const countryTable = flat(read.text.slice(read.text.indexOf('Respondents per country')));
    expect(countryTable).toMatch(/Iceland Europe 0 < 5 < 5/);
    expect(countryTable).toMatch(/Türkiye Asia 12 < 5 13–16/);
  });
});

describe('tables across pages', () => {
  it('repeats the header row on every page a long table continues on', async () => {
    const input = buildReportInput();
    input.respondentsByCountry = Array.from({ length: 90 }, (_, index) => ({
      country: 'XX', countryName: `Testland ${String(index).padStart(2, '0')}`, region: 'Europe', industry: 10 + index, education: 20,
    }));
    const read = await readPdf(await assembleReport(input, await renderFigures(input, { only: ['gap-heatmap'], formats: ['svg'] })));
    const tablePages = read.pages.filter((page) => page.includes('Testland'));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const page of tablePages) expect(flat(page)).toContain('Country Region Industry Education Total');
  }, 30_000);

  it('lists how far each raking margin ended from its target in the data-quality appendix', async () => {
    const input = buildReportInput();
    input.analysis.marginFit = [
      { population: 'industry', variable: 'region', category: 'Europe', target: 48, achieved: 48, relativeDifference: 0 },
      { population: 'industry', variable: 'region', category: 'Africa', target: 30, achieved: 27.6, relativeDifference: -0.08 },
    ];
    const read = await readPdf(await assembleReport(input, await renderFigures(input, { only: ['gap-heatmap'], formats: ['svg'] })));
    const appendix = flat(read.text);
    expect(appendix).toContain('Margins after weighting');
    expect(appendix).toContain('industry region Africa 30.0 27.6 -8.00%');
    const without = await readPdf(await assembleReport(buildReportInput(), await renderFigures(buildReportInput(), { only: ['gap-heatmap'], formats: ['svg'] })));
    expect(flat(without.text)).not.toContain('Margins after weighting');
  }, 30_000);
});
