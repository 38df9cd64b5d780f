/**
 * Roll-ups of a wave's results into the units of each framework (NICE work roles and competency
 * areas, ECSF role profiles, CSEC2017 and CyBOK knowledge areas, or a wave's own framework):
 *
 *   per population, per unit u with competencies C_u:
 *     composite_i = mean over k ∈ C_u that respondent i rated of its rating (importance; preparedness
 *     or coverage) — the paired gap composite is the mean of I_ik − P_ik over the k with both ratings
 *   ──estimateDomainMeans──▶ weighted mean, SE (Taylor linearisation), SD per region and Global:
 *     R `svyby(~composite, ~region, design, svymean, na.rm = TRUE)`, the same design as a competency
 *   ──the competency path's functions──▶ curriculum gap (difference of independent means), the
 *     suppression rule (n < minN; derived values), rank tests from counts of the composite values
 *     (Wilcoxon, Mann–Whitney) with BH q-values over the framework's own family of tests, Borich MWDS
 *     ranking with bootstrap rank intervals, ranked-discrepancy score and IPA quadrants (build-rankings.ts).
 *
 * A composite takes few distinct values (means of a few ratings), so the rank tests and the bootstrap
 * use the counts/joint-code forms of the competency path unchanged: the distinct composite values
 * play the part of the rating levels. Methods: docs/methods.md and docs/frameworks.md.
 */
import type {
  FrameworkEstimateRow, FrameworkRollup, FrameworkUnit, NormalisedWave, Population, WaveConfig,
} from '../pipeline/types.ts';
import type { ResolvedFramework } from '../pipeline/frameworks/load-frameworks.ts';
import { competenciesOfUnits } from '../pipeline/frameworks/load-frameworks.ts';
import {
  benjaminiHochberg, cliffsDelta, differenceOfIndependentMeans, estimateDomainMeans, mannWhitneyUFromCounts, matchedPairsRankBiserial,
  normalConfidenceInterval, rankedDiscrepancyScores, mwdsRankSets, wilcoxonSignedRankFromCounts, type DomainMeans,
} from './stats/index.ts';
import { computePopulationWeights } from './population-weights.ts';
import { encodeAnswers, type EncodedPopulation } from './encode-answers.ts';
import { buildRankings } from './build-rankings.ts';
import { unitComposites, ValueIndex, type UnitComposites } from './framework-composites.ts';

const GLOBAL_REGION = 'Global';

interface PopulationSide {
  population: Population;
  weights: Float64Array;
  rowDomain: Int32Array;
  encoded: EncodedPopulation;
}

export function rollUpFrameworks(wave: NormalisedWave, config: WaveConfig, frameworks: readonly ResolvedFramework[]): FrameworkRollup[] {
  if (frameworks.length === 0) return [];
  const { respondents, answers } = wave;
  const populationCode = new Uint8Array(respondents.length);
  const localRow = new Int32Array(respondents.length);
  const counts = [0, 0];
  const regionSet = new Set<string>();
  respondents.forEach((respondent, index) => {
    const code = respondent.population === 'industry' ? 0 : 1;
    populationCode[index] = code;
    localRow[index] = counts[code]++;
    regionSet.add(respondent.region);
  });
  const regions = [...regionSet].sort();
  const regionCode = new Map(regions.map((region, index) => [region, index]));
  const encoded = encodeAnswers(wave, populationCode, localRow, counts);
  const memberIndex = counts.map((count) => new Int32Array(count));
  const rowDomains = counts.map((count) => new Int32Array(count));
  respondents.forEach((respondent, index) => {
    memberIndex[populationCode[index]][localRow[index]] = index;
    rowDomains[populationCode[index]][localRow[index]] = regionCode.get(respondent.region)!;
  });
  // The same weights as the competency estimates (warnings are already reported there).
  const sides: PopulationSide[] = (['industry', 'education'] as const).map((population, code) => ({
    population, rowDomain: rowDomains[code], encoded: encoded.populations[code],
    weights: computePopulationWeights(population, respondents, memberIndex[code], config, []).weights,
  }));
  return frameworks.map((framework) => rollUpFramework(wave, config, framework, regions, sides, encoded.levelValues));
}

function rollUpFramework(
  wave: NormalisedWave, config: WaveConfig, framework: ResolvedFramework, regions: string[], sides: PopulationSide[], levelValues: Float64Array,
): FrameworkRollup {
  const { definition } = framework;
  const competencyIndex = new Map(wave.answers.competencies.map((id, index) => [id, index]));
  const members = competenciesOfUnits(framework);
  const units: (FrameworkUnit & { competencies: string[] })[] = [];
  const unmappedUnits: FrameworkUnit[] = [];
  for (const unit of definition.units) {
    const inWave = (members.get(unit.id) ?? []).filter((competency) => competencyIndex.has(competency));
    if (inWave.length > 0) units.push({ ...unit, competencies: inWave });
    else unmappedUnits.push(unit);
  }
  const U = units.length;
  const R = regions.length;
  const blocks = [...regions, GLOBAL_REGION];
  const memberIndices = units.map((unit) => Int32Array.from(unit.competencies, (id) => competencyIndex.get(id)!));
  const K = wave.answers.competencies.length;
  const composites = sides.map((side) => unitComposites(side.encoded, levelValues, K, memberIndices));
  const means = composites.map((byUnit, code) => ({
    importance: domainMeansByUnit(byUnit.map((unit) => unit.importance), sides[code], R),
    other: domainMeansByUnit(byUnit.map((unit) => unit.other), sides[code], R),
    gap: domainMeansByUnit(byUnit.map((unit) => unit.gap), sides[code], R),
  }));
  const [industry, education] = means;
  const { minN, lowReliabilityN } = config.suppression;

  const rows: FrameworkEstimateRow[] = [];
  const gapRow = { prep: new Map<number, FrameworkEstimateRow>(), curr: new Map<number, FrameworkEstimateRow>(), edu: new Map<number, FrameworkEstimateRow>() };
  const push = (cell: number, population: FrameworkEstimateRow['population'], measure: FrameworkEstimateRow['measure'], value: { n: number; mean: number; sd: number; se: number }, derivedSuppressed = false) => {
    const smallN = value.n < minN;
    const suppressed = smallN || derivedSuppressed;
    const interval = normalConfidenceInterval(value.mean, value.se);
    const row: FrameworkEstimateRow = {
      wave: wave.wave, framework: definition.id, unit: units[cell % U].id, region: blocks[Math.floor(cell / U)], population, measure, n: value.n,
      mean: suppressed ? NaN : value.mean, sd: suppressed ? NaN : value.sd, se: suppressed ? NaN : value.se,
      ciLow: suppressed ? NaN : interval.low, ciHigh: suppressed ? NaN : interval.high, top2Share: NaN,
      suppressed, flag: smallN ? 'suppressed_small_n' : derivedSuppressed ? 'suppressed_derived' : value.n < lowReliabilityN ? 'low_reliability' : '',
      test: '', statistic: NaN, pValue: NaN, qValue: NaN, effectSize: NaN,
      mwds: NaN, rank: NaN, rankCiLow: NaN, rankCiHigh: NaN, quadrant: '',
    };
    rows.push(row);
    return row;
  };
  const at = (domainMeans: DomainMeans, cell: number) => ({ n: domainMeans.n[cell], mean: domainMeans.mean[cell], sd: domainMeans.sd[cell], se: domainMeans.se[cell] });
  for (let cell = 0; cell < blocks.length * U; cell++) {
    const industryImportance = push(cell, 'industry', 'importance', at(industry.importance, cell)).suppressed;
    const preparedness = push(cell, 'industry', 'preparedness', at(industry.other, cell)).suppressed;
    const educationImportance = push(cell, 'education', 'importance', at(education.importance, cell)).suppressed;
    const coverage = push(cell, 'education', 'coverage', at(education.other, cell)).suppressed;
    gapRow.prep.set(cell, push(cell, 'industry', 'gap_preparedness', at(industry.gap, cell), industryImportance || preparedness));
    const curriculum = differenceOfIndependentMeans(industry.importance.mean[cell], industry.importance.se[cell], education.other.mean[cell], education.other.se[cell]);
    gapRow.curr.set(cell, push(cell, 'both', 'gap_curriculum',
      { n: industry.importance.n[cell] + education.other.n[cell], mean: curriculum.difference, sd: NaN, se: curriculum.se }, industryImportance || coverage));
    gapRow.edu.set(cell, push(cell, 'education', 'gap_education', at(education.gap, cell), educationImportance || coverage));
  }

  runUnitTests(composites, sides, blocks.length, U, gapRow);
  rankUnits(wave, config, units, blocks, composites[0], sides[0], industry, minN, gapRow.prep);
  const noHome = [...framework.noHome].map(([competency, reason]) => ({ competency, reason })).filter((entry) => competencyIndex.has(entry.competency));
  return {
    framework: definition.id, name: definition.name, shortName: definition.shortName ?? definition.id, version: definition.version, source: definition.source,
    unitLabel: definition.unitLabel ?? 'unit', units, unmappedUnits, noHome, rows,
  };
}

/** estimateDomainMeans of each unit's composite column, laid out (domains + 1) × units like the competency cells. */
function domainMeansByUnit(columns: Float64Array[], side: PopulationSide, domainCount: number): DomainMeans {
  const U = columns.length;
  const cells = (domainCount + 1) * U;
  const result: DomainMeans = { n: new Float64Array(cells), sumWeights: new Float64Array(cells), mean: new Float64Array(cells), se: new Float64Array(cells), sd: new Float64Array(cells) };
  columns.forEach((column, unit) => {
    const one = estimateDomainMeans(column, side.weights, side.rowDomain, 1, domainCount);
    for (let block = 0; block <= domainCount; block++) {
      for (const key of ['n', 'sumWeights', 'mean', 'se', 'sd'] as const) result[key][block * U + unit] = one[key][block];
    }
  });
  return result;
}

/** Wilcoxon for the paired gaps and Mann–Whitney for the curriculum gap, from counts of the composite values; BH across the framework. */
function runUnitTests(composites: UnitComposites[][], sides: PopulationSide[], blockCount: number, U: number, gapRow: Record<'prep' | 'curr' | 'edu', Map<number, FrameworkEstimateRow>>): void {
  const tested: FrameworkEstimateRow[] = [];
  for (let unit = 0; unit < U; unit++) {
    for (const [code, rowsOf] of [[0, gapRow.prep], [1, gapRow.edu]] as const) {
      const index = new ValueIndex([composites[code][unit].gap]);
      const counts = index.countsByDomain(composites[code][unit].gap, sides[code].rowDomain, blockCount - 1);
      for (let block = 0; block < blockCount; block++) {
        const row = rowsOf.get(block * U + unit)!;
        if (row.suppressed) continue;
        const result = wilcoxonSignedRankFromCounts(index.values, counts.subarray(block * index.size, (block + 1) * index.size));
        Object.assign(row, { test: 'wilcoxon_signed_rank', statistic: result.statistic, pValue: result.pValue, effectSize: matchedPairsRankBiserial(result.positiveRankSum, result.negativeRankSum) });
        tested.push(row);
      }
    }
    const pooled = new ValueIndex([composites[0][unit].importance, composites[1][unit].other]);
    const first = pooled.countsByDomain(composites[0][unit].importance, sides[0].rowDomain, blockCount - 1);
    const second = pooled.countsByDomain(composites[1][unit].other, sides[1].rowDomain, blockCount - 1);
    for (let block = 0; block < blockCount; block++) {
      const row = gapRow.curr.get(block * U + unit)!;
      if (row.suppressed) continue;
      const slice = (counts: Float64Array) => counts.subarray(block * pooled.size, (block + 1) * pooled.size);
      const result = mannWhitneyUFromCounts(pooled.values, slice(first), slice(second));
      Object.assign(row, { test: 'mann_whitney_u', statistic: result.statistic, pValue: result.pValue, effectSize: cliffsDelta(result.statistic, result.n1, result.n2) });
      tested.push(row);
    }
  }
  const qValues = benjaminiHochberg(Float64Array.from(tested, (row) => row.pValue));
  tested.forEach((row, index) => (row.qValue = qValues[index]));
}

/**
 * MWDS ranking of the units per region (build-rankings.ts, as for competencies), with the rank
 * confidence sets and ranked-discrepancy score computed from joint codes of the (importance, gap)
 * composite pairs, which play the part of the competency path's (importance, discrepancy) codes.
 */
function rankUnits(
  wave: NormalisedWave, config: WaveConfig, units: FrameworkUnit[], blocks: string[], industry: UnitComposites[], side: PopulationSide,
  means: { importance: DomainMeans; other: DomainMeans; gap: DomainMeans }, minN: number, prepRows: Map<number, FrameworkEstimateRow>,
): void {
  const U = units.length;
  const R = blocks.length - 1;
  const rows = side.weights.length;
  const importanceIndex = new ValueIndex(industry.map((unit) => unit.importance));
  const gapIndex = new ValueIndex(industry.map((unit) => unit.gap));
  // Pair (importance value, gap value), each possibly missing, → a dense joint code.
  const pairWidth = gapIndex.size + 1;
  const denseOfPair = new Int32Array((importanceIndex.size + 1) * pairWidth).fill(-1);
  const importanceOfCode: number[] = [];
  const discrepancyOfCode: number[] = [];
  const differenceLevelOfCode: number[] = [];
  const pairCodes = new Int32Array(rows * U);
  for (let unit = 0; unit < U; unit++) {
    const { importance, gap } = industry[unit];
    for (let row = 0; row < rows; row++) {
      const i = importanceIndex.indexOf(importance[row]);
      const g = gapIndex.indexOf(gap[row]);
      const pair = (i < 0 ? importanceIndex.size : i) * pairWidth + (g < 0 ? gapIndex.size : g);
      if (denseOfPair[pair] < 0) {
        denseOfPair[pair] = importanceOfCode.length;
        importanceOfCode.push(i < 0 ? NaN : importanceIndex.values[i]);
        discrepancyOfCode.push(g < 0 ? NaN : gapIndex.values[g]);
        differenceLevelOfCode.push(g);
      }
      pairCodes[row * U + unit] = denseOfPair[pair];
    }
  }
  const jointCode = importanceOfCode.length <= 256 ? Uint8Array.from(pairCodes) : Uint16Array.from(pairCodes);
  if (importanceOfCode.length > 65536) throw new RangeError(`framework roll-up: ${importanceOfCode.length} distinct composite pairs (at most 65536)`);
  const eligible = Uint8Array.from(means.gap.n, (gapN, cell) => (gapN < minN || means.importance.n[cell] < minN || means.other.n[cell] < minN ? 0 : 1));
  // Confidence sets for the MWDS ranks of the units, as for competencies (stats/mwds-rank-sets.ts).
  const rankSets = mwdsRankSets({
    jointCode, importanceOfCode: Float64Array.from(importanceOfCode), discrepancyOfCode: Float64Array.from(discrepancyOfCode),
    weights: side.weights, rowDomain: side.rowDomain, competencies: U, domainCount: R, eligible, seed: config.analysis.seed,
  });
  const rankedDiscrepancy = rankedDiscrepancyScores(jointCode, Int16Array.from(differenceLevelOfCode), gapIndex.size, side.weights, side.rowDomain, U, R);
  const rankings = buildRankings({
    wave: wave.wave, blocks, competencies: units.map((unit) => unit.id), config, scale: wave.scale,
    industry: { importanceMeans: means.importance, otherMeans: means.other, gapMeans: means.gap }, eligible, rankSets, rankedDiscrepancy,
  });
  rankings.forEach((ranking, cell) => {
    if (ranking.suppressed) return;
    Object.assign(prepRows.get(cell)!, { mwds: ranking.mwds, rank: ranking.rank, rankCiLow: ranking.rankCiLow, rankCiHigh: ranking.rankCiHigh, quadrant: ranking.quadrant });
  });
}
