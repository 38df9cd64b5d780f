import { weightedSdFromSums } from './weighted-sd.ts';

/**
 * Design-based weighted means with Taylor-linearisation standard errors for every domain and
 * column at once, as R `svyby(~y, ~domain, svydesign(ids = ~1, weights = ~w, data = d), svymean,
 * na.rm = TRUE)` for each column y separately, plus the whole-design `svymean` of each column.
 *
 * Design: one stage, no strata or clusters, sampled with replacement; the design is the n rows
 * (respondents) passed in, whatever their domain or missingness.
 *
 * Formulas (Lumley 2010 §2.3; survey::svymean.survey.design2 and svyrecvar):
 *   ȳ_d = Σ_{i∈d} w_i y_i / Σ_{i∈d} w_i                       (ratio estimator)
 *   u_i = w_i (y_i − ȳ_d) / Σ_{i∈d} w_i for i in d with a value, u_i = 0 for every other row
 *   Var(ȳ_d) = n/(n−1) · Σ_{i=1..n} (u_i − ū)²,   SE = √Var
 * R keeps the full design when it subsets a domain or drops missing values (their weight becomes
 * zero, their influence u_i = 0), so n is the number of rows of the whole design, and ū is the mean
 * over all n rows. Since Σ_{i∈d} w_i (y_i − ȳ_d) = 0, ū = 0 up to rounding; we centre anyway, as R does.
 * With unit weights and no domain Var reduces to s²/m (m = rows with a value = n).
 *
 * Layout: `values` is row-major n × columns (NaN = missing), `weights` has n entries, `rowDomain`
 * gives each row's domain code in 0..domainCount−1 (−1 = in no domain, still in the design).
 * Results are (domainCount + 1) × columns, block `domainCount` being the whole design ("Global").
 * Two passes (means, then squared deviations), no allocation per element.
 *
 * Reference: Lumley, T. (2004). Analysis of complex survey samples. Journal of Statistical
 * Software 9(8). https://doi.org/10.18637/jss.v009.i08; Binder, D. A. (1983). On the variances of
 * asymptotically normal estimators from complex surveys. International Statistical Review 51, 279–292.
 *
 * @example
 * // y = [4, 5, NaN, 3, 2], w = [1.5, 2, 0.5, 1, 3], one domain with every row:
 * estimateDomainMeans(y, w, new Int32Array(5), 1, 1).mean // => Float64Array [3.3333333333333335, 3.3333333333333335]
 */
export interface DomainMeans {
  /** Rows with a value, per (domain, column); block domainCount is the whole design. */
  n: Float64Array;
  sumWeights: Float64Array;
  mean: Float64Array;
  se: Float64Array;
  /** Weighted SD of the values in the cell (svyvar formula, see weighted-sd.ts: n = rows of the domain). */
  sd: Float64Array;
  /** Σw² over the cell's rows with a value (Kish effective n = sumWeights²/sumSquaredWeights); filled by the cell summaries. */
  sumSquaredWeights?: Float64Array;
  /** Variance of the mean under simple random sampling with replacement (design-effect.ts); filled by the cell summaries. */
  srsVariance?: Float64Array;
}

export function estimateDomainMeans(
  values: Float64Array,
  weights: Float64Array,
  rowDomain: Int32Array,
  columns: number,
  domainCount: number,
): DomainMeans {
  const rows = weights.length;
  if (values.length !== rows * columns || rowDomain.length !== rows) {
    throw new RangeError(`estimateDomainMeans: ${values.length} values for ${rows} rows × ${columns} columns`);
  }
  const cells = (domainCount + 1) * columns;
  const globalOffset = domainCount * columns;
  const n = new Float64Array(cells);
  const sumWeights = new Float64Array(cells);
  const mean = new Float64Array(cells);
  const domainRows = new Float64Array(domainCount + 1);
  for (let row = 0; row < rows; row++) {
    const weight = weights[row];
    const domainOffset = rowDomain[row] * columns;
    if (weight > 0) {
      domainRows[domainCount]++;
      if (domainOffset >= 0) domainRows[rowDomain[row]]++;
    }
    const base = row * columns;
    for (let column = 0; column < columns; column++) {
      const value = values[base + column];
      if (value !== value) continue; // NaN = missing
      n[globalOffset + column]++;
      sumWeights[globalOffset + column] += weight;
      mean[globalOffset + column] += weight * value;
      if (domainOffset >= 0) {
        n[domainOffset + column]++;
        sumWeights[domainOffset + column] += weight;
        mean[domainOffset + column] += weight * value;
      }
    }
  }
  for (let cell = 0; cell < cells; cell++) mean[cell] = sumWeights[cell] > 0 ? mean[cell] / sumWeights[cell] : NaN;

  // Second pass: Σu_i, Σu_i² (influence values) and Σw(y−ȳ)² for the SD.
  const sumInfluence = new Float64Array(cells);
  const sumSquaredInfluence = new Float64Array(cells);
  const sumSquaredDeviations = new Float64Array(cells);
  for (let row = 0; row < rows; row++) {
    const weight = weights[row];
    const domainOffset = rowDomain[row] * columns;
    const base = row * columns;
    for (let column = 0; column < columns; column++) {
      const value = values[base + column];
      if (value !== value) continue;
      accumulate(globalOffset + column, weight, value);
      if (domainOffset >= 0) accumulate(domainOffset + column, weight, value);
    }
  }
  function accumulate(cell: number, weight: number, value: number): void {
    const deviation = value - mean[cell];
    const influence = (weight * deviation) / sumWeights[cell];
    sumInfluence[cell] += influence;
    sumSquaredInfluence[cell] += influence * influence;
    sumSquaredDeviations[cell] += weight * deviation * deviation;
  }

  const se = new Float64Array(cells);
  const sd = new Float64Array(cells);
  for (let cell = 0; cell < cells; cell++) {
    // Σ(u_i − ū)² over all n design rows = Σu² − (Σu)²/n (rows outside the cell have u = 0).
    const centred = sumSquaredInfluence[cell] - (sumInfluence[cell] * sumInfluence[cell]) / rows;
    se[cell] = n[cell] > 0 && rows > 1 ? Math.sqrt(Math.max(0, (rows / (rows - 1)) * centred)) : NaN;
    const sdRows = domainRows[Math.floor(cell / columns)];
    sd[cell] = n[cell] > 0 ? weightedSdFromSums(sdRows, sumWeights[cell], sumSquaredDeviations[cell]) : NaN;
  }
  return { n, sumWeights, mean, se, sd };
}
