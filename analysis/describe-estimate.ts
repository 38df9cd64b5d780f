import { designEffect, kornGraubardInterval, tConfidenceInterval, welchSatterthwaiteDf, zeroSeInterval } from './stats/index.ts';

/**
 * The interval, degrees of freedom, design effect and effective sizes of one estimate row
 * (docs/methods.md, "Intervals for small cells" and "Design effects"), from the cell's sums.
 *
 *   df        rows with a value − 1 (pairs − 1); curriculum gap: Welch–Satterthwaite of its two means
 *   interval  t interval clipped to the range the estimate can take (t-confidence-interval.ts); when
 *             the SE is 0 (every answer equal) or df < 1, the Wilson-type bound (zero-se-interval.ts)
 *   top-two   Korn–Graubard interval of the share (korn-graubard-interval.ts)
 *   deff      Var / Var_SRS (design-effect.ts); effective n = n / deff; Kish n_eff = (Σw)²/Σw²
 * The curriculum gap, a difference of independent means: deff = (v₁ + v₂)/(srs₁ + srs₂), Kish n_eff
 * the sum of the two.
 */
export interface CellMeasure {
  n: number;
  mean: number;
  sd: number;
  se: number;
  sumWeights?: number;
  sumSquaredWeights?: number;
  srsVariance?: number;
  /** The two independent means of a difference (curriculum gap). */
  parts?: [CellMeasure, CellMeasure];
}

export interface EstimateDescription {
  df: number;
  ciLow: number;
  ciHigh: number;
  ciMethod: 't' | 'zero_se_wilson' | '';
  top2CiLow: number;
  top2CiHigh: number;
  deff: number;
  effectiveN: number;
  kishEffectiveN: number;
}

const kishOf = (measure: CellMeasure) => (measure.sumSquaredWeights! > 0 ? measure.sumWeights! ** 2 / measure.sumSquaredWeights! : NaN);

/** `range`: what the estimate can take; `partRange`: what each mean of a difference can take (the answer scale). */
export function describeEstimate(measure: CellMeasure, top2: CellMeasure | undefined, range: { low: number; high: number }, partRange = range): EstimateDescription {
  const { parts } = measure;
  const variance = measure.se * measure.se;
  const df = parts ? welchSatterthwaiteDf(parts[0].se ** 2, parts[0].n - 1, parts[1].se ** 2, parts[1].n - 1) : measure.n - 1;
  const srsVariance = parts ? parts[0].srsVariance! + parts[1].srsVariance! : measure.srsVariance!;
  const kishEffectiveN = parts ? kishOf(parts[0]) + kishOf(parts[1]) : kishOf(measure);
  const deff = designEffect(variance, srsVariance);
  const zeroSe = !(measure.se > 1e-12 * (range.high - range.low));
  let interval: { low: number; high: number };
  let ciMethod: EstimateDescription['ciMethod'] = 't';
  if (!Number.isFinite(measure.mean)) {
    interval = { low: NaN, high: NaN };
    ciMethod = '';
  } else if (zeroSe || !(df >= 1)) {
    ciMethod = 'zero_se_wilson';
    if (parts) {
      // Each mean's own interval (its bound when its SE is 0), combined as far apart as they go.
      const [first, second] = parts.map((part) => (part.se > 1e-12 * (partRange.high - partRange.low) && part.n > 1
        ? tConfidenceInterval(part.mean, part.se, part.n - 1, partRange.low, partRange.high)
        : zeroSeInterval(part.mean, kishOf(part), partRange.low, partRange.high)));
      interval = { low: Math.max(range.low, first.low - second.high), high: Math.min(range.high, first.high - second.low) };
    } else {
      interval = zeroSeInterval(measure.mean, kishEffectiveN, range.low, range.high);
    }
  } else {
    interval = tConfidenceInterval(measure.mean, measure.se, df, range.low, range.high);
  }
  const top2Interval = top2 && Number.isFinite(top2.mean) ? kornGraubardInterval(top2.mean, top2.se, kishOf(top2)) : { low: NaN, high: NaN };
  return {
    df, ciLow: interval.low, ciHigh: interval.high, ciMethod,
    top2CiLow: top2Interval.low, top2CiHigh: top2Interval.high,
    deff, effectiveN: deff > 0 ? measure.n / deff : NaN, kishEffectiveN,
  };
}
