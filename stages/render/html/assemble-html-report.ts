/**
 * The interactive report, out/<wave>/report.html: the PDF's sections and numbers in one
 * self-contained page that opens offline from disk.
 *
 *   ReportInput ──figure builders (per region where a builder takes one)──▶ Vega-Lite specs ─┐
 *   ReportInput ──publishableEstimates / format.ts (as assemble-report.ts)──▶ tables ─────────┼─▶ report.html
 *   node_modules: vega, vega-lite, vega-embed builds, DejaVu fonts (base64) ─────────────────┘
 *
 * The page inlines only what the PDF publishes: specs built from publishable estimates, tables
 * formatted by stages/render/format.ts, the executive summary's text. The raw analysis (with the means of
 * suppressed cells) never reaches the page. The page script (report-page.js) embeds the figures,
 * switches them to a region's variant, filters tables by region and competency, sorts tables and
 * downloads CSV / SVG / PNG / the Vega-Lite spec.
 */
import type { TopLevelSpec } from 'vega-lite';
import { writeExecutiveSummary } from '../executive-summary.ts';
import { publishableEstimates, regionsOf } from '../figure-data.ts';
import { buildGapHeatmap } from '../figures/gap-heatmap.ts';
import { buildImportanceVsPreparedness } from '../figures/importance-vs-preparedness.ts';
import { buildIpaQuadrants } from '../figures/ipa-quadrants.ts';
import { buildRankIntervals } from '../figures/rank-intervals.ts';
import { buildRegionGaps } from '../figures/region-gaps.ts';
import { buildRespondentsMap } from '../figures/respondents-map.ts';
import { buildCurriculumGap } from '../figures/curriculum-gap.ts';
import { buildLikert, hasLikertData } from '../figures/likert.ts';
import { buildWaveChange, gapChanges } from '../figures/wave-change.ts';
import { formatCount, formatEstimate, formatInterval, formatTotal } from '../format.ts';
import { translator, type Translator } from '../i18n/translator.ts';
import type { MessageKey } from '../i18n/catalogue.ts';
import type { RenderedFigure } from '../render-figure.ts';
import type { ReportInput } from '../report-input.ts';
import { competencyLabel } from '../theme.ts';
import { frameworkTableRows } from '../framework-sections.ts';
import { buildFrameworkHeatmap, buildFrameworkRanking, frameworkHeatmapId, frameworkRankingId, frameworkRegions, unitLabel, unitNoun } from '../figures/framework-figures.ts';
import { figureAltTextFor, ipaAltText, regionGapsAltText } from '../figure-alt-text.ts';
import { recordTooltip } from '../figures/tooltip-fields.ts';
import { escapeHtml, htmlTable, jsonForScript, markdownToHtml, scriptForInline, slug, type HtmlTableOptions } from './html-markup.ts';

/** What the page needs from node_modules and the fonts, read by the caller (I/O at the edge). */
export interface HtmlReportAssets {
  vegaJs: string;
  vegaLiteJs: string;
  vegaEmbedJs: string;
  pageJs: string;
  fontRegularBase64: string;
  fontBoldBase64: string;
}

/** One figure as the page embeds it: the report's spec and, for builders that take a region, a spec per region. */
export interface PageFigure {
  id: string;
  title: string;
  caption: string;
  /** The chart's alternative text, written from the numbers (stages/render/figure-alt-text.ts), as in the PDF. */
  alt: string;
  spec: object;
  byRegion?: Record<string, object>;
}

/** Figures with a page title and caption in the catalogue (`html.figure.<id>`, `html.caption.<id>`). */
const FIGURE_TITLE_IDS = ['gap-heatmap', 'importance-vs-preparedness', 'ipa-quadrants', 'rank-intervals', 'curriculum-gap', 'likert-industry', 'likert-education', 'wave-change', 'respondents-map'];

function figureTitle(tr: Translator, id: string): [string, string] {
  return FIGURE_TITLE_IDS.includes(id) ? [tr.t(`html.figure.${id}` as MessageKey), tr.t(`html.caption.${id}` as MessageKey)] : [id, ''];
}

/** The strings the page script (report-page.js) shows, handed to it in the page data as `text`. */
export const PAGE_SCRIPT_KEYS = ['page.noData', 'page.dataOf', 'page.globalOnly', 'page.noRegionData', 'page.export', 'page.rowsShown', 'page.regionFilter', 'page.searchFilter', 'page.showing', 'page.regionChart', 'page.wholeWave'] as const satisfies readonly MessageKey[];

/** Builders that take a region: the region selector swaps in these variants. */
const REGION_VARIANTS: Record<string, (input: ReportInput, region: string) => TopLevelSpec> = {
  'gap-heatmap': (input, region) => buildGapHeatmap(input, [region]),
  'importance-vs-preparedness': (input, region) => buildImportanceVsPreparedness(input, region),
  'ipa-quadrants': (input, region) => buildIpaQuadrants(input, region),
  'rank-intervals': (input, region) => buildRankIntervals(input, region),
  'curriculum-gap': (input, region) => buildCurriculumGap(input, region),
  'likert-industry': (input, region) => buildLikert(input, 'industry', region),
  'likert-education': (input, region) => buildLikert(input, 'education', region),
  'wave-change': (input, region) => buildWaveChange(input, region),
  'respondents-map': (input, region) => respondentsMapForRegion(buildRespondentsMap(input), input, region),
};

/**
 * Whether a figure has anything for a region: the selector shows the region's variant only then,
 * and otherwise says that the region has no estimates there (suppressed, not asked, or absent from
 * the previous wave) instead of showing another region's numbers.
 */
const REGION_HAS_DATA: Record<string, (input: ReportInput, region: string) => boolean> = {
  'importance-vs-preparedness': (input, region) => publishableEstimates(input.analysis, 'industry', 'importance', region).some((cell) => !cell.suppressed),
  'ipa-quadrants': (input, region) => publishableEstimates(input.analysis, 'industry', 'importance', region).some((cell) => !cell.suppressed),
  'rank-intervals': (input, region) => input.analysis.rankings.some((row) => row.region === region && !row.suppressed),
  'curriculum-gap': (input, region) => publishableEstimates(input.analysis, 'both', 'gap_curriculum', region).some((cell) => !cell.suppressed),
  'likert-industry': (input, region) => hasLikertData(input.analysis, 'industry', region),
  'likert-education': (input, region) => hasLikertData(input.analysis, 'education', region),
  'wave-change': (input, region) => gapChanges(input, region).length > 0,
};

/** The region variant of a framework figure (heatmap: the region's column; ranking: the region's ranks). */
function frameworkRegionVariant(input: ReportInput, id: string): ((region: string) => TopLevelSpec | undefined) | undefined {
  for (const rollup of input.analysis.frameworks ?? []) {
    const rows = (region: string) => rollup.rows.some((row) => row.region === region && row.population === 'industry' && row.measure === 'gap_preparedness' && !row.suppressed);
    if (id === frameworkHeatmapId(rollup.framework)) return (region) => (rows(region) ? buildFrameworkHeatmap(input, rollup, [region]) : undefined);
    if (id === frameworkRankingId(rollup.framework)) return (region) => (rows(region) ? buildFrameworkRanking(input, rollup, region) : undefined);
  }
  return undefined;
}

/** The map with only the region's countries coloured: the lookup table keeps the region's countries. */
function respondentsMapForRegion(spec: TopLevelSpec, input: ReportInput, region: string): TopLevelSpec {
  const names = new Set(input.respondentsByCountry.filter((country) => country.region === region).map((country) => country.countryName));
  type LookupStep = { lookup?: string; from?: { data?: { values?: { countryName: string }[] } } };
  const { transform } = spec as { transform?: LookupStep[] };
  // A new spec with a new lookup step; the rest (the world map's geometry above all) is shared, not
  // copied: withRecordTooltips copies the whole spec for the page anyway.
  return {
    ...spec,
    transform: transform?.map((step) => (step.lookup && step.from?.data?.values
      ? { ...step, from: { ...step.from, data: { ...step.from.data, values: step.from.data.values.filter((row) => names.has(row.countryName)) } } }
      : step)),
  } as TopLevelSpec;
}

/**
 * The page's tooltips show the whole published record under the pointer (n, CI, low-reliability and
 * suppressed flags included), not only the few fields a print figure lists: every mark that had a
 * tooltip encoding gets one field per record field, titled in the page's language
 * (figures/tooltip-fields.ts recordTooltip: "Écart", not `gap`). The records are the publishable
 * ones, so the tooltip can show nothing the tables do not.
 */
export function withRecordTooltips<T>(spec: T, tr: Translator = translator()): T {
  const copy = JSON.parse(JSON.stringify(spec)) as T;
  type Unit = { mark?: string | Record<string, unknown>; encoding?: Record<string, unknown>; data?: { values?: unknown }; transform?: unknown[] };
  (function walk(node: unknown, records: Record<string, unknown>[]): void {
    if (Array.isArray(node)) return node.forEach((child) => walk(child, records));
    if (!node || typeof node !== 'object') return;
    const unit = node as Unit;
    const values = unit.data?.values;
    const own = Array.isArray(values) ? (values as unknown[]).filter((row): row is Record<string, unknown> => !!row && typeof row === 'object') : records;
    const markType = typeof unit.mark === 'string' ? unit.mark : unit.mark?.type;
    // Map shapes keep their own tooltip: their record is a geometry.
    if (unit.mark !== undefined && markType !== 'geoshape' && unit.encoding?.tooltip !== undefined) {
      const listed = [unit.encoding.tooltip].flat() as { field?: string; title?: string; format?: string }[];
      const { fields, transforms } = recordTooltip(tr, own, listed);
      unit.encoding.tooltip = fields;
      if (transforms.length > 0) unit.transform = [...(unit.transform ?? []), ...transforms];
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'data' && key !== 'datasets') walk(value, own);
  })(copy, []);
  return copy;
}

function pageFigure(input: ReportInput, figure: RenderedFigure, regions: string[]): PageFigure {
  const tr = translator(input.config.language);
  const [title, caption] = figureTitle(tr, figure.id);
  const builder = REGION_VARIANTS[figure.id];
  const hasData = REGION_HAS_DATA[figure.id];
  const variant = builder ? (region: string) => (!hasData || hasData(input, region) ? builder(input, region) : undefined) : frameworkRegionVariant(input, figure.id);
  // Global is the report's own spec, except for the figures whose spec shows every region at once.
  const withVariant = regions.filter((region) => region !== 'Global' || figure.id === 'gap-heatmap' || figure.id === 'respondents-map' || figure.id.startsWith('framework-heatmap-'));
  const byRegion = variant
    ? Object.fromEntries(withVariant.flatMap((region) => {
        const spec = variant(region);
        return spec ? [[region, withRecordTooltips(spec, tr)]] : [];
      }))
    : undefined;
  return { id: figure.id, title, caption, alt: figureAltTextFor(input, figure.id).text, spec: withRecordTooltips(figure.spec, tr), byRegion };
}

export function figureMarkup(figure: PageFigure, headingLevel: 2 | 3 | 4, tr: Translator): string {
  const { t } = tr;
  const id = `figure-${figure.id}`;
  return [
    `<figure class="figure" id="${id}" data-figure-id="${escapeHtml(figure.id)}" aria-labelledby="${id}-title">`,
    `<h${headingLevel} id="${id}-title">${escapeHtml(figure.title)}</h${headingLevel}>`,
    `<div class="chart" role="group" aria-label="${escapeHtml(t('html.chartLabel', { title: figure.title, caption: figure.alt }))}"></div>`,
    `<p class="region-note" hidden></p>`,
    `<figcaption>${escapeHtml(figure.caption)}</figcaption>`,
    `<p class="figure-actions"><button type="button" class="download-spec">${escapeHtml(t('html.downloadSpec'))}</button> <button type="button" class="download-svg">${escapeHtml(t('html.downloadSvg'))}</button> <button type="button" class="download-png">${escapeHtml(t('html.downloadPng'))}</button></p>`,
    `<details class="figure-data"><summary>${escapeHtml(t('html.dataTable', { title: figure.title }))}</summary><div class="figure-table"></div></details>`,
    `</figure>`,
  ].join('\n');
}

/** The whole page as one string. `figures` are the report's rendered figures (their specs are reused). */
export function assembleHtmlReport(input: ReportInput, figures: RenderedFigure[], assets: HtmlReportAssets): string {
  const minN = input.config.suppression.minN;
  const lowN = input.config.suppression.lowReliabilityN;
  const tr = translator(input.config.language);
  const { t } = tr;
  const table = (options: HtmlTableOptions) => htmlTable({ downloadLabel: t('html.downloadCsv'), ...options });
  const label = (id: string) => competencyLabel(input.competencies, id);
  const regions = regionsOf(input.analysis);
  const byId = new Map(figures.map((figure) => [figure.id, pageFigure(input, figure, regions)]));
  const figureHtml = (id: string, level: 3 | 4 = 3) => (byId.has(id) ? figureMarkup(byId.get(id)!, level, tr) : '');
  const sections: { id: string; title: string; body: string }[] = [];

  sections.push({ id: 'summary', title: t('report.chapter.summary'), body: writeExecutiveSummary(input).paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n') });

  const allGaps = publishableEstimates(input.analysis, 'industry', 'gap_preparedness')
    .filter((cell) => !cell.suppressed)
    .sort((a, b) => b.mean! - a.mean! || a.region.localeCompare(b.region, 'en') || a.competency.localeCompare(b.competency, 'en'));
  // As the PDF: the 15 largest over all regions; with a region selected, that region's 15 largest.
  const topPerRegion = new Map<string, number>();
  const shownGaps = allGaps.filter((cell, index) => {
    const count = (topPerRegion.get(cell.region) ?? 0) + 1;
    topPerRegion.set(cell.region, count);
    return index < 15 || count <= 15;
  });
  const overallTop = new Set(allGaps.slice(0, 15));
  sections.push({
    id: 'gaps',
    title: t('report.chapter.gaps'),
    body: [
      figureHtml('gap-heatmap'),
      `<h3 id="largest-gaps">${escapeHtml(t('report.gaps.largest'))}</h3>`,
      `<p class="note">${escapeHtml(t('html.gapsNote', { lowN: tr.integer(lowN), minN: tr.integer(minN) }))}</p>`,
      table({
        id: 'table-largest-gaps',
        caption: t('html.largestCaption'),
        columns: [{ header: t('col.region') }, { header: t('col.competency') }, { header: t('col.gap'), numeric: true }, { header: t('col.ci'), numeric: true }, { header: t('col.n'), numeric: true }, { header: t('col.note') }],
        rows: shownGaps.map((cell) => [tr.region(cell.region), label(cell.competency), tr.estimate(cell.mean!), cell.ciLow === null || cell.ciHigh === null ? '' : tr.interval(cell.ciLow, cell.ciHigh), tr.count(cell.n!, minN), cell.lowReliability ? t('note.lowReliability') : '']),
        rowRegions: shownGaps.map((cell) => cell.region),
        rowRegionOnly: shownGaps.map((cell) => !overallTop.has(cell)),
        rowCompetencies: shownGaps.map((cell) => label(cell.competency)),
      }),
    ].join('\n'),
  });

  sections.push({ id: 'detail', title: t('report.chapter.detail'), body: ['importance-vs-preparedness', 'ipa-quadrants', 'rank-intervals', 'curriculum-gap', 'wave-change'].map((id) => figureHtml(id)).join('\n') });

  const likert = ['likert-industry', 'likert-education'].filter((id) => byId.has(id));
  if (likert.length > 0) sections.push({ id: 'answers', title: t('report.chapter.answers'), body: likert.map((id) => figureHtml(id)).join('\n') });

  const countries = [...input.respondentsByCountry].sort((a, b) => (tr.lang === 'en' ? a.countryName.localeCompare(b.countryName, 'en') : tr.compare(a.countryName, b.countryName)));
  sections.push({
    id: 'respondents',
    title: t('report.chapter.respondents'),
    body: [
      figureHtml('respondents-map'),
      `<h3 id="respondents-per-country">${escapeHtml(t('report.respondents.perCountry'))}</h3>`,
      `<p class="note">${escapeHtml(t('html.respondentsNote', { maxSmall: tr.integer(minN - 1), minN: tr.integer(minN) }))}</p>`,
      table({
        id: 'table-respondents',
        caption: t('report.respondents.perCountry'),
        columns: [{ header: t('col.country') }, { header: t('col.region') }, { header: t('col.industry'), numeric: true }, { header: t('col.education'), numeric: true }, { header: t('col.total'), numeric: true }],
        rows: countries.map((country) => [country.countryName, tr.region(country.region), tr.count(country.industry, minN), tr.count(country.education, minN), tr.total([country.industry, country.education], minN)]),
        rowRegions: countries.map((country) => country.region),
      }),
    ].join('\n'),
  });

  const regionBlocks = regions
    .filter((name) => name !== 'Global')
    .map((region) => {
      const cells = publishableEstimates(input.analysis, 'industry', 'gap_preparedness', region).sort(
        (a, b) => Number(a.suppressed) - Number(b.suppressed) || (b.mean ?? 0) - (a.mean ?? 0) || a.competency.localeCompare(b.competency, 'en'),
      );
      const anyPublished = cells.some((cell) => !cell.suppressed);
      const regionSlug = slug(region);
      const regionFigures: PageFigure[] = anyPublished
        ? [
            { id: `region-gaps-${regionSlug}`, title: t('regionGaps.title', { region: tr.region(region) }), caption: t('html.regionGapsCaption', { region: tr.region(region) }), alt: regionGapsAltText(input, region).text, spec: withRecordTooltips(buildRegionGaps(input, region), tr) },
            { id: `region-ipa-${regionSlug}`, title: t('figure.titleRegion', { title: t('ipa.title'), region: tr.region(region) }), caption: t('html.regionIpaCaption', { region: tr.region(region) }), alt: ipaAltText(input, region).text, spec: withRecordTooltips(buildIpaQuadrants(input, region), tr) },
          ]
        : [];
      for (const figure of regionFigures) byId.set(figure.id, figure);
      return [
        `<section class="region-section" data-region="${escapeHtml(region)}" aria-labelledby="region-${regionSlug}">`,
        `<h3 id="region-${regionSlug}">${escapeHtml(tr.region(region))}</h3>`,
        anyPublished ? figureMarkup(regionFigures[0]!, 4, tr) : `<p>${escapeHtml(t('html.regionAllSuppressed', { region: tr.region(region), minN: tr.integer(minN) }))}</p>`,
        table({
          id: `table-region-${regionSlug}`,
          caption: t('regionGaps.title', { region: tr.region(region) }),
          columns: [{ header: t('col.competency') }, { header: t('col.gap'), numeric: true }, { header: t('col.ci'), numeric: true }, { header: t('col.n'), numeric: true }, { header: t('col.note') }],
          rows: cells.map((cell) =>
            cell.suppressed
              ? [label(cell.competency), '–', '–', `< ${tr.integer(minN)}`, t('note.suppressed')]
              : [label(cell.competency), tr.estimate(cell.mean!), cell.ciLow === null || cell.ciHigh === null ? '' : tr.interval(cell.ciLow, cell.ciHigh), tr.count(cell.n!, minN), cell.lowReliability ? t('note.lowReliability') : ''],
          ),
          rowCompetencies: cells.map((cell) => label(cell.competency)),
        }),
        anyPublished ? figureMarkup(regionFigures[1]!, 4, tr) : '',
        `</section>`,
      ].join('\n');
    });
  sections.push({ id: 'regions', title: t('report.chapter.regions'), body: regionBlocks.join('\n') });

  // Results by framework: the same figures and Global table as the PDF's chapter (stages/render/framework-sections.ts).
  const rollups = (input.analysis.frameworks ?? []).filter((rollup) => rollup.units.length > 0);
  if (rollups.length > 0) {
    sections.push({
      id: 'frameworks',
      title: t('framework.chapter'),
      body: [
        `<p class="note">${escapeHtml(t('framework.introHtml'))}</p>`,
        ...rollups.map((rollup) => {
          const unit = unitNoun(tr, rollup, false);
          const unitHeader = unit[0]!.toUpperCase() + unit.slice(1);
          // Global's rows show with no region selected; each region's rows with that region selected.
          const tableRegions = frameworkRegions(rollup);
          const perRegion = tableRegions.map((region) => frameworkTableRows(input, rollup, region).map((row) => row.map((cell) => cell.replace(/\n/g, ' '))));
          const rows = perRegion.flat();
          const rowRegions = tableRegions.flatMap((region, index) => perRegion[index]!.map(() => region));
          return [
            `<section aria-labelledby="framework-${slug(rollup.framework)}">`,
            `<h3 id="framework-${slug(rollup.framework)}">${escapeHtml(rollup.name)}</h3>`,
            `<p class="note">${escapeHtml(t('framework.source', { version: rollup.version, source: rollup.source }))}</p>`,
            figureHtml(frameworkHeatmapId(rollup.framework), 4),
            figureHtml(frameworkRankingId(rollup.framework), 4),
            table({
              id: `table-framework-${slug(rollup.framework)}`,
              caption: t('framework.tableHeading', { framework: rollup.shortName, unit }),
              columns: [{ header: unitHeader }, { header: t('col.mwds'), numeric: true }, { header: t('col.rankCi'), numeric: true }, { header: t('col.preparednessGap'), numeric: true }, { header: t('col.curriculumGap'), numeric: true }, { header: t('col.educationGap'), numeric: true }, { header: t('col.n'), numeric: true }],
              rows,
              rowRegions,
              rowRegionOnly: rowRegions.map((region) => region !== 'Global'),
            }),
            rollup.unmappedUnits.length > 0 ? `<p class="note">${escapeHtml(t('framework.unmapped', { list: rollup.unmappedUnits.map((unmapped) => unitLabel(rollup, unmapped.id)).join('; ') }))}</p>` : '',
            `</section>`,
          ].join('\n');
        }),
      ].join('\n'),
    });
  }

  sections.push({
    id: 'key',
    title: t('report.chapter.key'),
    body: table({
      id: 'table-competencies',
      caption: t('html.competenciesCaption'),
      columns: [{ header: t('col.competency') }, { header: t('col.kind') }, { header: t('col.description') }],
      rows: input.competencies.map((competency) => [competency.label, t(`kind.${competency.kind}`), competency.description]),
      rowCompetencies: input.competencies.map((competency) => competency.label),
    }),
  });
  sections.push({ id: 'methodology', title: t('report.chapter.methodology'), body: (t('report.methodology.englishOnly') ? `<p class="note">${escapeHtml(t('report.methodology.englishOnly'))}</p>\n` : '') + markdownToHtml(input.methodsMarkdown) });

  const warnings = [...input.warnings, ...input.analysis.warnings];
  sections.push({
    id: 'data-quality',
    title: t('report.chapter.quality'),
    body: [
      table({
        id: 'table-quality',
        caption: t('html.qualityCaption'),
        columns: [{ header: t('col.rows') }, { header: t('col.count'), numeric: true }],
        rows: [
          [t('report.quality.rowsRead'), tr.integer(input.audit.rowsRead)],
          [t('report.quality.kept'), tr.integer(input.audit.kept)],
          [t('report.quality.excluded'), tr.integer(input.audit.excluded)],
          ...Object.entries(input.audit.excludedByReason)
            .sort(([a], [b]) => a.localeCompare(b, 'en'))
            .map(([reason, count]) => [t('report.quality.excludedReason', { reason: tr.has(`reason.${reason}`) ? t(`reason.${reason}` as MessageKey) : reason.replace(/_/g, ' ') }), tr.integer(count)]),
        ],
      }),
      `<p class="note">${escapeHtml(t('report.quality.reasonsNote'))}</p>`,
      `<h3 id="per-source">${escapeHtml(t('report.quality.perSource'))}</h3>`,
      table({ id: 'table-sources', caption: t('html.sourcesCaption'), columns: [{ header: t('col.sourceFile') }, { header: t('col.rowsRead'), numeric: true }, { header: t('col.kept'), numeric: true }, { header: t('col.excluded'), numeric: true }], rows: input.audit.perSource.map((source) => [source.sourceFile, tr.integer(source.rowsRead), tr.integer(source.kept), tr.integer(source.excluded)]) }),
      `<h3 id="weighting">${escapeHtml(t('report.quality.weighting'))}</h3>`,
      table({
        id: 'table-weighting',
        caption: t('html.weightingCaption'),
        columns: [{ header: t('col.population') }, { header: t('col.n'), numeric: true }, { header: t('col.effectiveN'), numeric: true }, { header: t('col.designEffect'), numeric: true }, { header: t('col.trimmed'), numeric: true }],
        rows: input.analysis.weighting.map((row) => [tr.lang === 'en' ? row.population : t(`population.${row.population}` as MessageKey), tr.integer(row.n), tr.fixed(row.effectiveN, 1), tr.fixed(row.designEffect, 2), tr.integer(row.trimmed)]),
      }),
      `<h3 id="warnings">${escapeHtml(t('report.quality.warnings'))}</h3>`,
      warnings.length === 0
        ? `<p>${escapeHtml(t('report.quality.noWarnings'))}</p>`
        : table({
            id: 'table-warnings',
            caption: t('report.quality.warnings'),
            columns: [{ header: t('col.code') }, { header: t('col.where') }, { header: t('col.message') }],
            rows: warnings.map((warning) => [warning.code, [warning.file, warning.row === undefined ? '' : t('report.quality.row', { row: warning.row }), warning.column ?? ''].filter(Boolean).join(', '), warning.message]),
          }),
    ].join('\n'),
  });
  sections.push({
    id: 'provenance',
    title: t('report.chapter.provenance'),
    body: [
      `<h3 id="input-files">${escapeHtml(t('report.provenance.inputs'))}</h3>`,
      table({ id: 'table-inputs', caption: t('report.provenance.inputs'), columns: [{ header: t('col.file') }, { header: t('col.sha256') }], rows: input.provenance.inputs.map((file) => [file.file, file.sha256]) }),
      `<h3 id="package-versions">${escapeHtml(t('report.provenance.packages'))}</h3>`,
      table({
        id: 'table-packages',
        caption: t('report.provenance.packages'),
        columns: [{ header: t('col.package') }, { header: t('col.version') }],
        rows: Object.entries(input.provenance.packageVersions).sort(([a], [b]) => a.localeCompare(b, 'en')),
      }),
      `<h3 id="configuration">${escapeHtml(t('report.provenance.configuration'))}</h3>`,
      `<pre><code>${escapeHtml(input.provenance.configJson)}</code></pre>`,
    ].join('\n'),
  });

  const pageData = {
    minN,
    regions,
    lang: tr.tag,
    decimal: tr.lang === 'en' ? '.' : tr.vegaNumberLocale.decimal,
    text: Object.fromEntries(PAGE_SCRIPT_KEYS.map((key) => [key.slice('page.'.length), t(key)])),
    figures: Object.fromEntries([...byId].map(([id, figure]) => [id, { title: figure.title, spec: figure.spec, byRegion: figure.byRegion ?? null }])),
  };
  const title = input.config.title;
  return `<!doctype html>
<html lang="${escapeHtml(tr.tag)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; font-src data:; img-src data: blob:; connect-src 'none'">
<title>${escapeHtml(t('html.title', { title, wave: input.config.wave }))}</title>
<style>
@font-face { font-family: 'DejaVu Sans'; font-weight: 400; src: url(data:font/ttf;base64,${assets.fontRegularBase64}) format('truetype'); }
@font-face { font-family: 'DejaVu Sans'; font-weight: 700; src: url(data:font/ttf;base64,${assets.fontBoldBase64}) format('truetype'); }
${PAGE_CSS}
</style>
</head>
<body>
<a class="skip-link" href="#main">${escapeHtml(t('html.skip'))}</a>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="subtitle">${escapeHtml(t('html.subtitle', { wave: input.config.wave, date: tr.lang === 'en' ? input.config.reportDate : tr.date(input.config.reportDate) }))}</p>
<p class="subtitle">${escapeHtml(t('html.suppression', { minN: tr.integer(minN), lowN: tr.integer(lowN) }))}</p>
<div class="controls" role="search">
<label for="region-select">${escapeHtml(t('html.regionLabel'))}</label>
<select id="region-select"><option value="">${escapeHtml(t('html.allRegions'))}</option>${regions.map((region) => `<option value="${escapeHtml(region)}">${escapeHtml(tr.region(region))}</option>`).join('')}</select>
<label for="competency-search">${escapeHtml(t('html.searchLabel'))}</label>
<input type="search" id="competency-search" autocomplete="off" placeholder="${escapeHtml(t('html.searchPlaceholder'))}">
<span id="filter-status" class="filter-status" role="status" aria-live="polite"></span>
</div>
</header>
<nav aria-label="${escapeHtml(t('report.contents'))}">
<h2 class="nav-title" id="contents-title">${escapeHtml(t('report.contents'))}</h2>
<ol>${sections.map((section) => `<li><a href="#${section.id}">${escapeHtml(section.title)}</a></li>`).join('')}</ol>
</nav>
<main id="main" tabindex="-1">
${sections.map((section) => `<section id="${section.id}" aria-labelledby="${section.id}-title">\n<h2 id="${section.id}-title">${escapeHtml(section.title)}</h2>\n${WHOLE_WAVE_SECTIONS.has(section.id) ? '<p class="region-note" data-whole-wave-note hidden></p>\n' : ''}${section.body}\n</section>`).join('\n')}
</main>
<footer><p>${escapeHtml(t('html.footer', { wave: input.config.wave }))}</p></footer>
<script type="application/json" id="report-data">${jsonForScript(pageData)}</script>
<script>${scriptForInline(assets.vegaJs)}</script>
<script>${scriptForInline(assets.vegaLiteJs)}</script>
<script>${scriptForInline(assets.vegaEmbedJs)}</script>
<script>${scriptForInline(assets.pageJs)}</script>
</body>
</html>
`;
}

/** Sections about the whole wave, with no region breakdown: they say so while a region is selected. */
const WHOLE_WAVE_SECTIONS = new Set(['summary', 'data-quality', 'provenance']);

/** Colours meet WCAG AA contrast on white: text #1a1a1a, muted #555, links #0b5394, focus ring #b35900. */
export const PAGE_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font-family: 'DejaVu Sans', Verdana, Arial, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a; background: #fff; }
.skip-link { position: absolute; left: -999px; top: 0; background: #fff; color: #0b5394; padding: 6px 10px; z-index: 10; }
.skip-link:focus { left: 8px; }
header { padding: 16px 24px 8px; border-bottom: 2px solid #0072b2; background: #f4f7fa; position: sticky; top: 0; z-index: 5; }
h1 { margin: 0 0 4px; font-size: 24px; color: #0b2a4a; }
h2 { font-size: 20px; color: #0b2a4a; border-bottom: 1px solid #ccd; padding-bottom: 4px; margin-top: 32px; }
h3 { font-size: 17px; color: #0b2a4a; }
h4 { font-size: 15px; color: #0b2a4a; }
.subtitle { margin: 0 0 4px; color: #444; font-size: 13px; }
.controls { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; margin-top: 8px; }
.controls select, .controls input { font: inherit; padding: 4px 6px; border: 1px solid #555; border-radius: 3px; background: #fff; color: #1a1a1a; }
.filter-status { color: #444; font-size: 13px; }
nav { padding: 8px 24px; border-bottom: 1px solid #ccd; }
.nav-title { font-size: 15px; margin: 4px 0; border: 0; }
nav ol { margin: 0; padding-left: 20px; columns: 2; }
a { color: #0b5394; }
main { padding: 0 24px 32px; max-width: 1200px; }
main:focus { outline: none; }
.note, figcaption { color: #555; font-size: 13px; }
.figure { margin: 24px 0; }
.chart { overflow-x: auto; min-height: 40px; }
.region-note { color: #6b3e00; background: #fff4e0; padding: 4px 8px; font-size: 13px; }
button { font: inherit; font-size: 13px; padding: 3px 8px; border: 1px solid #555; border-radius: 3px; background: #fff; color: #1a1a1a; cursor: pointer; }
button:hover { background: #eef3f8; }
:focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
.table-wrap { overflow-x: auto; margin: 8px 0 16px; }
table { border-collapse: collapse; font-size: 13px; }
caption { text-align: left; font-weight: 700; padding: 4px 0; }
th, td { border-bottom: 1px solid #ccd; padding: 3px 8px; text-align: left; vertical-align: top; }
th button { border: 0; background: none; padding: 0; font-weight: 700; font-size: 13px; color: #1a1a1a; text-align: inherit; }
th[aria-sort="ascending"] .sort-mark::after { content: ' ▲'; }
th[aria-sort="descending"] .sort-mark::after { content: ' ▼'; }
.num { text-align: right; }
tr[hidden], section[hidden] { display: none; }
pre { background: #f4f4f4; padding: 8px; overflow-x: auto; font-size: 12px; }
details summary { cursor: pointer; color: #0b5394; font-size: 13px; }
footer { padding: 12px 24px; border-top: 1px solid #ccd; color: #555; font-size: 13px; }
.vega-embed summary { color: #1a1a1a; }
`;
