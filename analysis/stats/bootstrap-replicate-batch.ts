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

/** The rows regrouped by domain, in shared memory so a helper thread reads the same copy. */
export interface ResampleLayout {
  /** Slot (position in the domain-grouped order) of each original row. */
  slotOfRow: Int32Array;
  /** Joint code per slot × competency (Uint8 when there are at most 256 codes). */
  codeBySlot: Uint8Array | Uint16Array;
  weightBySlot: Float64Array;
  /** End slot (exclusive) of each domain; domain d holds slots domainEnd[d − 1]…domainEnd[d] − 1. */
  domainEnd: Int32Array;
}

function shared<T>(Type: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, length: number): T {
  return new Type(new SharedArrayBuffer(Math.max(1, length) * Type.BYTES_PER_ELEMENT));
}

export function allocateResampleLayout(rows: number, competencies: number, domainCount: number, codes: number): ResampleLayout {
  return {
    slotOfRow: shared(Int32Array, rows),
    codeBySlot: codes <= 256 ? shared(Uint8Array, rows * competencies) : shared(Uint16Array, rows * competencies),
    weightBySlot: shared(Float64Array, rows),
    domainEnd: shared(Int32Array, domainCount),
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
 * Per-thread working memory, allocated once and reused by every batch. With WebAssembly SIMD
 * (bootstrap-scatter-wasm.ts) and at most 256 codes, the multipliers and bins live in the module's
 * memory, next to a copy of the layout's codes and weights, and the module adds the lanes; otherwise
 * the JavaScript loop of fillReplicateBins does. The sums are the same bits either way.
 */
export interface BatchScratch {
  multipliers: Uint8Array;
  bins: Float64Array;
  wasm?: { scatter: ScatterFunction; draw: DrawFunction; codes: number; weights: number; multipliers: number; bins: number; table: number; thresholds: number; slots: number };
}

export type ScatterKernel = 'wasm' | 'javascript';

export function allocateBatchScratch(
  layout: ResampleLayout,
  competencies: number,
  domainCount: number,
  codes: number,
  kernel: ScatterKernel = 'wasm',
): BatchScratch {
  const rows = layout.weightBySlot.length;
  const binCount = domainCount * competencies * codes * LANES;
  const module = kernel === 'wasm' && layout.codeBySlot instanceof Uint8Array ? scatterModule() : null;
  const thresholdBytes = 8 * POISSON_THRESHOLDS.length;
  const bytes = 16 * rows + 8 * binCount + thresholdBytes + 4 * rows + MULTIPLIER_OF_INTERVAL.length + rows * competencies;
  if (module && bytes < 2 ** 31) {
    // Module memory: weights (8·rows bytes), multipliers (8·rows), bins (16-byte aligned), the
    // Poisson thresholds, slotOfRow (4·rows), the multiplier table, codes.
    const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / 65536) });
    const weights = 0;
    const multipliers = 8 * rows;
    const bins = 16 * rows;
    const thresholds = bins + 8 * binCount;
    const slots = thresholds + thresholdBytes;
    const table = slots + 4 * rows;
    const codeBytes = table + MULTIPLIER_OF_INTERVAL.length;
    new Float64Array(memory.buffer, weights, rows).set(layout.weightBySlot);
    new Float64Array(memory.buffer, thresholds, POISSON_THRESHOLDS.length).set(POISSON_THRESHOLDS);
    new Int32Array(memory.buffer, slots, rows).set(layout.slotOfRow);
    new Uint8Array(memory.buffer, table, MULTIPLIER_OF_INTERVAL.length).set(MULTIPLIER_OF_INTERVAL);
    new Uint8Array(memory.buffer, codeBytes, rows * competencies).set(layout.codeBySlot);
    return {
      multipliers: new Uint8Array(memory.buffer, multipliers, rows * LANES),
      bins: new Float64Array(memory.buffer, bins, binCount),
      wasm: { ...instantiateScatter(module, memory), codes: codeBytes, weights, multipliers, bins, table, thresholds, slots },
    };
  }
  return { multipliers: new Uint8Array(rows * LANES), bins: new Float64Array(binCount) };
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
      wasm.draw(state[0], state[1], state[2], state[3], rows, wasm.table, wasm.thresholds, wasm.slots, wasm.multipliers + lane);
    } else drawPoissonMultipliers(seed, first + lane + 1, rows, multipliers, LANES, lane, slotOfRow);
  }
  bins.fill(0);
  if (wasm) {
    for (let domain = 0, start = 0; domain < domainEnd.length; start = domainEnd[domain++]) {
      const blockBytes = wasm.bins + domain * competencies * codes * LANES * 8;
      wasm.scatter(wasm.codes, wasm.weights, wasm.multipliers, blockBytes, start, domainEnd[domain], competencies, codes * LANES * 8);
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
