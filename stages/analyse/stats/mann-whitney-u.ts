import { exactRankSumPValue } from './exact-rank-sum-distribution.ts';
import { normalUpperTail } from './normal-distribution.ts';
import { rankWithTies } from './rank-data.ts';
import { tieGroupsOfRanks } from './wilcoxon-signed-rank.ts';

/**
 * Mann–Whitney U test (Wilcoxon rank-sum) of H0: the two independent samples come from the same
 * distribution, two-sided.
 *
 *   U₁ = R₁ − n₁(n₁+1)/2  (R₁ = sum of the mid-ranks of x in the pooled sample), U₂ = n₁n₂ − U₁.
 * The reported statistic is U₁ (SciPy's). With U = max(U₁, U₂):
 *   - small samples, min(n₁, n₂) ≤ 8 or N = n₁ + n₂ ≤ 50 (EXACT_RANK_SUM_MAX_N): the exact
 *     conditional distribution of U₁ given the tied ranks (every split of the pooled sample equally
 *     likely; exact-rank-sum-distribution.ts), p = min(1, 2·min(P(U' ≥ U₁), P(U' ≤ U₁))): SciPy ≥ 1.13
 *     `mannwhitneyu(x, y, method=PermutationMethod(n_resamples=np.inf))`; without ties also SciPy's
 *     `method='exact'` (= its default there);
 *   - otherwise normal with tie and continuity corrections, with U = max(U₁, U₂):
 *     z = (U − n₁n₂/2 − ½) / √(n₁n₂/12 · [(N+1) − Σ(t³−t)/(N(N−1))]),  p = 2·P(Z > z), capped at 1:
 *     SciPy `mannwhitneyu(x, y, method='asymptotic')` (use_continuity=True, its default).
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
  const { ranks, tieTerm } = rankWithTies(pooled);
  let firstRankSum = 0;
  for (let i = 0; i < n1; i++) firstRankSum += ranks[i];
  const firstU = firstRankSum - (n1 * (n1 + 1)) / 2;
  const largerU = Math.max(firstU, n1 * n2 - firstU);
  const useExact = exactRankSumApplies(n1, n2);
  let pValue: number;
  if (useExact) {
    pValue = exactRankSumPValue(tieGroupsOfRanks(ranks), n1, 2 * firstRankSum);
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

/** Pooled size up to which the exact conditional p-value is used whatever the smaller sample. */
export const EXACT_RANK_SUM_MAX_N = 50;

/** The small-sample rule: a sample of at most 8 (SciPy's exact rule) or at most 50 pooled observations. */
export function exactRankSumApplies(n1: number, n2: number): boolean {
  return Math.min(n1, n2) <= 8 || n1 + n2 <= EXACT_RANK_SUM_MAX_N;
}
