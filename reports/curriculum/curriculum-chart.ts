/**
 * The curriculum report's chart: per competency, industry demand (mean importance, 95% CI) and the
 * programme's coverage, joined by a line and sorted by the gap, drawn by the report's own dumbbell
 * builder (reports/figures/dumbbell.ts) with the shared theme, so it looks like every other chart.
 *
 * buildDumbbell reads its two ends from an AnalysisResult of one region, so the comparison is
 * presented to it as one: region `Programme`, the demand rows as industry importance (each from its
 * own basis region) and the coverage as an education coverage row with a zero-width interval.
 * Only competencies with both ends are passed (unrated or suppressed ones are named in the
 * subtitle instead), so the builder's own "suppressed" note never misattributes them.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Competency, EstimateRow, WaveConfig } from '../../pipeline/types.ts';
import type { CurriculumComparison } from '../../pipeline/curriculum/compare-curriculum.ts';
import { buildDumbbell } from '../figures/dumbbell.ts';
import type { ReportInput } from '../report-input.ts';
import { POPULATION_COLOURS } from '../theme.ts';

const CHART_REGION = 'Programme';

function estimate(config: WaveConfig, competency: string, population: 'industry' | 'education', measure: 'importance' | 'coverage', n: number, mean: number, ciLow: number, ciHigh: number): EstimateRow {
  return { wave: config.wave, region: CHART_REGION, competency, population, measure, n, mean, sd: NaN, se: NaN, ciLow, ciHigh, top2Share: NaN, suppressed: false, flag: '' };
}

export function buildCurriculumChart(comparison: CurriculumComparison, config: WaveConfig, competencies: readonly Competency[]): TopLevelSpec {
  const shown = comparison.rows.filter((row) => row.demandMean !== null && row.coverage !== null);
  const estimates = shown.flatMap((row) => [
    estimate(config, row.competency, 'industry', 'importance', row.demandN!, row.demandMean!, row.demandCiLow ?? row.demandMean!, row.demandCiHigh ?? row.demandMean!),
    estimate(config, row.competency, 'education', 'coverage', 1, row.coverage!, row.coverage!, row.coverage!),
  ]);
  const input = {
    config,
    competencies: competencies.filter((competency) => shown.some((row) => row.competency === competency.id)),
    analysis: { wave: config.wave, estimates, tests: [], rankings: [], weighting: [], warnings: [] },
    respondentsByCountry: [],
    audit: { rowsRead: 0, kept: 0, excluded: 0, excludedByReason: {}, perSource: [] },
    provenance: { inputs: [], packageVersions: {}, configJson: '' },
    methodsMarkdown: '',
    warnings: [],
  } satisfies ReportInput;
  const notRated = comparison.rows.filter((row) => row.coverage === null).length;
  const noDemand = comparison.rows.filter((row) => row.coverage !== null && row.demandMean === null).length;
  const basisRegions = [...new Set(shown.map((row) => row.basis))];
  const subtitle = [
    `Demand: industry's weighted mean importance with 95% CI (${basisRegions.join(', ') || 'no region'}).`,
    'Coverage: this programme, as given in its profile. Sorted by demand − coverage, largest first.',
  ];
  if (notRated > 0) subtitle.push(`${notRated} competenc${notRated === 1 ? 'y' : 'ies'} not rated in the profile, not shown.`);
  if (noDemand > 0) subtitle.push(`${noDemand} competenc${noDemand === 1 ? 'y' : 'ies'} without published industry demand (n < ${config.suppression.minN}), not shown.`);
  return buildDumbbell(input, {
    title: 'Industry demand and this programme\u2019s coverage',
    subtitle,
    region: CHART_REGION,
    high: { population: 'industry', measure: 'importance', label: 'Demand (industry)', colour: POPULATION_COLOURS.industry, shape: 'circle' },
    low: { population: 'education', measure: 'coverage', label: 'Coverage (programme)', colour: POPULATION_COLOURS.education, shape: 'triangle-up' },
    xTitle: 'Rating on the survey scale',
  });
}
