import { calibratedHistogramMean, calibrationScratch, histogramMean, srsVarianceOfMean, type CalibrationProjection, type DomainMeans } from './stats/index.ts';
import { ABSENT_STATE, MISSING_STATE, type EncodedPopulation } from './encode-answers.ts';

/**
 * Weighted histograms per cell, the one pass every estimate, distribution and rank test of a
 * population is read from.
 *
 * Each respondent × competency has a joint code = (importance state) · S + (other state), states
 * 0..L−1 the rating levels, L = missing, L+1 = absent (S = L + 2). One pass over the rows adds
 * (1, w_i, w_i²) to bin (region, competency, joint code) — regions only; the Global block is the sum
 * of the regions (each respondent is in exactly one). From a cell's S² bins come, in O(S²):
 * the importance and preparedness/coverage histograms (margins), the paired-difference histogram
 * (bins with both ratings, grouped by I − P), answer counts per scale point and missing counts.
 * Means, SEs and SDs follow from stats/histogram-mean.ts, the rank tests from the *-counts.ts files.
 * The joint codes are kept for the bootstrap and the ranked-discrepancy score.
 *
 * Raked (calibrated) waves: the calibration-aware SE needs, besides (1, w, w²), the base weight d
 * and the respondent's joint margin cell c (stats/calibrated-histogram-mean.ts). With `calibration`
 * the pass also adds (1, d, w, w²) to bin (region, competency, joint code, c): J times the bins,
 * still one pass and O(cells · J) afterwards, never O(respondents × cells). Fixed-weight waves skip it.
 */
export interface JointCoding {
  /** L: rating levels (their values: EncodedAnswers.levelValues). */
  levels: number;
  /** S = L + 2 states per rating; S² joint codes. */
  states: number;
  /** Byte state of encode-answers.ts → compact state (0..L−1, L missing, L+1 absent). */
  compactState: Uint8Array;
  /** Importance value of a joint code, NaN without one. */
  importanceOfCode: Float64Array;
  /** Discrepancy I − P (or I − coverage) of a joint code, NaN without a complete pair. */
  discrepancyOfCode: Float64Array;
  /** Distinct discrepancy values, ascending. */
  differenceValues: Float64Array;
  /** Index into differenceValues of a joint code's discrepancy, −1 without a complete pair. */
  differenceLevelOfCode: Int16Array;
}

export function describeJointCodes(levelValues: Float64Array): JointCoding {
  const levels = levelValues.length;
  const states = levels + 2;
  const compactState = new Uint8Array(256);
  for (let level = 0; level < levels; level++) compactState[level] = level;
  compactState[MISSING_STATE] = levels;
  compactState[ABSENT_STATE] = levels + 1;
  const codes = states * states;
  const importanceOfCode = new Float64Array(codes).fill(NaN);
  const discrepancyOfCode = new Float64Array(codes).fill(NaN);
  const differences = new Set<number>();
  for (let first = 0; first < states; first++) {
    for (let second = 0; second < states; second++) {
      const code = first * states + second;
      if (first < levels) importanceOfCode[code] = levelValues[first];
      if (first < levels && second < levels) {
        discrepancyOfCode[code] = levelValues[first] - levelValues[second];
        differences.add(discrepancyOfCode[code]);
      }
    }
  }
  const differenceValues = Float64Array.from(differences).sort();
  const levelOfDifference = new Map(Array.from(differenceValues, (value, index) => [value, index]));
  const differenceLevelOfCode = Int16Array.from(discrepancyOfCode, (value) => (value === value ? levelOfDifference.get(value)! : -1));
  return { levels, states, compactState, importanceOfCode, discrepancyOfCode, differenceValues, differenceLevelOfCode };
}

export interface CellHistograms {
  /**
   * Joint code per respondent × competency (row-major, local rows), when asked for (keepJointCodes);
   * one byte each when there are at most 256 joint codes (L ≤ 14 rating levels), and then written
   * over the population's importance states (read just before, never read again by the stage): at a
   * million respondents a 30 MB allocation less, which spares a full garbage collection.
   */
  jointCode: Uint8Array | Uint16Array | undefined;
  /** Per (block, competency, joint code), blocks = regions then Global: answers, Σw, Σw². */
  count: Float64Array;
  sumWeights: Float64Array;
  sumSquaredWeights: Float64Array;
  /** Respondents with a positive weight per block (the n of the SD formula, weighted-sd.ts). */
  domainRows: Float64Array;
  /** Raked waves: (count, Σd, Σw, Σw²) per (block, competency, joint code, joint margin cell), interleaved. */
  calibrated?: Float64Array;
  /** Raked waves: Σw and Σw² of the whole design per joint margin cell. */
  calibrationCellWeights?: Float64Array;
  calibrationCellSquaredWeights?: Float64Array;
}

/** The calibration of a raked population, as the histograms and summaries need it. */
export interface HistogramCalibration {
  projection: CalibrationProjection;
  baseWeights: Float64Array;
}

/**
 * The pass adds (1, w, w²) to three adjacent doubles per bin (one cache line instead of three
 * arrays'); each bin still receives its rows in row order, so the sums are the same bits as three
 * separate arrays filled in the same pass.
 */
export function buildCellHistograms(
  population: EncodedPopulation,
  coding: JointCoding,
  weights: Float64Array,
  rowDomain: Int32Array,
  competencies: number,
  domainCount: number,
  keepJointCodes = true,
  calibration?: HistogramCalibration,
): CellHistograms {
  const { importanceStates, otherStates } = population;
  const { states, compactState } = coding;
  const codes = states * states;
  const rows = weights.length;
  const binsPerBlock = competencies * codes;
  const size = (domainCount + 1) * binsPerBlock;
  // (count, Σw, Σw²) of bin b at 3b, 3b + 1, 3b + 2.
  const sums = new Float64Array(3 * size);
  const domainRows = new Float64Array(domainCount + 1);
  const jointCode = !keepJointCodes ? undefined : codes <= 256 ? importanceStates : new Uint16Array(rows * competencies);
  const codeOf = new Uint16Array(256 * 256);
  for (let first = 0; first < 256; first++) for (let second = 0; second < 256; second++) codeOf[(first << 8) | second] = compactState[first] * states + compactState[second];
  const J = calibration ? calibration.projection.cells : 0;
  if (4 * size * J > 2 ** 27) throw new RangeError(`raking margins with ${J} joint cells need ${Math.round((32 * size * J) / 2 ** 20)} MB of histograms: use fewer or coarser margins`);
  const calibrated = calibration ? new Float64Array(4 * size * J) : undefined;
  const calibrationCellWeights = calibration ? new Float64Array(J) : undefined;
  const calibrationCellSquaredWeights = calibration ? new Float64Array(J) : undefined;
  // Before the main pass: that pass may write the joint codes over importanceStates.
  if (calibrated && calibration) {
    const { jointCell } = calibration.projection;
    const baseWeights = calibration.baseWeights;
    for (let row = 0; row < rows; row++) {
      const weight = weights[row];
      calibrationCellWeights![jointCell[row]] += weight;
      calibrationCellSquaredWeights![jointCell[row]] += weight * weight;
      const base = row * competencies;
      let bin = rowDomain[row] * binsPerBlock;
      for (let k = 0; k < competencies; k++, bin += codes) {
        const code = codeOf[(importanceStates[base + k] << 8) | otherStates[base + k]];
        const at = 4 * ((bin + code) * J + jointCell[row]);
        calibrated[at]++;
        calibrated[at + 1] += baseWeights[row];
        calibrated[at + 2] += weight;
        calibrated[at + 3] += weight * weight;
      }
    }
  }
  for (let row = 0; row < rows; row++) {
    const weight = weights[row];
    const squaredWeight = weight * weight;
    if (weight > 0) domainRows[rowDomain[row]]++;
    const base = row * competencies;
    let bin = rowDomain[row] * binsPerBlock;
    for (let k = 0; k < competencies; k++, bin += codes) {
      const code = codeOf[(importanceStates[base + k] << 8) | otherStates[base + k]];
      if (jointCode) jointCode[base + k] = code;
      const at = 3 * (bin + code);
      sums[at]++;
      sums[at + 1] += weight;
      sums[at + 2] += squaredWeight;
    }
  }
  if (calibrated) {
    const globalAt = 4 * domainCount * binsPerBlock * J;
    for (let domain = 0; domain < domainCount; domain++) {
      const from = 4 * domain * binsPerBlock * J;
      for (let index = 0; index < 4 * binsPerBlock * J; index++) calibrated[globalAt + index] += calibrated[from + index];
    }
  }
  const count = new Float64Array(size);
  const sumWeights = new Float64Array(size);
  const sumSquaredWeights = new Float64Array(size);
  for (let bin = 0; bin < size; bin++) {
    count[bin] = sums[3 * bin];
    sumWeights[bin] = sums[3 * bin + 1];
    sumSquaredWeights[bin] = sums[3 * bin + 2];
  }
  const globalBase = domainCount * binsPerBlock;
  for (let domain = 0; domain < domainCount; domain++) {
    domainRows[domainCount] += domainRows[domain];
    for (let bin = 0; bin < binsPerBlock; bin++) {
      count[globalBase + bin] += count[domain * binsPerBlock + bin];
      sumWeights[globalBase + bin] += sumWeights[domain * binsPerBlock + bin];
      sumSquaredWeights[globalBase + bin] += sumSquaredWeights[domain * binsPerBlock + bin];
    }
  }
  return { jointCode, count, sumWeights, sumSquaredWeights, domainRows, calibrated, calibrationCellWeights, calibrationCellSquaredWeights };
}

/** Everything the stage reads per cell ((domainCount + 1) × K cells, Global last). */
export interface CellSummaries {
  importance: DomainMeans;
  other: DomainMeans;
  importanceTop2: DomainMeans;
  otherTop2: DomainMeans;
  /** Paired difference importance − other over complete pairs. */
  gap: DomainMeans;
  /** Unweighted answers per level (cells × L) and missing answers per cell. */
  importanceCounts: Float64Array;
  otherCounts: Float64Array;
  importanceMissing: Float64Array;
  otherMissing: Float64Array;
  /** The same, weighted: Σw per level (cells × L) and Σw of the missing answers per cell. */
  importanceWeightedCounts: Float64Array;
  otherWeightedCounts: Float64Array;
  importanceWeightedMissing: Float64Array;
  otherWeightedMissing: Float64Array;
  /** Complete pairs per difference level (cells × differenceValues.length). */
  gapCounts: Float64Array;
  /** Kish effective n (Σw)²/Σw² of each cell's importance, other and paired-gap values (disclosure control). */
  effectiveN: { importance: Float64Array; other: Float64Array; gap: Float64Array };
}

export function summariseCells(
  histograms: CellHistograms,
  coding: JointCoding,
  levelValues: Float64Array,
  competencies: number,
  domainCount: number,
  designRows: number,
  scaleMax: number,
  calibration?: HistogramCalibration,
): CellSummaries {
  const { levels, states } = coding;
  const codes = states * states;
  const cells = (domainCount + 1) * competencies;
  const differenceLevels = coding.differenceValues.length;
  const emptyMeans = (): DomainMeans => ({
    n: new Float64Array(cells), sumWeights: new Float64Array(cells), mean: new Float64Array(cells), se: new Float64Array(cells), sd: new Float64Array(cells),
    sumSquaredWeights: new Float64Array(cells), srsVariance: new Float64Array(cells),
  });
  const summaries: CellSummaries = {
    importance: emptyMeans(), other: emptyMeans(), importanceTop2: emptyMeans(), otherTop2: emptyMeans(), gap: emptyMeans(),
    importanceCounts: new Float64Array(cells * levels), otherCounts: new Float64Array(cells * levels),
    importanceMissing: new Float64Array(cells), otherMissing: new Float64Array(cells),
    gapCounts: new Float64Array(cells * differenceLevels),
    effectiveN: { importance: new Float64Array(cells), other: new Float64Array(cells), gap: new Float64Array(cells) },
    importanceWeightedCounts: new Float64Array(cells * levels), otherWeightedCounts: new Float64Array(cells * levels),
    importanceWeightedMissing: new Float64Array(cells), otherWeightedMissing: new Float64Array(cells),
  };
  const topTwo = Float64Array.from(levelValues, (value) => (value >= scaleMax - 1 ? 1 : 0));
  const margin = () => ({ count: new Float64Array(levels), weight: new Float64Array(levels), squared: new Float64Array(levels) });
  const importance = margin();
  const other = margin();
  const gap = { count: new Float64Array(differenceLevels), weight: new Float64Array(differenceLevels), squared: new Float64Array(differenceLevels) };
  // Raked waves: the same histograms split by joint margin cell (level-major, ℓ·J + c), for the calibrated SE.
  const J = calibration ? calibration.projection.cells : 0;
  const calibratedMargin = (width: number) => ({ count: new Float64Array(width * J), baseWeights: new Float64Array(width * J), weights: new Float64Array(width * J), squaredWeights: new Float64Array(width * J) });
  const calibratedImportance = calibratedMargin(levels);
  const calibratedOther = calibratedMargin(levels);
  const calibratedGap = calibratedMargin(differenceLevels);
  const scratch = calibrationScratch(J);
  const store = (means: DomainMeans, cell: number, values: ArrayLike<number>, histogram: { count: Float64Array; weight: Float64Array; squared: Float64Array }, width: number, domainRows: number, calibrated?: ReturnType<typeof calibratedMargin>) => {
    const result = calibrated && calibration
      ? calibratedHistogramMean(values, calibrated, width, histograms.calibrationCellWeights!, histograms.calibrationCellSquaredWeights!, calibration.projection, designRows, domainRows, scratch)
      : histogramMean(values, histogram.count, histogram.weight, histogram.squared, 0, width, designRows, domainRows);
    means.n[cell] = result.n;
    means.sumWeights[cell] = result.sumWeights;
    means.mean[cell] = result.mean;
    means.se[cell] = result.se;
    means.sd[cell] = result.sd;
    // For the design effect (stats/design-effect.ts) and the Kish effective n of the cell.
    let squaredDeviations = 0;
    let squaredWeights = 0;
    for (let level = 0; level < width; level++) {
      if (histogram.count[level] === 0) continue;
      squaredDeviations += histogram.weight[level] * (values[level] - result.mean) ** 2;
      squaredWeights += histogram.squared[level];
    }
    means.sumSquaredWeights![cell] = squaredWeights;
    means.srsVariance![cell] = srsVarianceOfMean(result.n, result.sumWeights, squaredDeviations);
  };
  for (let cell = 0; cell < cells; cell++) {
    for (const histogram of [importance, other, gap]) {
      histogram.count.fill(0);
      histogram.weight.fill(0);
      histogram.squared.fill(0);
    }
    let importanceMissing = 0;
    let otherMissing = 0;
    let importanceWeightedMissing = 0;
    let otherWeightedMissing = 0;
    const base = cell * codes;
    for (let first = 0; first < states; first++) {
      for (let second = 0; second < states; second++) {
        const bin = base + first * states + second;
        const count = histograms.count[bin];
        if (count === 0) continue;
        const weight = histograms.sumWeights[bin];
        const squared = histograms.sumSquaredWeights[bin];
        if (first < levels) add(importance, first, count, weight, squared);
        else if (first === levels) {
          importanceMissing += count;
          importanceWeightedMissing += weight;
        }
        if (second < levels) add(other, second, count, weight, squared);
        else if (second === levels) {
          otherMissing += count;
          otherWeightedMissing += weight;
        }
        const difference = coding.differenceLevelOfCode[first * states + second];
        if (difference >= 0) add(gap, difference, count, weight, squared);
      }
    }
    if (calibration) {
      for (const histogram of [calibratedImportance, calibratedOther, calibratedGap]) for (const array of Object.values(histogram)) array.fill(0);
      const sums = histograms.calibrated!;
      for (let code = 0; code < codes; code++) {
        const first = Math.floor(code / states);
        const second = code % states;
        const difference = coding.differenceLevelOfCode[code];
        for (let c = 0; c < J; c++) {
          const at = 4 * ((base + code) * J + c);
          if (sums[at] === 0) continue;
          if (first < levels) addCalibrated(calibratedImportance, first * J + c, sums, at);
          if (second < levels) addCalibrated(calibratedOther, second * J + c, sums, at);
          if (difference >= 0) addCalibrated(calibratedGap, difference * J + c, sums, at);
        }
      }
    }
    const calibratedOr = <T>(histogram: T) => (calibration ? histogram : undefined);
    const domainRows = histograms.domainRows[Math.floor(cell / competencies)];
    store(summaries.importance, cell, levelValues, importance, levels, domainRows, calibratedOr(calibratedImportance));
    store(summaries.other, cell, levelValues, other, levels, domainRows, calibratedOr(calibratedOther));
    store(summaries.importanceTop2, cell, topTwo, importance, levels, domainRows, calibratedOr(calibratedImportance));
    store(summaries.otherTop2, cell, topTwo, other, levels, domainRows, calibratedOr(calibratedOther));
    store(summaries.gap, cell, coding.differenceValues, gap, differenceLevels, domainRows, calibratedOr(calibratedGap));
    summaries.importanceWeightedCounts.set(importance.weight, cell * levels);
    summaries.otherWeightedCounts.set(other.weight, cell * levels);
    summaries.importanceWeightedMissing[cell] = importanceWeightedMissing;
    summaries.otherWeightedMissing[cell] = otherWeightedMissing;
    summaries.importanceCounts.set(importance.count, cell * levels);
    summaries.otherCounts.set(other.count, cell * levels);
    summaries.gapCounts.set(gap.count, cell * differenceLevels);
    summaries.effectiveN.importance[cell] = kishFromHistogram(importance);
    summaries.effectiveN.other[cell] = kishFromHistogram(other);
    summaries.effectiveN.gap[cell] = kishFromHistogram(gap);
    summaries.importanceMissing[cell] = importanceMissing;
    summaries.otherMissing[cell] = otherMissing;
  }
  return summaries;
}

/** (Σw)²/Σw² over a histogram's bins (stats/kish-effective-n.ts from the binned sums); 0 when empty. */
function kishFromHistogram(histogram: { weight: Float64Array; squared: Float64Array }): number {
  let sum = 0;
  let squared = 0;
  for (let level = 0; level < histogram.weight.length; level++) {
    sum += histogram.weight[level];
    squared += histogram.squared[level];
  }
  return squared > 0 ? (sum * sum) / squared : 0;
}

function addCalibrated(histogram: { count: Float64Array; baseWeights: Float64Array; weights: Float64Array; squaredWeights: Float64Array }, at: number, sums: Float64Array, from: number): void {
  histogram.count[at] += sums[from];
  histogram.baseWeights[at] += sums[from + 1];
  histogram.weights[at] += sums[from + 2];
  histogram.squaredWeights[at] += sums[from + 3];
}

function add(histogram: { count: Float64Array; weight: Float64Array; squared: Float64Array }, level: number, count: number, weight: number, squared: number): void {
  histogram.count[level] += count;
  histogram.weight[level] += weight;
  histogram.squared[level] += squared;
}
