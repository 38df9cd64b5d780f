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
 * respondent's domain block and of the Global block: O(n K²).
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
  const products = Array.from({ length: blocks }, () => new Float64Array(K * K));
  const totals = Array.from({ length: blocks }, () => new Float64Array(K));
  const u = new Float64Array(K);
  const addRow = (row: number, block: number, weight: number) => {
    const base = block * K;
    for (let k = 0; k < K; k++) u[k] = weight * influence[(base + k) * codes + jointCode[row * K + k]];
    const product = products[block];
    const total = totals[block];
    for (let k = 0; k < K; k++) {
      const uk = u[k];
      if (uk === 0) continue;
      total[k] += uk;
      for (let l = k, at = k * K + k; l < K; l++, at++) product[at] += uk * u[l];
    }
  };
  for (let row = 0; row < rows; row++) {
    const weight = weights[row];
    if (weight === 0) continue;
    addRow(row, rowDomain[row], weight);
    addRow(row, domainCount, weight);
  }
  const scale = rows > 1 ? rows / (rows - 1) : NaN;
  const covariance = products.map((product, block) => {
    const total = totals[block];
    for (let k = 0; k < K; k++) {
      for (let l = k; l < K; l++) {
        const value = scale * (product[k * K + l] - (total[k] * total[l]) / rows);
        product[k * K + l] = value;
        product[l * K + k] = value;
      }
    }
    return product;
  });
  return { mwds, covariance };
}
