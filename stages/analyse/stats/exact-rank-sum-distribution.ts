import type { TieGroup } from './exact-signed-rank-distribution.ts';

/**
 * Exact conditional two-sided p-value of the Mann–Whitney statistic given the tied mid-ranks of the
 * pooled sample: under H0 every split of the N = n₁ + n₂ pooled observations into the two samples
 * is equally likely (C(N, n₁) splits), the observed mid-ranks held fixed.
 *
 * Algorithm (shift / convolution over doubled ranks, as for the signed-rank test): a tie group of
 * t pooled observations with doubled mid-rank ρ puts k of them in the smaller sample (size m) in
 * C(t, k) ways and adds k·ρ to its doubled rank sum, so the number of splits giving (j members,
 * doubled rank sum s) is
 *   N_g(j, s) = Σ_k C(t_g, k) · N_{g−1}(j − k, s − k·ρ_g),   N_0 = δ_(0,0),
 * kept sparse (only reachable s per j), which is cheap for rating data (few groups). The first
 * sample's doubled rank sum is 2R₁ = s (when it is the smaller) or the pooled total minus s, and
 * U₁ = R₁ − n₁(n₁+1)/2 is a shift of it, so with c = the observed 2R₁:
 *   p = min(1, 2·min(P(2R₁ ≥ c), P(2R₁ ≤ c))).
 * Without ties the null distribution is symmetric and this is SciPy's exact 2·P(U ≥ max(U₁, U₂)).
 * Counts are integers; while C(N, m) ≤ 2^53 (always when N ≤ 50) they are exact in doubles, beyond
 * that (a sample of ≤ 8 against a large one) they carry rounding of ~1e−16 relative.
 *
 * Equals SciPy ≥ 1.13 `scipy.stats.mannwhitneyu(x, y, method=scipy.stats.PermutationMethod(
 * n_resamples=np.inf))` (enumeration of all splits by `permutation_test`, two-sided = 2·min of the
 * two tails) and R `exactRankTests::wilcox.exact(x, y, exact = TRUE)`; without ties also SciPy
 * `mannwhitneyu(x, y, method='exact')`.
 *
 * Reference: Streitberg, B. & Röhmel, J. (1986). Statistical Software Newsletter 12(1), 10–17;
 * Hollander, Wolfe & Chicken (2014), Nonparametric Statistical Methods §4.1.
 *
 * @example exactRankSumPValue([{ doubledRank: 3, size: 2 }, { doubledRank: 7, size: 2 }], 2, 14)
 * // x = [2, 2], y = [1, 1]: R₁ = 7, only 1 of the C(4, 2) = 6 splits is as extreme on each side → 2/6
 */
export function exactRankSumPValue(groups: readonly TieGroup[], firstSize: number, doubledFirstRankSum: number): number {
  let pooled = 0;
  let doubledTotal = 0;
  for (const { doubledRank, size } of groups) {
    pooled += size;
    doubledTotal += doubledRank * size;
  }
  const secondSize = pooled - firstSize;
  const m = Math.min(firstSize, secondSize);
  const firstIsSmaller = firstSize <= secondSize;
  // ways[j]: doubled rank sum → number of ways with j members of the smaller sample so far.
  let ways: Map<number, number>[] = Array.from({ length: m + 1 }, () => new Map<number, number>());
  ways[0].set(0, 1);
  for (const { doubledRank, size } of groups) {
    const next: Map<number, number>[] = Array.from({ length: m + 1 }, () => new Map<number, number>());
    for (let j = 0; j <= m; j++) {
      for (const [sum, count] of ways[j]) {
        for (let k = 0, choose = 1; k <= size && j + k <= m; k++) {
          const target = next[j + k];
          const key = sum + k * doubledRank;
          target.set(key, (target.get(key) ?? 0) + choose * count);
          choose = (choose * (size - k)) / (k + 1);
        }
      }
    }
    ways = next;
  }
  let total = 0;
  let lower = 0;
  let upper = 0;
  for (const [smallerSum, count] of ways[m]) {
    const firstSum = firstIsSmaller ? smallerSum : doubledTotal - smallerSum;
    total += count;
    if (firstSum <= doubledFirstRankSum) lower += count;
    if (firstSum >= doubledFirstRankSum) upper += count;
  }
  return Math.min(1, (2 * Math.min(lower, upper)) / total);
}
