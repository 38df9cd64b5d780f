/**
 * The disclosure-control verbs on tiny literal tables: feasible intervals against SciPy's linprog,
 * the primary rule (n, Kish effective n, whole units, empty cells), the secondary rule on a
 * three-region column, and the country counts.
 */
import { describe, expect, it } from 'vitest';
import {
  answerCountBounds, blankSuppressedCells, countSuppressedRows, protectCountryCounts, protectTables, suppressedCountInterval, suppressedMeanInterval, suppressPrimaryCells, type DisclosureRule,
} from '../../../../stages/analyse/disclosure/index.ts';
import type { DistributionRow, EstimateRow } from '../../../../contracts/types.ts';

const rule: DisclosureRule = { minN: 5, useEffectiveN: false, protectionShare: 0.5, scale: { min: 1, max: 5 } };

function row(region: string, measure: EstimateRow['measure'], n: number, mean: number, population: EstimateRow['population'] = 'industry'): EstimateRow {
  return { wave: 'w', region, competency: 'c', population, measure, n, mean, sd: 1, se: 0.1, ciLow: mean - 0.2, ciHigh: mean + 0.2, top2Share: measure.startsWith('gap') ? NaN : 0.5, suppressed: false, flag: '' };
}

describe('feasible intervals', () => {
  it('a hidden mean: scipy.optimize.linprog(±[1, 0], A_eq=[[3, 4]], b_eq=[31.5], bounds=[(1, 5)] * 2) → 3.8333333333333335 and 5.0', () => {
    const interval = suppressedMeanInterval(4.5, 7, 3, 1, 5);
    expect(interval.low).toBeCloseTo(3.8333333333333335, 12);
    expect(interval.high).toBe(5);
    // Alone in S, the cell is the remainder itself.
    expect(suppressedMeanInterval(4.5, 3, 3, 1, 5)).toEqual({ low: 4.5, high: 4.5 });
  });

  it('a hidden count: linprog(±c0, c0 + c1 + c2 = 7, bounds (1, 4), (1, 4), (5, 9), integrality 1) → 1 and 1', () => {
    const bounds = [{ low: 1, high: 4 }, { low: 1, high: 4 }, { low: 5, high: 9 }];
    expect(suppressedCountInterval(7, bounds, 0)).toEqual({ low: 1, high: 1 });
    expect(suppressedCountInterval(12, bounds, 0)).toEqual({ low: 1, high: 4 });
  });

  it('answers: a cell of 2 among hidden answers [0, 0, 0, 1, 3] must have given a 5; among [0, 0, 2, 1, 3] it need not', () => {
    expect(answerCountBounds([0, 0, 0, 1, 3], 2).map((bound) => bound.low)).toEqual([0, 0, 0, 0, 1]);
    expect(answerCountBounds([0, 0, 2, 1, 3], 2).map((bound) => bound.low)).toEqual([0, 0, 0, 0, 0]);
  });
});

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

describe('protectCountryCounts', () => {
  it('shows a small count as "< 5" and ranges further counts until none is pinned down by a known region total', () => {
    const countries = [
      { country: 'FJ', region: 'Oceania', industry: 1, education: 0 },
      { country: 'NZ', region: 'Oceania', industry: 6, education: 0 },
      { country: 'AU', region: 'Oceania', industry: 7, education: 12 },
      { country: 'DE', region: 'Europe', industry: 40, education: 30 },
    ];
    const { counts, unprotected } = protectCountryCounts(countries, 5, (population, region) => region === 'Oceania' || region === 'Europe');
    expect(counts.map((c) => c.industry.text)).toEqual(['< 5', '5\u20139', '7', '40']);
    expect(counts.map((c) => c.total.text)).toEqual(['< 5', '5\u20139', '19', '70']);
    expect(unprotected).toEqual([]);
    // Oceania's 14 minus AU's 7: FJ + NZ = 7 with NZ in 5–9, so FJ is 1 or 2 (two values: enough for a count).
    expect(suppressedCountInterval(7, [{ low: 1, high: 4 }, { low: 5, high: 9 }], 0)).toEqual({ low: 1, high: 2 });
    // With FJ alone hidden it would be pinned: 14 − 6 − 7 = 1.
    expect(suppressedCountInterval(1, [{ low: 1, high: 4 }], 0)).toEqual({ low: 1, high: 1 });
  });
});
