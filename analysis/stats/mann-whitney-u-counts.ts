import { normalUpperTail } from './normal-distribution.ts';
import { mannWhitneyU, type MannWhitneyResult } from './mann-whitney-u.ts';
import { expandCounts } from './wilcoxon-signed-rank-counts.ts';

/**
 * The Mann–Whitney U test of mann-whitney-u.ts (SciPy `mannwhitneyu(x, y)` defaults: two-sided,
 * continuity correction) computed from how many ratings of each sample take each distinct value, in
 * O(distinct values) per cell: rating data have few distinct values, however many respondents.
 *
 * With the distinct values sorted and t_v = c1_v + c2_v the pooled count of value v, the values v
 * span ranks below+1 … below+t_v, so each gets the mid-rank below + (t_v + 1)/2 and
 *   R₁ = Σ_v c1_v · midRank_v,  U₁ = R₁ − n₁(n₁+1)/2,  tie term Σ(t³ − t),
 *   z = (max(U₁, n₁n₂ − U₁) − n₁n₂/2 − ½) / √(n₁n₂/12 · [(N+1) − Σ(t³−t)/(N(N−1))]).
 * The exact distribution only applies when a sample has at most 8 ratings; such cells are expanded
 * to raw values and handed to mannWhitneyU, so both paths agree on method and p-value.
 *
 * Reference: Hollander, Wolfe & Chicken (2014), Nonparametric Statistical Methods §4.1.
 *
 * @example mannWhitneyUFromCounts([1, 2, 3, 4, 5], [1, 1, 2, 4, 4], [1, 3, 4, 1, 1])
 * // same as mannWhitneyU([5,4,4,3,5,2,4,5,3,4,5,1], [3,3,2,4,1,2,3,5,2,3]): U₁ = 87, p 0.07322997953811314
 */
export function mannWhitneyUFromCounts(values: ArrayLike<number>, firstCounts: ArrayLike<number>, secondCounts: ArrayLike<number>): MannWhitneyResult {
  let n1 = 0;
  let n2 = 0;
  const levels: number[] = [];
  for (let level = 0; level < values.length; level++) {
    if (values[level] !== values[level]) continue;
    n1 += firstCounts[level];
    n2 += secondCounts[level];
    if (firstCounts[level] + secondCounts[level] > 0) levels.push(level);
  }
  if (n1 === 0 || n2 === 0) return { statistic: NaN, pValue: NaN, n1, n2, method: 'normal' };
  if (n1 <= 8 || n2 <= 8) return mannWhitneyU(expandCounts(values, firstCounts, n1), expandCounts(values, secondCounts, n2));
  levels.sort((a, b) => values[a] - values[b]);
  let below = 0;
  let tieTerm = 0;
  let firstRankSum = 0;
  for (const level of levels) {
    const size = firstCounts[level] + secondCounts[level];
    firstRankSum += firstCounts[level] * (below + (size + 1) / 2);
    tieTerm += size * size * size - size;
    below += size;
  }
  const firstU = firstRankSum - (n1 * (n1 + 1)) / 2;
  const largerU = Math.max(firstU, n1 * n2 - firstU);
  const total = n1 + n2;
  const sd = Math.sqrt(((n1 * n2) / 12) * (total + 1 - tieTerm / (total * (total - 1))));
  const pValue = Math.min(1, 2 * normalUpperTail((largerU - (n1 * n2) / 2 - 0.5) / sd));
  return { statistic: firstU, pValue, n1, n2, method: 'normal' };
}
