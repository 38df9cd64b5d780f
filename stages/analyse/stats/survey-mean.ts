import { estimateDomainMeans } from './domain-means.ts';

/**
 * Weighted mean of one variable with its design-based standard error, for the whole design or for
 * one domain: R `svymean(~y, svydesign(ids = ~1, weights = ~w, data = d), na.rm = TRUE)`, or with a
 * domain mask `svymean(~y, subset(design, domain), na.rm = TRUE)` (the full design is kept: rows
 * outside the domain count in n/(n−1); see domain-means.ts for the formulas).
 *
 * Reference: Lumley, T. (2010). Complex Surveys: A Guide to Analysis Using R, §2.3. Wiley.
 *
 * @example
 * surveyMean(new Float64Array([4, 5, NaN, 3, 2, 5, 4, NaN, 1, 3, 5, 4]),
 *            new Float64Array([1.5, 2, 0.5, 1, 3, 1.2, 0.8, 2.5, 1, 1.7, 0.6, 2.2]))
 * // => { mean: 3.473333333333333, se: 0.452267367066353, n: 10, ... }
 */
export interface SurveyMean {
  n: number;
  sumWeights: number;
  mean: number;
  se: number;
  sd: number;
}

export function surveyMean(values: Float64Array, weights: Float64Array, domainMask?: Uint8Array): SurveyMean {
  const rowDomain = new Int32Array(weights.length);
  if (domainMask) for (let row = 0; row < rowDomain.length; row++) rowDomain[row] = domainMask[row] ? 0 : -1;
  const result = estimateDomainMeans(values, weights, rowDomain, 1, 1);
  const cell = domainMask ? 0 : 1;
  return {
    n: result.n[cell],
    sumWeights: result.sumWeights[cell],
    mean: result.mean[cell],
    se: result.se[cell],
    sd: result.sd[cell],
  };
}
