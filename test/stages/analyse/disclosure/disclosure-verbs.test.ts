/**
 * The disclosure-control verbs on tiny literal tables: the primary rule (n, Kish effective n, whole
 * units, empty cells) and the secondary rule on a three-region column. (The feasible intervals and
 * the country counts are contracts: test/contracts/disclosure/.)
 */
import { describe, expect, it } from 'vitest';
import { blankSuppressedCells, protectTables, suppressPrimaryCells } from '../../../../stages/analyse/disclosure/index.ts';
import { countSuppressedRows, type DisclosureRule } from '../../../../contracts/disclosure/disclosure-rule.ts';
import { suppressedMeanInterval } from '../../../../contracts/disclosure/feasible-interval.ts';
import type { DistributionRow, EstimateRow } from '../../../../contracts/types.ts';

const rule: DisclosureRule = { minN: 5, useEffectiveN: false, protectionShare: 0.5, scale: { min: 1, max: 5 } };

function row(region: string, measure: EstimateRow['measure'], n: number, mean: number, population: EstimateRow['population'] = 'industry'): EstimateRow {
  return { wave: 'w', region, competency: 'c', population, measure, n, mean, sd: 1, se: 0.1, ciLow: mean - 0.2, ciHigh: mean + 0.2, top2Share: measure.startsWith('gap') ? NaN : 0.5, suppressed: false, flag: '' };
}

describe('suppressPrimaryCells', () => {
  it('hides the whole unit when one row is below k, keeps empty rows from spreading, and applies Kish n_eff when asked', () => {
    const rows = [row('A', 'importance', 6, 4), row('A', 'preparedness', 4, 3), row('A', 'gap_preparedness', 4, 1),
      row('B', 'importance', 8, 4), row('B', 'preparedness', 0, NaN), row('B', 'gap_preparedness', 0, NaN),
      row('C', 'importance', 9, 4), row('A', 'gap_curriculum', 12, 1, 'both')];
    const { rows: out, suppressedUnits } = suppressPrimaryCells(rows, rule);
    expect(out.map((r) => r.flag)).toEqual(['suppressed_derived', 'suppressed_small_n', 'suppressed_small_n', '', 'suppressed_small_n', 'suppressed_small_n', '', 'suppressed_derived']);
    expect([...suppressedUnits]).toEqual(['industry\u0000A\u0000c']);
    // n_eff: C's 9 respondents weigh like 3.
    const weighted = suppressPrimaryCells(rows, { ...rule, useEffectiveN: true }, (r) => (r.region === 'C' ? 3 : r.n));
    expect(weighted.rows[6].flag).toBe('suppressed_low_effective_n');
  });
});

describe('protectTables on one column (Global = A + B + C)', () => {
  // Equal weights: Global mean = (2·4 + 30·4.5 + 40·3.5)/72.
  const globalMean = (2 * 4 + 30 * 4.5 + 40 * 3.5) / 72;
  const estimates = [row('A', 'importance', 2, 4), row('B', 'importance', 30, 4.5), row('C', 'importance', 40, 3.5), row('Global', 'importance', 72, globalMean)];
  const distribution = (region: string, counts: number[]): DistributionRow => ({ region, competency: 'c', population: 'industry', dimension: 'importance', counts, missing: 0, suppressed: false });
  const distributions = [distribution('A', [0, 0, 0, 2, 0]), distribution('B', [0, 0, 0, 15, 15]), distribution('C', [0, 0, 20, 20, 0]), distribution('Global', [0, 0, 20, 37, 15])];
  const result = protectTables(estimates, distributions, rule);

  it('hides A (n = 2) and B, the smaller complement, and publishes C and Global', () => {
    expect(result.estimates.map((r) => r.flag)).toEqual(['suppressed_small_n', 'suppressed_secondary', '', '']);
    expect(result.estimates.slice(0, 2).every((r) => Number.isNaN(r.n) && Number.isNaN(r.mean))).toBe(true);
    expect(result.distributions.map((r) => r.suppressed)).toEqual([true, true, false, false]);
    expect(countSuppressedRows(result.estimates)).toEqual({ primary: 1, secondary: 1, derived: 0, published: 2 });
    // From Global − C: A and B together 32 answers, mean 4.4375; A (n = 2) can have any mean from 1 to 5.
    expect(suppressedMeanInterval((72 * globalMean - 40 * 3.5) / 32, 32, 2, 1, 5)).toEqual({ low: 1, high: 5 });
  });

  it('hides Global too when even all regions together pin a cell down (every respondent answered 4)', () => {
    const flat = [row('A', 'importance', 2, 4), row('B', 'importance', 6, 4), row('Global', 'importance', 8, 4)];
    const flatDistributions = [distribution('A', [0, 0, 0, 2, 0]), distribution('B', [0, 0, 0, 6, 0]), distribution('Global', [0, 0, 0, 8, 0])];
    expect(protectTables(flat, flatDistributions, rule).estimates.map((r) => r.flag)).toEqual(['suppressed_small_n', 'suppressed_secondary', 'suppressed_secondary']);
  });

  it('blankSuppressedCells leaves published rows untouched', () => {
    expect(blankSuppressedCells([estimates[2]])[0]).toBe(estimates[2]);
  });
});
