import type { CalibrationDesign } from './calibrate-raking.ts';
import { solveSymmetric } from './solve-symmetric.ts';

/**
 * Calibration-aware linearisation: the influence values of an estimate from calibrated weights are
 * replaced by the residuals of their weighted regression on the calibration variables, which removes
 * the variance the margins explain (Deville & Särndal 1992, §3; Lumley 2010, §7.4). As R's svyrecvar
 * for a `calibrate()`d design, `qr.resid(qr(X·√d), u/(g√d)) · g√d`:
 *
 *   v_i = u_i / w_i                      (u_i the influence value, w_i = g_i d_i the final weight)
 *   β   = (Σ d_i x_i x_iᵀ)⁻ Σ d_i x_i v_i  (regression with the weights d_i before calibration)
 *   e_i = w_i (v_i − x_iᵀβ)              for every unit of the design, in the domain or not
 *   Var = n/(n−1) Σ (e_i − ē)²
 *
 * x_i depends only on the unit's joint margin cell c, so with t_c = Σ_{i∈c} d_i v_i the fitted
 * values are f = H t, H = X (XᵀDX)⁻ Xᵀ a J × J matrix (J joint cells, D their base-weight totals),
 * computed once per design. `projectionMatrix` builds H; the estimators apply it.
 *
 * Reference: Deville, J.-C. & Särndal, C.-E. (1992). Calibration estimators in survey sampling.
 * JASA 87(418), 376–382; Lumley, T. (2010). Complex Surveys: A Guide to Analysis Using R, ch. 7. Wiley.
 *
 * @example // one margin with two cells and base weights d: H is block-diagonal with 1/D_c
 * // projectionMatrix({ jointCell: [0, 0, 1], cellRows: [1, 0, 1, 1], columns: 2, … }, d = [1, 1, 2]) → [[0.5, 0], [0, 0.5]]
 */
export interface CalibrationProjection {
  /** J × J, row-major: fitted value of cell c = Σ_c' H[c, c'] t_c'. */
  matrix: Float64Array;
  cells: number;
  jointCell: Int32Array;
}

export function projectionMatrix(design: CalibrationDesign, baseWeights: Float64Array): CalibrationProjection {
  const { jointCell, cellRows, columns: p } = design;
  const cells = cellRows.length / p;
  const cellBase = new Float64Array(cells);
  for (let i = 0; i < jointCell.length; i++) cellBase[jointCell[i]] += baseWeights[i];
  const crossProduct = new Float64Array(p * p);
  for (let c = 0; c < cells; c++) {
    for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) crossProduct[j * p + k] += cellBase[c] * cellRows[c * p + j] * cellRows[c * p + k];
  }
  // Z = (XᵀDX)⁻ Xᵀ column by column, then H = X Z.
  const matrix = new Float64Array(cells * cells);
  for (let c2 = 0; c2 < cells; c2++) {
    const z = solveSymmetric(crossProduct, cellRows.subarray(c2 * p, (c2 + 1) * p), p);
    for (let c = 0; c < cells; c++) {
      let sum = 0;
      for (let j = 0; j < p; j++) sum += cellRows[c * p + j] * z[j];
      matrix[c * cells + c2] = sum;
    }
  }
  return { matrix, cells, jointCell };
}

/** f = H t. */
export function fittedByCell(projection: CalibrationProjection, cellTotals: ArrayLike<number>, out: Float64Array = new Float64Array(projection.cells)): Float64Array {
  const { matrix, cells } = projection;
  for (let c = 0; c < cells; c++) {
    let sum = 0;
    for (let c2 = 0; c2 < cells; c2++) sum += matrix[c * cells + c2] * cellTotals[c2];
    out[c] = sum;
  }
  return out;
}
