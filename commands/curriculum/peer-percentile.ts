/**
 * Mid-rank percentile of a value among peers' values:
 *
 *   P = 100 · (below + 0.5 · equal) / n
 *
 * with n the number of peer values, `below` how many are strictly lower and `equal` how many are
 * equal. Ties count half, so a value equal to every peer scores 50, the highest of n distinct
 * values 100 · (n − 0.5) / n, and the lowest 100 · 0.5 / n. This is the "mid-rank" (or "mean
 * rank") definition of the percentile rank (Hazen 1914 plotting position applied to a value among
 * others), the same as SciPy `scipy.stats.percentileofscore(peers, value, kind='mean')`.
 * Unweighted: each peer programme counts once.
 *
 * Reference: SciPy docs, percentileofscore, https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.percentileofscore.html
 *
 * @example midRankPercentile(3, [1, 2, 3, 3, 5]) // => 100 · (2 + 0.5 · 2) / 5 = 60
 */
export function midRankPercentile(value: number, peers: readonly number[]): number {
  if (peers.length === 0) return NaN;
  let below = 0;
  let equal = 0;
  for (const peer of peers) {
    if (peer < value) below++;
    else if (peer === value) equal++;
  }
  return (100 * (below + 0.5 * equal)) / peers.length;
}
