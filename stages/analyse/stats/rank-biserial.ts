/**
 * Matched-pairs rank-biserial correlation, the effect size of the Wilcoxon signed-rank test:
 *   r = (W+ − W−) / (W+ + W−),
 * the share of the rank sum favouring "first > second" minus the share favouring the reverse,
 * in [−1, 1] (zeros dropped, as in the test). Positive = first rating (importance) higher.
 *
 * Reference: Kerby, D. S. (2014). The simple difference formula: an approach to teaching
 * nonparametric correlation. Comprehensive Psychology 3, 11.IT.3.1. https://doi.org/10.2466/11.IT.3.1
 *
 * @example matchedPairsRankBiserial(45, 10) // => 0.6363636363636364
 */
export function matchedPairsRankBiserial(positiveRankSum: number, negativeRankSum: number): number {
  const total = positiveRankSum + negativeRankSum;
  return total > 0 ? (positiveRankSum - negativeRankSum) / total : NaN;
}
