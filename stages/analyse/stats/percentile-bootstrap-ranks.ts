import { quantileSorted } from 'simple-statistics';
import { createSeededRandom } from './seeded-random.ts';
import type { MwdsCovarianceInput } from './mwds-covariance.ts';

/**
 * Percentile-bootstrap 95% interval for the MWDS rank of every competency in every domain.
 *
 * The analysis stage no longer uses it: its rank confidence sets come from mwds-rank-sets.ts, which
 * keeps its coverage near ties where this interval does not (docs/methods.md). It stays for the
 * comparison in tools/bench/coverage-ranks.ts, which reports both.
 *
 * Method: a Poisson bootstrap of respondents (Hanley & MacGibbon 2006; Chamandy, Muralidharan,
 * Najmi & Naidu 2012). In each of B replicates every respondent i gets an independent multiplier
 * m_i ~ Poisson(1) and weight m_i·w_i; Ī_k,w and D̄_k,w, hence MWDS_k = Ī_k·D̄_k, are recomputed for
 * each domain and the eligible competencies are ranked within it (1 = largest MWDS, ties mid-ranked;
 * a competency nobody in the resample rated ranks last). The interval is the 2.5% and 97.5%
 * quantiles of the B ranks (simple-statistics `quantileSorted`). A respondent keeps all its ratings
 * together, so the correlation between competencies is kept. The Poisson multipliers are the
 * standard large-n approximation of the classical Multinomial(n; 1/n, …, 1/n) resample (Efron &
 * Tibshirani 1993 ch. 6). Replicate r draws from its own seeded stream (seeded-random.ts, stream
 * r + 1), one 32-bit output per respondent in row order, m_i by inversion of the Poisson(1) CDF
 * (Devroye 1986 ch. X.3; probabilities below 2⁻³², i.e. m ≥ 13, dropped). Rank intervals:
 * Goldstein & Spiegelhalter 1996.
 *
 * Inputs: `jointCode` row-major n × K (each respondent × competency's importance and discrepancy
 * level as one code, cell-histograms.ts), `importanceOfCode` / `discrepancyOfCode` the importance
 * and discrepancy (I − P) of each code (NaN = none), `weights` n (finite, ≥ 0), `rowDomain` n in
 * 0..domainCount−1, `eligible` (domainCount + 1) × K (0 = left out of the ranking). Returns low/high
 * per (domainCount + 1) × K cell (last block = all domains together), NaN where not eligible.
 *
 * References: Efron, B. & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall;
 * Hanley, J. A. & MacGibbon, B. (2006). Creating non-parametric bootstrap samples using Poisson
 * frequencies. Computer Methods and Programs in Biomedicine 83(1), 57–62; Chamandy, N. et al. (2012).
 * Estimating uncertainty for massive data streams. Google Technical Report; Devroye, L. (1986).
 * Non-Uniform Random Variate Generation. Springer; Goldstein, H. & Spiegelhalter, D. J. (1996).
 * League tables and their limitations. JRSS A 159(3), 385–443.
 *
 * @example percentileBootstrapRanks({ ..., replicates: 200, seed: 1 }).low[k] // e.g. 1 for a clear leader
 */
export interface BootstrapRankInput extends MwdsCovarianceInput {
  eligible: Uint8Array;
  replicates: number;
  seed: number;
}

export function percentileBootstrapRanks(input: BootstrapRankInput): { low: Float64Array; high: Float64Array } {
  const replicates = Math.max(0, input.replicates);
  const ranks = new Float64Array(input.eligible.length * replicates);
  if (input.weights.length > 0) for (let replicate = 0; replicate < replicates; replicate++) rankOneReplicate(input, replicate, ranks);
  const low = new Float64Array(input.eligible.length).fill(NaN);
  const high = new Float64Array(input.eligible.length).fill(NaN);
  if (replicates < 1 || input.weights.length === 0) return { low, high };
  for (let cell = 0; cell < input.eligible.length; cell++) {
    if (!input.eligible[cell]) continue;
    const cellRanks = Array.from(ranks.subarray(cell * replicates, (cell + 1) * replicates)).sort((a, b) => a - b);
    low[cell] = quantileSorted(cellRanks, 0.025);
    high[cell] = quantileSorted(cellRanks, 0.975);
  }
  return { low, high };
}

/** Poisson(1) CDF × 2³² for k = 0…12 (F(12) taken as 1): m = the first k with u < threshold[k]. */
const POISSON_THRESHOLDS = (() => {
  const thresholds: number[] = [];
  let probability = Math.exp(-1);
  let cumulative = 0;
  for (let k = 0; k < 13; k++) {
    cumulative += probability;
    thresholds.push(cumulative * 4294967296);
    probability /= k + 1;
  }
  thresholds[12] = Infinity;
  return thresholds;
})();

/** Replicate r's ranks into `ranks` (cell-major, B per cell). */
function rankOneReplicate(input: BootstrapRankInput, replicate: number, ranks: Float64Array): void {
  const { jointCode, importanceOfCode, discrepancyOfCode, weights, rowDomain, competencies, domainCount, eligible, replicates } = input;
  const codes = importanceOfCode.length;
  // Resampled weight Σ m_i·w_i per (domain, competency, code), rows added in their order.
  const binWeight = new Float64Array(domainCount * competencies * codes);
  const random = createSeededRandom(input.seed, replicate + 1);
  for (let row = 0; row < weights.length; row++) {
    const uniform = random.nextUint32();
    let multiplier = 0;
    while (uniform >= POISSON_THRESHOLDS[multiplier]) multiplier++;
    if (multiplier === 0) continue;
    const resampledWeight = multiplier * weights[row];
    for (let k = 0; k < competencies; k++) binWeight[(rowDomain[row] * competencies + k) * codes + jointCode[row * competencies + k]] += resampledWeight;
  }
  // Σw·I, Σw_I, Σw·D, Σw_D per cell; the last block (all domains) sums the domains' cells.
  const cells = (domainCount + 1) * competencies;
  const weightedImportance = new Float64Array(cells);
  const importanceWeight = new Float64Array(cells);
  const weightedDiscrepancy = new Float64Array(cells);
  const discrepancyWeight = new Float64Array(cells);
  const allDomains = domainCount * competencies;
  for (let cell = 0; cell < allDomains; cell++) {
    for (let code = 0; code < codes; code++) {
      const weight = binWeight[cell * codes + code];
      if (weight === 0) continue;
      if (!Number.isNaN(importanceOfCode[code])) {
        weightedImportance[cell] += weight * importanceOfCode[code];
        importanceWeight[cell] += weight;
      }
      if (!Number.isNaN(discrepancyOfCode[code])) {
        weightedDiscrepancy[cell] += weight * discrepancyOfCode[code];
        discrepancyWeight[cell] += weight;
      }
    }
    const globalCell = allDomains + (cell % competencies);
    weightedImportance[globalCell] += weightedImportance[cell];
    importanceWeight[globalCell] += importanceWeight[cell];
    weightedDiscrepancy[globalCell] += weightedDiscrepancy[cell];
    discrepancyWeight[globalCell] += discrepancyWeight[cell];
  }
  for (let block = 0; block <= domainCount; block++) {
    const ranked: { competency: number; mwds: number }[] = [];
    for (let k = 0; k < competencies; k++) {
      const cell = block * competencies + k;
      if (!eligible[cell]) continue;
      const mwds = (weightedImportance[cell] / importanceWeight[cell]) * (weightedDiscrepancy[cell] / discrepancyWeight[cell]);
      ranked.push({ competency: k, mwds: Number.isNaN(mwds) ? -Infinity : mwds });
    }
    ranked.sort((a, b) => b.mwds - a.mwds || a.competency - b.competency);
    for (let start = 0, end = 0; start < ranked.length; start = end) {
      while (end < ranked.length && ranked[end].mwds === ranked[start].mwds) end++;
      const midRank = (start + 1 + end) / 2;
      for (let position = start; position < end; position++) ranks[(block * competencies + ranked[position].competency) * replicates + replicate] = midRank;
    }
  }
}
