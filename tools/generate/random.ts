/**
 * A small seeded pseudo-random generator, so that the sample waves are the same bytes on every
 * machine and every Node version (Math.random cannot be seeded).
 *
 * Core: mulberry32 (Tommy Ettinger, public domain; https://gist.github.com/tommyettinger/46a874533244883189143505d203312c),
 * a 32-bit state generator with full period 2^32, ample for a few hundred thousand draws.
 * Normal deviates use the Box–Muller transform (Box & Muller 1958, Ann. Math. Stat. 29:610).
 */
export interface Random {
  /** Uniform on [0, 1). */
  next(): number;
  /** Uniform on [low, high). */
  uniform(low: number, high: number): number;
  /** Uniform integer on [low, high] inclusive. */
  integer(low: number, high: number): number;
  /** Normal with the given mean and standard deviation. */
  normal(mean: number, sd: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks items[i] with probability weights[i] / Σ weights. */
  weightedPick<T>(items: readonly T[], weights: readonly number[]): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const integer = (low: number, high: number): number => low + Math.floor(next() * (high - low + 1));
  return {
    next,
    uniform: (low, high) => low + next() * (high - low),
    integer,
    normal: (mean, sd) => {
      const u1 = 1 - next(); // in (0, 1], so the logarithm is finite
      const u2 = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
    chance: (p) => next() < p,
    pick: (items) => items[integer(0, items.length - 1)],
    weightedPick: (items, weights) => {
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      let target = next() * total;
      for (let i = 0; i < items.length; i++) {
        target -= weights[i];
        if (target < 0) return items[i];
      }
      return items[items.length - 1];
    },
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = integer(0, i);
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
  };
}
