import { weightedSdFromSums } from './weighted-sd.ts';

/**
 * The design-based weighted mean, its Taylor-linearisation SE and the weighted SD of one domain,
 * computed from a weighted histogram of the domain's values instead of the values themselves: the
 * same numbers as domain-means.ts (R `svyby(~y, ~domain, svydesign(ids = ~1, weights = ~w), svymean,
 * na.rm = TRUE)`), in O(levels) once the histogram exists. Rating data have a handful of distinct
 * values, so one pass that adds (1, w_i, w_i²) into the bin of y_i replaces two passes over the data.
 *
 * With x_ℓ the value of level ℓ, c_ℓ = #{i: y_i = x_ℓ}, W_ℓ = Σ_{y_i = x_ℓ} w_i, Q_ℓ = Σ_{y_i = x_ℓ} w_i²:
 *   W = Σ W_ℓ,  ȳ = Σ W_ℓ x_ℓ / W
 *   u_i = w_i (y_i − ȳ)/W  ⇒  Σu = Σ_ℓ W_ℓ (x_ℓ − ȳ)/W,  Σu² = Σ_ℓ Q_ℓ (x_ℓ − ȳ)²/W²
 *   Var(ȳ) = n/(n−1) · (Σu² − (Σu)²/n), n = rows of the whole design (domain-means.ts)
 *   SD = √(m/(m−1) · Σ_ℓ W_ℓ (x_ℓ − ȳ)² / W), m = rows of the domain (weighted-sd.ts)
 * The sums are exact regroupings of domain-means.ts's, so results agree to rounding (~1e-15).
 *
 * Reference: Lumley, T. (2010). Complex Surveys: A Guide to Analysis Using R, §2.3. Wiley;
 * Binder, D. A. (1983). International Statistical Review 51, 279–292.
 *
 * @example // y = [4, 5, NaN, 3, 2, 5, 4, NaN, 1, 3, 5, 4], w of reference-data.ts, binned on 1..5:
 * // histogramMean([1,2,3,4,5], counts, W, Q, 0, 5, 12, 12) → mean 3.4733333333333333, se 0.452267367066353
 */
export interface HistogramMean {
  n: number;
  sumWeights: number;
  mean: number;
  se: number;
  sd: number;
}

export function histogramMean(
  levelValues: ArrayLike<number>,
  count: ArrayLike<number>,
  sumWeights: ArrayLike<number>,
  sumSquaredWeights: ArrayLike<number>,
  offset: number,
  levels: number,
  designRows: number,
  domainRows: number,
): HistogramMean {
  let n = 0;
  let total = 0;
  let weightedSum = 0;
  for (let level = 0; level < levels; level++) {
    n += count[offset + level];
    total += sumWeights[offset + level];
    weightedSum += sumWeights[offset + level] * levelValues[level];
  }
  if (n === 0 || !(total > 0)) return { n, sumWeights: total, mean: NaN, se: NaN, sd: NaN };
  const mean = weightedSum / total;
  let sumInfluence = 0;
  let sumSquaredInfluence = 0;
  let sumSquaredDeviations = 0;
  for (let level = 0; level < levels; level++) {
    if (count[offset + level] === 0) continue;
    const deviation = levelValues[level] - mean;
    sumInfluence += (sumWeights[offset + level] * deviation) / total;
    sumSquaredInfluence += (sumSquaredWeights[offset + level] * deviation * deviation) / (total * total);
    sumSquaredDeviations += sumWeights[offset + level] * deviation * deviation;
  }
  const centred = sumSquaredInfluence - (sumInfluence * sumInfluence) / designRows;
  const se = designRows > 1 ? Math.sqrt(Math.max(0, (designRows / (designRows - 1)) * centred)) : NaN;
  return { n, sumWeights: total, mean, se, sd: weightedSdFromSums(domainRows, total, sumSquaredDeviations) };
}
