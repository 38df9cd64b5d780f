/**
 * The MWDS of every competency in every domain and the joint covariance matrix of the K MWDS of a
 * domain, by Taylor linearisation (the delta method for a product of two ratio estimators), for the
 * design of domain-means.ts (one stage, with replacement, weights w_i; a domain keeps the whole
 * design, block domainCount = the whole design, "Global").
 *
 * MWDS_k = Ī_k · D̄_k (borich-mwds.ts), Ī_k = Σ w_i I_ik / W^I_k over respondents with an importance
 * rating, D̄_k = Σ w_i D_ik / W^D_k over complete pairs (D = I − P). The influence of respondent i
 * on MWDS_k is
 *   u_ik = D̄_k · w_i (I_ik − Ī_k) / W^I_k + Ī_k · w_i (D_ik − D̄_k) / W^D_k
 * (a term is 0 when i has no such rating or lies outside the domain), and with n the rows of the
 * whole design
 *   Cov(MWDS_k, MWDS_l) = n/(n−1) · Σ_i (u_ik − ū_k)(u_il − ū_l).
 * The diagonal is the linearisation variance R's survey package gives for
 * `svycontrast(svyratio(...), quote(I * D))`-type nonlinear functions (Lumley 2010 §2.3, Binder
 * 1983); the off-diagonal terms keep the correlation between a respondent's ratings of different
 * competencies, which the rank confidence sets need (pairwise differences).
 *
 * Implementation: u_ik = w_i · g_bk(code_ik) with g a table per (block, competency, joint code)
 * built from the means, so one pass over the rows adds w_i² g g' to the K(K+1)/2 products of the
 * respondent's domain block and of the Global block: O(n K²). With `wanted` (per cell), only the
 * entries between wanted cells are computed, the others are NaN, and a block without a wanted
 * cell is skipped: the rank sets need the covariance of the ranked cells only (the country blocks
 * never rank Global, most small countries rank nothing). The computed entries are the same
 * numbers, summed in the same order.
 *
 * Reference: Binder, D. A. (1983). International Statistical Review 51, 279–292; Lumley, T. (2010).
 * Complex Surveys: A Guide to Analysis Using R, §2.3 and appendix on linearisation. Wiley.
 *
 * @example // 16 respondents, 3 competencies, 2 domains (test/stages/analyse/stats/rank-confidence-sets.test.ts):
 * mwdsCovariance(input).covariance[2][0] // => 2.4980841228826858 (Var of MWDS_1, whole design; R survey: the same)
 */
export interface MwdsCovarianceInput {
  /** Joint code per row × competency (row-major n × K). */
  jointCode: Uint8Array | Uint16Array;
  /** Importance value of each joint code, NaN without one. */
  importanceOfCode: Float64Array;
  /** Discrepancy I − P of each joint code, NaN without a complete pair. */
  discrepancyOfCode: Float64Array;
  weights: Float64Array;
  rowDomain: Int32Array;
  competencies: number;
  domainCount: number;
  /** Per (block, competency): 1 where the covariance is needed; default every cell. */
  wanted?: Uint8Array;
}

export interface MwdsCovariance {
  /** MWDS per (block, competency), blocks = domains then Global; NaN when a mean is undefined. */
  mwds: Float64Array;
  /** Per block, the K × K covariance matrix (row-major). */
  covariance: Float64Array[];
}

export function mwdsCovariance(input: MwdsCovarianceInput): MwdsCovariance {
  const { jointCode, importanceOfCode, discrepancyOfCode, weights, rowDomain, competencies: K, domainCount } = input;
  const codes = importanceOfCode.length;
  const rows = weights.length;
  const blocks = domainCount + 1;
  const sums = new Float64Array(blocks * K * 4); // Σw·I, W^I, Σw·D, W^D per cell
  for (let row = 0; row < rows; row++) {
    const weight = weights[row];
    const base = 4 * rowDomain[row] * K;
    for (let k = 0; k < K; k++) {
      const code = jointCode[row * K + k];
      const importance = importanceOfCode[code];
      const discrepancy = discrepancyOfCode[code];
      const at = base + 4 * k;
      if (importance === importance) (sums[at] += weight * importance), (sums[at + 1] += weight);
      if (discrepancy === discrepancy) (sums[at + 2] += weight * discrepancy), (sums[at + 3] += weight);
    }
  }
  // Global = the sum of the domains (every row is in exactly one).
  for (let domain = 0; domain < domainCount; domain++) for (let i = 0; i < 4 * K; i++) sums[4 * domainCount * K + i] += sums[4 * domain * K + i];
  const mwds = new Float64Array(blocks * K);
  const influence = new Float64Array(blocks * K * codes); // g_bk(code)
  for (let cell = 0; cell < blocks * K; cell++) {
    const importanceMean = sums[4 * cell] / sums[4 * cell + 1];
    const discrepancyMean = sums[4 * cell + 2] / sums[4 * cell + 3];
    mwds[cell] = importanceMean * discrepancyMean;
    if (!Number.isFinite(mwds[cell])) {
      mwds[cell] = NaN;
      continue;
    }
    for (let code = 0; code < codes; code++) {
      const importance = importanceOfCode[code];
      const discrepancy = discrepancyOfCode[code];
      let g = 0;
      if (importance === importance) g += (discrepancyMean * (importance - importanceMean)) / sums[4 * cell + 1];
      if (discrepancy === discrepancy) g += (importanceMean * (discrepancy - discrepancyMean)) / sums[4 * cell + 3];
      influence[cell * codes + code] = g;
    }
  }
  // Per block, the competencies whose covariances are wanted; products are kept over those only.
  const items = Array.from({ length: blocks }, (_, block) =>
    Int32Array.from({ length: K }, (_, k) => k).filter((k) => (input.wanted ? input.wanted[block * K + k] === 1 : true)));
  const products = items.map((list) => new Float64Array(list.length * list.length));
  const totals = items.map((list) => new Float64Array(list.length));
  const u = new Float64Array(K);
  const addRow = (row: number, block: number, weight: number) => {
    const list = items[block];
    const size = list.length;
    for (let i = 0; i < size; i++) u[i] = weight * influence[(block * K + list[i]) * codes + jointCode[row * K + list[i]]];
    const product = products[block];
    const total = totals[block];
    for (let i = 0; i < size; i++) {
      const ui = u[i];
      if (ui === 0) continue;
      total[i] += ui;
      for (let j = i, at = i * size + i; j < size; j++, at++) product[at] += ui * u[j];
    }
  };
  const globalWanted = items[domainCount].length > 0;
  for (let row = 0; row < rows; row++) {
    const weight = weights[row];
    if (weight === 0) continue;
    if (items[rowDomain[row]].length > 0) addRow(row, rowDomain[row], weight);
    if (globalWanted) addRow(row, domainCount, weight);
  }
  const scale = rows > 1 ? rows / (rows - 1) : NaN;
  const covariance = items.map((list, block) => {
    const size = list.length;
    const product = products[block];
    const total = totals[block];
    const matrix = new Float64Array(K * K).fill(input.wanted ? NaN : 0);
    for (let i = 0; i < size; i++) {
      for (let j = i; j < size; j++) {
        const value = scale * (product[i * size + j] - (total[i] * total[j]) / rows);
        matrix[list[i] * K + list[j]] = value;
        matrix[list[j] * K + list[i]] = value;
      }
    }
    return matrix;
  });
  return { mwds, covariance };
}
