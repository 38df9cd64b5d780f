import { describe, expect, it } from 'vitest';
import {
  createSeededRandom, exactRankSumPValue, exactSignedRankPValue, mannWhitneyU, mannWhitneyUFromCounts, tieGroupsOfRanks, wilcoxonSignedRank, wilcoxonSignedRankFromCounts,
} from '../../../../stages/analyse/stats/index.ts';
import { rankWithTies } from '../../../../stages/analyse/stats/rank-data.ts';
import { expectClose } from './reference-data.ts';

// Reference values: SciPy 1.17.1 (/root/.pyenv python3; PM = scipy.stats.PermutationMethod(n_resamples=np.inf),
// which enumerates every sign flip / split), R 4.2 exactRankTests 0.8-35 and coin 1.4-2 (Debian packages).

describe('exact conditional Wilcoxon signed-rank p-values (n ≤ 50)', () => {
  it('5 pairs all positive: p = 0.0625, the exact minimum, tied or not (the normal approximation said 0.025)', () => {
    // scipy.stats.wilcoxon([1,1,1,1,1], method=PM) → (0.0, 0.0625); same for [1,2,3,4,5];
    // R exactRankTests::wilcox.exact(c(1,1,1,1,1), exact = TRUE)$p.value → 0.0625;
    // scipy.stats.wilcoxon([1,1,1,1,1], method='asymptotic', correction=False) → 0.025347318677468252
    const tied = wilcoxonSignedRank(new Float64Array([1, 1, 1, 1, 1]));
    expect(tied.method).toBe('exact');
    expect(tied.pValue).toBe(0.0625);
    expect(wilcoxonSignedRank(new Float64Array([1, 2, 3, 4, 5])).pValue).toBe(0.0625);
    expect(wilcoxonSignedRankFromCounts(new Float64Array([0, 1]), new Float64Array([2, 5])).pValue).toBe(0.0625);
  });

  it('Likert differences with ties and zeros, n = 10 non-zero', () => {
    // scipy.stats.wilcoxon([2,1,0,1,-1,3,1,2,0,1,2,1], method=PM) → (3.5, 0.013671875)
    const result = wilcoxonSignedRank(new Float64Array([2, 1, 0, 1, -1, 3, 1, 2, 0, 1, 2, 1]));
    expect(result.statistic).toBe(3.5);
    expect(result.pValue).toBe(0.013671875);
  });

  it('n = 50 non-zero differences with ties and 3 zeros, from raw values and from counts', () => {
    // R: exactRankTests::wilcox.exact(d50, exact = TRUE)$p.value and
    //    coin::pvalue(wilcoxsign_test(d50 ~ rep(0, 53), distribution = "exact", zero.method = "Wilcoxon"))
    //    → 0.00047974550562557283 (both; the conditional null of W+ is symmetric, so their two-sided
    //    rule equals SciPy's 2·min of the tails). 2^50 sign flips are too many for SciPy's enumeration.
    const d50 = [3, 1, 2, 1, -3, 1, -1, 3, 4, 1, 3, 4, 4, -1, -1, 2, 2, -1, -2, 3, 1, -1, 3, -1, 1, -1, 1, 2, 2, -1, 2, 2, 4, -2, -1, 1, 2, 1, 3, 1, -1, 1, -3, -1, -1, 4, 1, 2, 3, 3, 0, 0, 0];
    const raw = wilcoxonSignedRank(new Float64Array(d50));
    expect(raw.n).toBe(50);
    expect(raw.method).toBe('exact');
    expectClose(raw.pValue, 0.00047974550562557283, 1e-14);
    const values = [-3, -2, -1, 0, 1, 2, 3, 4];
    const counts = values.map((value) => d50.filter((d) => d === value).length);
    const fromCounts = wilcoxonSignedRankFromCounts(new Float64Array(values), new Float64Array(counts));
    expect(fromCounts.pValue).toBe(raw.pValue);
    expect(fromCounts.positiveRankSum).toBe(raw.positiveRankSum);
  });

  it('n = 51 non-zero differences leave the exact path (counts would pass 2^50)', () => {
    const d = new Float64Array(51).map((_, i) => (i % 3 === 0 ? -1 : 1) * (1 + (i % 4)));
    expect(wilcoxonSignedRank(d).method).toBe('normal');
    expect(() => exactSignedRankPValue([{ doubledRank: 52, size: 51 }], 0)).toThrow(RangeError);
  });

  it('equals brute-force enumeration of all 2^n sign flips on random tied samples (n ≤ 12)', () => {
    const random = createSeededRandom(2024);
    for (let trial = 0; trial < 40; trial++) {
      const n = 1 + random.integerBelow(12);
      const d = new Float64Array(n).map(() => (random.integerBelow(7) - 3) || 1);
      const result = wilcoxonSignedRank(d);
      const { ranks } = rankWithTies(d.map(Math.abs));
      const observed = ranks.reduce((sum, rank, i) => sum + (d[i] > 0 ? rank : 0), 0);
      let lower = 0;
      let upper = 0;
      for (let signs = 0; signs < 2 ** n; signs++) {
        let sum = 0;
        for (let i = 0; i < n; i++) if (signs & (1 << i)) sum += ranks[i];
        if (sum <= observed + 1e-9) lower++;
        if (sum >= observed - 1e-9) upper++;
      }
      expect(result.pValue).toBe(Math.min(1, (2 * Math.min(lower, upper)) / 2 ** n));
    }
  });
});

describe('exact conditional Mann–Whitney p-values (a sample ≤ 8 or N ≤ 50)', () => {
  it('matches SciPy’s permutation method with ties', () => {
    // scipy.stats.mannwhitneyu([2,2], [1,1], method=PM) → (4.0, 0.3333333333333333)
    expectClose(mannWhitneyU(new Float64Array([2, 2]), new Float64Array([1, 1])).pValue, 1 / 3);
    // scipy.stats.mannwhitneyu([4,5,5,3,4], [2,3,3,4,1,2], method=PM) → (27.0, 0.04329004329004329)
    const result = mannWhitneyU(new Float64Array([4, 5, 5, 3, 4]), new Float64Array([2, 3, 3, 4, 1, 2]));
    expect(result.statistic).toBe(27);
    expectClose(result.pValue, 0.04329004329004329, 1e-15);
    // scipy.stats.mannwhitneyu([3.1,4.5,2.2,5.0,3.3], [1.2,2.5,2.9,4.1,1.8,0.7], method=PM) → (25.0, 0.08225108225108226)
    expectClose(mannWhitneyU(new Float64Array([3.1, 4.5, 2.2, 5, 3.3]), new Float64Array([1.2, 2.5, 2.9, 4.1, 1.8, 0.7])).pValue, 0.08225108225108226, 1e-15);
  });

  it('25 against 25 Likert ratings (N = 50), from counts', () => {
    // R: exactRankTests::wilcox.exact(x, y, exact = TRUE)$p.value and coin::wilcox_test(..., distribution = "exact")
    //    → 0.1787721005929056, x counts 2,5,8,7,3 and y counts 4,7,8,4,2 on 1..5 (the conditional null is
    //    symmetric here, so this equals SciPy's rule; a Python enumeration by tie-group composition agrees).
    const result = mannWhitneyUFromCounts([1, 2, 3, 4, 5], [2, 5, 8, 7, 3], [4, 7, 8, 4, 2]);
    expect(result.method).toBe('exact');
    expect(result.statistic).toBe(380.5);
    expectClose(result.pValue, 0.1787721005929056, 1e-14);
  });

  it('equals brute-force enumeration of all splits on random tied samples (N ≤ 14)', () => {
    const random = createSeededRandom(77);
    for (let trial = 0; trial < 30; trial++) {
      const n1 = 1 + random.integerBelow(7);
      const n2 = 1 + random.integerBelow(7);
      const pooled = new Float64Array(n1 + n2).map(() => 1 + random.integerBelow(4));
      const result = mannWhitneyU(pooled.subarray(0, n1), pooled.subarray(n1));
      const { ranks } = rankWithTies(pooled);
      const observed = ranks.subarray(0, n1).reduce((a, b) => a + b, 0);
      let lower = 0;
      let upper = 0;
      let total = 0;
      for (let mask = 0; mask < 2 ** (n1 + n2); mask++) {
        let members = 0;
        let sum = 0;
        for (let i = 0; i < n1 + n2; i++) if (mask & (1 << i)) (members++, (sum += ranks[i]));
        if (members !== n1) continue;
        total++;
        if (sum <= observed + 1e-9) lower++;
        if (sum >= observed - 1e-9) upper++;
      }
      expectClose(result.pValue, Math.min(1, (2 * Math.min(lower, upper)) / total), 1e-14);
      expect(exactRankSumPValue(tieGroupsOfRanks(ranks), n1, 2 * observed)).toBe(result.pValue);
    }
  });
});
