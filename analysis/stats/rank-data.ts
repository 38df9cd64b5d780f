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
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  order.sort((a, b) => values[a] - values[b]);
  const ranks = new Float64Array(count);
  let tieTerm = 0;
  let start = 0;
  while (start < count) {
    let end = start + 1;
    while (end < count && values[order[end]] === values[order[start]]) end++;
    const averageRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]] = averageRank;
    const tieSize = end - start;
    tieTerm += tieSize * tieSize * tieSize - tieSize;
    start = end;
  }
  return { ranks, tieTerm, hasTies: tieTerm > 0 };
}
