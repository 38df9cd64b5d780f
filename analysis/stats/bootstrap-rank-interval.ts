import { quantileSorted } from 'simple-statistics';
import { createSeededRandom } from './seeded-random.ts';

/**
 * Bootstrap 95% interval for the MWDS rank of every competency in every domain.
 *
 * Method (nonparametric bootstrap of respondents, Efron & Tibshirani 1993 ch. 6; rank intervals as
 * in Goldstein & Spiegelhalter 1996): repeat B times — draw n respondents with replacement from the
 * n of the design (each draw carries its weight), recompute Ī_k,w and D̄_k,w and hence
 * MWDS_k = Ī_k·D̄_k for each domain, and rank the eligible competencies within the domain
 * (1 = largest MWDS, ties mid-ranked). The interval is the 2.5% and 97.5% quantiles of the B ranks
 * (simple-statistics `quantileSorted`, the inverse empirical CDF with averaging, R type 2).
 * A competency robustly on top has an interval that stays at 1..5.
 *
 * Implementation: one seeded PRNG (seeded-random.ts); the B replicates reuse one preallocated
 * Int32Array of draw counts and one set of accumulators — no allocation per replicate; each replicate
 * is one pass over the respondents drawn at least once.
 *
 * Inputs: `importance` and `discrepancy` row-major n × K (NaN = missing), `weights` n, `rowDomain` n
 * (−1 = no domain), `eligible` (domainCount + 1) × K (0 = suppressed, left out of the ranking).
 * Returns low/high per (domainCount + 1) × K cell, NaN where not eligible.
 *
 * @example bootstrapRankIntervals({ ..., replicates: 200, seed: 1 }).low[k] // e.g. 1 for a clear leader
 */
export interface BootstrapRankInput {
  importance: Float64Array;
  discrepancy: Float64Array;
  weights: Float64Array;
  rowDomain: Int32Array;
  competencies: number;
  domainCount: number;
  eligible: Uint8Array;
  replicates: number;
  seed: number;
}

export function bootstrapRankIntervals(input: BootstrapRankInput): { low: Float64Array; high: Float64Array } {
  const { importance, discrepancy, weights, rowDomain, competencies, domainCount, eligible, replicates } = input;
  const rows = weights.length;
  const blocks = domainCount + 1;
  const cells = blocks * competencies;
  const low = new Float64Array(cells).fill(NaN);
  const high = new Float64Array(cells).fill(NaN);
  if (replicates < 1 || rows === 0) return { low, high };
  const random = createSeededRandom(input.seed);
  const drawCounts = new Int32Array(rows);
  const sumWeightedImportance = new Float64Array(cells);
  const sumImportanceWeights = new Float64Array(cells);
  const sumWeightedDiscrepancy = new Float64Array(cells);
  const sumDiscrepancyWeights = new Float64Array(cells);
  const score = new Float64Array(competencies);
  const order = new Int32Array(competencies);
  const ranks = new Float64Array(cells * replicates); // cell-major: ranks of one cell are contiguous
  const globalOffset = domainCount * competencies;

  for (let replicate = 0; replicate < replicates; replicate++) {
    drawCounts.fill(0);
    for (let draw = 0; draw < rows; draw++) drawCounts[random.integerBelow(rows)]++;
    sumWeightedImportance.fill(0);
    sumImportanceWeights.fill(0);
    sumWeightedDiscrepancy.fill(0);
    sumDiscrepancyWeights.fill(0);
    for (let row = 0; row < rows; row++) {
      const count = drawCounts[row];
      if (count === 0) continue;
      const weight = count * weights[row];
      // Regions are disjoint: accumulate into the row's own block only; Global is their sum below.
      const offset = (rowDomain[row] >= 0 ? rowDomain[row] : domainCount) * competencies;
      const base = row * competencies;
      for (let k = 0; k < competencies; k++) {
        const rated = importance[base + k];
        if (rated === rated) {
          sumWeightedImportance[offset + k] += weight * rated;
          sumImportanceWeights[offset + k] += weight;
        }
        const gap = discrepancy[base + k];
        if (gap === gap) {
          sumWeightedDiscrepancy[offset + k] += weight * gap;
          sumDiscrepancyWeights[offset + k] += weight;
        }
      }
    }
    for (let domain = 0; domain < domainCount; domain++) {
      for (let k = 0; k < competencies; k++) {
        const cell = domain * competencies + k;
        sumWeightedImportance[globalOffset + k] += sumWeightedImportance[cell];
        sumImportanceWeights[globalOffset + k] += sumImportanceWeights[cell];
        sumWeightedDiscrepancy[globalOffset + k] += sumWeightedDiscrepancy[cell];
        sumDiscrepancyWeights[globalOffset + k] += sumDiscrepancyWeights[cell];
      }
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
  for (let cell = 0; cell < cells; cell++) {
    if (!eligible[cell]) continue;
    const cellRanks = ranks.subarray(cell * replicates, (cell + 1) * replicates).sort();
    low[cell] = quantileSorted(cellRanks as unknown as number[], 0.025);
    high[cell] = quantileSorted(cellRanks as unknown as number[], 0.975);
  }
  return { low, high };
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
