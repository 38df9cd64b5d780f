import { postStratify } from './post-stratify.ts';

/**
 * Raking (iterative proportional fitting) of weights to several one-way population margins, as R
 * `weights(rake(design, sample.margins, population.margins, control = list(maxit = 10, epsilon = 1)))`.
 *
 * Each iteration post-stratifies to every margin in turn (post-stratify.ts). Convergence rule (R's):
 * after each full sweep, tabulate the weights over the cross-classification of all margin variables;
 * stop when max |old cell total − new cell total| < ε, where ε = `epsilon` if ≥ 1, else
 * `epsilon` × (initial sum of weights). At most `maxIterations` sweeps; `converged` = false otherwise
 * (the caller warns, as R does). Converges for margins whose sample table has no empty cells
 * (Deming & Stephan 1940).
 *
 * Reference: Deming, W. E. & Stephan, F. F. (1940). On a least squares adjustment of a sampled
 * frequency table when the expected marginal totals are known. Annals of Mathematical Statistics
 * 11(4), 427–444; Lumley, T. (2010). Complex Surveys §7.3. Wiley.
 *
 * @example rakeWeights(w, [{ group: region, totals: [50, 30, 20] }, { group: org, totals: [40, 60] }])
 * // see test/stages/analyse/stats/weighting.test.ts for R reference weights
 */
export interface RakingMargin {
  /** Group code of each unit in 0..totals.length−1. */
  group: Int32Array;
  totals: Float64Array;
}

export function rakeWeights(
  baseWeights: Float64Array,
  margins: RakingMargin[],
  control: { maxIterations?: number; epsilon?: number } = {},
): { weights: Float64Array; iterations: number; converged: boolean } {
  const maxIterations = control.maxIterations ?? 10;
  const epsilonSetting = control.epsilon ?? 1;
  const units = baseWeights.length;
  let initialTotal = 0;
  for (let i = 0; i < units; i++) initialTotal += baseWeights[i];
  const epsilon = epsilonSetting < 1 ? epsilonSetting * initialTotal : epsilonSetting;

  // Joint cell of every unit over all margin variables (mixed radix), for the convergence table.
  const jointCell = new Int32Array(units);
  let jointCells = 1;
  for (const margin of margins) {
    for (let i = 0; i < units; i++) jointCell[i] = jointCell[i] * margin.totals.length + margin.group[i];
    jointCells *= margin.totals.length;
  }
  const tabulate = (weights: Float64Array, table: Float64Array) => {
    table.fill(0);
    for (let i = 0; i < units; i++) table[jointCell[i]] += weights[i];
  };
  let oldTable = new Float64Array(jointCells);
  let newTable = new Float64Array(jointCells);
  const weights = Float64Array.from(baseWeights);
  tabulate(weights, oldTable);
  let iterations = 0;
  while (iterations < maxIterations) {
    for (const margin of margins) postStratify(weights, margin.group, margin.totals, weights);
    tabulate(weights, newTable);
    let delta = 0;
    for (let c = 0; c < jointCells; c++) delta = Math.max(delta, Math.abs(oldTable[c] - newTable[c]));
    if (delta < epsilon) return { weights, iterations, converged: true };
    [oldTable, newTable] = [newTable, oldTable];
    iterations++;
  }
  return { weights, iterations, converged: false };
}
