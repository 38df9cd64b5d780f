import { describe, expect, it } from 'vitest';
import {
  bootstrapRankIntervals, bootstrapReplicateRanks, estimateDomainMeans, expandCounts, histogramMean, mannWhitneyU, mannWhitneyUFromCounts,
  rankedDiscrepancyScores, rankIntervalsFromReplicates, startBootstrapRankIntervals, wilcoxonSignedRank, wilcoxonSignedRankFromCounts, type BootstrapRankInput,
} from '../../../../stages/analyse/stats/index.ts';
import { createSeededRandom } from '../../../../stages/analyse/stats/seeded-random.ts';
import { drawPoissonMultipliers, POISSON_THRESHOLDS } from '../../../../stages/analyse/stats/poisson-multipliers.ts';
import { scatterModule } from '../../../../stages/analyse/stats/bootstrap-scatter-wasm.ts';
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
});

describe('Poisson bootstrap of MWDS ranks', () => {
  function bootstrapInput(replicates: number): BootstrapRankInput {
    // 400 respondents, 2 regions, 6 competencies; importance levels 1..5 (codes: importance · 7 + preparedness, 5 = missing).
    const random = createSeededRandom(3);
    const rows = 400;
    const competencies = 6;
    const states = 7;
    const jointCode = new Uint16Array(rows * competencies);
    for (let row = 0; row < rows; row++) {
      for (let k = 0; k < competencies; k++) {
        const importance = Math.min(4, random.integerBelow(3) + (k < 2 ? 2 : 1));
        const preparedness = random.uniform() < 0.1 ? 5 : random.integerBelow(4);
        jointCode[row * competencies + k] = importance * states + preparedness;
      }
    }
    const importanceOfCode = new Float64Array(states * states).fill(NaN);
    const discrepancyOfCode = new Float64Array(states * states).fill(NaN);
    for (let first = 0; first < 5; first++) {
      for (let second = 0; second < states; second++) {
        importanceOfCode[first * states + second] = first + 1;
        if (second < 5) discrepancyOfCode[first * states + second] = first - second;
      }
    }
    return {
      jointCode, importanceOfCode, discrepancyOfCode, weights: Float64Array.from({ length: rows }, (_, row) => 0.5 + (row % 4) * 0.5),
      rowDomain: Int32Array.from({ length: rows }, (_, row) => row % 2), competencies, domainCount: 2,
      eligible: new Uint8Array(3 * competencies).fill(1), replicates, seed: 42,
    };
  }

  it('gives the same ranks whatever the split of the replicates (as worker threads would split them)', () => {
    const input = bootstrapInput(30);
    const whole = new Float64Array(18 * 30);
    bootstrapReplicateRanks(input, 0, 30, whole);
    const split = new Float64Array(18 * 30);
    bootstrapReplicateRanks(input, 17, 13, split);
    bootstrapReplicateRanks(input, 0, 9, split);
    bootstrapReplicateRanks(input, 9, 8, split);
    expect(Array.from(split)).toEqual(Array.from(whole));
    const intervals = bootstrapRankIntervals(input);
    const fromSplit = rankIntervalsFromReplicates(split, input.eligible, 30);
    expect(Array.from(intervals.low)).toEqual(Array.from(fromSplit.low));
    expect(Array.from(intervals.high)).toEqual(Array.from(fromSplit.high));
  });

  it('WebAssembly SIMD and JavaScript inner loops give the same ranks, bit for bit (including a batch of fewer than 8)', () => {
    expect(scatterModule()).not.toBeNull();
    const input = bootstrapInput(21);
    const withWasm = new Float64Array(18 * 21);
    const withJavaScript = new Float64Array(18 * 21);
    bootstrapReplicateRanks(input, 0, 21, withWasm, { kernel: 'wasm' });
    bootstrapReplicateRanks(input, 0, 21, withJavaScript, { kernel: 'javascript' });
    expect(Buffer.from(withWasm.buffer).equals(Buffer.from(withJavaScript.buffer))).toBe(true);
    // Every replicate was ranked: each eligible cell holds ranks 1…6.
    expect(Array.from(withWasm).every((rank) => rank >= 1 && rank <= 6)).toBe(true);
  });

  it('draws the Poisson multipliers exactly as inversion of the CDF against each 32-bit output would', () => {
    const rows = 20000;
    const drawn = new Uint8Array(rows);
    drawPoissonMultipliers(9, 4, rows, drawn, 1, 0, Int32Array.from({ length: rows }, (_, row) => row));
    const random = createSeededRandom(9, 4);
    const histogram = new Array(13).fill(0);
    let differing = 0;
    for (let row = 0; row < rows; row++) {
      const uniform = random.nextUint32();
      let multiplier = 0;
      while (uniform >= POISSON_THRESHOLDS[multiplier]) multiplier++;
      if (drawn[row] !== multiplier) differing++;
      histogram[multiplier]++;
    }
    expect(differing).toBe(0);
    // Poisson(1): P(0) = P(1) = e^−1 ≈ 0.368, P(2) ≈ 0.184 (20,000 draws: within ±0.015).
    expect(Math.abs(histogram[0] / rows - Math.exp(-1))).toBeLessThan(0.015);
    expect(Math.abs(histogram[1] / rows - Math.exp(-1))).toBeLessThan(0.015);
    expect(Math.abs(histogram[2] / rows - Math.exp(-1) / 2)).toBeLessThan(0.015);
  });

  it('gives the same intervals when a helper thread claims batches of the replicates', () => {
    const input = bootstrapInput(40);
    const alone = new Float64Array(18 * 40);
    bootstrapReplicateRanks(input, 0, 40, alone);
    const expected = rankIntervalsFromReplicates(alone, input.eligible, 40);
    const previous = process.env.SKILLGAP_WORKERS;
    delete process.env.SKILLGAP_WORKERS;
    try {
      const withHelper = bootstrapRankIntervals(input, { forceHelper: true });
      expect(Array.from(withHelper.low)).toEqual(Array.from(expected.low));
      expect(Array.from(withHelper.high)).toEqual(Array.from(expected.high));
      // Started early, the helper takes batches while this thread is busy elsewhere (≥ 0.3 s, longer
      // than its start-up), then finish() takes the rest: the same intervals again.
      const bigger = bootstrapInput(400);
      const pending = startBootstrapRankIntervals(bigger, { forceHelper: true });
      const busyUntil = performance.now() + 300;
      while (performance.now() < busyUntil);
      const late = pending.finish();
      const reference = bootstrapRankIntervals(bigger);
      expect(Array.from(late.low)).toEqual(Array.from(reference.low));
      expect(Array.from(late.high)).toEqual(Array.from(reference.high));
    } finally {
      if (previous !== undefined) process.env.SKILLGAP_WORKERS = previous;
    }
  });

  it('is seeded: same seed, same intervals; the two high-importance competencies rank on top', () => {
    const first = bootstrapRankIntervals(bootstrapInput(200));
    const second = bootstrapRankIntervals(bootstrapInput(200));
    expect(Array.from(first.high)).toEqual(Array.from(second.high));
    const other = bootstrapRankIntervals({ ...bootstrapInput(200), seed: 43 });
    expect(Array.from(other.low).concat(Array.from(other.high))).not.toEqual(Array.from(first.low).concat(Array.from(first.high)));
    // Global block (last 6 cells): competencies 0 and 1 have importance shifted up by one level.
    expect(first.high[12]).toBeLessThanOrEqual(2);
    expect(first.high[13]).toBeLessThanOrEqual(2);
    for (let k = 2; k < 6; k++) expect(first.low[12 + k]).toBeGreaterThanOrEqual(3);
  });
});
