import { EXACT_SIGNED_RANK_MAX_N, exactSignedRankPValue, type TieGroup } from './exact-signed-rank-distribution.ts';
import { normalUpperTail } from './normal-distribution.ts';
import type { WilcoxonResult } from './wilcoxon-signed-rank.ts';

/**
 * The Wilcoxon signed-rank test of wilcoxon-signed-rank.ts (SciPy `wilcoxon(d)` defaults:
 * zero_method='wilcox', no continuity correction) computed from the counts of each distinct
 * difference instead of the differences: for rating data (differences of Likert ratings take at most
 * (scale points)² values) this is O(distinct values) per cell, whatever the number of respondents.
 *
 * Differences equal to 0 are dropped. The non-zero |d| values are sorted; a group of t equal |d|
 * spans ranks below+1 … below+t and each member gets the mid-rank below + (t + 1)/2, so
 *   W+ = Σ_{d > 0} count(d) · midRank(|d|),  W− likewise,  tie term Σ(t³ − t) over the |d| groups,
 * and z = (W+ − n(n+1)/4) / √(n(n+1)(2n+1)/24 − Σ(t³−t)/48) as in the raw-value version.
 * When n ≤ 50 the p-value is the exact conditional one (exact-signed-rank-distribution.ts), from the
 * same tie groups (doubled mid-rank 2·below + t + 1, size t): the same method and p-value as the
 * raw-value version, without expanding the counts.
 *
 * Reference: Hollander, Wolfe & Chicken (2014), Nonparametric Statistical Methods §3.1 (ties: mid-ranks
 * and the variance correction).
 *
 * @example wilcoxonSignedRankFromCounts(new Float64Array([-2, -1, 0, 1, 2, 3, 4]), new Float64Array([1, 2, 3, 6, 5, 2, 1]))
 * // same as wilcoxonSignedRank on [1,2,0,-1,2,3,1,0,1,-2,2,1,4,0,1,-1,2,3,1,2]: statistic 20.5, exact p 0.00616455078125
 */
export function wilcoxonSignedRankFromCounts(differenceValues: ArrayLike<number>, counts: ArrayLike<number>): WilcoxonResult {
  let total = 0;
  for (let level = 0; level < counts.length; level++) if (differenceValues[level] === differenceValues[level]) total += counts[level];
  let zeros = 0;
  const byMagnitude = new Map<number, { positive: number; negative: number }>();
  for (let level = 0; level < counts.length; level++) {
    const difference = differenceValues[level];
    const count = counts[level];
    if (count === 0 || difference !== difference) continue;
    if (difference === 0) {
      zeros += count;
      continue;
    }
    const group = byMagnitude.get(Math.abs(difference)) ?? { positive: 0, negative: 0 };
    if (difference > 0) group.positive += count;
    else group.negative += count;
    byMagnitude.set(Math.abs(difference), group);
  }
  const nonZero = total - zeros;
  if (nonZero === 0) return { statistic: NaN, positiveRankSum: 0, negativeRankSum: 0, pValue: NaN, n: 0, zeros, method: 'normal' };
  let below = 0;
  let tieTerm = 0;
  let positiveRankSum = 0;
  let negativeRankSum = 0;
  const groups: TieGroup[] = [];
  for (const magnitude of [...byMagnitude.keys()].sort((a, b) => a - b)) {
    const { positive, negative } = byMagnitude.get(magnitude)!;
    const size = positive + negative;
    const midRank = below + (size + 1) / 2;
    positiveRankSum += positive * midRank;
    negativeRankSum += negative * midRank;
    tieTerm += size * size * size - size;
    groups.push({ doubledRank: 2 * below + size + 1, size });
    below += size;
  }
  const statistic = Math.min(positiveRankSum, negativeRankSum);
  if (nonZero <= EXACT_SIGNED_RANK_MAX_N) {
    return { statistic, positiveRankSum, negativeRankSum, pValue: exactSignedRankPValue(groups, 2 * positiveRankSum), n: nonZero, zeros, method: 'exact' };
  }
  const mean = (nonZero * (nonZero + 1)) / 4;
  const sd = Math.sqrt((nonZero * (nonZero + 1) * (2 * nonZero + 1) - tieTerm / 2) / 24);
  const pValue = Math.min(1, 2 * normalUpperTail(Math.abs((positiveRankSum - mean) / sd)));
  return { statistic, positiveRankSum, negativeRankSum, pValue, n: nonZero, zeros, method: 'normal' };
}

/** The raw values a histogram stands for (order is irrelevant to rank tests). */
export function expandCounts(values: ArrayLike<number>, counts: ArrayLike<number>, total: number): Float64Array {
  const expanded = new Float64Array(total);
  let next = 0;
  for (let level = 0; level < counts.length; level++) {
    if (values[level] !== values[level]) continue;
    for (let copy = 0; copy < counts[level]; copy++) expanded[next++] = values[level];
  }
  return expanded;
}
