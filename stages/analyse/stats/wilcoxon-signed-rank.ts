import { EXACT_SIGNED_RANK_MAX_N, exactSignedRankPValue, type TieGroup } from './exact-signed-rank-distribution.ts';
import { normalUpperTail } from './normal-distribution.ts';
import { rankWithTies } from './rank-data.ts';

/**
 * Wilcoxon signed-rank test of H0: the paired differences d_i = x_i − y_i are symmetric about 0,
 * two-sided, zero_method='wilcox', no continuity correction.
 *
 * Zero handling ('wilcox', Wilcoxon 1945): differences equal to zero are dropped before ranking, so
 * n is the number of non-zero differences. Then |d_i| are mid-ranked, W+ = Σ ranks of d_i > 0,
 * W− = Σ ranks of d_i < 0, and the reported statistic is min(W+, W−).
 * p-value:
 *   - n ≤ 50 (non-zero differences): the exact conditional distribution of W+ given the tied ranks
 *     (all 2^n sign patterns equally likely, exact-signed-rank-distribution.ts),
 *     p = min(1, 2·min(P(T ≥ W+), P(T ≤ W+))): SciPy ≥ 1.13 `wilcoxon(d, zero_method='wilcox',
 *     method=PermutationMethod(n_resamples=np.inf))`; without ties or zeros also `method='exact'`;
 *   - n > 50: the normal approximation with tie correction and no continuity correction,
 *     z = (W+ − n(n+1)/4) / √(n(n+1)(2n+1)/24 − Σ(t³−t)/48), p = 2·P(Z > |z|): SciPy
 *     `wilcoxon(d, method='asymptotic', correction=False)`.
 * (SciPy's own method='auto' falls back to the normal approximation for 13 < n ≤ 50 when there are
 * ties or zeros; rating data nearly always have ties, and the normal p-value of a small cell can be
 * far below the exact one: 5 positive pairs give 0.038 against the exact minimum 0.0625.)
 *
 * Reference: Wilcoxon, F. (1945). Individual comparisons by ranking methods. Biometrics Bulletin
 * 1(6), 80–83; Hollander, Wolfe & Chicken (2014), Nonparametric Statistical Methods §3.1.
 *
 * @example wilcoxonSignedRank(new Float64Array([1.5, -0.3, 2.2, 0.8, -1.1, 3.4, 0.25, 1.9, -0.6, 2.7]))
 * // => { statistic: 10, pValue: 0.083984375, n: 10, method: 'exact', ... }
 */
export interface WilcoxonResult {
  /** min(W+, W−) over the non-zero differences. */
  statistic: number;
  positiveRankSum: number;
  negativeRankSum: number;
  pValue: number;
  /** Number of non-zero differences used. */
  n: number;
  zeros: number;
  method: 'exact' | 'normal';
}

export function wilcoxonSignedRank(differences: Float64Array): WilcoxonResult {
  let nonZero = 0;
  let zeros = 0;
  for (let i = 0; i < differences.length; i++) {
    const difference = differences[i];
    if (difference !== difference) continue;
    if (difference === 0) zeros++;
    else nonZero++;
  }
  const absolute = new Float64Array(nonZero);
  const positive = new Uint8Array(nonZero);
  for (let i = 0, k = 0; i < differences.length; i++) {
    const difference = differences[i];
    if (difference !== difference || difference === 0) continue;
    absolute[k] = Math.abs(difference);
    positive[k++] = difference > 0 ? 1 : 0;
  }
  if (nonZero === 0) {
    return { statistic: NaN, positiveRankSum: 0, negativeRankSum: 0, pValue: NaN, n: 0, zeros, method: 'normal' };
  }
  const { ranks, tieTerm } = rankWithTies(absolute);
  let positiveRankSum = 0;
  let negativeRankSum = 0;
  for (let k = 0; k < nonZero; k++) {
    if (positive[k]) positiveRankSum += ranks[k];
    else negativeRankSum += ranks[k];
  }
  const statistic = Math.min(positiveRankSum, negativeRankSum);
  const useExact = nonZero <= EXACT_SIGNED_RANK_MAX_N;
  let pValue: number;
  if (useExact) {
    pValue = exactSignedRankPValue(tieGroupsOfRanks(ranks), 2 * positiveRankSum);
  } else {
    const mean = (nonZero * (nonZero + 1)) / 4;
    const sd = Math.sqrt((nonZero * (nonZero + 1) * (2 * nonZero + 1) - tieTerm / 2) / 24);
    const z = (positiveRankSum - mean) / sd;
    pValue = Math.min(1, 2 * normalUpperTail(Math.abs(z)));
  }
  return { statistic, positiveRankSum, negativeRankSum, pValue, n: nonZero, zeros, method: useExact ? 'exact' : 'normal' };
}

/** The tie groups of a list of mid-ranks: equal mid-ranks are one group (distinct groups have distinct mid-ranks). */
export function tieGroupsOfRanks(ranks: Float64Array): TieGroup[] {
  const sizes = new Map<number, number>();
  for (let i = 0; i < ranks.length; i++) sizes.set(2 * ranks[i], (sizes.get(2 * ranks[i]) ?? 0) + 1);
  return [...sizes].sort((a, b) => a[0] - b[0]).map(([doubledRank, size]) => ({ doubledRank, size }));
}
