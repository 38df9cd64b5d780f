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
import type { RenderedFigure } from '../render-figure.ts';
import type { ReportInput } from '../report-input.ts';
import { competencyLabel } from '../theme.ts';
import { frameworkTableRows } from '../framework-sections.ts';
import { buildFrameworkHeatmap, buildFrameworkRanking, frameworkHeatmapId, frameworkRankingId, frameworkRegions, unitLabel } from '../figures/framework-figures.ts';
import { figureAltTextFor, ipaAltText, regionGapsAltText } from '../figure-alt-text.ts';
import { escapeHtml, htmlTable, jsonForScript, markdownToHtml, scriptForInline, slug } from './html-markup.ts';

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

const FIGURE_TITLES: Record<string, [string, string]> = {
  'gap-heatmap': ['Preparedness gap by region and competency', 'Each cell is the weighted mean importance minus the weighted mean preparedness of recent graduates, both rated by industry. Grey cells are suppressed.'],
  'importance-vs-preparedness': ['Importance and preparedness', 'Weighted mean importance and preparedness of recent graduates per competency, rated by industry, with 95% confidence intervals.'],
  'ipa-quadrants': ['Importance–performance quadrants', 'Competencies placed by importance and preparedness; the crosshair marks the scale midpoint.'],
  'rank-intervals': ['Training-need ranking', 'Rank of each competency by training need, with its rank interval.'],
  'curriculum-gap': ['Industry importance and curriculum coverage', 'Industry importance against the coverage in tertiary curricula (Global, or the selected region).'],
  'likert-industry': ['How industry answered', 'Distribution of the answers behind the means (Global, or the selected region); competencies with fewer answers than the suppression threshold are left out.'],
  'likert-education': ['How tertiary education answered', 'Distribution of the answers behind the means (Global, or the selected region); competencies with fewer answers than the suppression threshold are left out.'],
  'wave-change': ['Change since the previous wave', 'Change of the preparedness gap since the previous wave (Global, or the selected region).'],
  'respondents-map': ['Respondents by country', 'Kept respondents per country, binned; small counts are not shown exactly. With a region selected, only its countries are coloured.'],
};

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
  const copy = JSON.parse(JSON.stringify(spec)) as TopLevelSpec & { transform?: { lookup?: string; from?: { data?: { values?: { countryName: string }[] } } }[] };
  for (const step of copy.transform ?? []) {
    if (step.lookup && step.from?.data?.values) step.from.data.values = step.from.data.values.filter((row) => names.has(row.countryName));
  }
  return copy;
}

/**
 * The page's tooltips show the whole published record under the pointer (n, CI, low-reliability and
 * suppressed flags included), not only the few fields a print figure lists: every mark that had a
 * tooltip encoding gets `tooltip: {content: 'data'}`. The records are the publishable ones, so the
 * tooltip can show nothing the tables do not.
 */
export function withRecordTooltips<T>(spec: T): T {
  const copy = JSON.parse(JSON.stringify(spec)) as T;
  (function walk(node: unknown) {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const unit = node as { mark?: string | Record<string, unknown>; encoding?: Record<string, unknown> };
    const markType = typeof unit.mark === 'string' ? unit.mark : unit.mark?.type;
    // Map shapes keep their own tooltip: their record is a geometry.
    if (unit.mark !== undefined && markType !== 'geoshape' && unit.encoding?.tooltip !== undefined) {
      delete unit.encoding.tooltip;
      unit.mark = { ...(typeof unit.mark === 'string' ? { type: unit.mark } : unit.mark), tooltip: { content: 'data' } };
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'data' && key !== 'datasets') walk(value);
  })(copy);
  return copy;
}

function pageFigure(input: ReportInput, figure: RenderedFigure, regions: string[]): PageFigure {
  const [title, caption] = FIGURE_TITLES[figure.id] ?? [figure.id, ''];
  const builder = REGION_VARIANTS[figure.id];
  const hasData = REGION_HAS_DATA[figure.id];
  const variant = builder ? (region: string) => (!hasData || hasData(input, region) ? builder(input, region) : undefined) : frameworkRegionVariant(input, figure.id);
  // Global is the report's own spec, except for the figures whose spec shows every region at once.
  const withVariant = regions.filter((region) => region !== 'Global' || figure.id === 'gap-heatmap' || figure.id === 'respondents-map' || figure.id.startsWith('framework-heatmap-'));
  const byRegion = variant
    ? Object.fromEntries(withVariant.flatMap((region) => {
        const spec = variant(region);
        return spec ? [[region, withRecordTooltips(spec)]] : [];
      }))
    : undefined;
  return { id: figure.id, title, caption, alt: figureAltTextFor(input, figure.id).text, spec: withRecordTooltips(figure.spec), byRegion };
}

export function figureMarkup(figure: PageFigure, headingLevel: 2 | 3 | 4): string {
  const id = `figure-${figure.id}`;
  return [
    `<figure class="figure" id="${id}" data-figure-id="${escapeHtml(figure.id)}" aria-labelledby="${id}-title">`,
    `<h${headingLevel} id="${id}-title">${escapeHtml(figure.title)}</h${headingLevel}>`,
    `<div class="chart" role="group" aria-label="${escapeHtml(`Chart: ${figure.title}. ${figure.alt} The data table below lists the values.`)}"></div>`,
    `<p class="region-note" hidden></p>`,
    `<figcaption>${escapeHtml(figure.caption)}</figcaption>`,
    `<p class="figure-actions"><button type="button" class="download-spec">Download Vega-Lite spec</button> <button type="button" class="download-svg">Download SVG</button> <button type="button" class="download-png">Download PNG</button></p>`,
    `<details class="figure-data"><summary>Data table: ${escapeHtml(figure.title)}</summary><div class="figure-table"></div></details>`,
    `</figure>`,
  ].join('\n');
}

/** The whole page as one string. `figures` are the report's rendered figures (their specs are reused). */
export function assembleHtmlReport(input: ReportInput, figures: RenderedFigure[], assets: HtmlReportAssets): string {
  const minN = input.config.suppression.minN;
  const lowN = input.config.suppression.lowReliabilityN;
  const label = (id: string) => competencyLabel(input.competencies, id);
  const regions = regionsOf(input.analysis);
  const byId = new Map(figures.map((figure) => [figure.id, pageFigure(input, figure, regions)]));
  const figureHtml = (id: string, level: 3 | 4 = 3) => (byId.has(id) ? figureMarkup(byId.get(id)!, level) : '');
  const sections: { id: string; title: string; body: string }[] = [];

  sections.push({ id: 'summary', title: 'Executive summary', body: writeExecutiveSummary(input).paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n') });

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
    title: 'Preparedness gaps',
    body: [
      figureHtml('gap-heatmap'),
      `<h3 id="largest-gaps">Largest gaps</h3>`,
      `<p class="note">The 15 largest gaps over all regions; with a region selected, that region's 15 largest. “low rel.”: n &lt; ${lowN}. Suppressed cells (n &lt; ${minN}) are never listed.</p>`,
      htmlTable({
        id: 'table-largest-gaps',
        caption: 'Largest preparedness gaps',
        columns: [{ header: 'Region' }, { header: 'Competency' }, { header: 'Gap', numeric: true }, { header: '95% CI', numeric: true }, { header: 'n', numeric: true }, { header: 'Note' }],
        rows: shownGaps.map((cell) => [cell.region, label(cell.competency), formatEstimate(cell.mean!), cell.ciLow === null || cell.ciHigh === null ? '' : formatInterval(cell.ciLow, cell.ciHigh), formatCount(cell.n!, minN), cell.lowReliability ? 'low rel.' : '']),
        rowRegions: shownGaps.map((cell) => cell.region),
        rowRegionOnly: shownGaps.map((cell) => !overallTop.has(cell)),
        rowCompetencies: shownGaps.map((cell) => label(cell.competency)),
      }),
    ].join('\n'),
  });

  sections.push({ id: 'detail', title: 'Competency detail', body: ['importance-vs-preparedness', 'ipa-quadrants', 'rank-intervals', 'curriculum-gap', 'wave-change'].map((id) => figureHtml(id)).join('\n') });

  const likert = ['likert-industry', 'likert-education'].filter((id) => byId.has(id));
  if (likert.length > 0) sections.push({ id: 'answers', title: 'How industry and education answered', body: likert.map((id) => figureHtml(id)).join('\n') });

  const countries = [...input.respondentsByCountry].sort((a, b) => a.countryName.localeCompare(b.countryName, 'en'));
  sections.push({
    id: 'respondents',
    title: 'Respondents',
    body: [
      figureHtml('respondents-map'),
      `<h3 id="respondents-per-country">Respondents per country</h3>`,
      `<p class="note">Counts from 1 to ${minN - 1} are shown as “&lt; ${minN}”; a total that would reveal such a count is shown as the range it lies in.</p>`,
      htmlTable({
        id: 'table-respondents',
        caption: 'Respondents per country',
        columns: [{ header: 'Country' }, { header: 'Region' }, { header: 'Industry', numeric: true }, { header: 'Education', numeric: true }, { header: 'Total', numeric: true }],
        rows: countries.map((country) => [country.countryName, country.region, formatCount(country.industry, minN), formatCount(country.education, minN), formatTotal([country.industry, country.education], minN)]),
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
            { id: `region-gaps-${regionSlug}`, title: `Preparedness gaps: ${region}`, caption: `${region}'s preparedness gaps with 95% confidence intervals, and the Global gap for reference.`, alt: regionGapsAltText(input, region).text, spec: withRecordTooltips(buildRegionGaps(input, region)) },
            { id: `region-ipa-${regionSlug}`, title: `Importance–performance quadrants: ${region}`, caption: `Competencies placed by importance and preparedness in ${region}.`, alt: ipaAltText(input, region).text, spec: withRecordTooltips(buildIpaQuadrants(input, region)) },
          ]
        : [];
      for (const figure of regionFigures) byId.set(figure.id, figure);
      return [
        `<section class="region-section" data-region="${escapeHtml(region)}" aria-labelledby="region-${regionSlug}">`,
        `<h3 id="region-${regionSlug}">${escapeHtml(region)}</h3>`,
        anyPublished ? figureMarkup(regionFigures[0]!, 4) : `<p>Every estimate for ${escapeHtml(region)} rests on fewer than ${minN} respondents and is suppressed; the region has no chart.</p>`,
        htmlTable({
          id: `table-region-${regionSlug}`,
          caption: `Preparedness gaps: ${region}`,
          columns: [{ header: 'Competency' }, { header: 'Gap', numeric: true }, { header: '95% CI', numeric: true }, { header: 'n', numeric: true }, { header: 'Note' }],
          rows: cells.map((cell) =>
            cell.suppressed
              ? [label(cell.competency), '–', '–', `< ${minN}`, 'suppr.']
              : [label(cell.competency), formatEstimate(cell.mean!), cell.ciLow === null || cell.ciHigh === null ? '' : formatInterval(cell.ciLow, cell.ciHigh), formatCount(cell.n!, minN), cell.lowReliability ? 'low rel.' : ''],
          ),
          rowCompetencies: cells.map((cell) => label(cell.competency)),
        }),
        anyPublished ? figureMarkup(regionFigures[1]!, 4) : '',
        `</section>`,
      ].join('\n');
    });
  sections.push({ id: 'regions', title: 'Regions', body: regionBlocks.join('\n') });

  // Results by framework: the same figures and Global table as the PDF's chapter (stages/render/framework-sections.ts).
  const rollups = (input.analysis.frameworks ?? []).filter((rollup) => rollup.units.length > 0);
  if (rollups.length > 0) {
    sections.push({
      id: 'frameworks',
      title: 'Results by framework',
      body: [
        `<p class="note">The same answers, in the units employers hire to and educators teach by: each respondent's mean rating over a unit's competencies, weighted and given a design-based standard error exactly as a competency's, with the same tests, q-values (within each framework), rank sets and suppression. Every number is in analysis/framework-estimates.csv; the method is in docs/frameworks.md.</p>`,
        ...rollups.map((rollup) => {
          const unitHeader = rollup.unitLabel[0].toUpperCase() + rollup.unitLabel.slice(1);
          // Global's rows show with no region selected; each region's rows with that region selected.
          const tableRegions = frameworkRegions(rollup);
          const perRegion = tableRegions.map((region) => frameworkTableRows(input, rollup, region).map((row) => row.map((cell) => cell.replace(/\n/g, ' '))));
          const rows = perRegion.flat();
          const rowRegions = tableRegions.flatMap((region, index) => perRegion[index]!.map(() => region));
          return [
            `<section aria-labelledby="framework-${slug(rollup.framework)}">`,
            `<h3 id="framework-${slug(rollup.framework)}">${escapeHtml(rollup.name)}</h3>`,
            `<p class="note">${escapeHtml(`${rollup.version}. Source: ${rollup.source}.`)}</p>`,
            figureHtml(frameworkHeatmapId(rollup.framework), 4),
            figureHtml(frameworkRankingId(rollup.framework), 4),
            htmlTable({
              id: `table-framework-${slug(rollup.framework)}`,
              caption: `${rollup.shortName}: gaps and MWDS per ${rollup.unitLabel}, Global or the selected region`,
              columns: [{ header: unitHeader }, { header: 'MWDS', numeric: true }, { header: 'Rank (95% CI)', numeric: true }, { header: 'Preparedness gap', numeric: true }, { header: 'Curriculum gap', numeric: true }, { header: 'Education gap', numeric: true }, { header: 'n', numeric: true }],
              rows,
              rowRegions,
              rowRegionOnly: rowRegions.map((region) => region !== 'Global'),
            }),
            rollup.unmappedUnits.length > 0 ? `<p class="note">No competency of the survey maps to: ${escapeHtml(rollup.unmappedUnits.map((unit) => unitLabel(rollup, unit.id)).join('; '))}.</p>` : '',
            `</section>`,
          ].join('\n');
        }),
      ].join('\n'),
    });
  }

  sections.push({
    id: 'key',
    title: 'Competency key',
    body: htmlTable({
      id: 'table-competencies',
      caption: 'Competencies',
      columns: [{ header: 'Competency' }, { header: 'Kind' }, { header: 'Description' }],
      rows: input.competencies.map((competency) => [competency.label, competency.kind, competency.description]),
      rowCompetencies: input.competencies.map((competency) => competency.label),
    }),
  });
  sections.push({ id: 'methodology', title: 'Methodology', body: markdownToHtml(input.methodsMarkdown) });

  const warnings = [...input.warnings, ...input.analysis.warnings];
  sections.push({
    id: 'data-quality',
    title: 'Appendix A: Data quality',
    body: [
      htmlTable({
        id: 'table-quality',
        caption: 'Rows through the quality rules',
        columns: [{ header: 'Rows' }, { header: 'Count', numeric: true }],
        rows: [
          ['Rows read', String(input.audit.rowsRead)],
          ['Kept', String(input.audit.kept)],
          ['Excluded', String(input.audit.excluded)],
          ...Object.entries(input.audit.excludedByReason)
            .sort(([a], [b]) => a.localeCompare(b, 'en'))
            .map(([reason, count]) => [`excluded: ${reason.replace(/_/g, ' ')}`, String(count)]),
        ],
      }),
      `<p class="note">An excluded row can carry several reasons, so the reasons may sum to more than the excluded rows.</p>`,
      `<h3 id="per-source">Per source file</h3>`,
      htmlTable({ id: 'table-sources', caption: 'Rows per source file', columns: [{ header: 'Source file' }, { header: 'Rows read', numeric: true }, { header: 'Kept', numeric: true }, { header: 'Excluded', numeric: true }], rows: input.audit.perSource.map((source) => [source.sourceFile, String(source.rowsRead), String(source.kept), String(source.excluded)]) }),
      `<h3 id="weighting">Weighting</h3>`,
      htmlTable({
        id: 'table-weighting',
        caption: 'Weighting per population',
        columns: [{ header: 'Population' }, { header: 'n', numeric: true }, { header: 'Effective n (Kish)', numeric: true }, { header: 'Design effect', numeric: true }, { header: 'Trimmed', numeric: true }],
        rows: input.analysis.weighting.map((row) => [row.population, String(row.n), row.effectiveN.toFixed(1), row.designEffect.toFixed(2), String(row.trimmed)]),
      }),
      `<h3 id="warnings">Warnings</h3>`,
      warnings.length === 0
        ? '<p>No warnings.</p>'
        : htmlTable({
            id: 'table-warnings',
            caption: 'Warnings',
            columns: [{ header: 'Code' }, { header: 'Where' }, { header: 'Message' }],
            rows: warnings.map((warning) => [warning.code, [warning.file, warning.row === undefined ? '' : `row ${warning.row}`, warning.column ?? ''].filter(Boolean).join(', '), warning.message]),
          }),
    ].join('\n'),
  });
  sections.push({
    id: 'provenance',
    title: 'Appendix B: Provenance',
    body: [
      `<h3 id="input-files">Input files</h3>`,
      htmlTable({ id: 'table-inputs', caption: 'Input files', columns: [{ header: 'File' }, { header: 'SHA-256' }], rows: input.provenance.inputs.map((file) => [file.file, file.sha256]) }),
      `<h3 id="package-versions">Package versions</h3>`,
      htmlTable({
        id: 'table-packages',
        caption: 'Package versions',
        columns: [{ header: 'Package' }, { header: 'Version' }],
        rows: Object.entries(input.provenance.packageVersions).sort(([a], [b]) => a.localeCompare(b, 'en')),
      }),
      `<h3 id="configuration">Configuration</h3>`,
      `<pre><code>${escapeHtml(input.provenance.configJson)}</code></pre>`,
    ].join('\n'),
  });

  const pageData = {
    minN,
    regions,
    figures: Object.fromEntries([...byId].map(([id, figure]) => [id, { title: figure.title, spec: figure.spec, byRegion: figure.byRegion ?? null }])),
  };
  const title = input.config.title;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; font-src data:; img-src data: blob:; connect-src 'none'">
<title>${escapeHtml(title)} — wave ${escapeHtml(input.config.wave)}</title>
<style>
@font-face { font-family: 'DejaVu Sans'; font-weight: 400; src: url(data:font/ttf;base64,${assets.fontRegularBase64}) format('truetype'); }
@font-face { font-family: 'DejaVu Sans'; font-weight: 700; src: url(data:font/ttf;base64,${assets.fontBoldBase64}) format('truetype'); }
${PAGE_CSS}
</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="subtitle">Survey wave ${escapeHtml(input.config.wave)} · report date ${escapeHtml(input.config.reportDate)}</p>
<p class="subtitle">Estimates from fewer than ${minN} respondents are suppressed; estimates from fewer than ${lowN} are marked as of low reliability.</p>
<div class="controls" role="search">
<label for="region-select">Region</label>
<select id="region-select"><option value="">All regions</option>${regions.map((region) => `<option value="${escapeHtml(region)}">${escapeHtml(region)}</option>`).join('')}</select>
<label for="competency-search">Find a competency</label>
<input type="search" id="competency-search" autocomplete="off" placeholder="e.g. cryptography">
<span id="filter-status" class="filter-status" role="status" aria-live="polite"></span>
</div>
</header>
<nav aria-label="Contents">
<h2 class="nav-title" id="contents-title">Contents</h2>
<ol>${sections.map((section) => `<li><a href="#${section.id}">${escapeHtml(section.title)}</a></li>`).join('')}</ol>
</nav>
<main id="main" tabindex="-1">
${sections.map((section) => `<section id="${section.id}" aria-labelledby="${section.id}-title">\n<h2 id="${section.id}-title">${escapeHtml(section.title)}</h2>\n${WHOLE_WAVE_SECTIONS.has(section.id) ? '<p class="region-note" data-whole-wave-note hidden></p>\n' : ''}${section.body}\n</section>`).join('\n')}
</main>
<footer><p>Generated by skillgap from wave ${escapeHtml(input.config.wave)}. The same numbers as report.pdf.</p></footer>
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
