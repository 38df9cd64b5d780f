import { betaQuantile } from './t-and-beta-quantiles.ts';

/**
 * Korn–Graubard (1998) confidence interval for a proportion estimated from survey data: the
 * Clopper–Pearson interval computed with the effective sample size of the design,
 *   n_eff = p̂(1 − p̂) / Var(p̂),  x = n_eff · p̂,
 *   [ qbeta(α/2, x, n_eff − x + 1),  qbeta(1 − α/2, x + 1, n_eff − x) ],  α = 0.05.
 * This is R `svyciprop(~I(y >= max - 1), own, method = "beta")` with `own` the domain's rows as
 * their own design (svydesign(ids = ~1, weights = ~w, data = d[domain & !is.na(d$y), ])): R
 * multiplies n_eff by (qt(α/2, nrow − 1)/qt(α/2, degf))², which is 1 for such a design. R leaves
 * n_eff uncapped; so do we.
 * When p̂ is 0 or 1 the design variance is 0 and n_eff is undefined (R gives NaN): we use the cell's
 * Kish effective n instead (its n with equal weights), which is the exact Clopper–Pearson interval,
 * e.g. [0, 1 − 0.025^{1/n}] for p̂ = 0.
 *
 * Reference: Korn, E. L. & Graubard, B. I. (1998). Confidence intervals for proportions with small
 * expected number of positive counts estimated from survey data. Survey Methodology 24(2), 193–201;
 * Dean, N. & Pagano, M. (2015). Evaluating confidence interval methods for binomial proportions in
 * clustered surveys. J. Survey Stat. Methodol. 3(4), 484–503.
 *
 * @example kornGraubardInterval(0.3, 0.1, 12) // n_eff = 21 => { low: 0.12249072567426206, high: 0.53634439260941835, effectiveN: 21 }
 */
export function kornGraubardInterval(proportion: number, standardError: number, kishEffectiveN: number): { low: number; high: number; effectiveN: number } {
  if (!(proportion >= 0 && proportion <= 1)) return { low: NaN, high: NaN, effectiveN: NaN };
  const variance = standardError * standardError;
  const effectiveN = proportion > 0 && proportion < 1 && variance > 0 ? (proportion * (1 - proportion)) / variance : kishEffectiveN;
  if (!(effectiveN > 0)) return { low: NaN, high: NaN, effectiveN };
  const successes = effectiveN * proportion;
  return {
    low: betaQuantile(0.025, successes, effectiveN - successes + 1),
    high: betaQuantile(0.975, successes + 1, effectiveN - successes),
    effectiveN,
  };
}
