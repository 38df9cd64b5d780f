import { quantileSorted } from 'simple-statistics';
import { createSeededRandom } from './seeded-random.ts';
import { bootstrapHelperWanted, startBootstrapHelper } from './bootstrap-helper-thread.ts';

/**
 * Bootstrap 95% interval for the MWDS rank of every competency in every domain.
 *
 * Method: a Poisson bootstrap of respondents (Hanley & MacGibbon 2006; Chamandy, Muralidharan,
 * Najmi & Naidu 2012). In each of B replicates every respondent i gets an independent multiplier
 * m_i ~ Poisson(1) and weight m_i·w_i; Ī_k,w and D̄_k,w, hence MWDS_k = Ī_k·D̄_k, are recomputed for
 * each domain and the eligible competencies are ranked within it (1 = largest MWDS, ties mid-ranked).
 * The interval is the 2.5% and 97.5% quantiles of the B ranks (simple-statistics `quantileSorted`).
 * A respondent keeps all its ratings together, so the correlation between competencies is kept.
 * The classical bootstrap draws (m_1…m_n) ~ Multinomial(n; 1/n, …, 1/n) (Efron & Tibshirani 1993
 * ch. 6); the Poisson multipliers are its standard large-n approximation (Multinomial(n, 1/n)
 * margins tend to Poisson(1) and the dependence between them vanishes as n grows; the only
 * difference is that the resample size Σm_i varies around n, which does not affect a ratio of means).
 * Independent multipliers are what make the replicates cheap and splittable: replicate r draws from
 * its own seeded stream (seeded-random.ts, stream r + 1), so any split of the replicates — across
 * calls or worker threads — gives the same ranks, bit for bit. Rank intervals: Goldstein &
 * Spiegelhalter 1996.
 *
 * Implementation: each respondent × competency is one joint code (its importance level and its
 * discrepancy level, built in the analysis stage); a replicate adds m_i·w_i to one bin per
 * respondent × competency, bin = (domain, competency, code), skipping the ~37% of respondents with
 * m_i = 0; Σw·I, Σw, Σw·D and Σw_D then come from the few bins of each cell. Poisson(1) variates by
 * inversion of the CDF against one 32-bit uniform (probabilities below 2⁻³², i.e. m ≥ 13, are
 * dropped). No allocation per replicate.
 *
 * Inputs: `jointCode` row-major n × K, `importanceOfCode` / `discrepancyOfCode` the importance and
 * discrepancy (I − P) values of each code (NaN = none), `weights` n, `rowDomain` n in 0..domainCount−1,
 * `eligible` (domainCount + 1) × K (0 = suppressed, left out of the ranking). Returns low/high per
 * (domainCount + 1) × K cell (last block = whole design), NaN where not eligible.
 *
 * References: Efron, B. & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall;
 * Hanley, J. A. & MacGibbon, B. (2006). Creating non-parametric bootstrap samples using Poisson
 * frequencies. Computer Methods and Programs in Biomedicine 83(1), 57–62; Chamandy, N. et al. (2012).
 * Estimating uncertainty for massive data streams. Google Technical Report; Goldstein, H. &
 * Spiegelhalter, D. J. (1996). League tables and their limitations. JRSS A 159(3), 385–443.
 *
 * @example bootstrapRankIntervals({ ..., replicates: 200, seed: 1 }).low[k] // e.g. 1 for a clear leader
 */
export interface BootstrapRankInput {
  jointCode: Uint16Array;
  importanceOfCode: Float64Array;
  discrepancyOfCode: Float64Array;
  weights: Float64Array;
  rowDomain: Int32Array;
  competencies: number;
  domainCount: number;
  eligible: Uint8Array;
  replicates: number;
  seed: number;
}

export function bootstrapRankIntervals(
  input: BootstrapRankInput,
  options: { forceHelper?: boolean } = {},
): { low: Float64Array; high: Float64Array } {
  const cells = (input.domainCount + 1) * input.competencies;
  const replicates = Math.max(0, input.replicates);
  // Shared memory, so a helper thread can fill its replicates in place (bootstrap-helper-thread.ts).
  const ranks = new Float64Array(new SharedArrayBuffer(8 * cells * replicates));
  if (replicates >= 1 && input.weights.length > 0) {
    if (replicates >= 2 && bootstrapHelperWanted(input, options.forceHelper)) {
      const helperShare = Math.floor(replicates / 2);
      const helper = startBootstrapHelper(input, 0, helperShare, ranks);
      bootstrapReplicateRanks(input, helperShare, replicates - helperShare, ranks);
      if (!helper.join()) bootstrapReplicateRanks(input, 0, helperShare, ranks);
    } else bootstrapReplicateRanks(input, 0, replicates, ranks);
  }
  return rankIntervalsFromReplicates(ranks, input.eligible, input.replicates);
}

/** 2.5% and 97.5% quantiles of each eligible cell's ranks (`ranks` cell-major, B per cell). */
export function rankIntervalsFromReplicates(ranks: Float64Array, eligible: Uint8Array, replicates: number): { low: Float64Array; high: Float64Array } {
  const cells = eligible.length;
  const low = new Float64Array(cells).fill(NaN);
  const high = new Float64Array(cells).fill(NaN);
  if (replicates < 1 || ranks.length === 0) return { low, high };
  for (let cell = 0; cell < cells; cell++) {
    if (!eligible[cell]) continue;
    const cellRanks = ranks.subarray(cell * replicates, (cell + 1) * replicates).sort();
    low[cell] = quantileSorted(cellRanks as unknown as number[], 0.025);
    high[cell] = quantileSorted(cellRanks as unknown as number[], 0.975);
  }
  return { low, high };
}

/** Poisson(1) CDF × 2³², k = 0..12: m = first k with u < threshold[k]. */
const POISSON_THRESHOLDS = (() => {
  const thresholds = new Float64Array(13);
  let probability = Math.exp(-1);
  let cumulative = 0;
  for (let k = 0; k < 13; k++) {
    cumulative += probability;
    thresholds[k] = cumulative * 4294967296;
    probability /= k + 1;
  }
  thresholds[12] = Infinity;
  return thresholds;
})();

/**
 * Ranks of replicates first … first + count − 1 into `ranks` (cell-major, `input.replicates` per
 * cell, so a worker can fill its own replicates of a shared buffer).
 */
export function bootstrapReplicateRanks(input: BootstrapRankInput, first: number, count: number, ranks: Float64Array): void {
  const { jointCode, importanceOfCode, discrepancyOfCode, weights, rowDomain, competencies, domainCount, eligible, replicates } = input;
  const rows = weights.length;
  const codes = importanceOfCode.length;
  const blocks = domainCount + 1;
  const cells = blocks * competencies;
  const globalOffset = domainCount * competencies;
  const binWeights = new Float64Array(domainCount * competencies * codes);
  const sumWeightedImportance = new Float64Array(cells);
  const sumImportanceWeights = new Float64Array(cells);
  const sumWeightedDiscrepancy = new Float64Array(cells);
  const sumDiscrepancyWeights = new Float64Array(cells);
  const score = new Float64Array(competencies);
  const order = new Int32Array(competencies);
  const rowsPerCompetency = competencies * codes;

  for (let replicate = first; replicate < first + count; replicate++) {
    const random = createSeededRandom(input.seed, replicate + 1);
    binWeights.fill(0);
    for (let row = 0; row < rows; row++) {
      const uniform = random.nextUint32();
      let multiplier = 0;
      while (uniform >= POISSON_THRESHOLDS[multiplier]) multiplier++;
      if (multiplier === 0) continue;
      const weight = multiplier * weights[row];
      const base = row * competencies;
      let bin = rowDomain[row] * rowsPerCompetency;
      for (let k = 0; k < competencies; k++, bin += codes) binWeights[bin + jointCode[base + k]] += weight;
    }
    sumWeightedImportance.fill(0);
    sumImportanceWeights.fill(0);
    sumWeightedDiscrepancy.fill(0);
    sumDiscrepancyWeights.fill(0);
    for (let cell = 0; cell < globalOffset; cell++) {
      const globalCell = globalOffset + (cell % competencies);
      for (let code = 0, bin = cell * codes; code < codes; code++, bin++) {
        const weight = binWeights[bin];
        if (weight === 0) continue;
        const importance = importanceOfCode[code];
        if (importance === importance) {
          sumWeightedImportance[cell] += weight * importance;
          sumImportanceWeights[cell] += weight;
        }
        const discrepancy = discrepancyOfCode[code];
        if (discrepancy === discrepancy) {
          sumWeightedDiscrepancy[cell] += weight * discrepancy;
          sumDiscrepancyWeights[cell] += weight;
        }
      }
      sumWeightedImportance[globalCell] += sumWeightedImportance[cell];
      sumImportanceWeights[globalCell] += sumImportanceWeights[cell];
      sumWeightedDiscrepancy[globalCell] += sumWeightedDiscrepancy[cell];
      sumDiscrepancyWeights[globalCell] += sumDiscrepancyWeights[cell];
    }
    for (let block = 0; block < blocks; block++) {
      const offset = block * competencies;
      let items = 0;
      for (let k = 0; k < competencies; k++) {
        if (!eligible[offset + k]) continue;
        const mwds =
          (sumWeightedImportance[offset + k] / sumImportanceWeights[offset + k]) *
          (sumWeightedDiscrepancy[offset + k] / sumDiscrepancyWeights[offset + k]);
        // A competency absent from this resample ranks last (it carries no evidence of need).
        score[k] = mwds === mwds ? mwds : -Infinity;
        order[items++] = k;
      }
      rankDescending(score, order, items, ranks, offset, replicate, replicates);
    }
  }
}

/** Mid-ranks, 1 = highest score, of the `items` competencies listed in `order`; insertion sort. */
function rankDescending(
  score: Float64Array,
  order: Int32Array,
  items: number,
  ranks: Float64Array,
  offset: number,
  replicate: number,
  replicates: number,
): void {
  for (let a = 1; a < items; a++) {
    const k = order[a];
    let b = a - 1;
    while (b >= 0 && score[order[b]] < score[k]) {
      order[b + 1] = order[b];
      b--;
    }
    order[b + 1] = k;
  }
  let start = 0;
  while (start < items) {
    let end = start + 1;
    while (end < items && score[order[end]] === score[order[start]]) end++;
    const midRank = (start + 1 + end) / 2;
    for (let position = start; position < end; position++) ranks[(offset + order[position]) * replicates + replicate] = midRank;
    start = end;
  }
}
