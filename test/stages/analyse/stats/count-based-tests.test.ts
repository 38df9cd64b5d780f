import { describe, expect, it } from 'vitest';
import {
  estimateDomainMeans, expandCounts, histogramMean, mannWhitneyU, mannWhitneyUFromCounts, rankedDiscrepancyScores, wilcoxonSignedRank, wilcoxonSignedRankFromCounts,
} from '../../../../stages/analyse/stats/index.ts';
import { expectClose, w, y } from './reference-data.ts';

// Likert samples drawn with numpy (default_rng(7)); reference values from SciPy 1.17.1:
//   scipy.stats.mannwhitneyu(x, y) → (7072.5, 7.779634833014107e-05)
//   scipy.stats.wilcoxon(d) (n = 150, auto → asymptotic) → (1961.5, 3.093414354625673e-06)
const likertValues = new Float64Array([1, 2, 3, 4, 5]);
const xCounts = new Float64Array([9, 7, 24, 47, 33]);
const yCounts = new Float64Array([11, 20, 27, 16, 16]);
const differenceValues = new Float64Array([-3, -2, -1, 0, 1, 2, 3, 4]);
const dCounts = new Float64Array([1, 12, 30, 28, 28, 32, 15, 4]);

describe('rank tests from counts (Likert data: O(distinct values) per cell)', () => {
  it('Mann–Whitney U from counts matches SciPy and the raw-value test', () => {
    const result = mannWhitneyUFromCounts(likertValues, xCounts, yCounts);
    expect(result.method).toBe('normal');
    expect([result.n1, result.n2]).toEqual([120, 90]);
    expect(result.statistic).toBe(7072.5);
    expectClose(result.pValue, 7.779634833014107e-05);
    const raw = mannWhitneyU(expandCounts(likertValues, xCounts, 120), expandCounts(likertValues, yCounts, 90));
    expectClose(result.pValue, raw.pValue, 1e-12);
  });

  it('Wilcoxon signed-rank from counts matches SciPy and the raw-value test (zeros dropped)', () => {
    const result = wilcoxonSignedRankFromCounts(differenceValues, dCounts);
    expect(result.zeros).toBe(28);
    expect(result.n).toBe(122);
    expect(result.statistic).toBe(1961.5);
    expectClose(result.pValue, 3.093414354625673e-06);
    const raw = wilcoxonSignedRank(expandCounts(differenceValues, dCounts, 150));
    expect(raw.positiveRankSum).toBe(result.positiveRankSum);
    expectClose(result.pValue, raw.pValue, 1e-12);
  });

  it('small cells get the exact conditional p-value from the counts, as the raw-value test does', () => {
    // SciPy 1.17.1: scipy.stats.mannwhitneyu([5,4,4,3,5,2,4,5,3,4,5,1], [3,3,2,4,1,2,3,5,2,3],
    //   method=scipy.stats.PermutationMethod(n_resamples=np.inf)) → (87.0, 0.07025791545915384)
    const result = mannWhitneyUFromCounts(likertValues, new Float64Array([1, 1, 2, 4, 4]), new Float64Array([1, 3, 4, 1, 1]));
    expect(result.method).toBe('exact');
    expect(result.statistic).toBe(87);
    expectClose(result.pValue, 0.07025791545915384);
    // scipy.stats.wilcoxon([1,2,0,-1,2,3,1,0,1,-2,2,1,4,0,1,-1,2,3,1,2],
    //   method=scipy.stats.PermutationMethod(n_resamples=np.inf)) → (20.5, 0.00616455078125)
    const paired = wilcoxonSignedRankFromCounts(new Float64Array([-2, -1, 0, 1, 2, 3, 4]), new Float64Array([1, 2, 3, 6, 5, 2, 1]));
    expect(paired.method).toBe('exact');
    expect(paired.statistic).toBe(20.5);
    expectClose(paired.pValue, 0.00616455078125);
    const raw = wilcoxonSignedRank(new Float64Array([1, 2, 0, -1, 2, 3, 1, 0, 1, -2, 2, 1, 4, 0, 1, -1, 2, 3, 1, 2]));
    expect(raw.pValue).toBe(paired.pValue);
  });

  it('a sample of 6 against 200 (ties): exact conditional p from the counts without expanding them', () => {
    // Exact enumeration of the C(206, 6) splits by tie-group compositions in Python (fractions):
    // 2·min(P(R₁ ≤ r), P(R₁ ≥ r)) = 0.006578529551821322, SciPy permutation_test's two-sided rule.
    // (R exactRankTests::wilcox.exact and coin::wilcox_test give 0.0061716851498146144: their
    // two-sided p is P(|R₁ − E R₁| ≥ |r − E R₁|), which differs when the distribution is skewed.)
    const result = mannWhitneyUFromCounts(likertValues, new Float64Array([0, 0, 1, 2, 3]), new Float64Array([20, 40, 70, 50, 20]));
    expect(result.method).toBe('exact');
    expect(result.statistic).toBe(975);
    expectClose(result.pValue, 0.006578529551821322, 1e-13);
  });
});

describe('histogramMean', () => {
  it('equals svymean(~y, des, na.rm = TRUE) (R survey 4.1.1) from the binned reference data', () => {
    const count = new Float64Array(5);
    const sumWeights = new Float64Array(5);
    const sumSquaredWeights = new Float64Array(5);
    y.forEach((value, i) => {
      if (Number.isNaN(value)) return;
      count[value - 1]++;
      sumWeights[value - 1] += w[i];
      sumSquaredWeights[value - 1] += w[i] * w[i];
    });
    const result = histogramMean(likertValues, count, sumWeights, sumSquaredWeights, 0, 5, 12, 12);
    expectClose(result.mean, 3.47333333333333316);
    expectClose(result.se, 0.45226736706635301);
    expect(result.n).toBe(10);
    const direct = estimateDomainMeans(y, w, new Int32Array(12), 1, 1);
    expectClose(result.sd, direct.sd[1], 1e-12);
  });
});

describe('rankedDiscrepancyScores on joint codes', () => {
  it('rescaled within-respondent mid-ranks, weighted mean per competency', () => {
    // discrepancies [2, 0, 1] and [1, 3, −1]; levels −1, 0, 1, 2, 3 → 0..4; the codes are the levels.
    const scores = rankedDiscrepancyScores(new Uint16Array([3, 1, 2, 2, 4, 0]), new Int16Array([0, 1, 2, 3, 4]), 5, new Float64Array([1, 1]), new Int32Array([0, 0]), 3, 1);
    expect(Array.from(scores)).toEqual([0.75, 0.5, 0.25, 0.75, 0.5, 0.25]);
    // Ties share the mid-rank: [1, 1, 3] → ranks 0.5, 0.5, 2 over m − 1 = 2.
    const tied = rankedDiscrepancyScores(new Uint16Array([2, 2, 4]), new Int16Array([0, 1, 2, 3, 4]), 5, new Float64Array([2]), new Int32Array([0]), 3, 1);
    expect(Array.from(tied.subarray(3))).toEqual([0.25, 0.25, 1]);
  });

  it('equals the definition written plainly (sort each respondent\'s discrepancies) on 1,500 random respondents with 300 levels, missing pairs and 3 domains', () => {
    let state = 9;
    const uniform = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    const K = 11;
    const rows = 1500;
    const levels = 300;
    // Code c has level c − 1 (code 0: no complete pair); levels drawn from a narrow band so ties occur.
    const levelOfCode = Int16Array.from({ length: levels + 1 }, (_, code) => code - 1);
    const codes = Uint16Array.from({ length: rows * K }, () => (uniform() < 0.2 ? 0 : 1 + Math.floor(120 + uniform() * 40 + (uniform() < 0.1 ? 130 : 0))));
    const weights = Float64Array.from({ length: rows }, () => 0.3 + 2 * uniform());
    const domain = Int32Array.from({ length: rows }, () => Math.floor(uniform() * 3));
    const sums = new Float64Array(4 * K);
    const totals = new Float64Array(4 * K);
    for (let row = 0; row < rows; row++) {
      const pairs = [...Array(K).keys()].map((k) => ({ k, level: levelOfCode[codes[row * K + k]] })).filter((pair) => pair.level >= 0);
      if (pairs.length < 2) continue;
      const sorted = pairs.map((pair) => pair.level).sort((a, b) => a - b);
      for (const { k, level } of pairs) {
        const first = sorted.indexOf(level);
        const last = sorted.lastIndexOf(level);
        const score = (first + last) / 2 / (pairs.length - 1);
        for (const block of [domain[row], 3]) {
          sums[block * K + k] += weights[row] * score;
          totals[block * K + k] += weights[row];
        }
      }
    }
    const scores = rankedDiscrepancyScores(codes, levelOfCode, levels, weights, domain, K, 3);
    scores.forEach((score, cell) => expectClose(score, sums[cell] / totals[cell], 1e-13));
  });
});
