/**
 * Weighted standard deviation of a variable, as R `sqrt(coef(svyvar(~y, design, na.rm = TRUE)))`.
 *
 * Formula (survey::svyvar.survey.design): sums over the units with a value,
 *   ȳ_w = Σ w_i y_i / Σ w_i,   s²_w = n/(n−1) · Σ w_i (y_i − ȳ_w)² / Σ w_i,   sd = √s²_w,
 * where n — exactly as R — is the number of units with a non-zero weight in the design or domain
 * counted BEFORE missing values are dropped (svyvar computes n, then calls svymean with na.rm).
 * With unit weights and no missing values this is the ordinary sample SD (n − 1 denominator).
 * Undefined (NaN) for n < 2 or when no unit has a value.
 *
 * Reference: Lumley, T. (2010). Complex Surveys: A Guide to Analysis Using R, §2.2. Wiley.
 *
 * @example weightedStandardDeviation(new Float64Array([4, 5, NaN, 3]), new Float64Array([1.5, 2, 0.5, 1]))
 * // => 0.9072184232530289 (n = 4 units, one without a value)
 */
export function weightedStandardDeviation(values: Float64Array, weights: Float64Array): number {
  let n = 0;
  let sumWeights = 0;
  let sumWeightedValues = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (weights[i] > 0) n++;
    if (Number.isNaN(value) || !(weights[i] > 0)) continue;
    sumWeights += weights[i];
    sumWeightedValues += weights[i] * value;
  }
  const mean = sumWeightedValues / sumWeights;
  let sumSquaredDeviations = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (Number.isNaN(value) || !(weights[i] > 0)) continue;
    sumSquaredDeviations += weights[i] * (value - mean) * (value - mean);
  }
  return weightedSdFromSums(n, sumWeights, sumSquaredDeviations);
}

/** The svyvar formula from accumulated sums: √(n/(n−1) · Σw(y−ȳ)²/Σw); NaN for n < 2. */
export function weightedSdFromSums(n: number, sumWeights: number, sumWeightedSquaredDeviations: number): number {
  if (n < 2 || !(sumWeights > 0)) return NaN;
  return Math.sqrt(((n / (n - 1)) * sumWeightedSquaredDeviations) / sumWeights);
}
