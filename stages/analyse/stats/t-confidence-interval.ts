import { tQuantile } from './t-and-beta-quantiles.ts';

/**
 * Two-sided 95% t interval for a domain estimate, clipped to the range the estimate can take:
 *   estimate ± t_{0.975, df} · SE, then [max(low, rangeLow), min(high, rangeHigh)].
 * Before the clip this is R `confint(svymean(~y, design), df = df)`.
 *
 * The SE and df a cell uses are chosen in stages/analyse/describe-estimate.ts (docs/methods.md): the
 * domain as its own design, df = its Kish effective n − 1 (= respondents − 1 with equal weights);
 * the curriculum gap, a difference of two independent means, takes the Welch–Satterthwaite df
 * (welchSatterthwaiteDf). With the normal quantile the intervals of cells of 5–19 respondents
 * covered 82–92 % in simulation; with these they reach 93–97 % (tools/bench/coverage-simulation.ts).
 * A mean of a rating cannot leave the answer scale, so an interval is never published beyond it
 * (clipping only removes values the estimate cannot take; coverage cannot drop).
 *
 * Reference: Korn, E. L. & Graubard, B. I. (1999). Analysis of Health Surveys, §5.2. Wiley;
 * Lumley, T. (2010). Complex Surveys, §2.3 (confint with df).
 *
 * @example tConfidenceInterval(3.2, 0.4, 6, 1, 5) // => { low: 2.2212352595420128, high: 4.1787647404579875 } (R 3.2 + c(-1, 1) * qt(0.975, 6) * 0.4)
 */
export function tConfidenceInterval(estimate: number, standardError: number, degreesOfFreedom: number, rangeLow: number, rangeHigh: number): { low: number; high: number } {
  if (!(degreesOfFreedom >= 1) || !Number.isFinite(estimate) || !Number.isFinite(standardError)) return { low: NaN, high: NaN };
  const halfWidth = tQuantile(0.975, degreesOfFreedom) * standardError;
  return { low: Math.max(estimate - halfWidth, rangeLow), high: Math.min(estimate + halfWidth, rangeHigh) };
}

/**
 * Welch–Satterthwaite degrees of freedom of a difference of two independent estimates with
 * variances v1, v2 and degrees of freedom df1, df2: (v1 + v2)² / (v1²/df1 + v2²/df2).
 *
 * Reference: Satterthwaite, F. E. (1946). Biometrics Bulletin 2(6), 110–114.
 *
 * @example welchSatterthwaiteDf(0.04, 9, 0.09, 14) // => 0.0169 / (0.0016/9 + 0.0081/14) = 22.36…
 */
export function welchSatterthwaiteDf(variance1: number, df1: number, variance2: number, df2: number): number {
  const denominator = (variance1 * variance1) / df1 + (variance2 * variance2) / df2;
  return denominator > 0 ? ((variance1 + variance2) ** 2) / denominator : Math.min(df1, df2);
}
