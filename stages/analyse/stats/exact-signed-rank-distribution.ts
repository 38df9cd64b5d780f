/**
 * Exact conditional two-sided p-value of the Wilcoxon signed-rank statistic W+ given the tied
 * mid-ranks of |d| (zeros already removed, zero_method='wilcox'): under H0 each non-zero difference
 * is positive or negative with probability ½, independently, so the 2^n sign patterns are equally
 * likely and W+ = Σ_i r_i·[d_i > 0] with the observed ranks r_i held fixed.
 *
 * Algorithm (shift / convolution over doubled ranks; Streitberg & Röhmel 1986): mid-ranks are
 * multiples of ½, so 2r is an integer. A tie group of t differences with doubled rank ρ adds k·ρ to
 * 2W+ in C(t, k) of its 2^t sign patterns, so the count of patterns giving each value of 2W+ is
 * the convolution over groups of these binomial "shifts":
 *   N_g(s) = Σ_k C(t_g, k) · N_{g−1}(s − k·ρ_g),   N_0 = δ_0.
 * Then p = min(1, 2·min(Σ_{s ≥ 2W+} N(s), Σ_{s ≤ 2W+} N(s)) / 2^n). For n ≤ 50 every count is an
 * integer ≤ 2^50 < 2^53, so the counts, the tails and the division by 2^n are exact in doubles;
 * comparing doubled (integer) statistics needs no tolerance. O(Σ_g (t_g + 1) · n(n + 1)) time.
 *
 * Equals SciPy ≥ 1.13 `scipy.stats.wilcoxon(d, zero_method='wilcox',
 * method=scipy.stats.PermutationMethod(n_resamples=np.inf))` (an enumeration of all 2^n sign flips
 * by `permutation_test(..., permutation_type='samples')`, two-sided = 2·min of the two tails), and
 * R `exactRankTests::wilcox.exact(d, exact = TRUE)`; without ties or zeros also SciPy
 * `wilcoxon(d, method='exact')`.
 *
 * Reference: Streitberg, B. & Röhmel, J. (1986). Exact distributions for permutation and rank tests:
 * an introduction to some recently published algorithms. Statistical Software Newsletter 12(1),
 * 10–17; Hollander, Wolfe & Chicken (2014), Nonparametric Statistical Methods §3.1.
 *
 * @example exactSignedRankPValue([{ doubledRank: 6, size: 5 }], 30) // 5 equal positive differences → 0.0625
 */
export interface TieGroup {
  /** Twice the group's mid-rank (an integer). */
  doubledRank: number;
  /** Number of observations sharing it. */
  size: number;
}

export const EXACT_SIGNED_RANK_MAX_N = 50;

export function exactSignedRankPValue(groups: readonly TieGroup[], doubledPositiveRankSum: number): number {
  let n = 0;
  let maxSum = 0;
  for (const { doubledRank, size } of groups) {
    n += size;
    maxSum += doubledRank * size;
  }
  if (n > EXACT_SIGNED_RANK_MAX_N) throw new RangeError(`exactSignedRankPValue: n = ${n} > ${EXACT_SIGNED_RANK_MAX_N}, counts would not be exact`);
  let counts = new Float64Array(maxSum + 1);
  counts[0] = 1;
  let reached = 0;
  for (const { doubledRank, size } of groups) {
    const next = new Float64Array(maxSum + 1);
    for (let k = 0, ways = 1; k <= size; k++) {
      const shift = k * doubledRank;
      for (let s = 0; s <= reached; s++) if (counts[s] !== 0) next[s + shift] += ways * counts[s];
      ways = (ways * (size - k)) / (k + 1);
    }
    reached += size * doubledRank;
    counts = next;
  }
  let lower = 0;
  let upper = 0;
  for (let s = 0; s <= maxSum; s++) {
    if (s <= doubledPositiveRankSum) lower += counts[s];
    if (s >= doubledPositiveRankSum) upper += counts[s];
  }
  return Math.min(1, (2 * Math.min(lower, upper)) / Math.pow(2, n));
}
