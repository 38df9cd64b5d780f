/**
 * Ranked-discrepancy score: an ordinal alternative to Borich's MWDS in the spirit of Narine &
 * Harder's Ranked Discrepancy Model (RDM), which avoids averaging single Likert items across people.
 *
 * Our operational definition (stated precisely because it is ours; the RDM paper's own worked
 * steps should be checked before its name is attached to figures in print):
 *   1. For each respondent i, take the competencies with a complete pair and their discrepancies
 *      D_ik = I_ik − C_ik; let m_i be how many there are (respondents with m_i < 2 are skipped).
 *   2. Mid-rank the D_ik within the respondent, ascending (largest discrepancy gets rank m_i).
 *   3. Rescale to [0, 1]: s_ik = (rank_ik − 1)/(m_i − 1), so respondents who rated different numbers
 *      of competencies weigh alike.
 *   4. RDS_k = Σ_i w_i s_ik / Σ_i w_i over respondents with a pair for k (weighted mean).
 * An RDS near 1 means the competency is, for most respondents, among their own largest gaps,
 * whatever the respondent's use of the scale. Rank competencies by RDS, descending.
 *
 * Reference: Narine, L. & Harder, A. (2021). Comparing the Borich model with the Ranked Discrepancy
 * Model for competency assessment: a novel approach. Advancements in Agricultural Development 2(3),
 * 96–111. https://doi.org/10.37433/aad.v2i3.169
 *
 * Layout: `discrepancy` is row-major respondents × competencies (NaN = no complete pair); results
 * are (domainCount + 1) × competencies, the last block the whole sample.
 *
 * @example rankedDiscrepancyScores(new Float64Array([2, 0, 1, 1, 3, -1]), new Float64Array([1, 1]),
 *   new Int32Array([0, 0]), 3, 1) // => [0.75, 0.5, 0.25, 0.75, 0.5, 0.25] (domain 0, then whole sample)
 */
export function rankedDiscrepancyScores(
  discrepancy: Float64Array,
  weights: Float64Array,
  rowDomain: Int32Array,
  competencies: number,
  domainCount: number,
): Float64Array {
  const cells = (domainCount + 1) * competencies;
  const sumScores = new Float64Array(cells);
  const sumWeights = new Float64Array(cells);
  const order = new Int32Array(competencies);
  const globalOffset = domainCount * competencies;
  for (let row = 0; row < weights.length; row++) {
    const base = row * competencies;
    let pairs = 0;
    for (let k = 0; k < competencies; k++) if (discrepancy[base + k] === discrepancy[base + k]) order[pairs++] = k;
    if (pairs < 2) continue;
    // Insertion sort of the respondent's competencies by discrepancy (small m, no allocation).
    for (let a = 1; a < pairs; a++) {
      const k = order[a];
      let b = a - 1;
      while (b >= 0 && discrepancy[base + order[b]] > discrepancy[base + k]) {
        order[b + 1] = order[b];
        b--;
      }
      order[b + 1] = k;
    }
    const weight = weights[row];
    const domainOffset = rowDomain[row] * competencies;
    let start = 0;
    while (start < pairs) {
      let end = start + 1;
      while (end < pairs && discrepancy[base + order[end]] === discrepancy[base + order[start]]) end++;
      const scaled = ((start + end - 1) / 2) / (pairs - 1); // mid-rank − 1, over m − 1
      for (let position = start; position < end; position++) {
        const k = order[position];
        sumScores[globalOffset + k] += weight * scaled;
        sumWeights[globalOffset + k] += weight;
        if (domainOffset >= 0) {
          sumScores[domainOffset + k] += weight * scaled;
          sumWeights[domainOffset + k] += weight;
        }
      }
      start = end;
    }
  }
  for (let cell = 0; cell < cells; cell++) sumScores[cell] = sumWeights[cell] > 0 ? sumScores[cell] / sumWeights[cell] : NaN;
  return sumScores;
}
