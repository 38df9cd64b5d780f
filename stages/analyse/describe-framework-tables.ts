/**
 * The framework roll-ups as a table: analysis/framework-estimates.csv, one row per framework ×
 * unit × region (or Global) × population × measure, and its Frictionless resource for
 * datapackage.json (describe-analysis-tables.ts lists it). Column order = FRAMEWORK_ESTIMATE_COLUMNS.
 */
import type { FrameworkEstimateRow, FrameworkRollup } from '../../contracts/types.ts';
import { formatCsv, type CsvCell } from '../../io/csv-write.ts';

export const FRAMEWORK_ESTIMATE_COLUMNS = [
  'wave', 'framework', 'unit', 'region', 'population', 'measure', 'n', 'mean', 'sd', 'se', 'ci_low', 'ci_high', 'suppressed', 'flag',
  'test', 'statistic', 'p_value', 'q_value', 'effect_size', 'mwds', 'rank', 'rank_ci_low', 'rank_ci_high', 'quadrant',
] as const;

const cells = (r: FrameworkEstimateRow): CsvCell[] => [
  r.wave, r.framework, r.unit, r.region, r.population, r.measure, r.n, r.mean, r.sd, r.se, r.ciLow, r.ciHigh, r.suppressed, r.flag,
  r.test, r.statistic, r.pValue, r.qValue, r.effectSize, r.mwds, r.rank, r.rankCiLow, r.rankCiHigh, r.quadrant,
];

export const frameworkEstimatesToCsv = (rollups: readonly FrameworkRollup[]) => formatCsv(FRAMEWORK_ESTIMATE_COLUMNS, rollups.flatMap((rollup) => rollup.rows.map(cells)));

type Field = { name: (typeof FRAMEWORK_ESTIMATE_COLUMNS)[number]; type: 'string' | 'integer' | 'number' | 'boolean'; description: string; constraints?: { enum: string[] } };

export function frameworkEstimatesResource() {
  const fields: Field[] = [
    { name: 'wave', type: 'string', description: 'Wave id' },
    { name: 'framework', type: 'string', description: 'Framework id (data/frameworks/<id>.json or the wave\'s own framework file)' },
    { name: 'unit', type: 'string', description: 'Unit id as the framework spells it (NICE work role or competency area, ECSF role profile, CSEC2017 or CyBOK knowledge area)' },
    { name: 'region', type: 'string', description: 'Region under the wave\'s region scheme, or "Global" for all respondents' },
    { name: 'population', type: 'string', description: 'Who rated: industry, education, or both (curriculum gap)', constraints: { enum: ['industry', 'education', 'both'] } },
    { name: 'measure', type: 'string', description: 'Rated dimension or gap of the unit composite', constraints: { enum: ['importance', 'preparedness', 'coverage', 'gap_preparedness', 'gap_curriculum', 'gap_education'] } },
    { name: 'n', type: 'integer', description: 'Unweighted respondents with a composite (pairs for paired gaps; n1 + n2 for the curriculum gap); empty when suppressed' },
    { name: 'mean', type: 'number', description: 'Weighted mean of the respondent-level composite (mean of the respondent\'s ratings over the unit\'s competencies); empty when suppressed' },
    { name: 'sd', type: 'number', description: 'Weighted standard deviation of the composite; empty for the curriculum gap and when suppressed' },
    { name: 'se', type: 'number', description: 'Design-based standard error (Taylor linearisation), as R svyby(~composite, ~region, design, svymean, na.rm = TRUE)' },
    { name: 'ci_low', type: 'number', description: 'Lower bound of the normal 95% confidence interval' },
    { name: 'ci_high', type: 'number', description: 'Upper bound of the normal 95% confidence interval' },
    { name: 'suppressed', type: 'boolean', description: 'True when the cell is suppressed by disclosure control, as for competencies (see flag); it then has no values and no n' },
    { name: 'flag', type: 'string', description: 'Empty, low_reliability, suppressed_small_n or suppressed_low_effective_n (primary: n or Kish effective n of the composite below the threshold), suppressed_secondary (hidden so that no suppressed cell can be computed back from Global and the regions, or hidden in the competency tables for one of the unit\'s competencies) or suppressed_derived (same respondents as, or computed from, a suppressed cell)', constraints: { enum: ['', 'low_reliability', 'suppressed_small_n', 'suppressed_low_effective_n', 'suppressed_secondary', 'suppressed_derived'] } },
    { name: 'test', type: 'string', description: 'On gap rows: wilcoxon_signed_rank (paired gaps) or mann_whitney_u (curriculum gap) on the composites; empty when suppressed', constraints: { enum: ['', 'wilcoxon_signed_rank', 'mann_whitney_u'] } },
    { name: 'statistic', type: 'number', description: 'min(W+, W−) for Wilcoxon; U of the industry sample for Mann–Whitney' },
    { name: 'p_value', type: 'number', description: 'Two-sided p-value' },
    { name: 'q_value', type: 'number', description: 'Benjamini–Hochberg adjusted p-value over the tests of this framework in the wave' },
    { name: 'effect_size', type: 'number', description: 'Matched-pairs rank-biserial correlation (paired gaps) or Cliff\'s delta (curriculum gap)' },
    { name: 'mwds', type: 'number', description: 'On gap_preparedness rows: Borich MWDS of the unit (weighted mean importance composite × weighted mean gap composite)' },
    { name: 'rank', type: 'number', description: 'Rank of the unit by MWDS within its framework and region, 1 = largest need' },
    { name: 'rank_ci_low', type: 'number', description: '2.5% quantile of the bootstrap ranks' },
    { name: 'rank_ci_high', type: 'number', description: '97.5% quantile of the bootstrap ranks' },
    { name: 'quadrant', type: 'string', description: 'Importance–performance quadrant of the unit', constraints: { enum: ['', 'concentrate_here', 'keep_up_the_good_work', 'low_priority', 'possible_overkill'] } },
  ];
  return {
    name: 'framework-estimates', path: 'framework-estimates.csv', profile: 'tabular-data-resource', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
    description: 'The gaps and MWDS of each framework unit per region: design-based estimates of respondent-level composites (docs/frameworks.md)',
    schema: { fields, missingValues: [''] },
  };
}
