import { quantileSorted } from 'simple-statistics';
import { bootstrapHelperWanted, startBootstrapHelper } from './bootstrap-helper-thread.ts';
import {
  LANES, allocateBatchScratch, allocateResampleLayout, fillReplicateBins, fillResampleLayout, type BatchScratch, type ResampleLayout, type ScatterKernel,
} from './bootstrap-replicate-batch.ts';

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
 * respondent × competency, bin = (domain, competency, code); Σw·I, Σw, Σw·D and Σw_D then come from
 * the few bins of each cell. Replicates are computed eight at a time in one pass over the data
 * (bootstrap-replicate-batch.ts; the adding and the draws in WebAssembly SIMD where available,
 * bootstrap-scatter-wasm.ts), which gives the same sums bit for bit as one replicate at a time;
 * Poisson(1) variates by inversion of the CDF against one 32-bit uniform (poisson-multipliers.ts;
 * probabilities below 2⁻³², i.e. m ≥ 13, are dropped). No allocation per replicate. For large
 * waves a helper thread takes batches of eight replicates from a shared counter while the calling
 * thread takes the others (bootstrap-helper-thread.ts); which thread computes a batch never
 * changes its ranks.
 *
 * Inputs: `jointCode` row-major n × K, `importanceOfCode` / `discrepancyOfCode` the importance and
 * discrepancy (I − P) values of each code (NaN = none), `weights` n (finite, ≥ 0: population-weights.ts
 * guarantees it), `rowDomain` n in 0..domainCount−1,
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
  jointCode: Uint8Array | Uint16Array;
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
  return startBootstrapRankIntervals(input, options).finish();
}

export interface PendingRankIntervals {
  /** Computes the replicates no thread has taken yet, waits for the helper, returns the intervals. */
  finish(): { low: Float64Array; high: Float64Array };
}

/**
 * Starts the bootstrap and returns before computing it: when a helper thread is wanted, it is
 * started and the rows are laid out for it, so the helper computes replicates while the caller
 * does other work until it calls `finish()` (which then computes the replicates still unclaimed).
 * Without a helper everything happens in `finish()`. Same intervals either way, bit for bit.
 */
export function startBootstrapRankIntervals(input: BootstrapRankInput, options: { forceHelper?: boolean } = {}): PendingRankIntervals {
  const cells = (input.domainCount + 1) * input.competencies;
  const replicates = Math.max(0, input.replicates);
  // Shared memory, so a helper thread can fill its replicates in place (bootstrap-helper-thread.ts).
  const ranks = new Float64Array(new SharedArrayBuffer(8 * cells * replicates));
  const intervals = () => rankIntervalsFromReplicates(ranks, input.eligible, input.replicates);
  if (replicates < 1 || input.weights.length === 0) return { finish: intervals };
  const spec = rankingSpec(input);
  const codes = input.importanceOfCode.length;
  const batches = Math.ceil(replicates / LANES);
  if (batches < 2 || !bootstrapHelperWanted(input, options.forceHelper)) {
    const layout = allocateResampleLayout(input.weights.length, input.competencies, input.domainCount, codes, 1);
    return {
      finish() {
        fillResampleLayout(input.jointCode, input.weights, input.rowDomain, input.competencies, layout);
        replicateRanksFromLayout(spec, layout, 0, replicates, ranks);
        return intervals();
      },
    };
  }
  // The helper starts (≈ 0.2 s) while this thread sorts the rows into the shared layout.
  const layout = allocateResampleLayout(input.weights.length, input.competencies, input.domainCount, codes, 2);
  const schedule = createBatchSchedule(batches);
  const helper = startBootstrapHelper(spec, layout, schedule, ranks);
  fillResampleLayout(input.jointCode, input.weights, input.rowDomain, input.competencies, layout);
  markLayoutReady(schedule);
  return {
    finish() {
      computeClaimedBatches(spec, layout, schedule, ranks, 0);
      if (!helper.join()) computeUnfinishedBatches(spec, layout, schedule, ranks);
      return intervals();
    },
  };
}

/** What a thread needs besides the layout: the input without the per-row arrays. */
export type RankingSpec = Omit<BootstrapRankInput, 'jointCode' | 'weights' | 'rowDomain'>;

function rankingSpec(input: BootstrapRankInput): RankingSpec {
  const { importanceOfCode, discrepancyOfCode, competencies, domainCount, eligible, replicates, seed } = input;
  return { importanceOfCode, discrepancyOfCode, competencies, domainCount, eligible, replicates, seed };
}

/**
 * The shared schedule of a run split between threads, Int32 in shared memory: [0] the next batch
 * to claim, [1] 1 once the layout is filled, [2 + b] 1 once batch b (replicates 8b … 8b + 7) is done.
 */
export function createBatchSchedule(batches: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * (2 + batches)));
}

function markLayoutReady(schedule: Int32Array): void {
  Atomics.store(schedule, 1, 1);
  Atomics.notify(schedule, 1);
}

/** Blocks (a helper thread only) until the calling thread has filled the layout. */
export function waitForLayout(schedule: Int32Array): void {
  Atomics.wait(schedule, 1, 0);
}

/** Claims batches from the schedule until none is left; each thread calls this concurrently. */
export function computeClaimedBatches(spec: RankingSpec, layout: ResampleLayout, schedule: Int32Array, ranks: Float64Array, thread: number): void {
  const batches = schedule.length - 2;
  const scratch = allocateScratch(spec, layout, thread);
  for (let batch = Atomics.add(schedule, 0, 1); batch < batches; batch = Atomics.add(schedule, 0, 1)) {
    computeBatch(spec, layout, batch, ranks, scratch);
    Atomics.store(schedule, 2 + batch, 1);
  }
}

/** After a failed helper: the batches it claimed and did not finish. */
function computeUnfinishedBatches(spec: RankingSpec, layout: ResampleLayout, schedule: Int32Array, ranks: Float64Array): void {
  // This thread's own region (free again: its claims are done); a helper that timed out may still write its own.
  const scratch = allocateScratch(spec, layout, 0);
  for (let batch = 0; batch < schedule.length - 2; batch++) if (Atomics.load(schedule, 2 + batch) !== 1) computeBatch(spec, layout, batch, ranks, scratch);
}

interface Scratch extends BatchScratch {
  sumWeightedImportance: Float64Array;
  sumImportanceWeights: Float64Array;
  sumWeightedDiscrepancy: Float64Array;
  sumDiscrepancyWeights: Float64Array;
  score: Float64Array;
  order: Int32Array;
}

function allocateScratch(spec: RankingSpec, layout: ResampleLayout, thread: number, kernel?: ScatterKernel): Scratch {
  const cells = (spec.domainCount + 1) * spec.competencies;
  return {
    ...allocateBatchScratch(layout, thread, kernel),
    sumWeightedImportance: new Float64Array(cells), sumImportanceWeights: new Float64Array(cells),
    sumWeightedDiscrepancy: new Float64Array(cells), sumDiscrepancyWeights: new Float64Array(cells),
    score: new Float64Array(spec.competencies), order: new Int32Array(spec.competencies),
  };
}

function computeBatch(spec: RankingSpec, layout: ResampleLayout, batch: number, ranks: Float64Array, scratch: Scratch): void {
  const first = batch * LANES;
  const count = Math.min(LANES, Math.max(0, spec.replicates) - first);
  fillReplicateBins(layout, spec.competencies, spec.importanceOfCode.length, spec.seed, first, count, scratch);
  for (let lane = 0; lane < count; lane++) ranksFromBins(spec, scratch, lane, first + lane, ranks);
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

/**
 * Ranks of replicates first … first + count − 1 into `ranks` (cell-major, `input.replicates` per
 * cell, so a worker can fill its own replicates of a shared buffer).
 */
export function bootstrapReplicateRanks(
  input: BootstrapRankInput,
  first: number,
  count: number,
  ranks: Float64Array,
  options: { kernel?: ScatterKernel } = {},
): void {
  const layout = allocateResampleLayout(input.weights.length, input.competencies, input.domainCount, input.importanceOfCode.length, 1);
  fillResampleLayout(input.jointCode, input.weights, input.rowDomain, input.competencies, layout);
  replicateRanksFromLayout(rankingSpec(input), layout, first, count, ranks, options.kernel);
}

function replicateRanksFromLayout(spec: RankingSpec, layout: ResampleLayout, first: number, count: number, ranks: Float64Array, kernel?: ScatterKernel): void {
  if (count <= 0) return;
  const scratch = allocateScratch(spec, layout, 0, kernel);
  for (let batchFirst = first; batchFirst < first + count; batchFirst += LANES) {
    const batchCount = Math.min(LANES, first + count - batchFirst);
    fillReplicateBins(layout, spec.competencies, spec.importanceOfCode.length, spec.seed, batchFirst, batchCount, scratch);
    for (let lane = 0; lane < batchCount; lane++) ranksFromBins(spec, scratch, lane, batchFirst + lane, ranks);
  }
}

/**
 * One replicate's ranks from its lane of the batch's bins: Σw·I, Σw_I, Σw·D, Σw_D per domain cell
 * (codes in order; the Global block = the sum of the domains), MWDS = (Σw·I/Σw_I)·(Σw·D/Σw_D), then
 * mid-ranks of the eligible competencies per block.
 */
function ranksFromBins(spec: RankingSpec, scratch: Scratch, lane: number, replicate: number, ranks: Float64Array): void {
  const { importanceOfCode, discrepancyOfCode, competencies, domainCount, eligible, replicates } = spec;
  const { bins, sumWeightedImportance, sumImportanceWeights, sumWeightedDiscrepancy, sumDiscrepancyWeights, score, order } = scratch;
  const codes = importanceOfCode.length;
  const globalOffset = domainCount * competencies;
  sumWeightedImportance.fill(0);
  sumImportanceWeights.fill(0);
  sumWeightedDiscrepancy.fill(0);
  sumDiscrepancyWeights.fill(0);
  for (let cell = 0; cell < globalOffset; cell++) {
    const globalCell = globalOffset + (cell % competencies);
    for (let code = 0, bin = cell * codes; code < codes; code++, bin++) {
      const weight = bins[bin * LANES + lane];
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
  for (let block = 0; block <= domainCount; block++) {
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
