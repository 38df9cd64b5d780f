import { Z_95 } from './normal-distribution.ts';

/**
 * Two-sided normal (Wald) confidence interval estimate ± z·SE, with z = Φ⁻¹(0.975) = 1.959963984540054
 * for 95%. This is R `confint(svymean(...))`, whose default `df = Inf` uses the normal quantile.
 *
 * Reference: Lumley, T. (2010). Complex Surveys: A Guide to Analysis Using R, §2.3. Wiley.
 *
 * @example normalConfidenceInterval(3.473333333333333, 0.452267367066353)
 * // => { low: 2.586905582500525, high: 4.359761084166141 }
 */
export function normalConfidenceInterval(estimate: number, standardError: number): { low: number; high: number } {
  return { low: estimate - Z_95 * standardError, high: estimate + Z_95 * standardError };
}
