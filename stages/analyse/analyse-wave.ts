/**
 * The analysis stage: NormalisedWave → AnalysisResult (estimates, gaps, tests, rankings,
 * distributions, weighting).
 *
 *   answers (the wide AnswerTable) ──encodeAnswers, one pass──▶ per population: respondents ×
 *     competencies byte matrices of AnswerTable codes (importance; preparedness for industry,
 *     coverage for education)
 *   ──buildCellHistograms, one pass──▶ per region × competency: (1, w, w²) per joint code
 *     (importance level, other level); Global = sum of the regions; joint codes kept per respondent
 *   ──summariseCells──▶ weighted means, SEs, SDs, top-two-box shares, the paired gaps, answer
 *     distributions; curriculum gap = difference of independent means; rank tests from the counts
 *   rankings: Borich MWDS on the preparedness gap, marginal and simultaneous confidence sets for
 *     the ranks (linearisation covariance of the MWDS from the joint codes, Mogstad et al. 2024),
 *     the ranked-discrepancy score from the joint codes, IPA quadrants
 *   disclosure control (stages/analyse/disclosure/): a cell with unweighted n < minN (optionally Kish
 *     n_eff < minN) and the cells chosen by complementary suppression show no value and no n anywhere,
 *     nor do values derived from them; tests, rank sets and rankings see only published cells.
 *
 * Design per population: all its kept respondents form one design (one stage, with replacement,
 * weights from population-weights.ts); a region × competency cell is a domain of that design.
 * Ratings take few distinct values, so every statistic is computed from per-cell histograms: the
 * same numbers as summing over respondents (stats/histogram-mean.ts, the *-counts.ts tests), at a
 * cost of two passes over the data whatever the number of statistics.
 * Methods and references: docs/methods.md and the doc comment of each stages/analyse/stats file.
 */
import type { AnalysisResult, Dimension, DistributionRow, EstimateRow, NormalisedWave, Population, ScoredRankingRow, TestRow, Warning, WaveConfig } from '../../contracts/types.ts';
import * as messages from '../../contracts/messages/analysis.ts';
import {
  benjaminiHochberg, cliffsDelta, differenceOfIndependentMeans, mannWhitneyUFromCounts, matchedPairsRankBiserial,
  mwdsCovariance, mwdsRankSetProblems, mwdsRankSetsFromSolutions, rankedDiscrepancyScores, wilcoxonSignedRankFromCounts, type DomainMeans,
} from './stats/index.ts';
import { solveStepsHere, type RankSetSteps } from './rank-set-steps.ts';
import { askedCells, flagNotAsked } from './not-asked.ts';
import { layOutPopulations, type PopulationLayout } from './population-layout.ts';
import { weighPopulation, type MarginFit, type WeighedPopulation } from './population-weights.ts';
import { describeEstimate, type CellMeasure } from './describe-estimate.ts';
import { buildRankings } from './build-rankings.ts';
import { encodeAnswers, type EncodedAnswers } from './encode-answers.ts';
import { buildCellHistograms, describeJointCodes, summariseCells, type CellSummaries, type JointCoding } from './cell-histograms.ts';
import { blankSuppressedTests, protectTables } from './disclosure/index.ts';
import { disclosureRuleOf, globalOverRegions, unitKey } from '../../contracts/disclosure/disclosure-rule.ts';
import { describeCountryDomains, isCountryDomainKey, regionOverCountries, splitCountryRows } from './country-domains.ts';

export const GLOBAL_REGION = 'Global';
const HIDDEN = { df: NaN, ciLow: NaN, ciHigh: NaN, ciMethod: '' as const, top2CiLow: NaN, top2CiHigh: NaN, deff: NaN, effectiveN: NaN, kishEffectiveN: NaN };

interface PopulationData {
  population: Population;
  rows: number;
  weights: Float64Array;
  rowDomain: Int32Array;
  /** Joint code (importance level, other level) per respondent × competency; industry only (the rankings read it). */
  jointCode: Uint8Array | Uint16Array | undefined;
  cells: CellSummaries;
  /** The same population with country as the domain (analysis/country-domains.ts). */
  countryRowDomain: Int32Array;
  countryCells: CellSummaries;
}

/**
 * `phaseSeconds` (optional, for tools/bench/analysis-bench.ts): receives the wall time of each part of the
 * stage and, as "<part> cpu", the process's CPU time in it (all threads: on a shared machine the
 * steadier figure), so a benchmark can say where the time goes without a profiler. Results do not
 * depend on it.
 */
/**
 * The wave's population layout and encoded answers, when the caller made them already (analyse-run.ts
 * shares them with the framework roll-ups). analyseWave consumes the encoding: it writes its joint
 * codes over industry's importance codes.
 */
export interface PreparedAnswers {
  layout: PopulationLayout;
  encoded: EncodedAnswers;
  /** Industry's and education's weights (population-weights.ts weighPopulation), when already computed. */
  weighed?: readonly WeighedPopulation[];
}

export type WaveAnalysis = AnalysisResult & { distributions: DistributionRow[] };

/** The whole analysis in this thread (analyseWaveSteps with each block's rank sets solved here). */
export function analyseWave(
  wave: NormalisedWave,
  config: WaveConfig,
  phaseSeconds?: Record<string, number>,
  onWeights?: (population: Population, memberIndex: Int32Array, baseWeights: Float64Array, finalWeights: Float64Array) => void,
  prepared?: PreparedAnswers,
): WaveAnalysis {
  return solveStepsHere(analyseWaveSteps(wave, config, phaseSeconds, onWeights, prepared));
}

/**
 * The analysis as steps: it yields once, the rank-set problems of every region and country block
 * (known once disclosure control has decided which cells are ranked), and goes on with their
 * solutions. analyseWave solves them in this thread; the analyse stage shares them with a worker
 * thread (rank-set-steps.ts). Either way each block's sets come from its own seeded stream, so
 * they are the same.
 */
export function* analyseWaveSteps(
  wave: NormalisedWave,
  config: WaveConfig,
  phaseSeconds?: Record<string, number>,
  onWeights?: (population: Population, memberIndex: Int32Array, baseWeights: Float64Array, finalWeights: Float64Array) => void,
  prepared?: PreparedAnswers,
): RankSetSteps<WaveAnalysis> {
  let phaseStart = performance.now();
  let phaseCpu = phaseSeconds ? process.cpuUsage() : undefined;
  const phase = (name: string) => {
    if (!phaseSeconds || !phaseCpu) return;
    const now = performance.now();
    const cpu = process.cpuUsage(phaseCpu);
    phaseSeconds[name] = (phaseSeconds[name] ?? 0) + (now - phaseStart) / 1000;
    phaseSeconds[`${name} cpu`] = (phaseSeconds[`${name} cpu`] ?? 0) + (cpu.user + cpu.system) / 1e6;
    phaseStart = now;
    phaseCpu = process.cpuUsage();
  };
  const warnings: Warning[] = [];
  const { answers, respondents } = wave;
  const competencies = answers.competencies;
  const K = competencies.length;
  // Respondent → population, local row (its row in the population's matrices) and region code.
  const { populationCode, localRow, counts, regions, memberIndex, rowDomains } = prepared?.layout ?? layOutPopulations(respondents);
  const R = regions.length;
  const blocks = [...regions, GLOBAL_REGION];
  const weighting: AnalysisResult['weighting'] = [];
  const marginFit: MarginFit[] = [];
  phase('setup');
  const encoded = prepared?.encoded ?? encodeAnswers(wave, populationCode, localRow, counts);
  phase('encodeAnswers');
  // Per population: each local row's country domain code.
  const countryDomains = describeCountryDomains(respondents);
  const countryRowDomains = counts.map((count) => new Int32Array(count));
  const C = countryDomains.keys.length;
  respondents.forEach((respondent, index) => {
    countryRowDomains[populationCode[index]][localRow[index]] = countryDomains.codeOf(respondent);
  });
  const coding = describeJointCodes(encoded.levelValues);
  const analysePopulation = (population: Population, code: number): PopulationData => {
    const weighed = prepared?.weighed?.[code] ?? weighPopulation(population, respondents, memberIndex[code], config);
    warnings.push(...weighed.warnings);
    const { weights, baseWeights, summary, calibration, marginFit: fit } = weighed.weighting;
    weighting.push(summary);
    marginFit.push(...fit);
    onWeights?.(population, memberIndex[code], baseWeights, weights);
    const rowDomain = rowDomains[code];
    phase('weights');
    // Country as a domain of the same design: the same weights and estimator, another domain code.
    // First, without keeping joint codes: the region pass below writes them over the answer states.
    const countryRowDomain = countryRowDomains[code];
    const countryHistograms = buildCellHistograms(encoded.populations[code], coding, weights, countryRowDomain, K, C, false, calibration);
    const countryCells = summariseCells(countryHistograms, coding, encoded.levelValues, K, C, counts[code], wave.scale.max, calibration);
    phase('country domains');
    const histograms = buildCellHistograms(encoded.populations[code], coding, weights, rowDomain, K, R, population === 'industry', calibration);
    phase('buildCellHistograms');
    const cells = summariseCells(histograms, coding, encoded.levelValues, K, R, counts[code], wave.scale.max, calibration);
    phase('summariseCells');
    if (encoded.populations[code].unexpected > 0) {
      warnings.push({ code: 'unexpected_dimension', message: messages.unexpectedDimension(encoded.populations[code].unexpected, population, code === 0 ? 'coverage' : 'preparedness') });
    }
    return { population, rows: counts[code], weights, rowDomain, jointCode: histograms.jointCode, cells, countryRowDomain, countryCells };
  };
  const { minN, lowReliabilityN } = config.suppression;
  const industry = analysePopulation('industry', 0);
  const education = analysePopulation('education', 1);
  const data = [industry, education];

  const flagFor = (n: number) => (n < minN ? 'suppressed_small_n' : n < lowReliabilityN ? 'low_reliability' : '');
  const cells = (R + 1) * K;
  const suppressedCell = { industryImportance: new Uint8Array(cells), prep: new Uint8Array(cells), gapPrep: new Uint8Array(cells), gapCurr: new Uint8Array(cells), gapEdu: new Uint8Array(cells) };
  const scale = wave.scale;
  // One estimator for every kind of domain: the region blocks (and Global), then the country blocks.
  const estimateBlocks = (blocks: readonly string[], cellsOf: (population: PopulationData) => CellSummaries, estimates: EstimateRow[]) => {
    const cells = blocks.length * K;
    const suppressedCell = { industryImportance: new Uint8Array(cells), prep: new Uint8Array(cells), gapPrep: new Uint8Array(cells), gapCurr: new Uint8Array(cells), gapEdu: new Uint8Array(cells) };
    const pushEstimate = (cell: number, population: EstimateRow['population'], measure: EstimateRow['measure'], means: CellMeasure, top2: CellMeasure | undefined, derivedSuppressed = false): boolean => {
      const smallN = means.n < minN;
      const suppressed = smallN || derivedSuppressed;
      const answerScale = { low: scale.min, high: scale.max };
      // Suppressed rows publish none of it: not computed (the quantile inversions are the cost here).
      const described = suppressed ? HIDDEN : describeEstimate(means, top2, measure.startsWith('gap') ? { low: scale.min - scale.max, high: scale.max - scale.min } : answerScale, answerScale);
      const hide = (value: number) => (suppressed ? NaN : value);
      estimates.push({
        wave: wave.wave, region: blocks[Math.floor(cell / K)], competency: competencies[cell % K], population, measure, n: means.n,
        mean: hide(means.mean), sd: hide(means.sd), se: hide(means.se),
        ciLow: hide(described.ciLow), ciHigh: hide(described.ciHigh), top2Share: hide(top2 ? top2.mean : NaN),
        suppressed, flag: smallN ? 'suppressed_small_n' : derivedSuppressed ? 'suppressed_derived' : flagFor(means.n),
        df: hide(described.df), ciMethod: suppressed ? '' : described.ciMethod, top2CiLow: hide(described.top2CiLow), top2CiHigh: hide(described.top2CiHigh),
        deff: hide(described.deff), effectiveN: hide(described.effectiveN), kishEffectiveN: hide(described.kishEffectiveN),
      });
      return suppressed;
    };
    const at = (means: DomainMeans, cell: number, designRows: number): CellMeasure => ({
      designRows, n: means.n[cell], mean: means.mean[cell], sd: means.sd[cell], se: means.se[cell],
      sumWeights: means.sumWeights[cell], sumSquaredWeights: means.sumSquaredWeights![cell], srsVariance: means.srsVariance![cell],
    });

    const industryCells = cellsOf(industry);
    const educationCells = cellsOf(education);
    for (let cell = 0; cell < cells; cell++) {
      suppressedCell.industryImportance[cell] = +pushEstimate(cell, 'industry', 'importance', at(industryCells.importance, cell, industry.rows), at(industryCells.importanceTop2, cell, industry.rows));
      suppressedCell.prep[cell] = +pushEstimate(cell, 'industry', 'preparedness', at(industryCells.other, cell, industry.rows), at(industryCells.otherTop2, cell, industry.rows));
      const educationImportanceSuppressed = pushEstimate(cell, 'education', 'importance', at(educationCells.importance, cell, education.rows), at(educationCells.importanceTop2, cell, education.rows));
      const coverageSuppressed = pushEstimate(cell, 'education', 'coverage', at(educationCells.other, cell, education.rows), at(educationCells.otherTop2, cell, education.rows));
      suppressedCell.gapPrep[cell] = +pushEstimate(cell, 'industry', 'gap_preparedness', at(industryCells.gap, cell, industry.rows), undefined,
        suppressedCell.industryImportance[cell] === 1 || suppressedCell.prep[cell] === 1);
      const industryImportance = at(industryCells.importance, cell, industry.rows);
      const coverage = at(educationCells.other, cell, education.rows);
      const curriculum = differenceOfIndependentMeans(industryImportance.mean, industryImportance.se, coverage.mean, coverage.se);
      suppressedCell.gapCurr[cell] = +pushEstimate(cell, 'both', 'gap_curriculum',
        { n: industryImportance.n + coverage.n, mean: curriculum.difference, sd: NaN, se: curriculum.se, parts: [industryImportance, coverage] }, undefined,
        suppressedCell.industryImportance[cell] === 1 || coverageSuppressed);
      suppressedCell.gapEdu[cell] = +pushEstimate(cell, 'education', 'gap_education', at(educationCells.gap, cell, education.rows), undefined, educationImportanceSuppressed || coverageSuppressed);
    }
  };
  const estimates: EstimateRow[] = [];
  estimateBlocks(blocks, (population) => population.cells, estimates);
  // Country blocks (the last two, unknown country and the whole design, are not country domains).
  const countryBlocks = [...countryDomains.keys, GLOBAL_REGION];
  const countryEstimates: EstimateRow[] = [];
  estimateBlocks(countryBlocks, (population) => population.countryCells, countryEstimates);
  const publishedCountryEstimates = countryEstimates.filter((row) => isCountryDomainKey(row.region) && row.region !== countryDomains.keys[C - 1]);

  phase('estimates');
  // Disclosure control (stages/analyse/disclosure/): primary, then complementary suppression over the
  // estimates and answer distributions; the rankings and tests see only what is published.
  // Regions and countries are protected together: Global = Σ regions and each region = Σ its
  // countries, so complementary suppression also keeps a country cell from being computed back from
  // its region's total (analysis/country-domains.ts).
  const countryDistributions = buildDistributions(countryBlocks, competencies, data, encoded.levelValues, wave.scale, 0, (population) => population.countryCells)
    .filter((row) => isCountryDomainKey(row.region) && row.region !== countryDomains.keys[C - 1]);
  const protectedTables = protectTables([...estimates, ...publishedCountryEstimates], [...buildDistributions(blocks, competencies, data, encoded.levelValues, wave.scale, 0), ...countryDistributions], disclosureRuleOf(config, wave.scale), {
    relations: [...globalOverRegions(estimates), ...regionOverCountries(countryDomains)],
    effectiveNOf: (row) => (isCountryDomainKey(row.region) ? effectiveNOfRow(row, countryBlocks, competencies, data, true) : effectiveNOfRow(row, blocks, competencies, data)),
  });
  estimates.splice(0, estimates.length, ...protectedTables.estimates.filter((row) => !isCountryDomainKey(row.region)));
  const published = (population: string, cell: number) => !protectedTables.suppressedUnits.has(unitKey(population, blocks[Math.floor(cell / K)], competencies[cell % K]));
  for (let cell = 0; cell < cells; cell++) {
    suppressedCell.gapPrep[cell] = published('industry', cell) ? 0 : 1;
    suppressedCell.gapEdu[cell] = published('education', cell) ? 0 : 1;
    suppressedCell.gapCurr[cell] = published('industry', cell) && published('education', cell) ? 0 : 1;
  }
  phase('disclosure control');
  // The rank sets and rankings see only industry's published cells.
  const eligible = Uint8Array.from({ length: cells }, (_, cell) => (published('industry', cell) ? 1 : 0));
  const tests = blankSuppressedTests(runTests(wave.wave, blocks, competencies, data, coding, encoded.levelValues, suppressedCell));
  phase('tests');
  const rankedDiscrepancy = rankedDiscrepancyScores(industry.jointCode!, coding.differenceLevelOfCode, coding.differenceValues.length, industry.weights, industry.rowDomain, K, R);
  phase('rankedDiscrepancy');
  // Confidence sets for the MWDS ranks of each region and Global, and of each country
  // (stats/mwds-rank-sets.ts): the blocks' problems in one batch, solved by the caller.
  const countryPublished = (cell: number) => !protectedTables.suppressedUnits.has(unitKey('industry', countryBlocks[Math.floor(cell / K)], competencies[cell % K]));
  const countryEligible = Uint8Array.from({ length: countryBlocks.length * K }, (_, cell) => (cell < (C - 1) * K && countryPublished(cell) ? 1 : 0));
  const codes = { jointCode: industry.jointCode!, importanceOfCode: coding.importanceOfCode, discrepancyOfCode: coding.discrepancyOfCode, weights: industry.weights, competencies: K };
  const regionOptions = { competencies: K, domainCount: R, eligible, seed: config.analysis.seed };
  const countryOptions = { competencies: K, domainCount: C, eligible: countryEligible, seed: config.analysis.seed };
  // Covariances between the ranked cells only (the others are never read).
  const regionMwds = mwdsCovariance({ ...codes, rowDomain: industry.rowDomain, domainCount: R, wanted: eligible });
  const countryMwds = mwdsCovariance({ ...codes, rowDomain: industry.countryRowDomain, domainCount: C, wanted: countryEligible });
  const regionProblems = mwdsRankSetProblems(regionMwds.mwds, regionMwds.covariance, regionOptions);
  const countryProblems = mwdsRankSetProblems(countryMwds.mwds, countryMwds.covariance, countryOptions);
  const solutions = yield [...regionProblems, ...countryProblems];
  const rankSets = mwdsRankSetsFromSolutions(regionMwds.mwds, regionOptions, regionProblems, solutions.slice(0, regionProblems.length));
  const countryRankSets = mwdsRankSetsFromSolutions(countryMwds.mwds, countryOptions, countryProblems, solutions.slice(regionProblems.length));
  phase('rankSets');
  const rankings: ScoredRankingRow[] = buildRankings({
    wave: wave.wave, blocks, competencies, config, scale: wave.scale,
    industry: { importanceMeans: industry.cells.importance, otherMeans: industry.cells.other, gapMeans: industry.cells.gap },
    eligible, rankSets, rankedDiscrepancy,
  });
  phase('rankings');
  const distributions = protectedTables.distributions.filter((row) => !isCountryDomainKey(row.region));
  // Countries: MWDS rankings over each country's published industry cells, as for a region.
  const countryRankings = buildRankings({
    wave: wave.wave, blocks: countryBlocks, competencies, config, scale: wave.scale,
    industry: { importanceMeans: industry.countryCells.importance, otherMeans: industry.countryCells.other, gapMeans: industry.countryCells.gap },
    eligible: countryEligible,
    rankSets: countryRankSets,
    rankedDiscrepancy: rankedDiscrepancyScores(industry.jointCode!, coding.differenceLevelOfCode, coding.differenceValues.length, industry.weights, industry.countryRowDomain, K, C),
  });
  const asked = askedCells(wave);
  const countries = {
    estimates: splitCountryRows(flagNotAsked(protectedTables.estimates.filter((row) => isCountryDomainKey(row.region)), asked), countryDomains),
    distributions: splitCountryRows(protectedTables.distributions, countryDomains),
    rankings: splitCountryRows(countryRankings, countryDomains).map(({ rankedDiscrepancy: _rds, ...row }) => row),
  };
  phase('country rankings');
  return { wave: wave.wave, estimates: flagNotAsked(estimates, asked), tests, rankings, distributions, weighting, marginFit, warnings, countries };
}

/** Kish effective n of an estimate row's cell (rule `suppression.effectiveN`); Infinity for the curriculum gap (its units decide). */
function effectiveNOfRow(row: EstimateRow, blocks: string[], competencies: string[], data: PopulationData[], byCountry = false): number {
  if (row.population === 'both') return Infinity;
  const cell = blocks.indexOf(row.region) * competencies.length + competencies.indexOf(row.competency);
  const population = data[row.population === 'industry' ? 0 : 1];
  const { effectiveN } = byCountry ? population.countryCells : population.cells;
  return row.measure === 'importance' ? effectiveN.importance[cell] : row.measure.startsWith('gap') ? effectiveN.gap[cell] : effectiveN.other[cell];
}

/**
 * Answer counts per scale point (min..max) and missing answers, per region × competency ×
 * population × rated dimension, unweighted and weighted (Σw with the population's final weights);
 * both emptied where fewer than minN answers have a value (the n of the matching estimate). Values
 * off the scale points (none after normalise) are in n, not in counts.
 */
function buildDistributions(blocks: string[], competencies: string[], data: PopulationData[], levelValues: Float64Array, scale: { min: number; max: number }, minN: number, cellsOf = (population: PopulationData) => population.cells): DistributionRow[] {
  const K = competencies.length;
  const levels = levelValues.length;
  const scalePoints = Math.max(0, Math.floor(scale.max - scale.min) + 1);
  const rows: DistributionRow[] = [];
  const dimensions: Record<Population, [Dimension, Dimension]> = { industry: ['importance', 'preparedness'], education: ['importance', 'coverage'] };
  for (let cell = 0; cell < blocks.length * K; cell++) {
    for (const populationData of data) {
      const { population } = populationData;
      const cells = cellsOf(populationData);
      const sides = [
        [cells.importanceCounts, cells.importanceMissing, cells.importance, cells.importanceWeightedCounts, cells.importanceWeightedMissing],
        [cells.otherCounts, cells.otherMissing, cells.other, cells.otherWeightedCounts, cells.otherWeightedMissing],
      ] as const;
      sides.forEach(([levelCounts, missing, means, weightedLevelCounts, weightedMissing], side) => {
        const suppressed = means.n[cell] < minN;
        const counts: number[] = [];
        const weightedCounts: number[] = [];
        if (!suppressed) {
          for (let point = 0; point < scalePoints && point < levels; point++) {
            counts.push(levelCounts[cell * levels + point]);
            weightedCounts.push(weightedLevelCounts[cell * levels + point]);
          }
        }
        rows.push({
          region: blocks[Math.floor(cell / K)], competency: competencies[cell % K], population, dimension: dimensions[population][side], counts, missing: missing[cell],
          weightedCounts, weightedMissing: suppressed ? NaN : weightedMissing[cell], suppressed,
        });
      });
    }
  }
  return rows;
}

/**
 * Wilcoxon for the two paired gaps, Mann–Whitney for the curriculum gap, from each cell's counts;
 * Benjamini–Hochberg within each family a reader compares: one gap type at one level (Global, or one
 * region): the competencies a reader compares for one gap in one table or chart; written into `family`.
 */
function runTests(
  waveId: string, blocks: string[], competencies: string[], data: PopulationData[], coding: JointCoding, levelValues: Float64Array,
  suppressed: { gapPrep: Uint8Array; gapCurr: Uint8Array; gapEdu: Uint8Array },
): TestRow[] {
  const K = competencies.length;
  const [industry, education] = data;
  const levels = levelValues.length;
  const differenceLevels = coding.differenceValues.length;
  const tests: TestRow[] = [];
  const slice = (counts: Float64Array, cell: number, width: number) => counts.subarray(cell * width, (cell + 1) * width);
  for (let cell = 0; cell < blocks.length * K; cell++) {
    const region = blocks[Math.floor(cell / K)];
    const base = { wave: waveId, region, competency: competencies[cell % K] };
    const family = (gap: TestRow['gap']) => `${gap}:${region}`;
    for (const [gap, cells, isSuppressed] of [['gap_preparedness', industry.cells, suppressed.gapPrep[cell]], ['gap_education', education.cells, suppressed.gapEdu[cell]]] as const) {
      const pairs = cells.gap.n[cell];
      if (isSuppressed) {
        tests.push({ ...base, gap, test: 'wilcoxon_signed_rank', n1: pairs, n2: pairs, statistic: NaN, pValue: NaN, qValue: NaN, family: family(gap), effectSize: NaN, effectMeasure: 'rank_biserial', suppressed: true });
        continue;
      }
      const result = wilcoxonSignedRankFromCounts(coding.differenceValues, slice(cells.gapCounts, cell, differenceLevels));
      tests.push({ ...base, gap, test: 'wilcoxon_signed_rank', n1: pairs, n2: pairs, statistic: result.statistic, pValue: result.pValue, qValue: NaN, family: family(gap),
        effectSize: matchedPairsRankBiserial(result.positiveRankSum, result.negativeRankSum), effectMeasure: 'rank_biserial', suppressed: false });
    }
    if (suppressed.gapCurr[cell]) {
      tests.push({ ...base, gap: 'gap_curriculum', test: 'mann_whitney_u', n1: industry.cells.importance.n[cell], n2: education.cells.other.n[cell], statistic: NaN, pValue: NaN, qValue: NaN, family: family('gap_curriculum'), effectSize: NaN, effectMeasure: 'cliffs_delta', suppressed: true });
    } else {
      const result = mannWhitneyUFromCounts(levelValues, slice(industry.cells.importanceCounts, cell, levels), slice(education.cells.otherCounts, cell, levels));
      tests.push({ ...base, gap: 'gap_curriculum', test: 'mann_whitney_u', n1: result.n1, n2: result.n2, statistic: result.statistic, pValue: result.pValue, qValue: NaN, family: family('gap_curriculum'),
        effectSize: cliffsDelta(result.statistic, result.n1, result.n2), effectMeasure: 'cliffs_delta', suppressed: false });
    }
  }
  const families = new Map<string, TestRow[]>();
  for (const test of tests) {
    const members = families.get(test.family);
    if (members) members.push(test);
    else families.set(test.family, [test]);
  }
  for (const members of families.values()) {
    const qValues = benjaminiHochberg(Float64Array.from(members, (test) => test.pValue));
    members.forEach((test, index) => (test.qValue = qValues[index]));
  }
  return tests;
}

export { compareWaves, type WaveChangeRow } from './compare-waves.ts';
export { describeAnalysisTables } from './describe-analysis-tables.ts';
