/**
 * Seeded pseudo-random numbers for reproducible resampling (never Math.random): xoshiro128**
 * (Blackman & Vigna), 32-bit state words seeded from one integer through SplitMix32, period 2^128−1.
 * `uniform()` returns a double in [0, 1) built from 53 random bits; `integerBelow(n)` = ⌊uniform·n⌋
 * (bias below n/2^53, negligible); `nextUint32()` is one raw 32-bit output.
 *
 * `stream` (default 0, which gives exactly the single-argument sequence) selects an independent
 * sequence for the same seed: the SplitMix32 start is seed XOR stream·0x85ebca6b (a bijection of the
 * stream number for a fixed seed). The bootstrap gives replicate r its own stream, so any split of the
 * replicates (across calls or worker threads) draws the same numbers.
 *
 * Reference: Blackman, D. & Vigna, S. (2021). Scrambled linear pseudorandom number generators.
 * ACM Transactions on Mathematical Software 47(4), 36. https://doi.org/10.1145/3460772
 *
 * @example const random = createSeededRandom(42); random.integerBelow(10) // same value every run
 */
export interface SeededRandom {
  uniform(): number;
  integerBelow(bound: number): number;
  nextUint32(): number;
}

export function createSeededRandom(seed: number, stream = 0): SeededRandom {
  const state = seededState(seed, stream);
  function next(): number {
    const result = Math.imul(rotateLeft(Math.imul(state[1], 5), 7), 9) >>> 0;
    const shifted = (state[1] << 9) >>> 0;
    state[2] ^= state[0];
    state[3] ^= state[1];
    state[1] ^= state[2];
    state[0] ^= state[3];
    state[2] ^= shifted;
    state[3] = rotateLeft(state[3], 11);
    return result;
  }
  function uniform(): number {
    const high = next() >>> 5; // 27 bits
    const low = next() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992;
  }
  return { uniform, integerBelow: (bound: number) => Math.floor(uniform() * bound), nextUint32: next };
}

/**
 * The initial xoshiro128** state of (seed, stream), for hot loops that inline `next()` (the
 * bootstrap): s0..s3 = four SplitMix32 outputs, never all zero.
 */
export function seededState(seed: number, stream = 0): Uint32Array {
  const state = new Uint32Array(4);
  let splitMix = (seed ^ Math.imul(stream, 0x85ebca6b)) >>> 0;
  for (let i = 0; i < 4; i++) {
    splitMix = (splitMix + 0x9e3779b9) >>> 0;
    let z = splitMix;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    state[i] = (z ^ (z >>> 16)) >>> 0;
  }
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  return state;
}

function rotateLeft(value: number, bits: number): number {
  return ((value << bits) | (value >>> (32 - bits))) >>> 0;
}
