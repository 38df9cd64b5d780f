import betaQuantileOfStdlib from '@stdlib/stats-base-dists-beta-quantile';
import tQuantileOfStdlib from '@stdlib/stats-base-dists-t-quantile';

/**
 * Quantiles of Student's t and of the beta distribution, for the small-cell intervals
 * (t-confidence-interval.ts) and the Korn–Graubard proportion interval (korn-graubard-interval.ts).
 * From @stdlib (ports of the Boost Math inverses, relative error ~1e-15); they agree with R's
 * `qt(p, df)` and `qbeta(p, a, b)` to 1e-14 (test/stages/analyse/stats/small-cell-intervals.test.ts).
 * Conventions: tQuantile(p, Infinity) = Φ⁻¹(p); betaQuantile(p, 0, b) = 0 and betaQuantile(p, a, 0) = 1
 * (the degenerate limits R's qbeta returns).
 *
 * Reference: Abramowitz, M. & Stegun, I. A. (1964). Handbook of Mathematical Functions, §26.5, §26.7.
 *
 * @example tQuantile(0.975, 4) // => 2.7764451051977934 (R qt(0.975, 4))
 */
export function tQuantile(probability: number, degreesOfFreedom: number): number {
  // The stage asks for the 0.975 quantile of few distinct df (rounded to 2 decimals) thousands of
  // times, and each inversion costs ~0.1 ms: remembered per (probability, df).
  const key = `${probability}|${degreesOfFreedom}`;
  let quantile = remembered.get(key);
  if (quantile === undefined) {
    quantile = tQuantileOfStdlib(probability, degreesOfFreedom);
    if (remembered.size > 100_000) remembered.clear();
    remembered.set(key, quantile);
  }
  return quantile;
}
const remembered = new Map<string, number>();

export function betaQuantile(probability: number, alpha: number, beta: number): number {
  if (alpha === 0) return 0;
  if (beta === 0) return 1;
  return betaQuantileOfStdlib(probability, alpha, beta);
}
