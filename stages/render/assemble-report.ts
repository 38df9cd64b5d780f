/**
 * The PDF report (pdfkit), assembled from a ReportInput and its rendered figures:
 *
 *   cover · contents (page numbers, filled in last) · executive summary · gaps (heatmap as vector,
 *   largest-gaps table) · competency detail (dumbbell, IPA, ranking, curriculum, change) ·
 *   respondents (map, country table) · one section per region · results by framework (one section
 *   per framework, stages/render/framework-sections.ts) · competency key · methodology ·
 *   appendix A data quality · appendix B provenance
 *
 * Reproducible byte for byte: pages are buffered and numbered at the end; the document set-up
 * (stages/render/pdf/page-layout.ts createReportDocument) takes its dates from config.reportDate, so
 * the info dictionary and the document /ID derived from it are fixed; fonts are subset
 * deterministically.
 */
import { formatCount, formatEstimate, formatInterval } from './format.ts';
import { publishableEstimates, regionsOf, suppressedNText } from './figure-data.ts';
import { publishedCountryCounts } from './published-counts.ts';
import { writeExecutiveSummary } from './executive-summary.ts';
import { buildGapHeatmap } from './figures/gap-heatmap.ts';
import { buildIpaQuadrants } from './figures/ipa-quadrants.ts';
import { buildRegionGaps } from './figures/region-gaps.ts';
import { drawMarkdown } from './pdf/draw-markdown.ts';
import { drawSvg, svgDrawnHeight } from './pdf/draw-svg.ts';
import { drawTable } from './pdf/draw-table.ts';
import { COLOURS, CONTENT_WIDTH, FONTS, PAGE, createReportDocument, drawRunningHeaders, ensureSpace, reportDate } from './pdf/page-layout.ts';
import { renderSpecToSvg, type RenderedFigure } from './render-figure.ts';
import type { ReportInput } from './report-input.ts';
import { competencyLabel } from './theme.ts';
import { drawFrameworkSections } from './framework-sections.ts';

/** Largest height of a region's gap chart: the chart and its heading fill one page. */
const REGION_CHART_HEIGHT = 640;
/** Largest height of a competency-detail chart (one a page, below the chapter or section heading). */
const DETAIL_CHART_HEIGHT = 620;

interface ContentsEntry {
  title: string;
  level: 0 | 1;
  page: number;
}

export async function assembleReport(input: ReportInput, figures: RenderedFigure[]): Promise<Buffer> {
  const date = reportDate(input.config);
  const title = input.config.title;
  const { doc, finished } = createReportDocument({
    title,
    subject: `Cybersecurity skills gap between industry needs and tertiary education, wave ${input.config.wave}`,
    keywords: 'cybersecurity, skills gap, education, industry, survey',
    date,
  });

  const contents: ContentsEntry[] = [];
  let chapterOutline: PDFKit.PDFOutline | undefined;
  const currentPage = () => doc.bufferedPageRange().start + doc.bufferedPageRange().count;
  const chapter = (heading: string) => {
    doc.addPage();
    contents.push({ title: heading, level: 0, page: currentPage() });
    chapterOutline = doc.outline.addItem(heading);
    doc.font(FONTS.bold).fontSize(16).fillColor(COLOURS.heading).text(heading, PAGE.marginSide, doc.y, { width: CONTENT_WIDTH });
    doc.moveDown(0.6);
  };
  const subsection = (heading: string, spaceNeeded = 120) => {
    ensureSpace(doc, spaceNeeded);
    contents.push({ title: heading, level: 1, page: currentPage() });
    chapterOutline?.addItem(heading);
    doc.moveDown(0.4).font(FONTS.bold).fontSize(12).fillColor(COLOURS.heading).text(heading, PAGE.marginSide, doc.y, { width: CONTENT_WIDTH });
    doc.moveDown(0.4);
  };
  const paragraph = (text: string, options: { muted?: boolean; size?: number } = {}) => {
    doc.font(FONTS.regular).fontSize(options.size ?? 10).fillColor(options.muted ? COLOURS.muted : COLOURS.text).text(text, PAGE.marginSide, doc.y, { width: CONTENT_WIDTH });
    doc.moveDown(0.5);
  };
  const figureSvg = async (id: string) => figures.find((figure) => figure.id === id)?.svg;
  const minN = input.config.suppression.minN;
  const label = (id: string) => competencyLabel(input.competencies, id);

  // Cover.
  doc.y = 250;
  doc.font(FONTS.bold).fontSize(26).fillColor(COLOURS.heading).text(title, PAGE.marginSide, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.8);
  doc.font(FONTS.regular).fontSize(14).fillColor(COLOURS.text).text(`Survey wave ${input.config.wave}`, { width: CONTENT_WIDTH });
  doc.moveDown(0.3);
  doc.fontSize(12).fillColor(COLOURS.muted).text(`Report date ${input.config.reportDate}`, { width: CONTENT_WIDTH });
  doc.moveDown(3);
  doc.fontSize(10).text(
    `Estimates from fewer than ${minN} respondents are suppressed, and so are the further estimates that would let a reader compute them back (secondary suppression); estimates from fewer than ${input.config.suppression.lowReliabilityN} are marked as of low reliability.`,
    { width: CONTENT_WIDTH },
  );

  // Contents: page reserved now, written when all page numbers are known.
  doc.addPage();
  const contentsPage = currentPage() - 1;

  chapter('Executive summary');
  for (const text of writeExecutiveSummary(input).paragraphs) paragraph(text);

  chapter('Preparedness gaps');
  paragraph('Each cell is the weighted mean importance minus the weighted mean preparedness of recent graduates, both rated by industry. Grey cells are suppressed.', { muted: true });
  const heatmap = (await figureSvg('gap-heatmap')) ?? (await renderSpecToSvg(buildGapHeatmap(input)));
  drawSvg(doc, heatmap);
  subsection('Largest gaps');
  const allGaps = publishableEstimates(input.analysis, 'industry', 'gap_preparedness')
    .filter((cell) => !cell.suppressed)
    .sort((a, b) => b.mean! - a.mean! || a.region.localeCompare(b.region, 'en') || a.competency.localeCompare(b.competency, 'en'))
    .slice(0, 15);
  drawTable(
    doc,
    [
      { header: 'Region', width: 0.18 },
      { header: 'Competency', width: 0.36 },
      { header: 'Gap', width: 0.1, align: 'right' },
      { header: '95% CI', width: 0.2, align: 'right' },
      { header: 'n', width: 0.08, align: 'right' },
      { header: 'Note', width: 0.08 },
    ],
    allGaps.map((cell) => [cell.region, label(cell.competency), formatEstimate(cell.mean!), cell.ciLow === null || cell.ciHigh === null ? '' : formatInterval(cell.ciLow, cell.ciHigh), formatCount(cell.n!, minN), cell.lowReliability ? 'low rel.' : '']),
  );
  const notAskedGaps = [...new Set(publishableEstimates(input.analysis, 'industry', 'gap_preparedness').filter((cell) => cell.notAsked).map((cell) => label(cell.competency)))];
  paragraph(
    `“low rel.”: n < ${input.config.suppression.lowReliabilityN}. Suppressed cells (n < ${minN}, or hidden so that they cannot be computed back) are never listed.` +
      (notAskedGaps.length > 0 ? ` Not asked in this wave (no estimate, not suppressed): ${notAskedGaps.join(', ')}.` : ''),
    { muted: true, size: 8.5 },
  );

  chapter('Competency detail');
  const detail: [string, string][] = [
    ['importance-vs-preparedness', 'Importance and preparedness'],
    ['ipa-quadrants', 'Importance–performance quadrants'],
    ['rank-intervals', 'Training-need ranking'],
    ['curriculum-gap', 'Industry importance and curriculum coverage'],
    ['wave-change', 'Change since the previous wave'],
  ];
  // One figure a page, as large as the page allows: the competency charts are tall (a row each).
  for (const [index, [id, heading]] of detail.entries()) {
    const svg = await figureSvg(id);
    if (!svg) continue;
    if (index > 0) doc.addPage();
    subsection(heading, 40 + svgDrawnHeight(svg, DETAIL_CHART_HEIGHT));
    drawSvg(doc, svg, DETAIL_CHART_HEIGHT);
  }

  const likertFigures = [
    ['likert-industry', 'Industry'],
    ['likert-education', 'Tertiary education'],
  ] as const;
  const likertSvgs = (await Promise.all(likertFigures.map(async ([id, heading]) => [heading, await figureSvg(id)] as const))).filter(([, svg]) => svg !== undefined);
  if (likertSvgs.length > 0) {
    chapter('How industry and education answered');
    paragraph('The distribution of the answers behind the means: each bar is 100% of the answers with a value; answers below the scale midpoint lie left of zero, answers above it right. Competencies with fewer answers than the suppression threshold are left out.', { muted: true });
    for (const [index, [heading, svg]] of likertSvgs.entries()) {
      if (index > 0) doc.addPage();
      subsection(heading, 40 + svgDrawnHeight(svg!, DETAIL_CHART_HEIGHT - 30));
      drawSvg(doc, svg!, DETAIL_CHART_HEIGHT - 30);
    }
  }

  chapter('Respondents');
  const map = await figureSvg('respondents-map');
  if (map) drawSvg(doc, map);
  subsection('Respondents per country');
  // The note goes above the table: below a table that fills its last page it would sit alone on the next.
  paragraph(`Counts from 1 to ${minN - 1} are shown as “< ${minN}”; a count or total that would let a reader compute such a count back from the totals is shown as the range it lies in.`, { muted: true, size: 8.5 });
  const countries = publishedCountryCounts(input).sort((a, b) => a.country.countryName.localeCompare(b.country.countryName, 'en'));
  drawTable(
    doc,
    [
      { header: 'Country', width: 0.34 },
      { header: 'Region', width: 0.24 },
      { header: 'Industry', width: 0.14, align: 'right' },
      { header: 'Education', width: 0.14, align: 'right' },
      { header: 'Total', width: 0.14, align: 'right' },
    ],
    countries.map((row) => [row.country.countryName, row.country.region, row.industry.text, row.education.text, row.total.text]),
  );

  chapter('Regions');
  for (const [regionIndex, region] of regionsOf(input.analysis).filter((name) => name !== 'Global').entries()) {
    // The region's heatmap column, drawn as a dot chart with CIs: a one-column heatmap is too narrow to read in print.
    const cells = publishableEstimates(input.analysis, 'industry', 'gap_preparedness', region).sort(
      (a, b) => Number(a.suppressed) - Number(b.suppressed) || (b.mean ?? 0) - (a.mean ?? 0) || a.competency.localeCompare(b.competency, 'en'),
    );
    const anyPublished = cells.some((cell) => !cell.suppressed);
    if (regionIndex > 0) doc.addPage();
    if (anyPublished) {
      const regionGaps = await renderSpecToSvg(buildRegionGaps(input, region));
      subsection(region, 40 + svgDrawnHeight(regionGaps, REGION_CHART_HEIGHT));
      drawSvg(doc, regionGaps, REGION_CHART_HEIGHT);
    } else {
      subsection(region);
      paragraph(`Every estimate for ${region} is suppressed (fewer than ${minN} respondents, or hidden so that another small cell cannot be computed back); the region has no chart.`);
    }
    drawTable(
      doc,
      [
        { header: 'Competency', width: 0.46 },
        { header: 'Gap', width: 0.12, align: 'right' },
        { header: '95% CI', width: 0.22, align: 'right' },
        { header: 'n', width: 0.1, align: 'right' },
        { header: 'Note', width: 0.1 },
      ],
      cells.map((cell) =>
        cell.suppressed
          ? [label(cell.competency), '–', '–', suppressedNText(cell, minN), 'suppr.']
          : [label(cell.competency), formatEstimate(cell.mean!), cell.ciLow === null || cell.ciHigh === null ? '' : formatInterval(cell.ciLow, cell.ciHigh), formatCount(cell.n!, minN), cell.lowReliability ? 'low rel.' : ''],
      ),
    );
    if (anyPublished) drawSvg(doc, await renderSpecToSvg(buildIpaQuadrants(input, region)), 330);
  }

  await drawFrameworkSections(input, figures, { doc, chapter, subsection, paragraph });

  chapter('Competency key');
  paragraph('Charts shorten long competency names; the full names and descriptions are these.', { muted: true });
  drawTable(
    doc,
    [
      { header: 'Competency', width: 0.3 },
      { header: 'Kind', width: 0.14 },
      { header: 'Description', width: 0.56 },
    ],
    input.competencies.map((competency) => [competency.label, competency.kind, competency.description]),
  );

  chapter('Methodology');
  drawMarkdown(doc, input.methodsMarkdown);

  chapter('Appendix A: Data quality');
  drawTable(
    doc,
    [
      { header: 'Rows', width: 0.7 },
      { header: 'Count', width: 0.3, align: 'right' },
    ],
    [
      ['Rows read', String(input.audit.rowsRead)],
      ['Kept', String(input.audit.kept)],
      ['Excluded', String(input.audit.excluded)],
      ...Object.entries(input.audit.excludedByReason)
        .sort(([a], [b]) => a.localeCompare(b, 'en'))
        .map(([reason, count]) => [`  excluded: ${reason.replace(/_/g, ' ')}`, String(count)]),
    ],
  );
  paragraph('An excluded row can carry several reasons, so the reasons may sum to more than the excluded rows.', { muted: true, size: 8.5 });
  subsection('Per source file', 80);
  drawTable(
    doc,
    [
      { header: 'Source file', width: 0.46 },
      { header: 'Rows read', width: 0.18, align: 'right' },
      { header: 'Kept', width: 0.18, align: 'right' },
      { header: 'Excluded', width: 0.18, align: 'right' },
    ],
    input.audit.perSource.map((source) => [source.sourceFile, String(source.rowsRead), String(source.kept), String(source.excluded)]),
  );
  drawDroppedColumns(doc, input.audit.perSource, subsection, paragraph);
  subsection('Weighting', 80);
  drawTable(
    doc,
    [
      { header: 'Population', width: 0.28 },
      { header: 'n', width: 0.18, align: 'right' },
      { header: 'Effective n (Kish)', width: 0.2, align: 'right' },
      { header: 'Design effect', width: 0.18, align: 'right' },
      { header: 'Trimmed', width: 0.16, align: 'right' },
    ],
    input.analysis.weighting.map((row) => [row.population, String(row.n), row.effectiveN.toFixed(1), row.designEffect.toFixed(2), String(row.trimmed)]),
  );
  const marginFit = input.analysis.marginFit ?? [];
  if (marginFit.length > 0) {
    subsection('Margins after weighting', 80);
    paragraph('Raked populations: each margin category\'s target and the weighted total it reached after calibration with the weight cap inside it (Methodology, "Weighting"). A difference other than 0 means the cap and the margins could not both hold.', { muted: true, size: 8.5 });
    drawTable(
      doc,
      [
        { header: 'Population', width: 0.18 },
        { header: 'Margin', width: 0.22 },
        { header: 'Category', width: 0.2 },
        { header: 'Target', width: 0.13, align: 'right' },
        { header: 'Achieved', width: 0.13, align: 'right' },
        { header: 'Difference', width: 0.14, align: 'right' },
      ],
      marginFit.map((row) => [row.population, row.variable, row.category, row.target.toFixed(1), row.achieved.toFixed(1), `${(100 * row.relativeDifference).toFixed(2)}%`]),
    );
  }
  const warnings = [...input.warnings, ...input.analysis.warnings];
  subsection('Warnings', 80);
  if (warnings.length === 0) paragraph('No warnings.');
  else
    drawTable(
      doc,
      [
        { header: 'Code', width: 0.2 },
        { header: 'Where', width: 0.3 },
        { header: 'Message', width: 0.5 },
      ],
      warnings.map((warning) => [warning.code, [warning.file, warning.row === undefined ? '' : `row ${warning.row}`, warning.column ?? ''].filter(Boolean).join(', '), warning.message]),
    );

  chapter('Appendix B: Provenance');
  subsection('Input files', 80);
  drawTable(
    doc,
    [
      { header: 'File', width: 0.36 },
      { header: 'SHA-256', width: 0.64 },
    ],
    input.provenance.inputs.map((file) => [file.file, file.sha256]),
  );
  subsection('Package versions', 80);
  drawTable(
    doc,
    [
      { header: 'Package', width: 0.5 },
      { header: 'Version', width: 0.5 },
    ],
    Object.entries(input.provenance.packageVersions)
      .sort(([a], [b]) => a.localeCompare(b, 'en'))
      .map(([name, version]) => [name, version]),
  );
  subsection('Configuration', 80);
  drawMarkdown(doc, ['```', ...input.provenance.configJson.split('\n'), '```'].join('\n'));

  // Contents page.
  doc.switchToPage(contentsPage);
  doc.y = PAGE.marginTop;
  doc.font(FONTS.bold).fontSize(16).fillColor(COLOURS.heading).text('Contents', PAGE.marginSide, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.8);
  for (const entry of contents) {
    const indent = entry.level === 0 ? 0 : 16;
    const y = doc.y;
    doc.font(entry.level === 0 ? FONTS.bold : FONTS.regular).fontSize(entry.level === 0 ? 10.5 : 9.5).fillColor(COLOURS.text);
    doc.text(entry.title, PAGE.marginSide + indent, y, { width: CONTENT_WIDTH - indent - 40, lineBreak: false, ellipsis: true });
    doc.text(String(entry.page), PAGE.marginSide, y, { width: CONTENT_WIDTH, align: 'right', lineBreak: false });
    doc.y = y + (entry.level === 0 ? 18 : 15);
  }

  // Running header and page numbers on every page but the cover.
  drawRunningHeaders(doc, title, input.config.wave, 1);
  doc.end();
  return finished;
}

/**
 * Appendix A's list of the columns ingest dropped (data minimisation), per source and reason:
 * how many and which (column names only; their values never left ingest).
 */
function drawDroppedColumns(
  doc: PDFKit.PDFDocument,
  sources: ReportInput['audit']['perSource'],
  subsection: (title: string, space?: number) => void,
  paragraph: (text: string, options?: { muted?: boolean; size?: number }) => void,
): void {
  subsection('Columns dropped at ingest', 80);
  paragraph(
    'Ingest keeps only the columns the codebook maps or keeps as free text. Personal-data columns (by name or by content: e-mail addresses, phone numbers, IP addresses, coordinates) and every other column are dropped before anything is stored; their values appear nowhere in the outputs.',
    { muted: true, size: 8.5 },
  );
  const reasonText: Record<string, string> = {
    personal_data_header: 'personal data (name)',
    personal_data_content: 'personal data (content)',
    not_in_codebook: 'not in the codebook',
  };
  const rows: string[][] = [];
  for (const source of sources) {
    const byReason = new Map<string, string[]>();
    for (const { column, reason } of source.droppedColumns ?? []) byReason.set(reason, [...(byReason.get(reason) ?? []), column]);
    for (const [reason, columns] of byReason) rows.push([source.sourceFile, reasonText[reason] ?? reason, String(columns.length), columns.join(', ')]);
  }
  if (rows.length === 0) {
    paragraph('No column was dropped.');
    return;
  }
  drawTable(
    doc,
    [
      { header: 'Source file', width: 0.27 },
      { header: 'Reason', width: 0.2 },
      { header: 'Columns', width: 0.1, align: 'right' },
      { header: 'Names', width: 0.43 },
    ],
    rows,
  );
}
