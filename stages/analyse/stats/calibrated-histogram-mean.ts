import { fittedByCell, type CalibrationProjection } from './calibration-residuals.ts';
import type { HistogramMean } from './histogram-mean.ts';
import { weightedSdFromSums } from './weighted-sd.ts';

/**
 * histogram-mean.ts for a calibrated (raked) design: the same mean and SD, and the
 * calibration-aware SE of calibrated-domain-means.ts (R `svyby(..., calibrate(..., calfun =
 * "raking"), svymean, na.rm = TRUE)`), from a domain's histogram split by joint margin cell c.
 *
 * With x_ℓ the level values and, per level ℓ and joint cell c, D_ℓc = Σ d_i, W_ℓc = Σ w_i,
 * Q_ℓc = Σ w_i² over the domain's units with y_i = x_ℓ, and Wpop_c, Qpop_c over every unit of
 * the design in cell c:
 *   ȳ = Σ W_ℓc x_ℓ / W,  v_ℓ = (x_ℓ − ȳ)/W,  t_c = Σ_ℓ D_ℓc v_ℓ,  f = H t
 *   Σe  = Σ_ℓc W_ℓc v_ℓ − Σ_c Wpop_c f_c
 *   Σe² = Σ_ℓc Q_ℓc (v_ℓ − f_c)² + Σ_c (Qpop_c − Σ_ℓ Q_ℓc) f_c²
 *   Var = n/(n−1) (Σe² − (Σe)²/n)
 * These regroup the sums over units of calibrated-domain-means.ts exactly (units outside the
 * domain have v = 0 and residual −w_i f_c), so the results agree to rounding, in O(L·J + J²).
 * Arrays are level-major: index ℓ·J + c.
 *
 * Reference: Deville & Särndal (1992), JASA 87, 376–382; Lumley, T. (2010). Complex Surveys, ch. 7.
 *
 * @example // test/analysis/cell-histograms.test.ts checks it against calibrated-domain-means.ts
 */
export interface CalibratedHistogram {
  count: ArrayLike<number>;
  baseWeights: ArrayLike<number>;
  weights: ArrayLike<number>;
  squaredWeights: ArrayLike<number>;
}

export function calibratedHistogramMean(
  levelValues: ArrayLike<number>,
  histogram: CalibratedHistogram,
  levels: number,
  populationWeights: Float64Array,
  populationSquaredWeights: Float64Array,
  projection: CalibrationProjection,
  designRows: number,
  domainRows: number,
  scratch: { totals: Float64Array; fitted: Float64Array; domainSquared: Float64Array } = calibrationScratch(projection.cells),
): HistogramMean {
  const J = projection.cells;
  const { count, baseWeights, weights, squaredWeights } = histogram;
  let n = 0;
  let total = 0;
  let weightedSum = 0;
  for (let level = 0; level < levels; level++) {
    for (let c = 0; c < J; c++) {
      const at = level * J + c;
      if (count[at] === 0) continue;
      n += count[at];
      total += weights[at];
      weightedSum += weights[at] * levelValues[level];
    }
  }
  if (n === 0 || !(total > 0)) return { n, sumWeights: total, mean: NaN, se: NaN, sd: NaN };
  const mean = weightedSum / total;
  const { totals, fitted, domainSquared } = scratch;
  totals.fill(0);
  domainSquared.fill(0);
  let sumSquaredDeviations = 0;
  for (let level = 0; level < levels; level++) {
    const deviation = levelValues[level] - mean;
    const influence = deviation / total;
    for (let c = 0; c < J; c++) {
      const at = level * J + c;
      if (count[at] === 0) continue;
      totals[c] += baseWeights[at] * influence;
      domainSquared[c] += squaredWeights[at];
      sumSquaredDeviations += weights[at] * deviation * deviation;
    }
  }
  fittedByCell(projection, totals, fitted);
  let sum = 0;
  let sumSquares = 0;
  for (let level = 0; level < levels; level++) {
    const influence = (levelValues[level] - mean) / total;
    for (let c = 0; c < J; c++) {
      const at = level * J + c;
      if (count[at] === 0) continue;
      const residual = influence - fitted[c];
      sum += weights[at] * influence;
      sumSquares += squaredWeights[at] * residual * residual;
    }
  }
  for (let c = 0; c < J; c++) {
    sum -= populationWeights[c] * fitted[c];
    sumSquares += (populationSquaredWeights[c] - domainSquared[c]) * fitted[c] * fitted[c];
  }
  const centred = sumSquares - (sum * sum) / designRows;
  const se = designRows > 1 ? Math.sqrt(Math.max(0, (designRows / (designRows - 1)) * centred)) : NaN;
  return { n, sumWeights: total, mean, se, sd: weightedSdFromSums(domainRows, total, sumSquaredDeviations) };
}

export function calibrationScratch(cells: number) {
  return { totals: new Float64Array(cells), fitted: new Float64Array(cells), domainSquared: new Float64Array(cells) };
}
