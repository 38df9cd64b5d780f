/**
 * The curriculum report's chart: per competency, industry demand (mean importance, 95% CI, from
 * the row's own basis region) and the programme's coverage (a single value, no interval), joined
 * by a line and sorted by the gap, drawn by the report's dumbbell builder
 * (stages/render/figures/dumbbell.ts) with the shared theme, so it looks like every other chart.
 * Competencies without both ends (unrated, or demand suppressed) are counted in the subtitle.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { WaveConfig } from '../../../contracts/types.ts';
import type { CurriculumComparison } from '../compare-curriculum.ts';
import { buildDumbbellChart, type DumbbellPair } from '../../../stages/render/figures/dumbbell.ts';
import { POPULATION_COLOURS } from '../../../stages/render/theme.ts';
import { translator } from '../../../stages/render/i18n/translator.ts';

export function buildCurriculumChart(comparison: CurriculumComparison, config: WaveConfig): TopLevelSpec {
  const pairs: DumbbellPair[] = comparison.rows.flatMap((row) =>
    row.demandMean === null || row.coverage === null
      ? []
      : [{
          label: row.label,
          high: { mean: row.demandMean, ciLow: row.demandCiLow, ciHigh: row.demandCiHigh, n: row.demandN },
          low: { mean: row.coverage, ciLow: null, ciHigh: null, n: null },
        }],
  );
  const notRated = comparison.rows.filter((row) => row.coverage === null).length;
  const noDemand = comparison.rows.filter((row) => row.coverage !== null && row.demandMean === null).length;
  const tr = translator(config.language);
  const { t, tp } = tr;
  const basisRegions = [...new Set(comparison.rows.filter((row) => row.demandMean !== null && row.coverage !== null).map((row) => row.basis))];
  const subtitle = [
    t('curriculum.chart.demandFrom', { regions: basisRegions.map(tr.region).join(', ') || t('curriculum.chart.noRegion') }),
    t('curriculum.chart.coverage'),
  ];
  if (notRated > 0) subtitle.push(tp('curriculum.chart.notRated', notRated));
  if (noDemand > 0) subtitle.push(tp('curriculum.chart.noDemand', noDemand, { minN: tr.integer(config.suppression.minN) }));
  return buildDumbbellChart(pairs, {
    title: t('curriculum.chart.title'),
    subtitle,
    high: { label: t('curriculum.chart.demand'), colour: POPULATION_COLOURS.industry, shape: 'circle' },
    low: { label: t('curriculum.chart.coverageEnd'), colour: POPULATION_COLOURS.education, shape: 'triangle-up' },
    xTitle: t('curriculum.chart.axis'),
    language: config.language,
  });
}
