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
 *
 * Tagged PDF/UA-1 (stages/render/pdf/structure.ts): the cover title and chapters are H1, sections H2,
 * the methodology's own headings H2–H3 below its chapter; text P; tables, lists and figures (with
 * their alternative text from stages/render/figure-alt-text.ts) tagged by the drawing primitives; the
 * contents page (drawn last) sits in the structure tree where it sits in the document.
 */
import { translator } from './i18n/translator.ts';
import { publishableEstimates, regionsOf, suppressedNText } from './figure-data.ts';
import { publishedCountryCounts } from './published-counts.ts';
import { writeExecutiveSummary } from './executive-summary.ts';
import { figureAltTextFor, ipaAltText, regionGapsAltText } from './figure-alt-text.ts';
import { buildGapHeatmap } from './figures/gap-heatmap.ts';
import { buildIpaQuadrants } from './figures/ipa-quadrants.ts';
import { buildRegionGaps } from './figures/region-gaps.ts';
import { drawMarkdown } from './pdf/draw-markdown.ts';
import { drawSvg, svgDrawnHeight } from './pdf/draw-svg.ts';
import { drawTable } from './pdf/draw-table.ts';
import { COLOURS, CONTENT_WIDTH, FONTS, PAGE, createReportDocument, drawRunningHeaders, ensureSpace, reportDate } from './pdf/page-layout.ts';
import { fillReservedStructure, reserveStructure, tagContent, tagHeading, withStructure } from './pdf/structure.ts';
import { renderSpecToSvg, type RenderedFigure } from './render-figure.ts';
import type { ReportInput } from './report-input.ts';
import { competencyLabel } from './theme.ts';
import { drawFrameworkSections } from './framework-sections.ts';
import type { Translator } from './i18n/translator.ts';

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
  const tr = translator(input.config.language);
  const { t } = tr;
  const { doc, finished } = createReportDocument({
    title,
    subject: t('report.subject', { wave: input.config.wave }),
    keywords: t('report.keywords'),
    date,
    lang: tr.tag,
  });

  const contents: ContentsEntry[] = [];
  let chapterOutline: PDFKit.PDFOutline | undefined;
  const currentPage = () => doc.bufferedPageRange().start + doc.bufferedPageRange().count;
  const chapter = (heading: string) => {
    doc.addPage();
    contents.push({ title: heading, level: 0, page: currentPage() });
    chapterOutline = doc.outline.addItem(heading);
    doc.font(FONTS.bold).fontSize(16).fillColor(COLOURS.heading);
    tagHeading(doc, 1, () => doc.text(heading, PAGE.marginSide, doc.y, { width: CONTENT_WIDTH }));
    doc.moveDown(0.6);
  };
  const subsection = (heading: string, spaceNeeded = 120) => {
    ensureSpace(doc, spaceNeeded);
    contents.push({ title: heading, level: 1, page: currentPage() });
    chapterOutline?.addItem(heading);
    doc.moveDown(0.4).font(FONTS.bold).fontSize(12).fillColor(COLOURS.heading);
    tagHeading(doc, 2, () => doc.text(heading, PAGE.marginSide, doc.y, { width: CONTENT_WIDTH }));
    doc.moveDown(0.4);
  };
  const paragraph = (text: string, options: { muted?: boolean; size?: number } = {}) => {
    doc.font(FONTS.regular).fontSize(options.size ?? 10).fillColor(options.muted ? COLOURS.muted : COLOURS.text);
    tagContent(doc, 'P', () => doc.text(text, PAGE.marginSide, doc.y, { width: CONTENT_WIDTH }));
    doc.moveDown(0.5);
  };
  const figureSvg = async (id: string) => figures.find((figure) => figure.id === id)?.svg;
  const minN = input.config.suppression.minN;
  const label = (id: string) => competencyLabel(input.competencies, id);

  // Cover.
  doc.y = 250;
  doc.font(FONTS.bold).fontSize(26).fillColor(COLOURS.heading);
  tagHeading(doc, 1, () => doc.text(title, PAGE.marginSide, doc.y, { width: CONTENT_WIDTH }));
  doc.moveDown(0.8);
  doc.font(FONTS.regular).fontSize(14).fillColor(COLOURS.text);
  tagContent(doc, 'P', () => doc.text(t('report.cover.wave', { wave: input.config.wave }), { width: CONTENT_WIDTH }));
  doc.moveDown(0.3);
  doc.fontSize(12).fillColor(COLOURS.muted);
  tagContent(doc, 'P', () => doc.text(t('report.cover.date', { date: tr.lang === 'en' ? input.config.reportDate : tr.date(input.config.reportDate) }), { width: CONTENT_WIDTH }));
  doc.moveDown(3);
  doc.fontSize(10);
  tagContent(doc, 'P', () => doc.text(
    t('report.cover.suppression', { minN: tr.integer(minN), lowN: tr.integer(input.config.suppression.lowReliabilityN) }),
    { width: CONTENT_WIDTH },
  ));

  // Contents: page reserved now, written when all page numbers are known (its structure element too, so it reads in place).
  doc.addPage();
  const contentsPage = currentPage() - 1;
  const contentsStructure = reserveStructure(doc, 'Sect');

  chapter(t('report.chapter.summary'));
  for (const text of writeExecutiveSummary(input).paragraphs) paragraph(text);

  chapter(t('report.chapter.gaps'));
  paragraph(t('report.gaps.note'), { muted: true });
  const heatmap = (await figureSvg('gap-heatmap')) ?? (await renderSpecToSvg(buildGapHeatmap(input)));
  drawSvg(doc, heatmap, undefined, figureAltTextFor(input, 'gap-heatmap').text);
  subsection(t('report.gaps.largest'));
  const allGaps = publishableEstimates(input.analysis, 'industry', 'gap_preparedness')
    .filter((cell) => !cell.suppressed)
    .sort((a, b) => b.mean! - a.mean! || a.region.localeCompare(b.region, 'en') || a.competency.localeCompare(b.competency, 'en'))
    .slice(0, 15);
  drawTable(
    doc,
    [
      { header: t('col.region'), width: 0.18 },
      { header: t('col.competency'), width: 0.36 },
      { header: t('col.gap'), width: 0.1, align: 'right' },
      { header: t('col.ci'), width: 0.2, align: 'right' },
      { header: t('col.n'), width: 0.08, align: 'right' },
      { header: t('col.note'), width: 0.08 },
    ],
    allGaps.map((cell) => [tr.region(cell.region), label(cell.competency), tr.estimate(cell.mean!), cell.ciLow === null || cell.ciHigh === null ? '' : tr.interval(cell.ciLow, cell.ciHigh), tr.count(cell.n!, minN), cell.lowReliability ? t('note.lowReliability') : '']),
  );
  const notAskedGaps = [...new Set(publishableEstimates(input.analysis, 'industry', 'gap_preparedness').filter((cell) => cell.notAsked).map((cell) => label(cell.competency)))];
  paragraph(
    t('report.gaps.footnote', { lowN: tr.integer(input.config.suppression.lowReliabilityN), minN: tr.integer(minN) }) +
      (notAskedGaps.length > 0 ? t('report.gaps.notAsked', { list: notAskedGaps.join(', ') }) : ''),
    { muted: true, size: 8.5 },
  );

  chapter(t('report.chapter.detail'));
  const detail: [string, string][] = [
    ['importance-vs-preparedness', t('report.detail.importanceVsPreparedness')],
    ['ipa-quadrants', t('report.detail.ipa')],
    ['rank-intervals', t('report.detail.ranking')],
    ['curriculum-gap', t('report.detail.curriculum')],
    ['wave-change', t('report.detail.change')],
  ];
  // One figure a page, as large as the page allows: the competency charts are tall (a row each).
  for (const [index, [id, heading]] of detail.entries()) {
    const svg = await figureSvg(id);
    if (!svg) continue;
    if (index > 0) doc.addPage();
    subsection(heading, 40 + svgDrawnHeight(svg, DETAIL_CHART_HEIGHT));
    drawSvg(doc, svg, DETAIL_CHART_HEIGHT, figureAltTextFor(input, id).text);
  }

  const likertFigures = [
    ['likert-industry', t('report.answers.industry')],
    ['likert-education', t('report.answers.education')],
  ] as const;
  const likertSvgs = (await Promise.all(likertFigures.map(async ([id, heading]) => [heading, await figureSvg(id), id] as const))).filter(([, svg]) => svg !== undefined);
  if (likertSvgs.length > 0) {
    chapter(t('report.chapter.answers'));
    paragraph(t('report.answers.note'), { muted: true });
    for (const [index, [heading, svg, id]] of likertSvgs.entries()) {
      if (index > 0) doc.addPage();
      subsection(heading, 40 + svgDrawnHeight(svg!, DETAIL_CHART_HEIGHT - 30));
      drawSvg(doc, svg!, DETAIL_CHART_HEIGHT - 30, figureAltTextFor(input, id).text);
    }
  }

  chapter(t('report.chapter.respondents'));
  const map = await figureSvg('respondents-map');
  if (map) drawSvg(doc, map, undefined, figureAltTextFor(input, 'respondents-map').text);
  subsection(t('report.respondents.perCountry'));
  // The note goes above the table: below a table that fills its last page it would sit alone on the next.
  paragraph(t('report.respondents.note', { maxSmall: tr.integer(minN - 1), minN: tr.integer(minN) }), { muted: true, size: 8.5 });
  const countries = publishedCountryCounts(input).sort((a, b) => (tr.lang === 'en' ? a.country.countryName.localeCompare(b.country.countryName, 'en') : tr.compare(a.country.countryName, b.country.countryName)));
  drawTable(
    doc,
    [
      { header: t('col.country'), width: 0.34 },
      { header: t('col.region'), width: 0.24 },
      { header: t('col.industry'), width: 0.14, align: 'right' },
      { header: t('col.education'), width: 0.14, align: 'right' },
      { header: t('col.total'), width: 0.14, align: 'right' },
    ],
    countries.map((row) => [row.country.countryName, tr.region(row.country.region), row.industry.text, row.education.text, row.total.text]),
  );

  chapter(t('report.chapter.regions'));
  for (const [regionIndex, region] of regionsOf(input.analysis).filter((name) => name !== 'Global').entries()) {
    // The region's heatmap column, drawn as a dot chart with CIs: a one-column heatmap is too narrow to read in print.
    const cells = publishableEstimates(input.analysis, 'industry', 'gap_preparedness', region).sort(
      (a, b) => Number(a.suppressed) - Number(b.suppressed) || (b.mean ?? 0) - (a.mean ?? 0) || a.competency.localeCompare(b.competency, 'en'),
    );
    const anyPublished = cells.some((cell) => !cell.suppressed);
    if (regionIndex > 0) doc.addPage();
    if (anyPublished) {
      const regionGaps = await renderSpecToSvg(buildRegionGaps(input, region));
      subsection(tr.region(region), 40 + svgDrawnHeight(regionGaps, REGION_CHART_HEIGHT));
      drawSvg(doc, regionGaps, REGION_CHART_HEIGHT, regionGapsAltText(input, region).text);
    } else {
      subsection(tr.region(region));
      paragraph(t('report.regions.allSuppressed', { region: tr.region(region), minN: tr.integer(minN) }));
    }
    drawTable(
      doc,
      [
        { header: t('col.competency'), width: 0.46 },
        { header: t('col.gap'), width: 0.12, align: 'right' },
        { header: t('col.ci'), width: 0.22, align: 'right' },
        { header: t('col.n'), width: 0.1, align: 'right' },
        { header: t('col.note'), width: 0.1 },
      ],
      cells.map((cell) =>
        cell.suppressed
          ? [label(cell.competency), '–', '–', suppressedNText(cell, minN), t('note.suppressed')]
          : [label(cell.competency), tr.estimate(cell.mean!), cell.ciLow === null || cell.ciHigh === null ? '' : tr.interval(cell.ciLow, cell.ciHigh), tr.count(cell.n!, minN), cell.lowReliability ? t('note.lowReliability') : ''],
      ),
    );
    if (anyPublished) drawSvg(doc, await renderSpecToSvg(buildIpaQuadrants(input, region)), 330, ipaAltText(input, region).text);
  }

  await drawFrameworkSections(input, figures, { doc, chapter, subsection, paragraph });

  chapter(t('report.chapter.key'));
  paragraph(t('report.key.note'), { muted: true });
  drawTable(
    doc,
    [
      { header: t('col.competency'), width: 0.3 },
      { header: t('col.kind'), width: 0.14 },
      { header: t('col.description'), width: 0.56 },
    ],
    input.competencies.map((competency) => [competency.label, t(`kind.${competency.kind}`), competency.description]),
  );

  chapter(t('report.chapter.methodology'));
  if (t('report.methodology.englishOnly')) paragraph(t('report.methodology.englishOnly'), { muted: true });
  drawMarkdown(doc, input.methodsMarkdown);

  chapter(t('report.chapter.quality'));
  drawTable(
    doc,
    [
      { header: t('col.rows'), width: 0.7 },
      { header: t('col.count'), width: 0.3, align: 'right' },
    ],
    [
      [t('report.quality.rowsRead'), tr.integer(input.audit.rowsRead)],
      [t('report.quality.kept'), tr.integer(input.audit.kept)],
      [t('report.quality.excluded'), tr.integer(input.audit.excluded)],
      ...Object.entries(input.audit.excludedByReason)
        .sort(([a], [b]) => a.localeCompare(b, 'en'))
        .map(([reason, count]) => [`  ${t('report.quality.excludedReason', { reason: reasonText(tr, reason) })}`, tr.integer(count)]),
    ],
  );
  paragraph(t('report.quality.reasonsNote'), { muted: true, size: 8.5 });
  subsection(t('report.quality.perSource'), 80);
  drawTable(
    doc,
    [
      { header: t('col.sourceFile'), width: 0.46 },
      { header: t('col.rowsRead'), width: 0.18, align: 'right' },
      { header: t('col.kept'), width: 0.18, align: 'right' },
      { header: t('col.excluded'), width: 0.18, align: 'right' },
    ],
    input.audit.perSource.map((source) => [source.sourceFile, tr.integer(source.rowsRead), tr.integer(source.kept), tr.integer(source.excluded)]),
  );
  drawDroppedColumns(doc, input.audit.perSource, subsection, paragraph, tr);
  subsection(t('report.quality.weighting'), 80);
  drawTable(
    doc,
    [
      { header: t('col.population'), width: 0.28 },
      { header: t('col.n'), width: 0.18, align: 'right' },
      { header: t('col.effectiveN'), width: 0.2, align: 'right' },
      { header: t('col.designEffect'), width: 0.18, align: 'right' },
      { header: t('col.trimmed'), width: 0.16, align: 'right' },
    ],
    input.analysis.weighting.map((row) => [populationText(tr, row.population), tr.integer(row.n), tr.fixed(row.effectiveN, 1), tr.fixed(row.designEffect, 2), tr.integer(row.trimmed)]),
  );
  const marginFit = input.analysis.marginFit ?? [];
  if (marginFit.length > 0) {
    subsection(t('report.quality.margins'), 80);
    paragraph(t('report.quality.marginsNote'), { muted: true, size: 8.5 });
    drawTable(
      doc,
      [
        { header: t('col.population'), width: 0.18 },
        { header: t('col.margin'), width: 0.22 },
        { header: t('col.category'), width: 0.2 },
        { header: t('col.target'), width: 0.13, align: 'right' },
        { header: t('col.achieved'), width: 0.13, align: 'right' },
        { header: t('col.difference'), width: 0.14, align: 'right' },
      ],
      marginFit.map((row) => [populationText(tr, row.population), row.variable, row.category, tr.fixed(row.target, 1), tr.fixed(row.achieved, 1), tr.lang === 'en' ? `${(100 * row.relativeDifference).toFixed(2)}%` : tr.percent(row.relativeDifference, 2)]),
    );
  }
  const warnings = [...input.warnings, ...input.analysis.warnings];
  subsection(t('report.quality.warnings'), 80);
  if (warnings.length === 0) paragraph(t('report.quality.noWarnings'));
  else
    drawTable(
      doc,
      [
        { header: t('col.code'), width: 0.2 },
        { header: t('col.where'), width: 0.3 },
        { header: t('col.message'), width: 0.5 },
      ],
      warnings.map((warning) => [warning.code, [warning.file, warning.row === undefined ? '' : t('report.quality.row', { row: warning.row }), warning.column ?? ''].filter(Boolean).join(', '), warning.message]),
    );

  chapter(t('report.chapter.provenance'));
  subsection(t('report.provenance.inputs'), 80);
  drawTable(
    doc,
    [
      { header: t('col.file'), width: 0.36 },
      { header: t('col.sha256'), width: 0.64 },
    ],
    input.provenance.inputs.map((file) => [file.file, file.sha256]),
  );
  subsection(t('report.provenance.packages'), 80);
  drawTable(
    doc,
    [
      { header: t('col.package'), width: 0.5 },
      { header: t('col.version'), width: 0.5 },
    ],
    Object.entries(input.provenance.packageVersions)
      .sort(([a], [b]) => a.localeCompare(b, 'en'))
      .map(([name, version]) => [name, version]),
  );
  subsection(t('report.provenance.configuration'), 80);
  drawMarkdown(doc, ['```', ...input.provenance.configJson.split('\n'), '```'].join('\n'));

  // Contents page.
  doc.switchToPage(contentsPage);
  doc.y = PAGE.marginTop;
  fillReservedStructure(doc, contentsStructure, () => {
    doc.font(FONTS.bold).fontSize(16).fillColor(COLOURS.heading);
    tagHeading(doc, 1, () => doc.text(t('report.contents'), PAGE.marginSide, doc.y, { width: CONTENT_WIDTH }));
    doc.moveDown(0.8);
    withStructure(doc, 'TOC', () => {
      for (const entry of contents) {
        const indent = entry.level === 0 ? 0 : 16;
        const y = doc.y;
        doc.font(entry.level === 0 ? FONTS.bold : FONTS.regular).fontSize(entry.level === 0 ? 10.5 : 9.5).fillColor(COLOURS.text);
        tagContent(doc, 'TOCI', () => {
          doc.text(entry.title, PAGE.marginSide + indent, y, { width: CONTENT_WIDTH - indent - 40, lineBreak: false, ellipsis: true });
          doc.text(tr.integer(entry.page), PAGE.marginSide, y, { width: CONTENT_WIDTH, align: 'right', lineBreak: false });
        });
        doc.y = y + (entry.level === 0 ? 18 : 15);
      }
    });
  });

  // Running header and page numbers on every page but the cover.
  drawRunningHeaders(doc, title, input.config.wave, 1, tr);
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
  tr: Translator,
): void {
  const { t } = tr;
  subsection(t('report.quality.dropped'), 80);
  paragraph(t('report.quality.droppedNote'), { muted: true, size: 8.5 });
  const reasonText = (reason: string) =>
    reason === 'personal_data_header' || reason === 'personal_data_content' || reason === 'not_in_codebook' ? t(`report.quality.reason.${reason}`) : reason;
  const rows: string[][] = [];
  for (const source of sources) {
    const byReason = new Map<string, string[]>();
    for (const { column, reason } of source.droppedColumns ?? []) byReason.set(reason, [...(byReason.get(reason) ?? []), column]);
    for (const [reason, columns] of byReason) rows.push([source.sourceFile, reasonText(reason), tr.integer(columns.length), columns.join(', ')]);
  }
  if (rows.length === 0) {
    paragraph(t('report.quality.noneDropped'));
    return;
  }
  drawTable(
    doc,
    [
      { header: t('col.sourceFile'), width: 0.27 },
      { header: t('col.reason'), width: 0.2 },
      { header: t('col.columns'), width: 0.1, align: 'right' },
      { header: t('col.names'), width: 0.43 },
    ],
    rows,
  );
}

/** A quality reason code (`speeder`) as the tables print it, in the report's language. */
function reasonText(tr: Translator, reason: string): string {
  const key = `reason.${reason}`;
  return tr.has(key) ? tr.t(key) : reason.replace(/_/g, ' ');
}

/** `industry` / `education` in the report's language (the code itself in English). */
function populationText(tr: Translator, population: string): string {
  return tr.lang === 'en' || (population !== 'industry' && population !== 'education') ? population : tr.t(`population.${population}`);
}
