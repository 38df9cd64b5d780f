import { solveSymmetric } from './solve-symmetric.ts';

/**
 * Calibration of weights to one-way population margins with the raking distance, optionally with
 * bounds on the final weights: R `calibrate(design, ~m1 + m2 + …, population, calfun = "raking",
 * bounds = c(lower, upper), bounds.const = TRUE, epsilon = ε, maxit = 50)` (survey::grake).
 *
 *   model matrix x_i: intercept, then one indicator per category of each margin except its first
 *   (treatment coding, as model.matrix; empty categories with a zero total are dropped, as R does)
 *   w_i = d_i g_i,  g_i = clamp(exp(x_i'η), lower/d_i, upper/d_i)      (bounds on the weights)
 *   Newton: η ← η + (Σ d_i g'_i x_i x_i')⁻ (T − Σ d_i g_i x_i), g'_i = exp(x_i'η) where not clamped,
 *   0 where clamped; stop when every |T_c − Σ w_i x_ic| / (1 + |T_c|) < ε.
 * Unbounded, this is raking (the IPF fixed point, Deming & Stephan 1940) solved by Newton's method:
 * the same weights as R's `rake()` run to convergence. R's raking derivative treats clamped units as
 * free (`ifelse(u < upper − 1 & …)`); the correct derivative here reaches the same solution when
 * both converge. A bound that cannot hold together with the margins ends with converged = false and
 * the remaining misfit per margin category (the caller reports it).
 *
 * Units are grouped by their joint cell over all margins (`jointCell`, 0..J−1): every sum over
 * units with the same x_i is formed once per cell, so a step costs O(n + J·p²).
 *
 * Reference: Deville, J.-C. & Särndal, C.-E. (1992). Calibration estimators in survey sampling.
 * JASA 87(418), 376–382; Deville, Särndal & Sautory (1993). Generalized raking procedures in survey
 * sampling. JASA 88(423), 1013–1020; Lumley, T. (2010). Complex Surveys, §7.4. Wiley.
 *
 * @example // test/stages/analyse/stats/calibration.test.ts: 40 units, margins region (3) × org (2), R weights to 1e-12
 */
export interface CalibrationMargin {
  /** Category of each unit, 0..totals.length − 1. */
  group: Int32Array;
  /** Population total of each category (0 for a category with no unit: dropped). */
  totals: Float64Array;
}

export interface CalibrationDesign {
  /** Joint cell of each unit over all margins, 0..cells − 1 (only cells that have units). */
  jointCell: Int32Array;
  /** Model-matrix row of each joint cell: cells × columns, row-major. */
  cellRows: Float64Array;
  columns: number;
  /** Population totals of the columns. */
  totals: Float64Array;
}

export interface RakingCalibration {
  weights: Float64Array;
  /** g_i = w_i / d_i. */
  g: Float64Array;
  iterations: number;
  converged: boolean;
  design: CalibrationDesign;
  /** Achieved weighted total of every margin category, in the margins' order (for the report). */
  achievedTotals: Float64Array[];
}

/** The model matrix of the margins, per joint cell (R `model.matrix(~m1 + m2 + …)` rows, treatment coding). */
export function calibrationDesign(margins: CalibrationMargin[], units: number): CalibrationDesign {
  const columnOf = margins.map((margin) => Int32Array.from(margin.totals, () => -1));
  const totals: number[] = [margins.reduce((sum, margin) => Math.max(sum, margin.totals.reduce((a, b) => a + b, 0)), 0)];
  margins.forEach((margin, m) => {
    const present = new Uint8Array(margin.totals.length);
    for (let i = 0; i < units; i++) present[margin.group[i]] = 1;
    let first = true;
    margin.totals.forEach((total, category) => {
      if (!present[category] && total === 0) return;
      if (first) {
        first = false;
        return;
      }
      columnOf[m][category] = totals.length;
      totals.push(total);
    });
  });
  const columns = totals.length;
  const cellOfKey = new Map<number, number>();
  const jointCell = new Int32Array(units);
  const rows: number[] = [];
  for (let i = 0; i < units; i++) {
    let key = 0;
    for (const margin of margins) key = key * margin.totals.length + margin.group[i];
    let cell = cellOfKey.get(key);
    if (cell === undefined) {
      cell = cellOfKey.size;
      cellOfKey.set(key, cell);
      const row = new Array<number>(columns).fill(0);
      row[0] = 1;
      margins.forEach((margin, m) => {
        const column = columnOf[m][margin.group[i]];
        if (column >= 0) row[column] = 1;
      });
      rows.push(...row);
    }
    jointCell[i] = cell;
  }
  return { jointCell, cellRows: Float64Array.from(rows), columns, totals: Float64Array.from(totals) };
}

export function calibrateRaking(
  baseWeights: Float64Array,
  margins: CalibrationMargin[],
  options: { lower?: number; upper?: number; epsilon?: number; maxIterations?: number } = {},
): RakingCalibration {
  const units = baseWeights.length;
  const lower = options.lower ?? -Infinity;
  const upper = options.upper ?? Infinity;
  const epsilon = options.epsilon ?? 1e-10;
  const maxIterations = options.maxIterations ?? 50;
  const design = calibrationDesign(margins, units);
  const { jointCell, cellRows, columns: p, totals } = design;
  const cells = cellRows.length / p;
  const eta = new Float64Array(p);
  const g = new Float64Array(units);
  const cellLinear = new Float64Array(cells);
  const cellWeight = new Float64Array(cells);
  const cellDerivative = new Float64Array(cells);
  const update = () => {
    for (let c = 0; c < cells; c++) {
      let linear = 0;
      for (let j = 0; j < p; j++) linear += cellRows[c * p + j] * eta[j];
      cellLinear[c] = linear;
    }
    cellWeight.fill(0);
    cellDerivative.fill(0);
    for (let i = 0; i < units; i++) {
      const d = baseWeights[i];
      const raw = Math.exp(cellLinear[jointCell[i]]);
      const low = d > 0 ? lower / d : lower;
      const high = d > 0 ? upper / d : upper;
      const clamped = Math.min(Math.max(raw, low), high);
      g[i] = clamped;
      cellWeight[jointCell[i]] += d * clamped;
      if (clamped === raw) cellDerivative[jointCell[i]] += d * raw;
    }
  };
  const misfit = () => {
    const result = Float64Array.from(totals);
    for (let c = 0; c < cells; c++) for (let j = 0; j < p; j++) result[j] -= cellWeight[c] * cellRows[c * p + j];
    return result;
  };
  const fits = (remaining: Float64Array) => remaining.every((value, j) => Math.abs(value) / (1 + Math.abs(totals[j])) < epsilon);
  update();
  let remaining = misfit();
  let iterations = 0;
  let converged = fits(remaining);
  while (!converged && iterations < maxIterations) {
    const hessian = new Float64Array(p * p);
    for (let c = 0; c < cells; c++) {
      for (let j = 0; j < p; j++) {
        const xj = cellRows[c * p + j] * cellDerivative[c];
        if (xj === 0) continue;
        for (let k = 0; k < p; k++) hessian[j * p + k] += xj * cellRows[c * p + k];
      }
    }
    const step = solveSymmetric(hessian, remaining, p);
    for (let j = 0; j < p; j++) eta[j] += step[j];
    update();
    remaining = misfit();
    iterations++;
    converged = fits(remaining);
  }
  const weights = new Float64Array(units);
  for (let i = 0; i < units; i++) weights[i] = baseWeights[i] * g[i];
  const achievedTotals = margins.map((margin) => {
    const achieved = new Float64Array(margin.totals.length);
    for (let i = 0; i < units; i++) achieved[margin.group[i]] += weights[i];
    return achieved;
  });
  return { weights, g, iterations, converged, design, achievedTotals };
}
