/**
 * The report's "Results by framework" chapter: one section per framework of the wave (NICE, ECSF,
 * CSEC2017, CyBOK, or the wave's own framework), each with the heatmap of units × regions, the units
 * ranked by need, a table of the Global gaps and MWDS of every unit, and what does not map (units
 * no competency reaches, competencies with no home). Numbers come from AnalysisResult.frameworks
 * only, i.e. from the rows of analysis/framework-estimates.csv, formatted with stages/render/format.ts.
 */
import type { FrameworkRollup } from '../../contracts/types.ts';
import { formatCount, formatEstimate, formatInterval } from './format.ts';
import { frameworkHeatmapAltText, frameworkRankingAltText } from './figure-alt-text.ts';
import { buildFrameworkHeatmap, buildFrameworkRanking, frameworkHeatmapId, frameworkRankingId, frameworkRows, unitLabel } from './figures/framework-figures.ts';
import { drawSvg, svgDrawnHeight } from './pdf/draw-svg.ts';
import { drawTable } from './pdf/draw-table.ts';
import { renderSpecToSvg, type RenderedFigure } from './render-figure.ts';
import type { ReportInput } from './report-input.ts';

export interface SectionTools {
  doc: PDFKit.PDFDocument;
  chapter: (heading: string) => void;
  subsection: (heading: string, spaceNeeded?: number) => void;
  paragraph: (text: string, options?: { muted?: boolean; size?: number }) => void;
}

const CHART_HEIGHT = 600;

/** Ranks are whole or half numbers, bootstrap quantiles may fall between: one decimal at most. */
export function formatRank(rank: number): string {
  const rounded = Math.round(rank * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** One table row per unit, Global, ordered by MWDS rank (unranked units last, in framework order). */
/** The framework table of one region (Global by default): units in the region's MWDS rank order. */
export function frameworkTableRows(input: ReportInput, rollup: FrameworkRollup, region = 'Global'): string[][] {
  const minN = input.config.suppression.minN;
  const global = (population: 'industry' | 'both' | 'education', measure: 'gap_preparedness' | 'gap_curriculum' | 'gap_education', unit: string) =>
    frameworkRows(rollup, population, measure, region).find((row) => row.unit === unit)!;
  const gapText = (row: { suppressed: boolean; mean: number; ciLow: number; ciHigh: number; qValue: number }) =>
    row.suppressed || !Number.isFinite(row.mean) ? '–' : `${formatEstimate(row.mean)}${row.qValue <= 0.05 ? '' : ' (n.s.)'}\n${formatInterval(row.ciLow, row.ciHigh)}`;
  const order = (unit: string) => {
    const rank = global('industry', 'gap_preparedness', unit).rank;
    return Number.isFinite(rank) ? rank : Infinity;
  };
  return [...rollup.units]
    .sort((a, b) => order(a.id) - order(b.id))
    .map((unit) => {
      const prep = global('industry', 'gap_preparedness', unit.id);
      const ranked = !prep.suppressed && Number.isFinite(prep.rank);
      return [
        unitLabel(rollup, unit.id),
        ranked ? `${formatEstimate(prep.mwds)}` : '–',
        ranked ? `${formatRank(prep.rank)} (${formatRank(prep.rankCiLow)}–${formatRank(prep.rankCiHigh)})` : '–',
        gapText(prep),
        gapText(global('both', 'gap_curriculum', unit.id)),
        gapText(global('education', 'gap_education', unit.id)),
        // Only a primary suppression says n < k; a complementary one may hide a larger n.
        prep.suppressed ? (prep.flag === 'suppressed_small_n' ? `< ${minN}` : 'suppressed') : formatCount(prep.n, minN),
      ];
    });
}

export async function drawFrameworkSections(input: ReportInput, figures: RenderedFigure[], tools: SectionTools): Promise<void> {
  const rollups = (input.analysis.frameworks ?? []).filter((rollup) => rollup.units.length > 0);
  if (rollups.length === 0) return;
  const { doc, chapter, subsection, paragraph } = tools;
  const figureSvg = async (id: string, build: () => Parameters<typeof renderSpecToSvg>[0]) => figures.find((figure) => figure.id === id)?.svg ?? (await renderSpecToSvg(build()));
  chapter('Results by framework');
  paragraph(
    `The same answers, in the units employers hire to and educators teach by. A unit's estimate is computed from each respondent's mean rating over the unit's competencies (the crosswalk in data/competencies.json, or the wave's own framework file), then weighted and given a design-based standard error exactly as a competency's. Tests, q-values (Benjamini–Hochberg within each framework), MWDS ranks and suppression follow the competency rules. Gaps marked “n.s.” have a q-value above 0.05. Every number is in analysis/framework-estimates.csv; the method is in docs/frameworks.md.`,
    { muted: true },
  );
  for (const [index, rollup] of rollups.entries()) {
    if (index > 0) doc.addPage();
    subsection(`${rollup.name}`, 60);
    paragraph(`${rollup.version}. Source: ${rollup.source}. ${rollup.units.length} ${rollup.unitLabel}s reached by the survey's competencies.`, { muted: true, size: 9 });
    const heatmap = await figureSvg(frameworkHeatmapId(rollup.framework), () => buildFrameworkHeatmap(input, rollup));
    drawSvg(doc, heatmap, CHART_HEIGHT, frameworkHeatmapAltText(rollup).text);
    doc.addPage();
    subsection(`${rollup.shortName}: ${rollup.unitLabel}s ranked by need`, 40 + svgDrawnHeight(await figureSvg(frameworkRankingId(rollup.framework), () => buildFrameworkRanking(input, rollup)), CHART_HEIGHT));
    drawSvg(doc, await figureSvg(frameworkRankingId(rollup.framework), () => buildFrameworkRanking(input, rollup)), CHART_HEIGHT, frameworkRankingAltText(rollup).text);
    subsection(`${rollup.shortName}: gaps and MWDS per ${rollup.unitLabel}, Global`, 80);
    drawTable(
      doc,
      [
        { header: rollup.unitLabel[0].toUpperCase() + rollup.unitLabel.slice(1), width: 0.28 },
        { header: 'MWDS', width: 0.08, align: 'right' },
        { header: 'Rank (95% CI)', width: 0.12, align: 'right' },
        { header: 'Preparedness gap', width: 0.15, align: 'right' },
        { header: 'Curriculum gap', width: 0.15, align: 'right' },
        { header: 'Education gap', width: 0.14, align: 'right' },
        { header: 'n', width: 0.08, align: 'right' },
      ],
      frameworkTableRows(input, rollup),
    );
    const unmapped = rollup.unmappedUnits.map((unit) => unitLabel(rollup, unit.id));
    if (unmapped.length > 0) paragraph(`No competency of the survey maps to: ${unmapped.join('; ')}.`, { muted: true, size: 8.5 });
    if (rollup.noHome.length > 0) {
      const labels = rollup.noHome.map((entry) => input.competencies.find((competency) => competency.id === entry.competency)?.label ?? entry.competency);
      paragraph(`Competencies with no home in ${rollup.shortName} (the reason for each is in the crosswalk): ${labels.join('; ')}.`, { muted: true, size: 8.5 });
    }
  }
}
