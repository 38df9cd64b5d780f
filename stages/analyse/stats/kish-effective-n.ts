/**
 * Kish effective sample size and design effect of unequal weights:
 *   n_eff = (Σ w_i)² / Σ w_i²,   deff = n / n_eff = n Σw² / (Σw)²  (≥ 1; 1 for equal weights).
 * It is the n of a simple random sample with the same precision for a mean, when the weights are
 * unrelated to the variable (Kish's "haphazard weights" approximation).
 *
 * Reference: Kish, L. (1965). Survey Sampling, §11.7. Wiley; Kish, L. (1992). Weighting for unequal
 * Pi. Journal of Official Statistics 8(2), 183–200.
 *
 * @example kishEffectiveN(new Float64Array([1, 1, 2])) // => { n: 3, effectiveN: 2.6666666666666665, designEffect: 1.125 }
 */
export function kishEffectiveN(weights: Float64Array): { n: number; effectiveN: number; designEffect: number } {
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i];
    sumSquares += weights[i] * weights[i];
  }
  const effectiveN = sumSquares > 0 ? (sum * sum) / sumSquares : 0;
  return { n: weights.length, effectiveN, designEffect: effectiveN > 0 ? weights.length / effectiveN : NaN };
}
