/**
 * Weight trimming at a cap with redistribution of the excess, as R
 * `weights(trimWeights(design, upper = cap, strict = TRUE))`:
 *   repeat: units with w_i > cap are set to cap; the trimmed excess Σ(w_i − cap) is shared equally
 *   (additively) among the units that were not above the cap; until no weight exceeds the cap.
 * The total weight is preserved, so the mean weight is unchanged. Here cap = `capMultiple` × mean
 * weight (config.analysis.weightCap); a cap ≤ 0 or non-finite switches trimming off.
 *
 * Reference: Potter, F. J. (1990). A study of procedures to identify and trim extreme sampling
 * weights. Proceedings of the Survey Research Methods Section, ASA, 225–230; Lumley, T. survey
 * package, `trimWeights`.
 *
 * @example trimWeightsAtCap(new Float64Array([1, 1, 1, 5]), 1.5) // cap 3 → [1.6667, 1.6667, 1.6667, 3], 1 trimmed
 */
export function trimWeightsAtCap(weights: Float64Array, capMultiple: number): { weights: Float64Array; trimmed: number } {
  const trimmedWeights = Float64Array.from(weights);
  if (!(capMultiple > 0) || !Number.isFinite(capMultiple) || weights.length === 0) return { weights: trimmedWeights, trimmed: 0 };
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i];
  const cap = (capMultiple * total) / weights.length;
  const everTrimmed = new Uint8Array(weights.length);
  const outsideThisSweep = new Uint8Array(weights.length);
  for (let sweep = 0; sweep < 1000; sweep++) {
    let excess = 0;
    let inside = 0;
    for (let i = 0; i < trimmedWeights.length; i++) {
      outsideThisSweep[i] = trimmedWeights[i] > cap ? 1 : 0;
      if (outsideThisSweep[i]) {
        excess += trimmedWeights[i] - cap;
        trimmedWeights[i] = cap;
        everTrimmed[i] = 1;
      } else inside++;
    }
    if (excess === 0 || inside === 0) break;
    // As R: the share goes to every unit not above the cap in this sweep (also units trimmed earlier).
    const share = excess / inside;
    for (let i = 0; i < trimmedWeights.length; i++) if (!outsideThisSweep[i]) trimmedWeights[i] += share;
  }
  let trimmed = 0;
  for (let i = 0; i < everTrimmed.length; i++) trimmed += everTrimmed[i];
  return { weights: trimmedWeights, trimmed };
}
