/**
 * Survey weights (the codebook's `weight` column) checked before anything is estimated with them,
 * by `skillgap run` (normalise) and `skillgap validate` alike. A weight must be
 *
 *   1. a finite number greater than 0 (a blank, 0, a negative number, NaN or Infinity is refused);
 *   2. at most MAX_WEIGHT (1e12): no real expansion weight comes near it (the world has 8e9
 *      people), and sums of squared weights over millions of respondents stay finite;
 *   3. at most MAX_WEIGHT_RATIO (1,000) times the median weight of its source (median of the
 *      weights that pass 1): a weight thousands of times the others is a typo or a sentinel
 *      (9999, 1e308), and would make one respondent the whole estimate. Design weights in
 *      practice span a ratio of tens (weights are often trimmed at 5–10 × the median), so a
 *      genuine weighting never meets this bound.
 *
 * Every row that breaks a rule is reported (file, row, column), not just the first.
 */
import { normaliseMessages } from '../../contracts/messages/index.ts';

export const MAX_WEIGHT = 1e12;
export const MAX_WEIGHT_RATIO = 1000;

export interface WeightProblem {
  /** Index into the checked texts. */
  index: number;
  message: string;
}

/** A weight cell as a number (NaN when blank or not a number). */
export function parseWeight(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? NaN : Number(trimmed);
}

/** The weights of one source's rows (parsed) and every problem among them. */
export function checkWeights(texts: readonly string[]): { weights: Float64Array; problems: WeightProblem[] } {
  const weights = Float64Array.from(texts, parseWeight);
  const problems: WeightProblem[] = [];
  const usable: number[] = [];
  weights.forEach((weight, index) => {
    if (!(Number.isFinite(weight) && weight > 0)) problems.push({ index, message: normaliseMessages.badWeight(texts[index], MAX_WEIGHT, MAX_WEIGHT_RATIO) });
    else usable.push(weight);
  });
  const median = medianOf(usable);
  weights.forEach((weight, index) => {
    if (!(Number.isFinite(weight) && weight > 0)) return;
    if (weight > MAX_WEIGHT) problems.push({ index, message: normaliseMessages.weightTooLarge(texts[index], MAX_WEIGHT, MAX_WEIGHT_RATIO) });
    else if (weight > MAX_WEIGHT_RATIO * median) problems.push({ index, message: normaliseMessages.weightOutOfProportion(texts[index], weight / median, median, MAX_WEIGHT, MAX_WEIGHT_RATIO) });
  });
  return { weights, problems: problems.sort((a, b) => a.index - b.index) };
}

/** Median (mean of the two middle values for an even count; type 7 at p = 0.5). */
function medianOf(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
