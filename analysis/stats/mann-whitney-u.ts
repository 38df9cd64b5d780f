import { normalUpperTail } from './normal-distribution.ts';
import { rankWithTies } from './rank-data.ts';

/**
 * Mann–Whitney U test (Wilcoxon rank-sum) of H0: the two independent samples come from the same
 * distribution, two-sided, matching SciPy `scipy.stats.mannwhitneyu(x, y)` defaults
 * (use_continuity=True, alternative='two-sided', method='auto').
 *
 *   U₁ = R₁ − n₁(n₁+1)/2  (R₁ = sum of the mid-ranks of x in the pooled sample), U₂ = n₁n₂ − U₁.
 * The reported statistic is U₁ (SciPy's). With U = max(U₁, U₂):
 *   - exact: when min(n₁, n₂) ≤ 8 and there are no ties, p = 2·P(U' ≥ U) under the null
 *     distribution of U' (counts of partitions of u into at most n₁ parts ≤ n₂), capped at 1;
 *   - otherwise normal with tie and continuity corrections, N = n₁ + n₂:
 *     z = (U − n₁n₂/2 − ½) / √(n₁n₂/12 · [(N+1) − Σ(t³−t)/(N(N−1))]),  p = 2·P(Z > z), capped at 1.
 *
 * Reference: Mann, H. B. & Whitney, D. R. (1947). On a test of whether one of two random variables
 * is stochastically larger than the other. Annals of Mathematical Statistics 18(1), 50–60;
 * Hollander, Wolfe & Chicken (2014), Nonparametric Statistical Methods §4.1.
 *
 * @example mannWhitneyU(new Float64Array([3.1, 4.5, 2.2, 5.0, 3.3]), new Float64Array([1.2, 2.5, 2.9, 4.1, 1.8, 0.7]))
 * // => { statistic: 25, pValue: 0.08225108225108226, method: 'exact', n1: 5, n2: 6 }
 */
export interface MannWhitneyResult {
  /** U₁, the statistic of the first sample. */
  statistic: number;
  pValue: number;
  n1: number;
  n2: number;
  method: 'exact' | 'normal';
}

export function mannWhitneyU(first: Float64Array, second: Float64Array): MannWhitneyResult {
  const n1 = countPresent(first);
  const n2 = countPresent(second);
  if (n1 === 0 || n2 === 0) return { statistic: NaN, pValue: NaN, n1, n2, method: 'normal' };
  const pooled = new Float64Array(n1 + n2);
  let k = 0;
  for (let i = 0; i < first.length; i++) if (first[i] === first[i]) pooled[k++] = first[i];
  for (let i = 0; i < second.length; i++) if (second[i] === second[i]) pooled[k++] = second[i];
  const { ranks, tieTerm, hasTies } = rankWithTies(pooled);
  let firstRankSum = 0;
  for (let i = 0; i < n1; i++) firstRankSum += ranks[i];
  const firstU = firstRankSum - (n1 * (n1 + 1)) / 2;
  const largerU = Math.max(firstU, n1 * n2 - firstU);
  const useExact = !(n1 > 8 && n2 > 8) && !hasTies;
  let pValue: number;
  if (useExact) {
    pValue = Math.min(1, 2 * exactUpperTail(largerU, Math.min(n1, n2), Math.max(n1, n2)));
  } else {
    const total = n1 + n2;
    const sd = Math.sqrt(((n1 * n2) / 12) * (total + 1 - tieTerm / (total * (total - 1))));
    const z = (largerU - (n1 * n2) / 2 - 0.5) / sd;
    pValue = Math.min(1, 2 * normalUpperTail(z));
  }
  return { statistic: firstU, pValue, n1, n2, method: useExact ? 'exact' : 'normal' };
}

function countPresent(values: Float64Array): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) count++;
  return count;
}

/**
 * P(U ≥ u) for sample sizes m ≤ n without ties. The number of orderings giving U = s is the number
 * of multisets of size m from {0..n} with sum s (each x counts the y's below it): the coefficient of
 * t^m q^s in Π_k 1/(1 − t·q^k), built by a positive-only dynamic programme (no cancellation).
 */
function exactUpperTail(u: number, m: number, n: number): number {
  const maxU = m * n;
  // ways[j][s]: multisets of size j with sum s, from the values added so far.
  const ways: Float64Array[] = [];
  for (let j = 0; j <= m; j++) ways.push(new Float64Array(maxU + 1));
  ways[0][0] = 1;
  for (let value = 0; value <= n; value++) {
    for (let j = 1; j <= m; j++) {
      const target = ways[j];
      const source = ways[j - 1];
      for (let s = value; s <= maxU; s++) target[s] += source[s - value];
    }
  }
  const counts = ways[m];
  let total = 0;
  let tail = 0;
  for (let s = 0; s <= maxU; s++) {
    total += counts[s];
    if (s >= u) tail += counts[s];
  }
  return tail / total;
}
