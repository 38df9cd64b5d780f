/**
 * Mid-ranks (1-based, ties get the average of the ranks they span) of the finite values given,
 * plus the tie term Σ(t³ − t) over tie groups of size t, which the normal approximations of the
 * rank tests subtract from their variance. Same ranks as SciPy `scipy.stats.rankdata(x, 'average')`
 * and R `rank(x, ties.method = "average")`.
 *
 * Reference: Hollander, M., Wolfe, D. A. & Chicken, E. (2014). Nonparametric Statistical Methods,
 * 3rd ed., §3.1 and §4.1. Wiley.
 *
 * @example rankWithTies(new Float64Array([3, 1, 3, 2])) // => { ranks: [3.5, 1, 3.5, 2], tieTerm: 6 }
 */
export function rankWithTies(values: Float64Array): { ranks: Float64Array; tieTerm: number; hasTies: boolean } {
  const count = values.length;
  const counted = rankOnGrid(values);
  if (counted) return counted;
  // Native numeric sort of a copy (no comparator), then each value's mid-rank by binary search:
  // O(n log n) with two allocations per call and none per element.
  const sorted = Float64Array.from(values).sort();
  const midRankAt = new Float64Array(count);
  let tieTerm = 0;
  let start = 0;
  while (start < count) {
    let end = start + 1;
    while (end < count && sorted[end] === sorted[start]) end++;
    midRankAt[start] = (start + 1 + end) / 2;
    const tieSize = end - start;
    tieTerm += tieSize * tieSize * tieSize - tieSize;
    start = end;
  }
  const ranks = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let low = 0;
    let high = count;
    const value = values[i];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle] < value) low = middle + 1;
      else high = middle;
    }
    ranks[i] = midRankAt[low];
  }
  return { ranks, tieTerm, hasTies: tieTerm > 0 };
}

/**
 * Fast path for rating data: when every value lies on a half-unit grid spanning at most 4096 steps
 * (Likert values and their differences), mid-ranks come from a counting sort in O(n) — the same
 * ranks as the general path. Returns undefined otherwise.
 */
function rankOnGrid(values: Float64Array): { ranks: Float64Array; tieTerm: number; hasTies: boolean } | undefined {
  const count = values.length;
  if (count < 64) return undefined;
  let minimum = Infinity;
  let maximum = -Infinity;
  for (let i = 0; i < count; i++) {
    const doubled = values[i] * 2;
    if (doubled !== Math.round(doubled)) return undefined;
    if (values[i] < minimum) minimum = values[i];
    if (values[i] > maximum) maximum = values[i];
  }
  const steps = (maximum - minimum) * 2 + 1;
  if (steps > 4096) return undefined;
  const bucketCount = new Float64Array(steps);
  for (let i = 0; i < count; i++) bucketCount[(values[i] - minimum) * 2]++;
  const bucketRank = new Float64Array(steps);
  let below = 0;
  let tieTerm = 0;
  for (let bucket = 0; bucket < steps; bucket++) {
    const size = bucketCount[bucket];
    bucketRank[bucket] = below + (size + 1) / 2;
    tieTerm += size * size * size - size;
    below += size;
  }
  const ranks = new Float64Array(count);
  for (let i = 0; i < count; i++) ranks[i] = bucketRank[(values[i] - minimum) * 2];
  return { ranks, tieTerm, hasTies: tieTerm > 0 };
}
