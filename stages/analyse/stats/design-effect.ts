/**
 * Design effect of a weighted mean: the ratio of its design-based variance to the variance of the
 * mean of a simple random sample of the same size drawn with replacement,
 *   deff = Var_design(ȳ) / Var_SRS(ȳ),   Var_SRS(ȳ) = s²/m,   s² = m/(m−1) · Σ w_i (y_i − ȳ)² / Σ w_i,
 * m the rows with a value (s² is R's svyvar). This is R `svymean(~y, design, na.rm = TRUE,
 * deff = "replace")` (also through `svyby(..., deff = "replace")`); deff = TRUE would multiply
 * Var_SRS by the finite-population factor (1 − m/Σw), meaningless when the weights are scaled to
 * average 1. The effective sample size of the estimate is m / deff (Kish 1965, §8.2): the size of
 * a simple random sample with the same precision. The weights-only Kish n_eff = (Σw)²/Σw² is in
 * kish-effective-n.ts. A cell whose answers are all equal has both variances 0: deff is undefined (NaN).
 *
 * Reference: Kish, L. (1965). Survey Sampling, §8.2. Wiley; Lumley, T. (2010). Complex Surveys, §2.3.
 *
 * @example srsVarianceOfMean(10, 12.5, 20) // => 20 / (12.5 · 9) = 0.17777777777777778
 */
export function srsVarianceOfMean(rowsWithValue: number, sumWeights: number, sumWeightedSquaredDeviations: number): number {
  if (!(rowsWithValue > 1) || !(sumWeights > 0)) return NaN;
  return sumWeightedSquaredDeviations / (sumWeights * (rowsWithValue - 1));
}

/** deff = Var_design / Var_SRS, NaN when Var_SRS is 0 or undefined. */
export function designEffect(designVariance: number, srsVariance: number): number {
  return srsVariance > 0 ? designVariance / srsVariance : NaN;
}
