import { exactRankSumPValue } from './exact-rank-sum-distribution.ts';
import type { TieGroup } from './exact-signed-rank-distribution.ts';
import { normalUpperTail } from './normal-distribution.ts';
import { exactRankSumApplies, type MannWhitneyResult } from './mann-whitney-u.ts';

/**
 * The Mann–Whitney U test of mann-whitney-u.ts (SciPy `mannwhitneyu(x, y)` defaults: two-sided,
 * continuity correction) computed from how many ratings of each sample take each distinct value, in
 * O(distinct values) per cell: rating data have few distinct values, however many respondents.
 *
 * With the distinct values sorted and t_v = c1_v + c2_v the pooled count of value v, the values v
 * span ranks below+1 … below+t_v, so each gets the mid-rank below + (t_v + 1)/2 and
 *   R₁ = Σ_v c1_v · midRank_v,  U₁ = R₁ − n₁(n₁+1)/2,  tie term Σ(t³ − t),
 *   z = (max(U₁, n₁n₂ − U₁) − n₁n₂/2 − ½) / √(n₁n₂/12 · [(N+1) − Σ(t³−t)/(N(N−1))]).
 * Small samples (a sample of ≤ 8 or N ≤ 50, mann-whitney-u.ts) get the exact conditional p-value
 * from the same tie groups (doubled mid-rank 2·below + t_v + 1, size t_v;
 * exact-rank-sum-distribution.ts): the same method and p-value as the raw-value version, without
 * expanding the counts.
 *
 * Reference: Hollander, Wolfe & Chicken (2014), Nonparametric Statistical Methods §4.1.
 *
 * @example mannWhitneyUFromCounts([1, 2, 3, 4, 5], [1, 1, 2, 4, 4], [1, 3, 4, 1, 1])
 * // same as mannWhitneyU([5,4,4,3,5,2,4,5,3,4,5,1], [3,3,2,4,1,2,3,5,2,3]): U₁ = 87, exact p 0.07025791545915384
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
  levels.sort((a, b) => values[a] - values[b]);
  let below = 0;
  let tieTerm = 0;
  let firstRankSum = 0;
  const groups: TieGroup[] = [];
  for (const level of levels) {
    const size = firstCounts[level] + secondCounts[level];
    firstRankSum += firstCounts[level] * (below + (size + 1) / 2);
    tieTerm += size * size * size - size;
    groups.push({ doubledRank: 2 * below + size + 1, size });
    below += size;
  }
  const firstU = firstRankSum - (n1 * (n1 + 1)) / 2;
  if (exactRankSumApplies(n1, n2)) return { statistic: firstU, pValue: exactRankSumPValue(groups, n1, 2 * firstRankSum), n1, n2, method: 'exact' };
  const largerU = Math.max(firstU, n1 * n2 - firstU);
  const total = n1 + n2;
  const sd = Math.sqrt(((n1 * n2) / 12) * (total + 1 - tieTerm / (total * (total - 1))));
  const pValue = Math.min(1, 2 * normalUpperTail((largerU - (n1 * n2) / 2 - 0.5) / sd));
  return { statistic: firstU, pValue, n1, n2, method: 'normal' };
}
