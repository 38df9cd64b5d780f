import { Z_95 } from './normal-distribution.ts';

/**
 * Interval for a cell whose standard error is 0 because every answer in it is the same: a
 * zero-width interval would claim certainty from a handful of identical answers. A variable bounded
 * in [a, b] with mean μ has variance at most (μ − a)(b − μ) (the two-point distribution on a and b),
 * so p = (μ − a)/(b − a) is treated as a proportion from n observations and given the Wilson score
 * interval, mapped back to the scale:
 *   p̂ = (ȳ − a)/(b − a),  centre = (p̂ + z²/2n)/(1 + z²/n),
 *   half = z/(1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²),   interval a + (b − a)·(centre ± half)
 * with z = Φ⁻¹(0.975) and n the cell's Kish effective n ((Σw)²/Σw², = n with equal weights).
 * For a cell of answers all at the top of the scale this is the Wilson bound for "all n successes";
 * it always contains ȳ and stays inside [a, b]. Conservative by construction (the variance bound).
 *
 * Reference: Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
 * inference. JASA 22(158), 209–212; Bhatia & Davis (2000), Amer. Math. Monthly 107(4), 353–357
 * (the variance bound).
 *
 * @example zeroSeInterval(5, 8, 1, 5) // all 8 answers 5 on 1–5 => { low: 3.7023697404644791, high: 5 } (R prop.test(8, 8, correct = FALSE))
 */
export function zeroSeInterval(estimate: number, effectiveN: number, rangeLow: number, rangeHigh: number): { low: number; high: number } {
  if (!(effectiveN > 0) || !(rangeHigh > rangeLow)) return { low: NaN, high: NaN };
  const width = rangeHigh - rangeLow;
  const share = Math.min(1, Math.max(0, (estimate - rangeLow) / width));
  const zSquaredOverN = (Z_95 * Z_95) / effectiveN;
  const centre = (share + zSquaredOverN / 2) / (1 + zSquaredOverN);
  const half = (Z_95 / (1 + zSquaredOverN)) * Math.sqrt((share * (1 - share)) / effectiveN + zSquaredOverN / (4 * effectiveN));
  return { low: rangeLow + width * Math.max(0, centre - half), high: rangeLow + width * Math.min(1, centre + half) };
}
