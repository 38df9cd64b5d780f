/**
 * Cliff's delta, the effect size of the Mann–Whitney U test:
 *   δ = [#(x > y) − #(x < y)] / (n₁n₂) = 2U₁/(n₁n₂) − 1,
 * with U₁ = #(x > y) + ½·#(x = y) the Mann–Whitney statistic of the first sample (equal to the
 * rank-biserial correlation of Glass 1965). Conventional bands (Romano et al. 2006): |δ| < 0.147
 * negligible, < 0.33 small, < 0.474 medium, else large.
 *
 * Reference: Cliff, N. (1993). Dominance statistics: ordinal analyses to answer ordinal questions.
 * Psychological Bulletin 114(3), 494–509. https://doi.org/10.1037/0033-2909.114.3.494
 *
 * @example cliffsDelta(25, 5, 6) // => 0.6666666666666667
 */
export function cliffsDelta(firstU: number, firstSize: number, secondSize: number): number {
  const pairs = firstSize * secondSize;
  return pairs > 0 ? (2 * firstU) / pairs - 1 : NaN;
}
