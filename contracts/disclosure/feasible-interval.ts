/**
 * Feasible intervals: what a reader who knows the published total and the published parts of a
 * linear table can still tell about a suppressed part. These are the closed forms the secondary
 * suppression (secondary-suppression.ts) checks; the disclosure test attacks the outputs with
 * separate, enumerative code.
 *
 * Model (the one sdcTable and τ-Argus use for linear tables, relaxed to real numbers):
 *   total = Σ parts. For weighted means: W_S μ_S = Σ_{c∈S} W_c m_c over the suppressed parts S,
 *   where W_c is the cell's weight (its n for the reader) and μ_S the mean of S that the total
 *   minus the published parts gives; each m_c lies in the a-priori range [lo, hi].
 * Reference: Hundepool, A. et al. (2012). Statistical Disclosure Control, §4.2 (sensitivity and
 * protection intervals) and §4.3 (secondary suppression as a linear programme). Wiley.
 */

/** A closed interval; `low > high` never happens (an empty relation gives the a-priori range). */
export interface Interval {
  low: number;
  high: number;
}

/**
 * Feasible values of one suppressed weighted mean m_a when the suppressed set S has weight W_S
 * (W_a its own) and mean μ_S, every m_c ∈ [lo, hi]:
 *   m_a ∈ [max(lo, hi − (W_S/W_a)(hi − μ_S)), min(hi, lo + (W_S/W_a)(μ_S − lo))].
 * (The other parts together weigh W_S − W_a and their weighted mean can be anything in [lo, hi].)
 * The reader is assumed to know W_a exactly (worst case). W_S = W_a pins m_a = μ_S.
 * @example suppressedMeanInterval(3, 6, 2, 1, 5) // => { low: 1, high: 5 }
 */
export function suppressedMeanInterval(meanOfSuppressed: number, weightOfSuppressed: number, weightOfCell: number, lo: number, hi: number): Interval {
  if (!(weightOfCell > 0) || !Number.isFinite(meanOfSuppressed)) return { low: lo, high: hi };
  const ratio = weightOfSuppressed / weightOfCell;
  const mean = Math.min(hi, Math.max(lo, meanOfSuppressed));
  return { low: Math.max(lo, hi - ratio * (hi - mean)), high: Math.min(hi, lo + ratio * (mean - lo)) };
}

/**
 * Feasible values of one suppressed count c_a when the suppressed counts of a relation sum to
 * `sum` and each count c lies in its published bounds [low_c, high_c]:
 *   c_a ∈ [max(low_a, sum − Σ_{b≠a} high_b), min(high_a, sum − Σ_{b≠a} low_b)].
 * @example suppressedCountInterval(5, [{ low: 1, high: 4 }, { low: 1, high: 4 }], 0) // => { low: 1, high: 4 }
 */
export function suppressedCountInterval(sum: number, bounds: readonly Interval[], index: number): Interval {
  let othersLow = 0;
  let othersHigh = 0;
  bounds.forEach((bound, other) => {
    if (other === index) return;
    othersLow += bound.low;
    othersHigh += bound.high;
  });
  return { low: Math.max(bounds[index].low, sum - othersHigh), high: Math.min(bounds[index].high, sum - othersLow) };
}

/**
 * Bounds on how many respondents of a suppressed cell gave answer j, when the suppressed cells of
 * a relation together gave `suppressedCounts` (total minus published parts, N_S answers) and the
 * cell has n_a answers (known to the reader, worst case):
 *   x_j ∈ [max(0, n_a − (N_S − T_j)), min(T_j, n_a)].
 * The lower bound is positive exactly when the other suppressed cells have too few answers to hold
 * all of S's answers j: then the reader knows that someone in the cell answered j.
 * @example answerCountBounds([3, 0, 2], 2) // => [{ low: 0, high: 2 }, { low: 0, high: 0 }, { low: 0, high: 2 }]
 */
export function answerCountBounds(suppressedCounts: readonly number[], cellAnswers: number): Interval[] {
  const total = suppressedCounts.reduce((sum, count) => sum + count, 0);
  return suppressedCounts.map((count) => ({ low: Math.max(0, cellAnswers - (total - count)), high: Math.min(count, cellAnswers) }));
}
