/**
 * The heavy, respondent-level part of the framework roll-ups (framework-rollups.ts), on typed
 * arrays only, so it can run in a worker thread (analysis-pool.ts) while the competency analysis
 * runs on the main thread:
 *
 *   per population, the units of all frameworks together: answer codes ──unitComposites──▶ composite keys per respondent × unit
 *     ──compositeHistograms──▶ (count, Σw, Σw²) per (region, unit, value) for importance, other, gap
 *   industry: (importance, gap) composite codes ──joint codes──▶ mwdsCovariance (MWDS of every unit
 *     per region and Global, with their covariance) and rankedDiscrepancyScores
 *
 * Everything that depends on disclosure control (which cells are published, tested and ranked) is
 * left to the caller, which decides it from these: the covariance is computed between every pair
 * of units of a block (the ranked cells are a subset, and their entries are the same numbers).
 */
import { MISSING_COMPOSITE, compositeHistograms, unitComposites, type CompositeHistogram, type UnitComposites } from './framework-composites.ts';
// The two statistics files themselves, not stats/index.ts: a worker thread then loads neither the
// other statistics nor @stdlib's quantile functions (≈ 1 s of start-up through the TypeScript loader).
import { mwdsCovariance } from './stats/mwds-covariance.ts';
import { rankedDiscrepancyScores } from './stats/ranked-discrepancy.ts';

/** A population's answer codes (encode-answers.ts), weights and region of each local row. */
export interface FrameworkPopulation {
  importanceCodes: Uint8Array;
  otherCodes: Uint8Array;
  weights: Float64Array;
  rowDomain: Int32Array;
}

export interface FrameworkStatisticsInput {
  /** Industry, then education. */
  populations: FrameworkPopulation[];
  levelValues: Float64Array;
  competencies: number;
  /** Regions; block domainCount is Global. */
  domainCount: number;
  /** Per framework, per unit in the wave: the indices of its competencies. */
  unitMembers: Int32Array[][];
}

/** The three measures' histograms of a population (framework-composites.ts). */
export interface PopulationHistograms {
  importance: CompositeHistogram;
  other: CompositeHistogram;
  gap: CompositeHistogram;
}

export interface FrameworkStatistics {
  /** Industry, then education. */
  histograms: PopulationHistograms[];
  /** Industry's MWDS per (block, unit) and, per block, the units' covariance matrix (mwds-covariance.ts). */
  mwds: Float64Array;
  covariance: Float64Array[];
  /** Industry's ranked-discrepancy score per (block, unit) (ranked-discrepancy.ts). */
  rankedDiscrepancy: Float64Array;
}

export function frameworkStatistics(input: FrameworkStatisticsInput): FrameworkStatistics[] {
  const { populations, levelValues, competencies, domainCount } = input;
  // The units of every framework together: one pass over the respondents gives all composites and
  // one more all histograms (a respondent's ratings are read once, not once per framework).
  const allMembers = input.unitMembers.flat();
  const first = input.unitMembers.map((_members, index) => input.unitMembers.slice(0, index).reduce((sum, members) => sum + members.length, 0));
  const UAll = allMembers.length;
  // Population by population; only industry's importance and gap keys are kept (for the rank
  // sets), the rest is garbage once binned (at 1M: 366 MB of keys per population).
  let industryKeys: Pick<UnitComposites, 'rows' | 'units' | 'importance' | 'gap'> | undefined;
  const histograms = populations.map(({ weights, rowDomain, ...codes }, code): PopulationHistograms => {
    const composite = unitComposites(codes, levelValues, competencies, allMembers);
    const [importance, other, gap] = compositeHistograms([composite.importance, composite.other, composite.gap], UAll, weights, rowDomain, domainCount);
    if (code === 0) industryKeys = { rows: composite.rows, units: composite.units, importance: composite.importance, gap: composite.gap };
    return { importance, other, gap };
  });
  const industry = populations[0];
  return input.unitMembers.map((members, index) => {
    const U = members.length;
    const units = { first: first[index], count: U };
    const own = (histogram: CompositeHistogram) => unitsOfHistogram(histogram, UAll, units, domainCount);
    const ownHistograms = histograms.map((population) => ({ importance: own(population.importance), other: own(population.other), gap: own(population.gap) }));
    const joint = jointCodesOfPairs(industryKeys!, histograms[0], units);
    const { mwds, covariance } = mwdsCovariance({
      jointCode: joint.jointCode, importanceOfCode: joint.importanceOfCode, discrepancyOfCode: joint.discrepancyOfCode,
      weights: industry.weights, rowDomain: industry.rowDomain, competencies: U, domainCount,
    });
    const rankedDiscrepancy = rankedDiscrepancyScores(joint.jointCode, joint.differenceLevelOfCode, histograms[0].gap.values.length, industry.weights, industry.rowDomain, U, domainCount);
    return { histograms: ownHistograms, mwds, covariance, rankedDiscrepancy };
  });
}

/**
 * The cells of some units (first … first + count − 1 of `units`) of a histogram, laid out for those
 * units alone; the values stay those of all units (a value no respondent of these units has is an
 * empty bin, which no estimate or test counts).
 */
function unitsOfHistogram(histogram: CompositeHistogram, units: number, own: { first: number; count: number }, domainCount: number): CompositeHistogram {
  const V = histogram.values.length;
  const size = (domainCount + 1) * own.count * V;
  const pick = (array: Float64Array) => {
    const result = new Float64Array(size);
    for (let block = 0; block <= domainCount; block++) {
      const from = (block * units + own.first) * V;
      result.set(array.subarray(from, from + own.count * V), block * own.count * V);
    }
    return result;
  };
  return { ...histogram, count: pick(histogram.count), sumWeights: pick(histogram.sumWeights), sumSquaredWeights: pick(histogram.sumSquaredWeights) };
}

/**
 * Each respondent × unit's pair (importance composite, gap composite), either possibly missing, as
 * a dense joint code — they play the part of the competency path's (importance, discrepancy) codes
 * — numbered in order of first appearance (the numbering changes no result: every sum runs over
 * the rows), with each code's importance value, discrepancy value and discrepancy level.
 */
function jointCodesOfPairs(industry: Pick<UnitComposites, 'rows' | 'units' | 'importance' | 'gap'>, histograms: PopulationHistograms, units: { first: number; count: number }) {
  const { rows, units: UAll } = industry;
  const U = units.count;
  const importanceKeys = industry.importance.keys;
  const gapKeys = industry.gap.keys;
  // Codes into the distinct values (framework-composites.ts); missing → one past the last.
  const importanceValues = histograms.importance.values;
  const gapValues = histograms.gap.values;
  const importanceCodeOfKey = Uint16Array.from(histograms.importance.codeOfKey, (code) => (code === MISSING_COMPOSITE ? importanceValues.length : code));
  const gapCodeOfKey = Uint16Array.from(histograms.gap.codeOfKey, (code) => (code === MISSING_COMPOSITE ? gapValues.length : code));
  const pairWidth = gapValues.length + 1;
  const denseOfPair = new Int32Array((importanceValues.length + 1) * pairWidth).fill(-1);
  const importanceOfCode: number[] = [];
  const discrepancyOfCode: number[] = [];
  const differenceLevelOfCode: number[] = [];
  const pairCodes = new Int32Array(rows * U);
  for (let row = 0, at = 0; row < rows; row++) {
    for (let unit = 0, from = row * UAll + units.first; unit < U; unit++, at++, from++) {
      const i = importanceCodeOfKey[importanceKeys[from]];
      const g = gapCodeOfKey[gapKeys[from]];
      const pair = i * pairWidth + g;
      if (denseOfPair[pair] < 0) {
        denseOfPair[pair] = importanceOfCode.length;
        importanceOfCode.push(i < importanceValues.length ? importanceValues[i] : NaN);
        discrepancyOfCode.push(g < gapValues.length ? gapValues[g] : NaN);
        differenceLevelOfCode.push(g < gapValues.length ? g : -1);
      }
      pairCodes[at] = denseOfPair[pair];
    }
  }
  if (importanceOfCode.length > 65536) throw new RangeError(`framework roll-up: ${importanceOfCode.length} distinct composite pairs (at most 65536)`);
  return {
    jointCode: importanceOfCode.length <= 256 ? Uint8Array.from(pairCodes) : Uint16Array.from(pairCodes),
    importanceOfCode: Float64Array.from(importanceOfCode), discrepancyOfCode: Float64Array.from(discrepancyOfCode),
    differenceLevelOfCode: Int16Array.from(differenceLevelOfCode),
  };
}
