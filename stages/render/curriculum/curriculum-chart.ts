/**
 * The curriculum report's chart: per competency, industry demand (mean importance, 95% CI, from
 * the row's own basis region) and the programme's coverage (a single value, no interval), joined
 * by a line and sorted by the gap, drawn by the report's dumbbell builder
 * (stages/render/figures/dumbbell.ts) with the shared theme, so it looks like every other chart.
 * Competencies without both ends (unrated, or demand suppressed) are counted in the subtitle.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { WaveConfig } from '../../../contracts/types.ts';
import type { CurriculumComparison } from '../../../commands/curriculum/compare-curriculum.ts';
import { buildDumbbellChart, type DumbbellPair } from '../figures/dumbbell.ts';
import { POPULATION_COLOURS } from '../theme.ts';

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
  const basisRegions = [...new Set(comparison.rows.filter((row) => row.demandMean !== null && row.coverage !== null).map((row) => row.basis))];
  const subtitle = [
    `Demand: industry's weighted mean importance with 95% CI (${basisRegions.join(', ') || 'no region'}).`,
    'Coverage: this programme, as given in its profile. Sorted by demand − coverage, largest first.',
  ];
  if (notRated > 0) subtitle.push(`${notRated} competenc${notRated === 1 ? 'y' : 'ies'} not rated in the profile, not shown.`);
  if (noDemand > 0) subtitle.push(`${noDemand} competenc${noDemand === 1 ? 'y' : 'ies'} without published industry demand (suppressed: fewer than ${config.suppression.minN} answers, or hidden so that none can be computed back), not shown.`);
  return buildDumbbellChart(pairs, {
    title: 'Industry demand and this programme\u2019s coverage',
    subtitle,
    high: { label: 'Demand (industry)', colour: POPULATION_COLOURS.industry, shape: 'circle' },
    low: { label: 'Coverage (programme)', colour: POPULATION_COLOURS.education, shape: 'triangle-up' },
    xTitle: 'Rating on the survey scale',
  });
}
