/**
 * The report's "Results by framework" chapter: one section per framework of the wave (NICE, ECSF,
 * CSEC2017, CyBOK, or the wave's own framework), each with the heatmap of units × regions, the units
 * ranked by need, a table of the Global gaps and MWDS of every unit, and what does not map (units
 * no competency reaches, competencies with no home). Numbers come from AnalysisResult.frameworks
 * only, i.e. from the rows of analysis/framework-estimates.csv, formatted with stages/render/format.ts.
 */
import type { FrameworkRollup } from '../../contracts/types.ts';
import { frameworkHeatmapAltText, frameworkRankingAltText } from './figure-alt-text.ts';
import { translator, type Translator } from './i18n/translator.ts';
import { buildFrameworkHeatmap, buildFrameworkRanking, frameworkHeatmapId, frameworkRankingId, frameworkRows, unitLabel, unitNoun } from './figures/framework-figures.ts';
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

/** Ranks are whole numbers or, for tied units, the shared mid-rank; the bounds of the marginal 95% confidence sets (Mogstad et al.) are whole: one decimal at most. */
export function formatRank(rank: number, tr: Translator = translator()): string {
  const rounded = Math.round(rank * 10) / 10;
  return Number.isInteger(rounded) ? tr.integer(rounded) : tr.fixed(rounded, 1);
}

/** One table row per unit, Global, ordered by MWDS rank (unranked units last, in framework order). */
/** The framework table of one region (Global by default): units in the region's MWDS rank order. */
export function frameworkTableRows(input: ReportInput, rollup: FrameworkRollup, region = 'Global'): string[][] {
  const minN = input.config.suppression.minN;
  const tr = translator(input.config.language);
  const global = (population: 'industry' | 'both' | 'education', measure: 'gap_preparedness' | 'gap_curriculum' | 'gap_education', unit: string) =>
    frameworkRows(rollup, population, measure, region).find((row) => row.unit === unit)!;
  const gapText = (row: { suppressed: boolean; mean: number; ciLow: number; ciHigh: number; qValue: number }) =>
    row.suppressed || !Number.isFinite(row.mean) ? '–' : `${tr.estimate(row.mean)}${row.qValue <= 0.05 ? '' : ` (${tr.t('note.notSignificant')})`}\n${tr.interval(row.ciLow, row.ciHigh)}`;
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
        ranked ? `${tr.estimate(prep.mwds)}` : '–',
        ranked ? `${formatRank(prep.rank, tr)} (${formatRank(prep.rankCiLow, tr)}–${formatRank(prep.rankCiHigh, tr)})` : '–',
        gapText(prep),
        gapText(global('both', 'gap_curriculum', unit.id)),
        gapText(global('education', 'gap_education', unit.id)),
        // Only a primary suppression says n < k; a complementary one may hide a larger n.
        prep.suppressed ? (prep.flag === 'suppressed_small_n' ? `< ${tr.integer(minN)}` : tr.t('note.suppressedLong')) : tr.count(prep.n, minN),
      ];
    });
}

export async function drawFrameworkSections(input: ReportInput, figures: RenderedFigure[], tools: SectionTools): Promise<void> {
  const rollups = (input.analysis.frameworks ?? []).filter((rollup) => rollup.units.length > 0);
  if (rollups.length === 0) return;
  const { doc, chapter, subsection, paragraph } = tools;
  const tr = translator(input.config.language);
  const { t } = tr;
  const figureSvg = async (id: string, build: () => Parameters<typeof renderSpecToSvg>[0]) => figures.find((figure) => figure.id === id)?.svg ?? (await renderSpecToSvg(build()));
  chapter(t('framework.chapter'));
  paragraph(t('framework.intro'), { muted: true });
  for (const [index, rollup] of rollups.entries()) {
    if (index > 0) doc.addPage();
    subsection(`${rollup.name}`, 60);
    paragraph(t('framework.about', { version: rollup.version, source: rollup.source, count: tr.integer(rollup.units.length), units: unitNoun(tr, rollup, true) }), { muted: true, size: 9 });
    const heatmap = await figureSvg(frameworkHeatmapId(rollup.framework), () => buildFrameworkHeatmap(input, rollup));
    drawSvg(doc, heatmap, CHART_HEIGHT, frameworkHeatmapAltText(rollup, tr).text);
    doc.addPage();
    subsection(t('framework.rankedHeading', { framework: rollup.shortName, units: unitNoun(tr, rollup, true) }), 40 + svgDrawnHeight(await figureSvg(frameworkRankingId(rollup.framework), () => buildFrameworkRanking(input, rollup)), CHART_HEIGHT));
    drawSvg(doc, await figureSvg(frameworkRankingId(rollup.framework), () => buildFrameworkRanking(input, rollup)), CHART_HEIGHT, frameworkRankingAltText(rollup, tr).text);
    subsection(t('framework.tableHeading', { framework: rollup.shortName, unit: unitNoun(tr, rollup, false) }), 80);
    drawTable(
      doc,
      [
        { header: unitNoun(tr, rollup, false)[0]!.toUpperCase() + unitNoun(tr, rollup, false).slice(1), width: 0.28 },
        { header: t('col.mwds'), width: 0.08, align: 'right' },
        { header: t('col.rankCi'), width: 0.12, align: 'right' },
        { header: t('col.preparednessGap'), width: 0.15, align: 'right' },
        { header: t('col.curriculumGap'), width: 0.15, align: 'right' },
        { header: t('col.educationGap'), width: 0.14, align: 'right' },
        { header: t('col.n'), width: 0.08, align: 'right' },
      ],
      frameworkTableRows(input, rollup),
    );
    const unmapped = rollup.unmappedUnits.map((unit) => unitLabel(rollup, unit.id));
    if (unmapped.length > 0) paragraph(t('framework.unmapped', { list: unmapped.join('; ') }), { muted: true, size: 8.5 });
    if (rollup.noHome.length > 0) {
      const labels = rollup.noHome.map((entry) => input.competencies.find((competency) => competency.id === entry.competency)?.label ?? entry.competency);
      paragraph(t('framework.noHome', { framework: rollup.shortName, list: labels.join('; ') }), { muted: true, size: 8.5 });
    }
  }
}
