import { normalConfidenceInterval } from './confidence-interval.ts';

/**
 * Difference of two means estimated from independent samples (here: industry importance minus the
 * coverage education reports, the curriculum gap), with
 *   Δ = ȳ₁ − ȳ₂,   SE(Δ) = √(SE₁² + SE₂²),   95% CI Δ ± 1.96·SE(Δ).
 * Independence holds because the two populations are separate designs; no covariance term.
 * Also used for wave-to-wave changes (two independent waves).
 *
 * Reference: Kish, L. (1965). Survey Sampling, §12.1 (variance of a difference). Wiley.
 *
 * @example differenceOfIndependentMeans(4.2, 0.1, 3.1, 0.2)
 * // => { difference: 1.1, se: 0.223606797749979, ciLow: 0.661735..., ciHigh: 1.538264... }
 */
export function differenceOfIndependentMeans(
  firstMean: number,
  firstSe: number,
  secondMean: number,
  secondSe: number,
): { difference: number; se: number; ciLow: number; ciHigh: number } {
  const difference = firstMean - secondMean;
  const se = Math.sqrt(firstSe * firstSe + secondSe * secondSe);
  const interval = normalConfidenceInterval(difference, se);
  return { difference, se, ciLow: interval.low, ciHigh: interval.high };
}
