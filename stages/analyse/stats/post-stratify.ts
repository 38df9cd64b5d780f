/**
 * Post-stratification weights: w*_i = w_i · N_g / Σ_{j∈g} w_j for unit i in group g, so the weights
 * of each group sum to its population total N_g. As R `weights(postStratify(design, ~group,
 * data.frame(group, Freq)))`. A group with no sample units cannot be matched: it is reported back
 * in `emptyGroups` (the caller warns) and its total is lost.
 *
 * Reference: Holt, D. & Smith, T. M. F. (1979). Post stratification. JRSS A 142(1), 33–46;
 * Lumley, T. (2010). Complex Surveys §7.1. Wiley.
 *
 * @example postStratify(new Float64Array([1, 1, 2]), new Int32Array([0, 0, 1]), new Float64Array([10, 5]))
 * // => { weights: Float64Array [5, 5, 5], emptyGroups: [] }
 */
export function postStratify(
  weights: Float64Array,
  group: Int32Array,
  groupTotals: Float64Array,
  out: Float64Array = new Float64Array(weights.length),
): { weights: Float64Array; emptyGroups: number[] } {
  const sampleTotals = new Float64Array(groupTotals.length);
  for (let i = 0; i < weights.length; i++) sampleTotals[group[i]] += weights[i];
  for (let i = 0; i < weights.length; i++) out[i] = (weights[i] * groupTotals[group[i]]) / sampleTotals[group[i]];
  const emptyGroups: number[] = [];
  for (let g = 0; g < groupTotals.length; g++) if (!(sampleTotals[g] > 0) && groupTotals[g] > 0) emptyGroups.push(g);
  return { weights: out, emptyGroups };
}
