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
 * Layout: each respondent × competency carries a joint code (row-major n × K, `jointCode`);
 * `differenceLevelOfCode[code]` is the position of the code's discrepancy among the distinct
 * discrepancy values sorted ascending (0 = smallest), or −1 when the code has no complete pair.
 * Discrepancies of ratings take few values, so a respondent's mid-ranks come from a counting sort
 * over the levels present in the respondent's row: O(K · distinct levels) per respondent at worst. `rowDomain` is in
 * 0..domainCount−1; results are (domainCount + 1) × competencies, the last block the whole sample.
 *
 * @example // two respondents, K = 3, discrepancies [2, 0, 1] and [1, 3, −1]; levels −1,0,1,2,3 → 0..4,
 * // codes = the discrepancy levels themselves: rankedDiscrepancyScores(new Uint16Array([3, 1, 2, 2, 4, 0]),
 * //   new Int16Array([0, 1, 2, 3, 4]), 5, new Float64Array([1, 1]), new Int32Array([0, 0]), 3, 1)
 * // => [0.75, 0.5, 0.25, 0.75, 0.5, 0.25] (domain 0, then whole sample)
 */
export function rankedDiscrepancyScores(
  jointCode: Uint8Array | Uint16Array,
  differenceLevelOfCode: Int16Array,
  differenceLevels: number,
  weights: Float64Array,
  rowDomain: Int32Array,
  competencies: number,
  domainCount: number,
): Float64Array {
  const cells = (domainCount + 1) * competencies;
  const globalOffset = domainCount * competencies;
  const sumScores = new Float64Array(cells);
  const sumWeights = new Float64Array(cells);
  const levelCount = new Int32Array(differenceLevels);
  const scaledRank = new Float64Array(differenceLevels);
  // The levels present in the row, ascending: a counting sort visits only these (a framework unit's
  // composite gaps take hundreds of levels, a respondent's row a few dozen).
  const present = new Int32Array(Math.min(differenceLevels, competencies));
  for (let row = 0; row < weights.length; row++) {
    const base = row * competencies;
    let pairs = 0;
    let distinct = 0;
    for (let k = 0; k < competencies; k++) {
      const level = differenceLevelOfCode[jointCode[base + k]];
      if (level < 0) continue;
      if (levelCount[level]++ === 0) {
        // Insertion into the sorted list of present levels.
        let at = distinct++;
        while (at > 0 && present[at - 1] > level) {
          present[at] = present[at - 1];
          at--;
        }
        present[at] = level;
      }
      pairs++;
    }
    if (pairs < 2) {
      for (let i = 0; i < distinct; i++) levelCount[present[i]] = 0;
      continue;
    }
    // 0-based mid-rank of a tie group spanning positions below … below + t − 1, over m − 1.
    let below = 0;
    for (let i = 0; i < distinct; i++) {
      const level = present[i];
      scaledRank[level] = (below + (levelCount[level] - 1) / 2) / (pairs - 1);
      below += levelCount[level];
      levelCount[level] = 0;
    }
    const weight = weights[row];
    const domainOffset = rowDomain[row] * competencies;
    for (let k = 0; k < competencies; k++) {
      const level = differenceLevelOfCode[jointCode[base + k]];
      if (level < 0) continue;
      sumScores[domainOffset + k] += weight * scaledRank[level];
      sumWeights[domainOffset + k] += weight;
    }
  }
  for (let cell = 0; cell < globalOffset; cell++) {
    sumScores[globalOffset + (cell % competencies)] += sumScores[cell];
    sumWeights[globalOffset + (cell % competencies)] += sumWeights[cell];
  }
  for (let cell = 0; cell < cells; cell++) sumScores[cell] = sumWeights[cell] > 0 ? sumScores[cell] / sumWeights[cell] : NaN;
  return sumScores;
}
