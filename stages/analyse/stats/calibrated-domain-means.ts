import { estimateDomainMeans, type DomainMeans } from './domain-means.ts';
import { fittedByCell, type CalibrationProjection } from './calibration-residuals.ts';

/**
 * Domain means of a calibrated (raked) design with calibration-aware standard errors, respondent by
 * respondent: R `svyby(~y, ~domain, calibrate(design, ~m1 + m2, population, calfun = "raking"),
 * svymean, na.rm = TRUE)` and the whole-design `svymean`. Means and SDs are those of
 * domain-means.ts with the calibrated weights; the SE replaces each influence value by its
 * calibration residual (calibration-residuals.ts):
 *   v_i = (y_i − ȳ_d)/Σ_{d} w for i in the domain with a value, 0 otherwise;
 *   f = H t, t_c = Σ_{i∈c} d_i v_i;  e_i = w_i (v_i − f_{c(i)}) for every design row;
 *   Var = n/(n−1) Σ (e_i − ē)².
 * This is the simple O(rows × cells) reference the per-cell histograms (calibrated-histogram-mean.ts)
 * are tested against; layout and results as estimateDomainMeans.
 *
 * Reference: Deville & Särndal (1992), JASA 87, 376–382; Lumley, T. (2010). Complex Surveys, ch. 7.
 *
 * @example // see test/stages/analyse/stats/calibration.test.ts (R values to 1e-12)
 */
export function estimateCalibratedDomainMeans(
  values: Float64Array,
  weights: Float64Array,
  baseWeights: Float64Array,
  rowDomain: Int32Array,
  columns: number,
  domainCount: number,
  projection: CalibrationProjection,
): DomainMeans {
  const result = estimateDomainMeans(values, weights, rowDomain, columns, domainCount);
  const rows = weights.length;
  const { jointCell, cells: jointCells } = projection;
  const influence = new Float64Array(rows);
  const cellTotals = new Float64Array(jointCells);
  const fitted = new Float64Array(jointCells);
  for (let block = 0; block <= domainCount; block++) {
    for (let column = 0; column < columns; column++) {
      const cell = block * columns + column;
      if (!(result.n[cell] > 0) || rows < 2) continue;
      cellTotals.fill(0);
      for (let row = 0; row < rows; row++) {
        const value = values[row * columns + column];
        const inside = value === value && (block === domainCount || rowDomain[row] === block);
        influence[row] = inside ? (value - result.mean[cell]) / result.sumWeights[cell] : 0;
        cellTotals[jointCell[row]] += baseWeights[row] * influence[row];
      }
      fittedByCell(projection, cellTotals, fitted);
      let sum = 0;
      let sumSquares = 0;
      for (let row = 0; row < rows; row++) {
        const residual = weights[row] * (influence[row] - fitted[jointCell[row]]);
        sum += residual;
        sumSquares += residual * residual;
      }
      result.se[cell] = Math.sqrt(Math.max(0, (rows / (rows - 1)) * (sumSquares - (sum * sum) / rows)));
    }
  }
  return result;
}
