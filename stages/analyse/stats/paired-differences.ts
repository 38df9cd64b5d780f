/**
 * Within-respondent differences d_i = first_i − second_i over complete pairs (NaN when either rating
 * is missing: "don't know" is never a zero). The paired gap is then the svymean of d over the
 * design (domain-means.ts), i.e. R `svymean(~I(y - x), design, na.rm = TRUE)`: respondents without a
 * complete pair get zero influence but stay in the design.
 *
 * Works element-wise on equal-length arrays (e.g. two respondent × competency matrices); writes into
 * `out` (may be `second`, to overwrite in place) and returns it.
 *
 * Reference: Lumley, T. (2010). Complex Surveys: A Guide to Analysis Using R, §2.3. Wiley.
 *
 * @example pairedDifferences(new Float64Array([5, 4, NaN]), new Float64Array([3, NaN, 2]))
 * // => Float64Array [2, NaN, NaN]
 */
export function pairedDifferences(
  first: Float64Array,
  second: Float64Array,
  out: Float64Array = new Float64Array(first.length),
): Float64Array {
  for (let i = 0; i < first.length; i++) out[i] = first[i] - second[i]; // NaN propagates
  return out;
}
