/**
 * The expected observed answer when a latent normal rating is rounded to the nearest scale point
 * and clipped to the scale. The planted truth of the sample waves is this expectation, not the
 * latent mean: rounding and clipping pull means towards the middle, and the analysis can only
 * recover what the answers carry.
 *
 *   X ~ N(μ, σ²), Y = clip(round(X), 1, K)
 *   E[Y] = 1 + Σ_{v=1}^{K−1} P(X ≥ v + ½) = 1 + Σ_{v=1}^{K−1} Φ((μ − v − ½) / σ)
 *
 * (the tail-sum formula for a non-negative integer variable, applied to Y − 1).
 * Example: expectedRoundedLikert(3, 0.7, 1, 5) = 3 (symmetric); expectedRoundedLikert(4.6, 0.7, 1, 5) ≈ 4.41.
 */
export function expectedRoundedLikert(latentMean: number, latentSd: number, min: number, max: number): number {
  let expected = min;
  for (let v = min; v < max; v++) expected += standardNormalCdf((latentMean - v - 0.5) / latentSd);
  return expected;
}

/**
 * Φ(z) through the error function, erf by Abramowitz & Stegun (1964) formula 7.1.26
 * (absolute error below 1.5e-7), which is far below the precision the truth is reported with.
 */
export function standardNormalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}
