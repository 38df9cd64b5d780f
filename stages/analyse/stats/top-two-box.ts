import { estimateDomainMeans, type DomainMeans } from './domain-means.ts';

/**
 * Top-two-box share: the weighted share of answers in the two highest categories of the scale
 * (value ≥ scaleMax − 1), with its design-based SE. It is the svymean of the indicator
 * 1[y ≥ max − 1] (missing stays missing), so every formula of domain-means.ts applies:
 * R `svyby(~top2, ~domain, design, svymean, na.rm = TRUE)` with `top2 = as.numeric(y >= max - 1)`.
 *
 * Reference: Lumley, T. (2010). Complex Surveys: A Guide to Analysis Using R, §2.3. Wiley.
 *
 * @example // y = [4, 5, NaN, 3, 2, 5, 4, NaN, 1, 3, 5, 4], scale 1–5, weights as in survey-mean.ts:
 * // whole-design share 0.5533333333333333, SE 0.18359632486803898
 *
 * `scratch` (same length as values) may be passed to reuse a buffer for the indicator.
 */
export function estimateTopTwoBox(
  values: Float64Array,
  weights: Float64Array,
  rowDomain: Int32Array,
  columns: number,
  domainCount: number,
  scaleMax: number,
  scratch: Float64Array = new Float64Array(values.length),
): DomainMeans {
  const threshold = scaleMax - 1;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    scratch[i] = value !== value ? NaN : value >= threshold ? 1 : 0;
  }
  return estimateDomainMeans(scratch, weights, rowDomain, columns, domainCount);
}
