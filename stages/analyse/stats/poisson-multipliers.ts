import { seededState } from './seeded-random.ts';

/**
 * Poisson(1) bootstrap multipliers m_i for rows 0…n−1 from one seeded stream (seeded-random.ts,
 * xoshiro128** inlined): row i takes the i-th 32-bit output u_i and m_i = the first k with
 * u_i < ⌊2³²·F(k)⌋ rounded as below, F the Poisson(1) CDF (inversion of the CDF; Devroye 1986,
 * ch. X.3). Probabilities below 2⁻³² (m ≥ 13) are dropped: F(12) is taken as 1.
 *
 * Speed without changing a single draw: u's top 12 bits pick one of 4,096 intervals of 2²⁰
 * outputs; in all but the few intervals that contain a threshold, every u of the interval has the
 * same m (m is non-decreasing in u), read from a table; the others compare u with the thresholds
 * as the plain inversion does. So the multipliers are exactly those of
 * `while (u >= POISSON_THRESHOLDS[m]) m++`, without an unpredictable branch per row.
 *
 * Reference: Devroye, L. (1986). Non-Uniform Random Variate Generation. Springer, ch. X.3
 * (inversion for discrete distributions). http://luc.devroye.org/rnbookindex.html
 *
 * @example drawPoissonMultipliers(1, 2, 3, out, 1, 0, Int32Array.from([0, 1, 2])) // out = [m_0, m_1, m_2] of stream 2
 */

/** Poisson(1) CDF × 2³², k = 0..12: m = first k with u < threshold[k]. */
export const POISSON_THRESHOLDS = (() => {
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

export const UNDECIDED = 255;

/** m of every u in [h·2²⁰, (h + 1)·2²⁰), or UNDECIDED when a threshold falls inside. */
export const MULTIPLIER_OF_INTERVAL = (() => {
  const multiplierOf = (u: number) => {
    let m = 0;
    while (u >= POISSON_THRESHOLDS[m]) m++;
    return m;
  };
  const table = new Uint8Array(4096);
  for (let interval = 0; interval < 4096; interval++) {
    const lowest = multiplierOf(interval * 1048576);
    table[interval] = lowest === multiplierOf(interval * 1048576 + 1048575) ? lowest : UNDECIDED;
  }
  return table;
})();

/**
 * Writes m_row into `into[slotOfRow[row] · stride + lane]` for row = 0…rows−1, drawing stream
 * (seed, stream) in row order (the slot lets the caller store rows in any order it likes).
 */
export function drawPoissonMultipliers(
  seed: number,
  stream: number,
  rows: number,
  into: Uint8Array,
  stride: number,
  lane: number,
  slotOfRow: Int32Array,
): void {
  const state = seededState(seed, stream);
  let s0 = state[0] | 0;
  let s1 = state[1] | 0;
  let s2 = state[2] | 0;
  let s3 = state[3] | 0;
  const table = MULTIPLIER_OF_INTERVAL;
  const thresholds = POISSON_THRESHOLDS;
  for (let row = 0; row < rows; row++) {
    // xoshiro128**: output rotl(s1 · 5, 7) · 9, then the state update (seeded-random.ts `next`).
    const scaled = Math.imul(s1, 5);
    const uniform = Math.imul((scaled << 7) | (scaled >>> 25), 9) >>> 0;
    const shifted = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= shifted;
    s3 = (s3 << 11) | (s3 >>> 21);
    let multiplier = table[uniform >>> 20];
    if (multiplier === UNDECIDED) {
      multiplier = 0;
      while (uniform >= thresholds[multiplier]) multiplier++;
    }
    into[slotOfRow[row] * stride + lane] = multiplier;
  }
}
