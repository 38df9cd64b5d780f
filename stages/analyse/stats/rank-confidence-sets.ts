import { createSeededRandom } from './seeded-random.ts';

/**
 * Marginal and simultaneous confidence sets for ranks (Mogstad, Romano, Shaikh & Wilhelm 2024),
 * from estimates θ̂ of p items and the estimated covariance Σ̂ of θ̂, with rank 1 = the largest θ:
 * rank_j = 1 + #{k : θ_k > θ_j}; tied items share every rank from that to p − #{k : θ_k < θ_j}.
 *
 * Method (as R `csranks::csranks(x, Sigma, coverage, cstype = "two-sided", stepdown = TRUE,
 * simul = TRUE | FALSE)`): for ordered pairs (i, k) let σ_ik = √(Σ̂_ii + Σ̂_kk − 2Σ̂_ik). For a set I of
 * pairs, c(I) is the `coverage` quantile (R quantile type 7) of max_{(i,k)∈I} (Z_i − Z_k)/σ_ik over
 * draws Z ~ N(0, Σ̂) (parametric bootstrap). Pair (i, k) is rejected — θ_i > θ_k is established —
 * when θ̂_i − θ̂_k − σ_ik·c(I) > 0. Stepdown (Romano & Wolf 2005): reject, remove the rejected pairs
 * from I, recompute c(I) and repeat until nothing new is rejected. Then, with N⁻_j = #{i : (i, j)
 * rejected} and N⁺_j = #{k : (j, k) rejected}, the set for the rank of j is {N⁻_j + 1, …, p − N⁺_j}.
 *   - simultaneous: I starts with all p(p − 1) ordered pairs; all p sets cover all true ranks at
 *     once with probability ≥ coverage (asymptotically, Theorem 3.1 of the paper);
 *   - marginal for j: I starts with the 2(p − 1) pairs that involve j; the set covers j's rank with
 *     probability ≥ coverage.
 * A pair with σ_ik = 0 (both estimates without sampling variation) is never rejected and left out
 * of the maximum. Bounds are integers; the sets of tied items contain their whole tie range whenever
 * no pair within the tie is rejected. The draws come from a seeded stream (seeded-random.ts, Box–Muller
 * normals, Z = L·ε with L the Cholesky factor of Σ̂, zero columns for numerically singular
 * directions), the same draws serve every stepdown step, so the same seed gives the same sets.
 *
 * Reference: Mogstad, M., Romano, J. P., Shaikh, A. M. & Wilhelm, D. (2024). Inference for ranks
 * with applications to mobility across neighbourhoods and academic achievement across countries.
 * Review of Economic Studies 91(1), 476–518. https://doi.org/10.1093/restud/rdad006;
 * Romano, J. P. & Wolf, M. (2005). Exact and approximate stepdown methods for multiple hypothesis
 * testing. JASA 100(469), 94–108.
 *
 * @example rankConfidenceSets(new Float64Array([3, 2, 1]), diagonal 1e−6 covariance, { seed: 1 })
 * // → every set is the single rank {1}, {2}, {3}
 */
export interface RankConfidenceSets {
  marginalLow: Int32Array;
  marginalHigh: Int32Array;
  simultaneousLow: Int32Array;
  simultaneousHigh: Int32Array;
}

export const DEFAULT_RANK_SET_DRAWS = 5000;

export function rankConfidenceSets(
  estimates: Float64Array,
  covariance: Float64Array,
  options: { seed: number; stream?: number; coverage?: number; draws?: number },
): RankConfidenceSets {
  const p = estimates.length;
  const coverage = options.coverage ?? 0.95;
  const draws = options.draws ?? DEFAULT_RANK_SET_DRAWS;
  const sigma = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let k = 0; k < p; k++) sigma[i * p + k] = Math.sqrt(Math.max(0, covariance[i * p + i] + covariance[k * p + k] - 2 * covariance[i * p + k]));
  }
  const z = normalDraws(covariance, p, draws, options.seed, options.stream ?? 0);
  const maxima = new Float64Array(draws);
  const argmax = new Int32Array(draws);
  const scratch = new Float64Array(draws);
  const redo = new Int32Array(draws);
  /** Pairs (i·p + k) of `pairs` rejected by the stepdown procedure started from them. */
  const stepdown = (pairs: number[]): Uint8Array => {
    const rejected = new Uint8Array(p * p);
    let active = pairs.filter((pair) => sigma[pair] > 0);
    // maxima[r] = max over the active pairs of (Z_ri − Z_rk)/σ_ik, argmax[r] the pair attaining it.
    // After a step removes pairs only the draws whose maximising pair was removed are recomputed
    // (over a subset the max is unchanged while its pair stays): the same maxima, less work.
    maxima.fill(-Infinity);
    for (const pair of active) raiseMaxima(pair, null, draws);
    while (active.length > 0) {
      scratch.set(maxima);
      const critical = quantileType7(scratch, coverage);
      const still: number[] = [];
      for (const pair of active) {
        if (estimates[Math.floor(pair / p)] - estimates[pair % p] - sigma[pair] * critical > 0) rejected[pair] = 1;
        else still.push(pair);
      }
      if (still.length === active.length) break;
      active = still;
      let count = 0;
      for (let r = 0; r < draws; r++) if (rejected[argmax[r]]) (redo[count++] = r), (maxima[r] = -Infinity);
      for (const pair of active) raiseMaxima(pair, redo, count);
    }
    return rejected;
  };
  /** maxima[r] = max(maxima[r], (Z_ri − Z_rk)/σ_ik) over all draws (list null) or the listed ones. */
  const raiseMaxima = (pair: number, list: Int32Array | null, count: number) => {
    const first = Math.floor(pair / p) * draws;
    const second = (pair % p) * draws;
    const scale = 1 / sigma[pair];
    if (list === null) {
      for (let r = 0; r < count; r++) {
        const value = (z[first + r] - z[second + r]) * scale;
        if (value > maxima[r]) {
          maxima[r] = value;
          argmax[r] = pair;
        }
      }
      return;
    }
    for (let a = 0; a < count; a++) {
      const r = list[a];
      const value = (z[first + r] - z[second + r]) * scale;
      if (value > maxima[r]) {
        maxima[r] = value;
        argmax[r] = pair;
      }
    }
  };
  const bounds = (rejected: Uint8Array, j: number): [number, number] => {
    let above = 0;
    let below = 0;
    for (let k = 0; k < p; k++) {
      above += rejected[k * p + j];
      below += rejected[j * p + k];
    }
    return [above + 1, p - below];
  };
  const result: RankConfidenceSets = {
    marginalLow: new Int32Array(p), marginalHigh: new Int32Array(p), simultaneousLow: new Int32Array(p), simultaneousHigh: new Int32Array(p),
  };
  const allPairs: number[] = [];
  for (let i = 0; i < p; i++) for (let k = 0; k < p; k++) if (i !== k) allPairs.push(i * p + k);
  const simultaneous = stepdown(allPairs);
  for (let j = 0; j < p; j++) {
    [result.simultaneousLow[j], result.simultaneousHigh[j]] = bounds(simultaneous, j);
    const pairsOfJ: number[] = [];
    for (let k = 0; k < p; k++) if (k !== j) pairsOfJ.push(j * p + k, k * p + j);
    [result.marginalLow[j], result.marginalHigh[j]] = bounds(stepdown(pairsOfJ), j);
  }
  return result;
}

/**
 * R's default quantile (type 7): linear interpolation between the order statistics ⌊h⌋ and ⌊h⌋ + 1
 * (0-based) at h = (n − 1)·q, found by quickselect (the array is reordered).
 */
function quantileType7(values: Float64Array, q: number): number {
  const h = (values.length - 1) * q;
  const low = Math.floor(h);
  const lowValue = selectInPlace(values, low);
  if (low + 1 >= values.length) return lowValue;
  let next = Infinity;
  for (let i = low + 1; i < values.length; i++) if (values[i] < next) next = values[i];
  return lowValue + (h - low) * (next - lowValue);
}

/** The k-th smallest (0-based); afterwards values[0..k−1] ≤ values[k] ≤ values[k+1..] (Hoare's selection). */
function selectInPlace(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (left < right) {
    const pivot = values[(left + right) >> 1];
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i++] = values[j];
        values[j--] = swap;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k];
}

/** p × `draws` matrix (item-major: item i's draws are contiguous) of N(0, Σ) draws: Z = L·ε, L the lower Cholesky factor (PSD-tolerant). */
function normalDraws(covariance: Float64Array, p: number, draws: number, seed: number, stream: number): Float64Array {
  const factor = new Float64Array(p * p);
  let largest = 0;
  for (let i = 0; i < p; i++) largest = Math.max(largest, covariance[i * p + i]);
  const tolerance = 1e-12 * largest;
  for (let j = 0; j < p; j++) {
    let pivot = covariance[j * p + j];
    for (let m = 0; m < j; m++) pivot -= factor[j * p + m] * factor[j * p + m];
    if (!(pivot > tolerance)) continue; // numerically singular direction: column stays 0
    const root = Math.sqrt(pivot);
    factor[j * p + j] = root;
    for (let i = j + 1; i < p; i++) {
      let value = covariance[i * p + j];
      for (let m = 0; m < j; m++) value -= factor[i * p + m] * factor[j * p + m];
      factor[i * p + j] = value / root;
    }
  }
  const random = createSeededRandom(seed, stream);
  const epsilon = new Float64Array(p + 1);
  const z = new Float64Array(draws * p);
  for (let r = 0; r < draws; r++) {
    for (let i = 0; i < p; i += 2) {
      // Box–Muller: two independent standard normals from two uniforms (1 − u avoids log 0).
      const radius = Math.sqrt(-2 * Math.log(1 - random.uniform()));
      const angle = 2 * Math.PI * random.uniform();
      epsilon[i] = radius * Math.cos(angle);
      epsilon[i + 1] = radius * Math.sin(angle);
    }
    for (let i = 0; i < p; i++) {
      let value = 0;
      for (let m = 0; m <= i; m++) value += factor[i * p + m] * epsilon[m];
      z[i * draws + r] = value;
    }
  }
  return z;
}
