import { designEffect, kornGraubardInterval, tConfidenceInterval, welchSatterthwaiteDf, zeroSeInterval } from './stats/index.ts';

/**
 * The interval, degrees of freedom, design effect and effective sizes of one estimate row
 * (docs/methods.md, "Intervals for small cells" and "Design effects"), from the cell's sums.
 *
 *   variance  of the interval: the domain analysed as its own design, SE² · m/(m − 1) · (N − 1)/N
 *             (m rows with a value, N rows of the population's design): the SE column is R's svyby
 *             SE, whose n/(n − 1) counts the whole design and so understates a small domain's
 *             variance by (m − 1)/m; with equal weights the interval is then the classical
 *             ȳ ± t_{m−1} s/√m. R: confint(svymean(~y, svydesign(ids = ~1, weights = ~w,
 *             data = d[domain & !is.na(d$y), ])), df = …)
 *   df        Kish effective n of the cell − 1 ((Σw)²/Σw² − 1; = m − 1 with equal weights), rounded
 *             to 2 decimals (published so, and the interval uses the published value), since
 *             unequal weights leave fewer degrees of freedom than rows; curriculum gap:
 *             Welch–Satterthwaite of its two means
 *   interval  t interval clipped to the range the estimate can take (t-confidence-interval.ts); when
 *             the SE is 0 (every answer equal) or df < 1, the Wilson-type bound (zero-se-interval.ts)
 *   top-two   Korn–Graubard interval of the share (korn-graubard-interval.ts) with the same domain
 *             variance: R svyciprop(~top2, own, method = "beta"), own the domain's own design
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
  /** Rows of the population's design (N above). */
  designRows?: number;
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
/** The variance the interval uses: the domain as its own design (see above). */
const domainVariance = (measure: CellMeasure) => {
  const rows = measure.n;
  const designRows = measure.designRows ?? rows;
  return rows > 1 ? measure.se * measure.se * (rows / (rows - 1)) * ((designRows - 1) / designRows) : NaN;
};
const roundDf = (df: number) => Math.round(df * 100) / 100;
const dfOf = (measure: CellMeasure) => roundDf(kishOf(measure) - 1);

/** `range`: what the estimate can take; `partRange`: what each mean of a difference can take (the answer scale). */
export function describeEstimate(measure: CellMeasure, top2: CellMeasure | undefined, range: { low: number; high: number }, partRange = range): EstimateDescription {
  const { parts } = measure;
  const variance = measure.se * measure.se;
  const intervalVariance = parts ? domainVariance(parts[0]) + domainVariance(parts[1]) : domainVariance(measure);
  // Published with 2 decimals and used as published, so an interval can be recomputed from its row.
  const df = roundDf(parts ? welchSatterthwaiteDf(domainVariance(parts[0]), dfOf(parts[0]), domainVariance(parts[1]), dfOf(parts[1])) : dfOf(measure));
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
      const [first, second] = parts.map((part) => (part.se > 1e-12 * (partRange.high - partRange.low) && dfOf(part) >= 1
        ? tConfidenceInterval(part.mean, Math.sqrt(domainVariance(part)), dfOf(part), partRange.low, partRange.high)
        : zeroSeInterval(part.mean, kishOf(part), partRange.low, partRange.high)));
      interval = { low: Math.max(range.low, first.low - second.high), high: Math.min(range.high, first.high - second.low) };
    } else {
      interval = zeroSeInterval(measure.mean, kishEffectiveN, range.low, range.high);
    }
  } else {
    interval = tConfidenceInterval(measure.mean, Math.sqrt(intervalVariance), df, range.low, range.high);
  }
  const top2Interval = top2 && Number.isFinite(top2.mean) ? kornGraubardInterval(top2.mean, Math.sqrt(domainVariance(top2)), kishOf(top2)) : { low: NaN, high: NaN };
  return {
    df, ciLow: interval.low, ciHigh: interval.high, ciMethod,
    top2CiLow: top2Interval.low, top2CiHigh: top2Interval.high,
    deff, effectiveN: deff > 0 ? measure.n / deff : NaN, kishEffectiveN,
  };
}
