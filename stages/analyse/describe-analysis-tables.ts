/**
 * The Frictionless Data package descriptor (datapackage.json) of the analysis tables, so R
 * (`frictionless::read_package`) and Python (`frictionless`, `pandas`) users load them with types.
 * Column names are fixed by issue 4 (snake_case); missing numbers (suppressed or undefined) are
 * written as empty cells, declared as `missingValues: [""]`.
 * Spec: https://specs.frictionlessdata.io/data-package/ and /table-schema/.
 */
import { frameworkEstimatesResource } from './describe-framework-tables.ts';

type Field = { name: string; type: 'string' | 'integer' | 'number' | 'boolean'; description: string; constraints?: { enum: string[] } };

const region = (): Field => ({ name: 'region', type: 'string', description: 'Region under the wave\'s region scheme, or "Global" for all respondents' });
const base = (): Field[] => [
  { name: 'wave', type: 'string', description: 'Wave id' },
  region(),
  { name: 'competency', type: 'string', description: 'Competency id (data/competencies.json)' },
];
const gapEnum = ['gap_preparedness', 'gap_curriculum', 'gap_education'];

function resource(name: string, description: string, fields: Field[]) {
  return { name, path: `${name}.csv`, profile: 'tabular-data-resource', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', description, schema: { fields, missingValues: [''] } };
}

export function describeAnalysisTables(): object {
  return {
    profile: 'tabular-data-package',
    name: 'skillgap-analysis',
    title: 'Cybersecurity skills-gap survey: weighted estimates, tests and rankings',
    description: 'Design-based weighted estimates (Taylor-linearisation SEs, calibration-aware for raked weights), the three skill gaps, rank tests with Benjamini–Hochberg q-values, and Borich MWDS rankings. Cells with unweighted n below the suppression threshold have no values. Methods: docs/methods.md.',
    resources: [
      resource('estimates', 'One row per region × competency × population × measure', [
        ...base(),
        { name: 'population', type: 'string', description: 'Who rated: industry, education, or both (curriculum gap)', constraints: { enum: ['industry', 'education', 'both'] } },
        { name: 'measure', type: 'string', description: 'Rated dimension or gap', constraints: { enum: ['importance', 'preparedness', 'coverage', ...gapEnum] } },
        { name: 'n', type: 'integer', description: 'Unweighted respondents with a value (pairs for paired gaps; n1 + n2 for the curriculum gap); empty when suppressed (flag suppressed_small_n: fewer than the threshold)' },
        { name: 'mean', type: 'number', description: 'Weighted mean (gap: difference of means); empty when suppressed' },
        { name: 'sd', type: 'number', description: 'Weighted standard deviation of the values (square root of R svyvar); empty for the curriculum gap and when suppressed' },
        { name: 'se', type: 'number', description: 'Design-based standard error (Taylor linearisation, one stage with replacement)' },
        { name: 'ci_low', type: 'number', description: 'Lower bound of the 95% confidence interval (t quantile with df, clipped to the scale; see ci_method)' },
        { name: 'ci_high', type: 'number', description: 'Upper bound of the 95% confidence interval (t quantile with df, clipped to the scale; see ci_method)' },
        { name: 'top2_share', type: 'number', description: 'Weighted share in the top two boxes of the scale; empty for gaps' },
        { name: 'suppressed', type: 'boolean', description: 'True when the cell is suppressed by disclosure control (see flag); it then has no values and no n' },
        { name: 'flag', type: 'string', description: 'Empty, low_reliability, suppressed_small_n or suppressed_low_effective_n (primary: n or Kish effective n below the threshold), suppressed_secondary (hidden so that no suppressed cell can be computed back from totals) or suppressed_derived (same respondents as, or computed from, a suppressed cell)', constraints: { enum: ['', 'low_reliability', 'suppressed_small_n', 'suppressed_low_effective_n', 'suppressed_secondary', 'suppressed_derived'] } },
        { name: 'df', type: 'number', description: 'Degrees of freedom of the t quantile: n − 1 (pairs − 1); Welch–Satterthwaite for the curriculum gap' },
        { name: 'ci_method', type: 'string', description: 't (t interval clipped to the scale) or zero_se_wilson (SE 0 because every answer is equal: Wilson-type bound on the scale)', constraints: { enum: ['', 't', 'zero_se_wilson'] } },
        { name: 'top2_ci_low', type: 'number', description: 'Lower bound of the Korn–Graubard 95% interval of top2_share' },
        { name: 'top2_ci_high', type: 'number', description: 'Upper bound of the Korn–Graubard 95% interval of top2_share' },
        { name: 'deff', type: 'number', description: 'Design effect: design variance / variance under simple random sampling with replacement (R svymean deff = "replace")' },
        { name: 'effective_n', type: 'number', description: 'n / deff: size of a simple random sample with the same precision' },
        { name: 'kish_effective_n', type: 'number', description: 'Kish effective n of the cell\'s weights, (Σw)²/Σw²' },
      ]),
      resource('tests', 'One rank test per region × competency × gap; q-values within each gap type × level (Global; each region)', [
        ...base(),
        { name: 'gap', type: 'string', description: 'Gap tested', constraints: { enum: gapEnum } },
        { name: 'test', type: 'string', description: 'wilcoxon_signed_rank (paired gaps) or mann_whitney_u (curriculum gap)', constraints: { enum: ['wilcoxon_signed_rank', 'mann_whitney_u'] } },
        { name: 'n1', type: 'integer', description: 'Pairs (Wilcoxon) or industry importance ratings (Mann–Whitney); empty when suppressed' },
        { name: 'n2', type: 'integer', description: 'Pairs (Wilcoxon) or education coverage ratings (Mann–Whitney); empty when suppressed' },
        { name: 'statistic', type: 'number', description: 'min(W+, W−) for Wilcoxon (zeros dropped); U of the industry sample for Mann–Whitney' },
        { name: 'p_value', type: 'number', description: 'Two-sided p-value: exact conditional given the tied ranks for small samples (Wilcoxon n ≤ 50; Mann–Whitney a sample ≤ 8 or N ≤ 50), else tie-corrected normal' },
        { name: 'q_value', type: 'number', description: 'Benjamini–Hochberg adjusted p-value within the test\'s family (column family)' },
        { name: 'family', type: 'string', description: 'Benjamini–Hochberg family: one gap type at one level, "<gap>:<region>" (region Global = the whole design)' },
        { name: 'effect_size', type: 'number', description: 'Matched-pairs rank-biserial correlation or Cliff\'s delta; positive = importance higher' },
        { name: 'effect_measure', type: 'string', description: 'rank_biserial or cliffs_delta', constraints: { enum: ['rank_biserial', 'cliffs_delta'] } },
        { name: 'suppressed', type: 'boolean', description: 'True when the gap is suppressed (a cell it derives from has unweighted n below the threshold); the test is then not run' },
      ]),
      resource('rankings', 'Borich MWDS ranking of competencies per region (industry preparedness gap)', [
        ...base(),
        { name: 'mwds', type: 'number', description: 'Mean weighted discrepancy score: weighted mean importance × weighted mean preparedness gap' },
        { name: 'rank', type: 'number', description: 'Rank by MWDS, 1 = largest need; ties share the mean rank' },
        { name: 'rank_ci_low', type: 'integer', description: 'Lowest rank of the marginal 95% confidence set for the rank (Mogstad, Romano, Shaikh & Wilhelm 2024)' },
        { name: 'rank_ci_high', type: 'integer', description: 'Highest rank of the marginal 95% confidence set for the rank' },
        { name: 'rank_simultaneous_low', type: 'integer', description: 'Lowest rank of the simultaneous 95% confidence set (all of the region\'s sets cover at once)' },
        { name: 'rank_simultaneous_high', type: 'integer', description: 'Highest rank of the simultaneous 95% confidence set' },
        { name: 'quadrant', type: 'string', description: 'Importance–performance quadrant', constraints: { enum: ['', 'concentrate_here', 'keep_up_the_good_work', 'low_priority', 'possible_overkill'] } },
        { name: 'suppressed', type: 'boolean', description: 'True when the competency is left out of the region\'s ranking (a cell it derives from is suppressed)' },
      ]),
      resource('wave-change', 'Change of every gap since the previous wave (independent samples)', [
        { name: 'previous_wave', type: 'string', description: 'Earlier wave id' },
        { name: 'wave', type: 'string', description: 'Later wave id' },
        region(),
        { name: 'competency', type: 'string', description: 'Competency id' },
        { name: 'measure', type: 'string', description: 'Gap', constraints: { enum: gapEnum } },
        { name: 'previous_mean', type: 'number', description: 'Gap in the earlier wave' },
        { name: 'mean', type: 'number', description: 'Gap in the later wave' },
        { name: 'change', type: 'number', description: 'Later minus earlier' },
        { name: 'se', type: 'number', description: 'SE of the change: √(SE₁² + SE₂²)' },
        { name: 'ci_low', type: 'number', description: 'Lower bound of the 95% CI of the change' },
        { name: 'ci_high', type: 'number', description: 'Upper bound of the 95% CI of the change' },
        { name: 'z', type: 'number', description: 'Wald statistic change / SE' },
        { name: 'p_value', type: 'number', description: 'Two-sided normal p-value of no change' },
        { name: 'top5', type: 'string', description: 'For gap_preparedness: entered, left, stayed_in or stayed_out of the MWDS top 5', constraints: { enum: ['', 'entered', 'left', 'stayed_in', 'stayed_out'] } },
        { name: 'suppressed', type: 'boolean', description: 'True when either wave\'s cell is suppressed' },
      ]),
      frameworkEstimatesResource(),
    ],
  };
}
