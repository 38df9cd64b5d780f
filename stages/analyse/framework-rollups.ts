/**
 * Roll-ups of a wave's results into the units of each framework (NICE work roles and competency
 * areas, ECSF role profiles, CSEC2017 and CyBOK knowledge areas, or a wave's own framework):
 *
 *   per population, per unit u with competencies C_u:
 *     composite_i = mean over k ∈ C_u that respondent i rated of its rating (importance; preparedness
 *     or coverage) — the paired gap composite is the mean of I_ik − P_ik over the k with both ratings
 *   ──framework-statistics.ts (the respondent-level part, possibly in a worker thread)──▶ weighted
 *     histograms of the composites per region, industry's MWDS with their covariance, ranked-discrepancy scores
 *   ──stats/histogram-mean.ts──▶ weighted mean, SE (Taylor linearisation), SD per region and Global:
 *     R `svyby(~composite, ~region, design, svymean, na.rm = TRUE)`, the same design as a competency
 *   ──the competency path's functions──▶ curriculum gap (difference of independent means), the
 *     disclosure control of stages/analyse/disclosure/ (protectTables: primary n < k and optionally Kish
 *     n_eff < k, complementary suppression over Global = Σ regions per unit column, blanking), with
 *     one more rule: a population × region hidden for any competency of a unit in the competency
 *     tables is hidden for the unit too (a one-competency unit is that competency), rank tests from counts of the composite values
 *     (Wilcoxon, Mann–Whitney) with BH q-values over the framework's own family of tests, Borich MWDS
 *     ranking with rank confidence sets over the published units, ranked-discrepancy score and IPA quadrants (build-rankings.ts).
 *
 * A composite takes few distinct values (means of a few ratings), so the rank tests and the rank
 * sets use the counts/joint-code forms of the competency path unchanged: the distinct composite
 * values play the part of the rating levels. Methods: docs/methods.md and docs/frameworks.md.
 */
import type {
  EstimateRow, FrameworkEstimateRow, FrameworkRollup, FrameworkUnit, NormalisedWave, Population, WaveConfig,
} from '../../contracts/types.ts';
import type { ResolvedFramework } from '../../contracts/frameworks/load-frameworks.ts';
import { competenciesOfUnits } from '../../contracts/frameworks/load-frameworks.ts';
import {
  benjaminiHochberg, cliffsDelta, differenceOfIndependentMeans, histogramMean, mannWhitneyUFromCounts, matchedPairsRankBiserial,
  mwdsRankSetProblems, mwdsRankSetsFromSolutions, normalConfidenceInterval, wilcoxonSignedRankFromCounts, type DomainMeans,
} from './stats/index.ts';
import { solveStepsHere, type RankSetSteps } from './rank-set-steps.ts';
import { layOutPopulations } from './population-layout.ts';
import { computePopulationWeights } from './population-weights.ts';
import { encodeAnswers } from './encode-answers.ts';
import type { PreparedAnswers } from './analyse-wave.ts';
import { buildRankings } from './build-rankings.ts';
import type { CompositeHistogram } from './framework-composites.ts';
import { frameworkStatistics, type FrameworkStatistics, type FrameworkStatisticsInput, type PopulationHistograms } from './framework-statistics.ts';
import { protectTables } from './disclosure/index.ts';
import { disclosureRuleOf, unitKey } from '../../contracts/disclosure/disclosure-rule.ts';

const GLOBAL_REGION = 'Global';

/**
 * `competencyEstimates`: the published (protected) competency estimates of the wave; a population ×
 * region × competency suppressed there (not_asked cells aside) hides that population × region for
 * every unit holding the competency. Without it only the framework rows' own suppression applies.
 * `statistics`: frameworkStatistics of frameworkStatisticsInput(wave, config, frameworks), when the
 * caller computed them (in a worker thread, analysis-pool.ts); computed here otherwise.
 */
export function rollUpFrameworks(
  wave: NormalisedWave, config: WaveConfig, frameworks: readonly ResolvedFramework[], competencyEstimates: readonly EstimateRow[] = [],
  statistics?: readonly FrameworkStatistics[],
): FrameworkRollup[] {
  return solveStepsHere(rollUpFrameworksSteps(wave, config, frameworks, competencyEstimates, statistics));
}

/**
 * rollUpFrameworks as steps (rank-set-steps.ts): each framework yields its units' rank-set
 * problems, one per region block, and goes on with their solutions; the analyse stage solves them
 * with a worker thread's help.
 */
export function* rollUpFrameworksSteps(
  wave: NormalisedWave, config: WaveConfig, frameworks: readonly ResolvedFramework[], competencyEstimates: readonly EstimateRow[] = [],
  statistics?: readonly FrameworkStatistics[],
): RankSetSteps<FrameworkRollup[]> {
  if (frameworks.length === 0) return [];
  const hiddenCompetencyUnits = new Set(competencyEstimates
    .filter((row) => row.suppressed && row.population !== 'both' && row.flag !== 'not_asked')
    .map((row) => unitKey(row.population, row.region, row.competency)));
  const byFramework = statistics ?? frameworkStatistics(frameworkStatisticsInput(wave, config, frameworks));
  const regions = [...new Set(wave.respondents.map((respondent) => respondent.region))].sort();
  const rollups: FrameworkRollup[] = [];
  for (const [index, framework] of frameworks.entries()) rollups.push(yield* rollUpFramework(wave, config, framework, regions, byFramework[index], hiddenCompetencyUnits));
  return rollups;
}

/**
 * What frameworkStatistics needs, as typed arrays: each population's answer codes, weights (the
 * same as the competency estimates'; their warnings are reported there) and regions, and each
 * framework's units in the wave with their competencies' indices.
 */
export function frameworkStatisticsInput(
  wave: NormalisedWave, config: WaveConfig, frameworks: readonly ResolvedFramework[], prepared?: PreparedAnswers,
): FrameworkStatisticsInput {
  const { respondents } = wave;
  const { populationCode, localRow, counts, regions, memberIndex, rowDomains } = prepared?.layout ?? layOutPopulations(respondents);
  const encoded = prepared?.encoded ?? encodeAnswers(wave, populationCode, localRow, counts);
  // Copies of a shared encoding (analyseWave writes over it; a worker thread takes the arrays it is given).
  const own = <T extends Uint8Array | Int32Array>(array: T): T => (prepared ? (array.slice() as T) : array);
  const competencyIndex = new Map(wave.answers.competencies.map((id, index) => [id, index]));
  return {
    populations: (['industry', 'education'] as const).map((population, code) => ({
      importanceCodes: own(encoded.populations[code].importanceCodes), otherCodes: own(encoded.populations[code].otherCodes), rowDomain: own(rowDomains[code]),
      weights: prepared?.weighed ? prepared.weighed[code].weighting.weights.slice() : computePopulationWeights(population, respondents, memberIndex[code], config, []).weights,
    })),
    levelValues: encoded.levelValues, competencies: wave.answers.competencies.length, domainCount: regions.length,
    unitMembers: frameworks.map((framework) => unitsInWave(framework, competencyIndex).units.map((unit) => Int32Array.from(unit.competencies, (id) => competencyIndex.get(id)!))),
  };
}

/** A framework's units with at least one competency in the wave (with those competencies), and the others. */
function unitsInWave(framework: ResolvedFramework, competencyIndex: ReadonlyMap<string, number>) {
  const members = competenciesOfUnits(framework);
  const units: (FrameworkUnit & { competencies: string[] })[] = [];
  const unmappedUnits: FrameworkUnit[] = [];
  for (const unit of framework.definition.units) {
    const inWave = (members.get(unit.id) ?? []).filter((competency) => competencyIndex.has(competency));
    if (inWave.length > 0) units.push({ ...unit, competencies: inWave });
    else unmappedUnits.push(unit);
  }
  return { units, unmappedUnits };
}

function* rollUpFramework(
  wave: NormalisedWave, config: WaveConfig, framework: ResolvedFramework, regions: string[], statistics: FrameworkStatistics,
  hiddenCompetencyUnits: ReadonlySet<string>,
): RankSetSteps<FrameworkRollup> {
  const { definition } = framework;
  const competencyIndex = new Map(wave.answers.competencies.map((id, index) => [id, index]));
  const { units, unmappedUnits } = unitsInWave(framework, competencyIndex);
  const U = units.length;
  const R = regions.length;
  const blocks = [...regions, GLOBAL_REGION];
  const { histograms } = statistics;
  const means = histograms.map((histogram) => ({
    importance: domainMeansOfHistogram(histogram.importance, U, R),
    other: domainMeansOfHistogram(histogram.other, U, R),
    gap: domainMeansOfHistogram(histogram.gap, U, R),
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

  // Disclosure control, as for the competencies: the unit plays the part of the competency.
  const protectedRows = protectFrameworkRows(rows, units, histograms, blocks, disclosureRuleOf(config, wave.scale), hiddenCompetencyUnits);
  rows.splice(0, rows.length, ...protectedRows);
  for (const [measure, map] of [['gap_preparedness', gapRow.prep], ['gap_curriculum', gapRow.curr], ['gap_education', gapRow.edu]] as const) {
    rows.forEach((row, index) => {
      if (row.measure === measure) map.set(Math.floor(index / MEASURES_PER_CELL), row);
    });
  }

  runUnitTests(histograms, blocks.length, U, gapRow);
  yield* rankUnits(wave, config, units, blocks, statistics, industry, gapRow.prep);
  const noHome = [...framework.noHome].map(([competency, reason]) => ({ competency, reason })).filter((entry) => competencyIndex.has(entry.competency));
  return {
    framework: definition.id, name: definition.name, shortName: definition.shortName ?? definition.id, version: definition.version, source: definition.source,
    unitLabel: definition.unitLabel ?? 'unit', units, unmappedUnits, noHome, rows,
  };
}

/** Rows pushed per cell, in this order: importance, preparedness, education importance, coverage, three gaps. */
const MEASURES_PER_CELL = 7;

/**
 * A framework's rows through protectTables (stages/analyse/disclosure/): each row as an EstimateRow whose
 * competency is the unit; Kish effective n from the composites' weights; the units hidden by the
 * competency rule enter as already suppressed (they count as secondary suppressions). No answer
 * distributions are published for units. Returns the protected rows in the same order.
 */
function protectFrameworkRows(
  rows: readonly FrameworkEstimateRow[], units: readonly FrameworkUnit[], histograms: PopulationHistograms[], blocks: string[],
  rule: ReturnType<typeof disclosureRuleOf>, hiddenCompetencyUnits: ReadonlySet<string>,
): FrameworkEstimateRow[] {
  const members = new Map(units.map((unit) => [unit.id, (unit as FrameworkUnit & { competencies?: string[] }).competencies ?? []]));
  const hiddenUnits = new Set<string>();
  for (const row of rows) {
    if (row.population === 'both') continue;
    if ((members.get(row.unit) ?? []).some((competency) => hiddenCompetencyUnits.has(unitKey(row.population, row.region, competency)))) {
      hiddenUnits.add(unitKey(row.population, row.region, row.unit));
    }
  }
  const unitIndex = new Map(units.map((unit, index) => [unit.id, index]));
  const effectiveNOf = (row: EstimateRow) => {
    if (row.population === 'both') return Infinity;
    const histogram = histograms[row.population === 'industry' ? 0 : 1];
    const measure = row.measure === 'importance' ? histogram.importance : row.measure.startsWith('gap') ? histogram.gap : histogram.other;
    return kishEffectiveN(measure, (blocks.indexOf(row.region) * units.length + unitIndex.get(row.competency)!) * measure.values.length);
  };
  const asEstimates: EstimateRow[] = rows.map((row) => ({ ...row, competency: row.unit }));
  const result = protectTables(asEstimates, [], rule, { effectiveNOf, extraSuppressedUnits: hiddenUnits });
  return result.estimates.map((row) => {
    const { competency: _unit, ...framework } = row as EstimateRow & FrameworkEstimateRow;
    return framework;
  });
}

/** Kish effective n, (Σw)²/Σw², of the respondents with a value in a histogram cell (its bins start at offset). */
function kishEffectiveN(histogram: CompositeHistogram, offset: number): number {
  let sum = 0, sumSquares = 0;
  for (let bin = offset; bin < offset + histogram.values.length; bin++) {
    sum += histogram.sumWeights[bin];
    sumSquares += histogram.sumSquaredWeights[bin];
  }
  return sumSquares > 0 ? (sum * sum) / sumSquares : 0;
}

/** Weighted mean, SE and SD of each unit's composite per block (stats/histogram-mean.ts), laid out (domains + 1) × units like the competency cells. */
function domainMeansOfHistogram(histogram: CompositeHistogram, U: number, domainCount: number): DomainMeans {
  const cells = (domainCount + 1) * U;
  const result: DomainMeans = { n: new Float64Array(cells), sumWeights: new Float64Array(cells), mean: new Float64Array(cells), se: new Float64Array(cells), sd: new Float64Array(cells) };
  const V = histogram.values.length;
  for (let cell = 0; cell < cells; cell++) {
    const one = histogramMean(histogram.values, histogram.count, histogram.sumWeights, histogram.sumSquaredWeights, cell * V, V, histogram.designRows, histogram.domainRows[Math.floor(cell / U)]);
    for (const key of ['n', 'sumWeights', 'mean', 'se', 'sd'] as const) result[key][cell] = one[key];
  }
  return result;
}

/**
 * The values a cell's counts are given over for a rank test: those of one unit's composites in the
 * Global block (as the test would see the unit's column), with the count of each in every block.
 */
function unitValueCounts(histograms: readonly CompositeHistogram[], unit: number, U: number, blockCount: number): { values: Float64Array; counts: Float64Array[] } {
  const global = blockCount - 1;
  const values = Float64Array.from(new Set(histograms.flatMap((histogram) => {
    const offset = (global * U + unit) * histogram.values.length;
    return Array.from(histogram.values).filter((_value, code) => histogram.count[offset + code] > 0);
  }))).sort();
  const position = new Map(Array.from(values, (value, index) => [value, index]));
  const counts = histograms.map((histogram) => {
    const table = new Float64Array(blockCount * values.length);
    const V = histogram.values.length;
    for (let block = 0; block < blockCount; block++) {
      for (let code = 0; code < V; code++) {
        const count = histogram.count[(block * U + unit) * V + code];
        if (count > 0) table[block * values.length + position.get(histogram.values[code])!] = count;
      }
    }
    return table;
  });
  return { values, counts };
}

/** Wilcoxon for the paired gaps and Mann–Whitney for the curriculum gap, from counts of the composite values; BH across the framework. */
function runUnitTests(histograms: PopulationHistograms[], blockCount: number, U: number, gapRow: Record<'prep' | 'curr' | 'edu', Map<number, FrameworkEstimateRow>>): void {
  const tested: FrameworkEstimateRow[] = [];
  for (let unit = 0; unit < U; unit++) {
    for (const [code, rowsOf] of [[0, gapRow.prep], [1, gapRow.edu]] as const) {
      const { values, counts: [counts] } = unitValueCounts([histograms[code].gap], unit, U, blockCount);
      for (let block = 0; block < blockCount; block++) {
        const row = rowsOf.get(block * U + unit)!;
        if (row.suppressed) continue;
        const result = wilcoxonSignedRankFromCounts(values, counts.subarray(block * values.length, (block + 1) * values.length));
        Object.assign(row, { test: 'wilcoxon_signed_rank', statistic: result.statistic, pValue: result.pValue, effectSize: matchedPairsRankBiserial(result.positiveRankSum, result.negativeRankSum) });
        tested.push(row);
      }
    }
    const { values: pooled, counts: [first, second] } = unitValueCounts([histograms[0].importance, histograms[1].other], unit, U, blockCount);
    for (let block = 0; block < blockCount; block++) {
      const row = gapRow.curr.get(block * U + unit)!;
      if (row.suppressed) continue;
      const slice = (counts: Float64Array) => counts.subarray(block * pooled.length, (block + 1) * pooled.length);
      const result = mannWhitneyUFromCounts(pooled, slice(first), slice(second));
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
function* rankUnits(
  wave: NormalisedWave, config: WaveConfig, units: FrameworkUnit[], blocks: string[], statistics: FrameworkStatistics,
  means: { importance: DomainMeans; other: DomainMeans; gap: DomainMeans }, prepRows: Map<number, FrameworkEstimateRow>,
): RankSetSteps<void> {
  const U = units.length;
  // Only industry's published units are ranked (disclosure control has run: a suppressed gap row is a hidden unit).
  const eligible = Uint8Array.from(means.gap.n, (_n, cell) => (prepRows.get(cell)!.suppressed ? 0 : 1));
  // Confidence sets for the MWDS ranks of the units, as for competencies (stats/mwds-rank-sets.ts),
  // the blocks' problems solved by the caller.
  const options = { competencies: U, domainCount: blocks.length - 1, eligible, seed: config.analysis.seed };
  const problems = mwdsRankSetProblems(statistics.mwds, statistics.covariance, options);
  const rankSets = mwdsRankSetsFromSolutions(statistics.mwds, options, problems, yield problems);
  const rankings = buildRankings({
    wave: wave.wave, blocks, competencies: units.map((unit) => unit.id), config, scale: wave.scale,
    industry: { importanceMeans: means.importance, otherMeans: means.other, gapMeans: means.gap }, eligible, rankSets, rankedDiscrepancy: statistics.rankedDiscrepancy,
  });
  rankings.forEach((ranking, cell) => {
    if (ranking.suppressed) return;
    Object.assign(prepRows.get(cell)!, { mwds: ranking.mwds, rank: ranking.rank, rankCiLow: ranking.rankCiLow, rankCiHigh: ranking.rankCiHigh, quadrant: ranking.quadrant });
  });
}
