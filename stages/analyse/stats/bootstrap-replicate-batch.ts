import { drawPoissonMultipliers, MULTIPLIER_OF_INTERVAL, POISSON_THRESHOLDS } from './poisson-multipliers.ts';
import { seededState } from './seeded-random.ts';
import { instantiateScatter, scatterModule, type DrawFunction, type ScatterFunction } from './bootstrap-scatter-wasm.ts';

/**
 * The inner loop of the Poisson bootstrap of MWDS ranks (bootstrap-rank-interval.ts, which states
 * the method): eight replicates at a time over one pass of the data.
 *
 * A replicate needs, per bin (domain, competency, joint code), B_bin = Σ m_i·w_i over the bin's
 * respondents. Taking the respondents one at a time and adding m_i·w_i to one bin per competency
 * costs a scattered read-modify-write per respondent × competency × replicate. Here each
 * respondent's eight replicate weights m_ri·w_i (r = lanes 0…7) are added to eight adjacent doubles,
 * bins[(bin · 8) + r]: one code read and one cache line per respondent × competency for eight
 * replicates, the eight weights held in registers. Respondents are stored grouped by domain (their
 * order kept within a domain), so the bins being filled are the current domain's only.
 *
 * Identical sums, bit for bit, to one replicate at a time in row order: a bin only receives rows of
 * its own domain, and within a domain the rows come in their original order, so every bin adds the
 * same values in the same order; a replicate's m_i·w_i is the same product; a respondent with
 * m_i = 0 adds +0 (weights are finite), which leaves a sum unchanged (bins start at +0). Multipliers
 * are drawn per replicate stream in row order (poisson-multipliers.ts), as before.
 */
export const LANES = 8;

/**
 * The rows regrouped by domain and each thread's working memory, all in one shared memory (a
 * shared WebAssembly.Memory when the module compiles, so its functions work on it in place; else a
 * SharedArrayBuffer): a helper thread reads the same copy, and nothing is copied per thread.
 */
export interface ResampleLayout {
  /** The shared WebAssembly memory, when the module is available; its buffer is `buffer`. */
  memory: WebAssembly.Memory | undefined;
  buffer: SharedArrayBuffer;
  /** Slot (position in the domain-grouped order) of each original row. */
  slotOfRow: Int32Array;
  /** Joint code per slot × competency (Uint8 when there are at most 256 codes). */
  codeBySlot: Uint8Array | Uint16Array;
  weightBySlot: Float64Array;
  /** End slot (exclusive) of each domain; domain d holds slots domainEnd[d − 1]…domainEnd[d] − 1. */
  domainEnd: Int32Array;
  /** Byte offsets in `buffer` of the Poisson thresholds and the multiplier table (poisson-multipliers.ts). */
  thresholdsAt: number;
  tableAt: number;
  /** Per thread (0 = the caller, 1 = a helper): byte offsets of its multipliers (8 per slot) and bins. */
  threadScratch: { multipliersAt: number; binsAt: number }[];
  binCount: number;
}

/** Memory for `threads` threads over `rows` rows (offsets 64-byte aligned). */
export function allocateResampleLayout(rows: number, competencies: number, domainCount: number, codes: number, threads: number): ResampleLayout {
  const binCount = domainCount * competencies * codes * LANES;
  let bytes = 0;
  const take = (length: number) => {
    const at = bytes;
    bytes += Math.ceil(length / 64) * 64;
    return at;
  };
  const weightsAt = take(8 * rows);
  const slotsAt = take(4 * rows);
  const domainEndAt = take(4 * domainCount);
  const thresholdsAt = take(8 * POISSON_THRESHOLDS.length);
  const tableAt = take(MULTIPLIER_OF_INTERVAL.length);
  const codeBytes = codes <= 256 ? 1 : 2;
  const codesAt = take(codeBytes * rows * competencies);
  const threadScratch = Array.from({ length: threads }, () => ({ multipliersAt: take(rows * LANES), binsAt: take(8 * binCount) }));
  const pages = Math.max(1, Math.ceil(bytes / 65536));
  const memory = scatterModule() && pages <= 32768 ? new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true }) : undefined;
  const buffer = memory ? (memory.buffer as SharedArrayBuffer) : new SharedArrayBuffer(pages * 65536);
  new Float64Array(buffer, thresholdsAt, POISSON_THRESHOLDS.length).set(POISSON_THRESHOLDS);
  new Uint8Array(buffer, tableAt, MULTIPLIER_OF_INTERVAL.length).set(MULTIPLIER_OF_INTERVAL);
  return {
    memory, buffer,
    slotOfRow: new Int32Array(buffer, slotsAt, rows),
    codeBySlot: codeBytes === 1 ? new Uint8Array(buffer, codesAt, rows * competencies) : new Uint16Array(buffer, codesAt, rows * competencies),
    weightBySlot: new Float64Array(buffer, weightsAt, rows),
    domainEnd: new Int32Array(buffer, domainEndAt, domainCount),
    thresholdsAt, tableAt, threadScratch, binCount,
  };
}

/** Counting sort of the rows by domain (stable), copying each row's codes and weight to its slot. */
export function fillResampleLayout(
  jointCode: Uint8Array | Uint16Array,
  weights: Float64Array,
  rowDomain: Int32Array,
  competencies: number,
  layout: ResampleLayout,
): void {
  const { slotOfRow, codeBySlot, weightBySlot, domainEnd } = layout;
  const rows = weights.length;
  const nextSlot = new Int32Array(domainEnd.length);
  for (let row = 0; row < rows; row++) nextSlot[rowDomain[row]]++;
  for (let domain = 0, start = 0; domain < domainEnd.length; domain++) {
    start += nextSlot[domain];
    domainEnd[domain] = start;
    nextSlot[domain] = start - nextSlot[domain];
  }
  for (let row = 0; row < rows; row++) {
    const slot = nextSlot[rowDomain[row]]++;
    slotOfRow[row] = slot;
    weightBySlot[slot] = weights[row];
    for (let k = 0, from = row * competencies, to = slot * competencies; k < competencies; k++) codeBySlot[to + k] = jointCode[from + k];
  }
}

/**
 * A thread's working memory (its region of the layout), reused by every batch. With WebAssembly
 * SIMD (bootstrap-scatter-wasm.ts) and at most 256 codes the module's functions draw the
 * multipliers and add the lanes; otherwise the JavaScript loops of fillReplicateBins do. The sums
 * are the same bits either way.
 */
export interface BatchScratch {
  multipliers: Uint8Array;
  bins: Float64Array;
  wasm?: { scatter: ScatterFunction; draw: DrawFunction; multipliersAt: number; binsAt: number };
}

export type ScatterKernel = 'wasm' | 'javascript';

export function allocateBatchScratch(layout: ResampleLayout, thread: number, kernel: ScatterKernel = 'wasm'): BatchScratch {
  const rows = layout.weightBySlot.length;
  const { multipliersAt, binsAt } = layout.threadScratch[thread];
  const multipliers = new Uint8Array(layout.buffer, multipliersAt, rows * LANES);
  const bins = new Float64Array(layout.buffer, binsAt, layout.binCount);
  const module = scatterModule();
  if (kernel === 'wasm' && module && layout.memory && layout.codeBySlot instanceof Uint8Array) {
    return { multipliers, bins, wasm: { ...instantiateScatter(module, layout.memory), multipliersAt, binsAt } };
  }
  return { multipliers, bins };
}

/**
 * Bin sums of replicates first … first + count − 1 (count ≤ LANES) into scratch.bins, lane r =
 * replicate first + r (lanes ≥ count stay 0). Replicate r draws stream r + 1 of `seed`.
 */
export function fillReplicateBins(
  layout: ResampleLayout,
  competencies: number,
  codes: number,
  seed: number,
  first: number,
  count: number,
  scratch: BatchScratch,
): void {
  const { codeBySlot, weightBySlot, domainEnd, slotOfRow } = layout;
  const { multipliers, bins, wasm } = scratch;
  const rows = weightBySlot.length;
  if (count < LANES) multipliers.fill(0);
  for (let lane = 0; lane < count; lane++) {
    if (wasm) {
      const state = seededState(seed, first + lane + 1);
      wasm.draw(state[0], state[1], state[2], state[3], rows, layout.tableAt, layout.thresholdsAt, slotOfRow.byteOffset, wasm.multipliersAt + lane);
    } else drawPoissonMultipliers(seed, first + lane + 1, rows, multipliers, LANES, lane, slotOfRow);
  }
  bins.fill(0);
  if (wasm) {
    for (let domain = 0, start = 0; domain < domainEnd.length; start = domainEnd[domain++]) {
      const blockAt = wasm.binsAt + domain * competencies * codes * LANES * 8;
      wasm.scatter(codeBySlot.byteOffset, weightBySlot.byteOffset, wasm.multipliersAt, blockAt, start, domainEnd[domain], competencies, codes * LANES * 8);
    }
    return;
  }
  const competencyStride = codes * LANES;
  let slot = 0;
  for (let domain = 0; domain < domainEnd.length; domain++) {
    const blockStart = domain * competencies * competencyStride;
    for (const end = domainEnd[domain]; slot < end; slot++) {
      const weight = weightBySlot[slot];
      const lanes = slot * LANES;
      const w0 = multipliers[lanes] * weight;
      const w1 = multipliers[lanes + 1] * weight;
      const w2 = multipliers[lanes + 2] * weight;
      const w3 = multipliers[lanes + 3] * weight;
      const w4 = multipliers[lanes + 4] * weight;
      const w5 = multipliers[lanes + 5] * weight;
      const w6 = multipliers[lanes + 6] * weight;
      const w7 = multipliers[lanes + 7] * weight;
      const base = slot * competencies;
      for (let k = 0, offset = blockStart; k < competencies; k++, offset += competencyStride) {
        const bin = offset + codeBySlot[base + k] * LANES;
        bins[bin] += w0;
        bins[bin + 1] += w1;
        bins[bin + 2] += w2;
        bins[bin + 3] += w3;
        bins[bin + 4] += w4;
        bins[bin + 5] += w5;
        bins[bin + 6] += w6;
        bins[bin + 7] += w7;
      }
    }
  }
}
