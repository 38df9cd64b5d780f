import { normalUpperTail } from './normal-distribution.ts';
import { rankWithTies } from './rank-data.ts';

/**
 * Wilcoxon signed-rank test of H0: the paired differences d_i = x_i − y_i are symmetric about 0,
 * two-sided, matching SciPy `scipy.stats.wilcoxon(d)` defaults (zero_method='wilcox',
 * correction=False, alternative='two-sided', method='auto').
 *
 * Zero handling ('wilcox', Wilcoxon 1945): differences equal to zero are dropped before ranking, so
 * n is the number of non-zero differences. Then |d_i| are mid-ranked, W+ = Σ ranks of d_i > 0,
 * W− = Σ ranks of d_i < 0, and the reported statistic is min(W+, W−).
 * p-value:
 *   - exact null distribution of W+ (all 2^n sign patterns equally likely) when n ≤ 50 and there
 *     are neither ties nor zeros: p = 2·min(P(T ≥ W+), P(T ≤ W+)), capped at 1;
 *   - otherwise the normal approximation with tie correction and no continuity correction:
 *     z = (W+ − n(n+1)/4) / √(n(n+1)(2n+1)/24 − Σ(t³−t)/48), p = 2·P(Z > |z|).
 * (SciPy ≥ 1.13 runs a permutation test instead when n ≤ 13 with ties or zeros; we use the normal
 * approximation there, as the project's methods state.)
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
  const { ranks, tieTerm, hasTies } = rankWithTies(absolute);
  let positiveRankSum = 0;
  let negativeRankSum = 0;
  for (let k = 0; k < nonZero; k++) {
    if (positive[k]) positiveRankSum += ranks[k];
    else negativeRankSum += ranks[k];
  }
  const statistic = Math.min(positiveRankSum, negativeRankSum);
  const useExact = nonZero + zeros <= 50 && !hasTies && zeros === 0;
  let pValue: number;
  if (useExact) {
    const distribution = signedRankDistribution(nonZero);
    pValue = Math.min(1, 2 * Math.min(upperTail(distribution, Math.floor(positiveRankSum)), lowerTail(distribution, Math.ceil(positiveRankSum))));
  } else {
    const mean = (nonZero * (nonZero + 1)) / 4;
    const sd = Math.sqrt((nonZero * (nonZero + 1) * (2 * nonZero + 1) - tieTerm / 2) / 24);
    const z = (positiveRankSum - mean) / sd;
    pValue = Math.min(1, 2 * normalUpperTail(Math.abs(z)));
  }
  return { statistic, positiveRankSum, negativeRankSum, pValue, n: nonZero, zeros, method: useExact ? 'exact' : 'normal' };
}

/** P(T = k), k = 0..n(n+1)/2: number of subsets of {1..n} summing to k, over 2^n. */
function signedRankDistribution(n: number): Float64Array {
  const maxSum = (n * (n + 1)) / 2;
  const counts = new Float64Array(maxSum + 1);
  counts[0] = 1;
  for (let rank = 1; rank <= n; rank++) {
    for (let sum = maxSum; sum >= rank; sum--) counts[sum] += counts[sum - rank];
  }
  const total = Math.pow(2, n);
  for (let k = 0; k <= maxSum; k++) counts[k] /= total;
  return counts;
}

function upperTail(probabilities: Float64Array, k: number): number {
  let tail = 0;
  for (let i = Math.max(0, k); i < probabilities.length; i++) tail += probabilities[i];
  return tail;
}

function lowerTail(probabilities: Float64Array, k: number): number {
  let tail = 0;
  for (let i = 0; i <= Math.min(k, probabilities.length - 1); i++) tail += probabilities[i];
  return tail;
}
