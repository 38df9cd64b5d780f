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
  // z is draw-major: draw r's p values are contiguous at z[r·p …].
  const z = normalDraws(covariance, p, draws, options.seed, options.stream ?? 0);
  const pairs = pairsWithVariation(sigma, p);
  // One pass over the draws gives the starting maxima of every stepdown at once: for draw r the
  // simultaneous maximum over all pairs and, per item j, the maximum over the pairs involving j.
  // Later steps only recompute the draws whose maximising pair was rejected (over a subset the max
  // is unchanged while its pair stays): the same maxima as recomputing every draw, less work.
  const start = startingMaxima(z, sigma, pairs, p, draws);
  const stepdown = (active: number[], startMaxima: Float64Array, startArgmax: Int32Array): Uint8Array => {
    const rejected = new Uint8Array(p * p);
    const maxima = Float64Array.from(startMaxima);
    const argmax = Int32Array.from(startArgmax);
    const scratch = new Float64Array(draws);
    const redo = new Int32Array(draws);
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
      for (const pair of active) {
        const first = Math.floor(pair / p);
        const second = pair % p;
        const scale = 1 / sigma[pair];
        for (let a = 0; a < count; a++) {
          const r = redo[a];
          const value = (z[r * p + first] - z[r * p + second]) * scale;
          if (value > maxima[r]) {
            maxima[r] = value;
            argmax[r] = pair;
          }
        }
      }
    }
    return rejected;
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
  const simultaneous = stepdown(pairs.slice(), start.simultaneousMaxima, start.simultaneousArgmax);
  for (let j = 0; j < p; j++) {
    [result.simultaneousLow[j], result.simultaneousHigh[j]] = bounds(simultaneous, j);
    // A marginal stepdown rejects at least what the simultaneous one rejects among j's pairs (at
    // every step its critical value is a quantile of maxima over fewer pairs), so j's marginal set
    // lies within its simultaneous set: a single rank stays that rank, with no stepdown to run.
    if (result.simultaneousLow[j] === result.simultaneousHigh[j]) {
      result.marginalLow[j] = result.marginalHigh[j] = result.simultaneousLow[j];
      continue;
    }
    const pairsOfJ = pairs.filter((pair) => Math.floor(pair / p) === j || pair % p === j);
    const marginal = stepdown(pairsOfJ, start.marginalMaxima.subarray(j * draws, (j + 1) * draws), start.marginalArgmax.subarray(j * draws, (j + 1) * draws));
    [result.marginalLow[j], result.marginalHigh[j]] = bounds(marginal, j);
  }
  return result;
}

/** The ordered pairs i·p + k (i ≠ k) whose difference has sampling variation (σ_ik > 0). */
function pairsWithVariation(sigma: Float64Array, p: number): number[] {
  const pairs: number[] = [];
  for (let i = 0; i < p; i++) for (let k = 0; k < p; k++) if (i !== k && sigma[i * p + k] > 0) pairs.push(i * p + k);
  return pairs;
}

/**
 * Per draw r: the maximum (and a pair attaining it) of (Z_ri − Z_rk)/σ_ik over all pairs, and for
 * each item j over the pairs (j, k) and (k, j); item-major p × draws arrays for the items. Pairs
 * without variation are left out; a draw with no pair keeps −∞.
 */
function startingMaxima(z: Float64Array, sigma: Float64Array, pairs: number[], p: number, draws: number) {
  const simultaneousMaxima = new Float64Array(draws).fill(-Infinity);
  const simultaneousArgmax = new Int32Array(draws);
  const marginalMaxima = new Float64Array(p * draws).fill(-Infinity);
  const marginalArgmax = new Int32Array(p * draws);
  // (Z_k − Z_i)/σ_ki is exactly −(Z_i − Z_k)/σ_ik when σ_ki = σ_ik (IEEE subtraction and
  // multiplication are sign-symmetric), so such a pair of pairs needs one value and its magnitude;
  // the others (a covariance not exactly symmetric) are computed one by one.
  const present = new Set(pairs);
  const mirrored: number[] = [];
  const single: number[] = [];
  for (const pair of pairs) {
    const i = Math.floor(pair / p);
    const k = pair % p;
    const mirror = k * p + i;
    if (i < k && present.has(mirror) && sigma[mirror] === sigma[pair]) mirrored.push(pair);
    else if (!(i > k && present.has(mirror) && sigma[mirror] === sigma[pair])) single.push(pair);
  }
  const columns = (list: number[]) => ({
    count: list.length, pair: Int32Array.from(list), first: Int32Array.from(list, (pair) => Math.floor(pair / p)),
    second: Int32Array.from(list, (pair) => pair % p), scale: Float64Array.from(list, (pair) => 1 / sigma[pair]),
  });
  const both = columns(mirrored);
  const one = columns(single);
  // Draw-major maxima per item while scanning (contiguous), transposed to item-major at the end.
  const rowMaxima = new Float64Array(draws * p).fill(-Infinity);
  const rowArgmax = new Int32Array(draws * p);
  const raise = (list: ReturnType<typeof columns>, mirror: boolean) => {
    const { count, pair: pairOf, first: firstOf, second: secondOf, scale: scaleOf } = list;
    for (let r = 0, offset = 0; r < draws; r++, offset += p) {
      let maximum = simultaneousMaxima[r];
      let maximising = simultaneousArgmax[r];
      for (let at = 0; at < count; at++) {
        const first = firstOf[at];
        const second = secondOf[at];
        const difference = (z[offset + first] - z[offset + second]) * scaleOf[at];
        // The larger of the pair and its mirror; which of the two attains it is only needed on a
        // new maximum (rare), so the common path has no data-dependent branch.
        const value = mirror ? Math.abs(difference) : difference;
        if (value > maximum) (maximum = value), (maximising = mirror && difference < 0 ? second * p + first : pairOf[at]);
        if (value > rowMaxima[offset + first]) (rowMaxima[offset + first] = value), (rowArgmax[offset + first] = mirror && difference < 0 ? second * p + first : pairOf[at]);
        if (value > rowMaxima[offset + second]) (rowMaxima[offset + second] = value), (rowArgmax[offset + second] = mirror && difference < 0 ? second * p + first : pairOf[at]);
      }
      simultaneousMaxima[r] = maximum;
      simultaneousArgmax[r] = maximising;
    }
  };
  raise(both, true);
  raise(one, false);
  for (let r = 0; r < draws; r++) {
    for (let j = 0; j < p; j++) {
      marginalMaxima[j * draws + r] = rowMaxima[r * p + j];
      marginalArgmax[j * draws + r] = rowArgmax[r * p + j];
    }
  }
  return { simultaneousMaxima, simultaneousArgmax, marginalMaxima, marginalArgmax };
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

/** `draws` × p matrix (draw-major: draw r's p values are contiguous) of N(0, Σ) draws: Z = L·ε, L the lower Cholesky factor (PSD-tolerant). */
export function normalDraws(covariance: Float64Array, p: number, draws: number, seed: number, stream: number): Float64Array {
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
      z[r * p + i] = value;
    }
  }
  return z;
}
