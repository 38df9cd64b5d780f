/**
 * The analysis stage: NormalisedWave → AnalysisResult (estimates, gaps, tests, rankings, weighting).
 *
 *   answers (long, columnar) ──one pass──▶ per population: respondents × competencies matrices
 *     (importance; preparedness for industry, coverage for education; NaN = missing)
 *   each matrix ──estimateDomainMeans (2 passes)──▶ every region × competency cell + Global at once
 *   paired gaps = svymean of I − P (or I − coverage) over complete pairs; curriculum gap = difference
 *     of independent means; rank tests per cell on values grouped by cell in one counting pass
 *   rankings: Borich MWDS on the preparedness gap, bootstrap rank intervals, IPA quadrants
 *   suppression last: a cell with unweighted n < minN shows no value anywhere, nor do values derived from it.
 *
 * Design per population: all its kept respondents form one design (one stage, with replacement,
 * weights from population-weights.ts); a region × competency cell is a domain of that design.
 * Methods and references: docs/methods.md and the doc comment of each analysis/stats file.
 */
import type { AnalysisResult, EstimateRow, NormalisedWave, Population, RankingRow, TestRow, Warning, WaveConfig } from '../pipeline/types.ts';
import { DIMENSIONS } from '../pipeline/types.ts';
import { ValidationError } from '../pipeline/errors.ts';
import * as messages from '../pipeline/messages/analysis.ts';
import {
  benjaminiHochberg, bootstrapRankIntervals, borichMwds, cliffsDelta, differenceOfIndependentMeans, estimateDomainMeans,
  estimateTopTwoBox, importancePerformanceQuadrant, ipaCrosshair, mannWhitneyU, matchedPairsRankBiserial,
  normalConfidenceInterval, pairedDifferences, rankedDiscrepancyScores, wilcoxonSignedRank, type DomainMeans,
} from './stats/index.ts';
import { computePopulationWeights } from './population-weights.ts';
import { groupByCell } from './group-by-cell.ts';
import { buildRankings } from './build-rankings.ts';

export const GLOBAL_REGION = 'Global';

/** RankingRow plus the ranked-discrepancy score (LOCAL extension; not yet a column of rankings.csv). */
export interface RankingRowWithRds extends RankingRow {
  rankedDiscrepancy: number;
}

interface PopulationData {
  population: Population;
  rows: number;
  weights: Float64Array;
  rowDomain: Int32Array;
  importance: Float64Array;
  /** preparedness (industry) or coverage (education); overwritten by the paired difference. */
  other: Float64Array;
  importanceMeans: DomainMeans;
  otherMeans: DomainMeans;
  importanceTop2: DomainMeans;
  otherTop2: DomainMeans;
  gapMeans: DomainMeans;
  /** Coverage values grouped by cell before `other` is overwritten (education only; Mann–Whitney input). */
  coverageByCell?: { offsets: Int32Array; values: Float64Array };
}

export function analyseWave(wave: NormalisedWave, config: WaveConfig): AnalysisResult {
  const warnings: Warning[] = [];
  const { answers, respondents } = wave;
  const competencies = answers.competencies;
  const K = competencies.length;
  const regions = [...new Set(respondents.map((respondent) => respondent.region))].sort();
  const regionCode = new Map(regions.map((region, index) => [region, index]));
  const R = regions.length;
  const blocks = [...regions, GLOBAL_REGION];

  // Respondent → population and local row.
  const populationCode = new Uint8Array(respondents.length);
  const localRow = new Int32Array(respondents.length);
  const counts = [0, 0];
  respondents.forEach((respondent, index) => {
    const code = respondent.population === 'industry' ? 0 : 1;
    populationCode[index] = code;
    localRow[index] = counts[code]++;
  });
  const weighting: AnalysisResult['weighting'] = [];
  const data: PopulationData[] = (['industry', 'education'] as Population[]).map((population, code) => {
    const members = respondents.filter((respondent) => respondent.population === population);
    const { weights, summary } = computePopulationWeights(population, members, config, warnings);
    weighting.push(summary);
    const rowDomain = new Int32Array(members.length);
    members.forEach((member, row) => (rowDomain[row] = regionCode.get(member.region)!));
    return {
      population, rows: counts[code], weights, rowDomain,
      importance: new Float64Array(counts[code] * K).fill(NaN), other: new Float64Array(counts[code] * K).fill(NaN),
    } as PopulationData;
  });

  // One pass over the long answer table into the matrices.
  const present = [new Uint8Array(counts[0] * K * 2), new Uint8Array(counts[1] * K * 2)];
  const unexpected = [0, 0];
  // Matrix slot per population code × dimension code (0 importance, 1 preparedness/coverage, −1 not asked).
  const slotOf = [Int8Array.from(DIMENSIONS, (d) => (d === 'importance' ? 0 : d === 'preparedness' ? 1 : -1)), Int8Array.from(DIMENSIONS, (d) => (d === 'importance' ? 0 : d === 'coverage' ? 1 : -1))];
  const rowCount = respondents.length;
  for (let entry = 0; entry < answers.length; entry++) {
    const respondent = answers.respondentIndex[entry];
    const competency = answers.competencyIndex[entry];
    if (respondent < 0 || respondent >= rowCount) throw new ValidationError(messages.answerOutOfRange(entry, 'respondentIndex'));
    if (competency >= K) throw new ValidationError(messages.answerOutOfRange(entry, 'competencyIndex'));
    const code = populationCode[respondent];
    const slot = slotOf[code][answers.dimension[entry]] ?? -1;
    if (slot < 0) {
      unexpected[code]++;
      continue;
    }
    const cell = localRow[respondent] * K + competency;
    const seen = present[code];
    if (seen[cell * 2 + slot]) {
      const where = respondents[respondent];
      throw new ValidationError(messages.duplicateAnswer(competencies[competency], DIMENSIONS[answers.dimension[entry]]), { file: where.sourceFile, row: where.sourceRow });
    }
    seen[cell * 2 + slot] = 1;
    (slot === 0 ? data[code].importance : data[code].other)[cell] = answers.value[entry];
  }
  unexpected.forEach((count, code) => {
    if (count > 0) warnings.push({ code: 'unexpected_dimension', message: messages.unexpectedDimension(count, data[code].population, code === 0 ? 'coverage' : 'preparedness') });
  });

  // Estimates: two passes per matrix, every domain at once.
  const scratch = new Float64Array(Math.max(counts[0], counts[1]) * K);
  for (const population of data) {
    population.importanceMeans = estimateDomainMeans(population.importance, population.weights, population.rowDomain, K, R);
    population.otherMeans = estimateDomainMeans(population.other, population.weights, population.rowDomain, K, R);
    population.importanceTop2 = estimateTopTwoBox(population.importance, population.weights, population.rowDomain, K, R, wave.scale.max, scratch.subarray(0, population.rows * K));
    population.otherTop2 = estimateTopTwoBox(population.other, population.weights, population.rowDomain, K, R, wave.scale.max, scratch.subarray(0, population.rows * K));
    if (population.population === 'education') population.coverageByCell = groupByCell(population.other, population.rowDomain, K, R);
    pairedDifferences(population.importance, population.other, population.other);
    population.gapMeans = estimateDomainMeans(population.other, population.weights, population.rowDomain, K, R);
  }
  const [industry, education] = data;

  const { minN, lowReliabilityN } = config.suppression;
  const flagFor = (n: number) => (n < minN ? 'suppressed_small_n' : n < lowReliabilityN ? 'low_reliability' : '');
  const estimates: EstimateRow[] = [];
  const cells = (R + 1) * K;
  const suppressedCell = { industryImportance: new Uint8Array(cells), prep: new Uint8Array(cells), gapPrep: new Uint8Array(cells), gapCurr: new Uint8Array(cells), gapEdu: new Uint8Array(cells) };
  const pushEstimate = (cell: number, population: EstimateRow['population'], measure: EstimateRow['measure'], means: { n: number; mean: number; sd: number; se: number }, top2: number, derivedSuppressed = false): boolean => {
    const smallN = means.n < minN;
    const suppressed = smallN || derivedSuppressed;
    const interval = normalConfidenceInterval(means.mean, means.se);
    estimates.push({
      wave: wave.wave, region: blocks[Math.floor(cell / K)], competency: competencies[cell % K], population, measure, n: means.n,
      mean: suppressed ? NaN : means.mean, sd: suppressed ? NaN : means.sd, se: suppressed ? NaN : means.se,
      ciLow: suppressed ? NaN : interval.low, ciHigh: suppressed ? NaN : interval.high, top2Share: suppressed ? NaN : top2,
      suppressed, flag: smallN ? 'suppressed_small_n' : derivedSuppressed ? 'suppressed_derived' : flagFor(means.n),
    });
    return suppressed;
  };
  const at = (means: DomainMeans, cell: number) => ({ n: means.n[cell], mean: means.mean[cell], sd: means.sd[cell], se: means.se[cell] });

  for (let cell = 0; cell < cells; cell++) {
    suppressedCell.industryImportance[cell] = +pushEstimate(cell, 'industry', 'importance', at(industry.importanceMeans, cell), industry.importanceTop2.mean[cell]);
    suppressedCell.prep[cell] = +pushEstimate(cell, 'industry', 'preparedness', at(industry.otherMeans, cell), industry.otherTop2.mean[cell]);
    const educationImportanceSuppressed = pushEstimate(cell, 'education', 'importance', at(education.importanceMeans, cell), education.importanceTop2.mean[cell]);
    const coverageSuppressed = pushEstimate(cell, 'education', 'coverage', at(education.otherMeans, cell), education.otherTop2.mean[cell]);
    suppressedCell.gapPrep[cell] = +pushEstimate(cell, 'industry', 'gap_preparedness', at(industry.gapMeans, cell), NaN,
      suppressedCell.industryImportance[cell] === 1 || suppressedCell.prep[cell] === 1);
    const curriculum = differenceOfIndependentMeans(industry.importanceMeans.mean[cell], industry.importanceMeans.se[cell], education.otherMeans.mean[cell], education.otherMeans.se[cell]);
    suppressedCell.gapCurr[cell] = +pushEstimate(cell, 'both', 'gap_curriculum',
      { n: industry.importanceMeans.n[cell] + education.otherMeans.n[cell], mean: curriculum.difference, sd: NaN, se: curriculum.se }, NaN,
      suppressedCell.industryImportance[cell] === 1 || coverageSuppressed);
    suppressedCell.gapEdu[cell] = +pushEstimate(cell, 'education', 'gap_education', at(education.gapMeans, cell), NaN, educationImportanceSuppressed || coverageSuppressed);
  }

  const tests = runTests(wave.wave, blocks, competencies, data, suppressedCell);
  const rankings: RankingRowWithRds[] = buildRankings({
    wave: wave.wave, blocks, competencies, config, scale: wave.scale, industry,
    eligible: Uint8Array.from(suppressedCell.gapPrep, (suppressed, cell) => (suppressed || suppressedCell.industryImportance[cell] || suppressedCell.prep[cell] ? 0 : 1)),
    rankedDiscrepancy: rankedDiscrepancyScores(industry.other, industry.weights, industry.rowDomain, K, R),
  });
  return { wave: wave.wave, estimates, tests, rankings, weighting, warnings };
}

/** Wilcoxon for the two paired gaps, Mann–Whitney for the curriculum gap; BH across the wave's family. */
function runTests(
  waveId: string, blocks: string[], competencies: string[], data: PopulationData[],
  suppressed: { gapPrep: Uint8Array; gapCurr: Uint8Array; gapEdu: Uint8Array },
): TestRow[] {
  const K = competencies.length;
  const R = blocks.length - 1;
  const [industry, education] = data;
  const industryGaps = groupByCell(industry.other, industry.rowDomain, K, R);
  const educationGaps = groupByCell(education.other, education.rowDomain, K, R);
  const industryImportance = groupByCell(industry.importance, industry.rowDomain, K, R);
  const educationCoverage = education.coverageByCell!;
  const tests: TestRow[] = [];
  const slice = (grouped: { offsets: Int32Array; values: Float64Array }, cell: number) => grouped.values.subarray(grouped.offsets[cell], grouped.offsets[cell + 1]);
  for (let cell = 0; cell < blocks.length * K; cell++) {
    const base = { wave: waveId, region: blocks[Math.floor(cell / K)], competency: competencies[cell % K] };
    for (const [gap, grouped, isSuppressed] of [['gap_preparedness', industryGaps, suppressed.gapPrep[cell]], ['gap_education', educationGaps, suppressed.gapEdu[cell]]] as const) {
      const differences = slice(grouped, cell);
      if (isSuppressed) {
        tests.push({ ...base, gap, test: 'wilcoxon_signed_rank', n1: differences.length, n2: differences.length, statistic: NaN, pValue: NaN, qValue: NaN, effectSize: NaN, effectMeasure: 'rank_biserial', suppressed: true });
        continue;
      }
      const result = wilcoxonSignedRank(differences);
      tests.push({ ...base, gap, test: 'wilcoxon_signed_rank', n1: differences.length, n2: differences.length, statistic: result.statistic, pValue: result.pValue, qValue: NaN,
        effectSize: matchedPairsRankBiserial(result.positiveRankSum, result.negativeRankSum), effectMeasure: 'rank_biserial', suppressed: false });
    }
    const importance = slice(industryImportance, cell);
    const coverage = slice(educationCoverage, cell);
    if (suppressed.gapCurr[cell]) {
      tests.push({ ...base, gap: 'gap_curriculum', test: 'mann_whitney_u', n1: importance.length, n2: coverage.length, statistic: NaN, pValue: NaN, qValue: NaN, effectSize: NaN, effectMeasure: 'cliffs_delta', suppressed: true });
    } else {
      const result = mannWhitneyU(importance, coverage);
      tests.push({ ...base, gap: 'gap_curriculum', test: 'mann_whitney_u', n1: result.n1, n2: result.n2, statistic: result.statistic, pValue: result.pValue, qValue: NaN,
        effectSize: cliffsDelta(result.statistic, result.n1, result.n2), effectMeasure: 'cliffs_delta', suppressed: false });
    }
  }
  const qValues = benjaminiHochberg(Float64Array.from(tests, (test) => test.pValue));
  tests.forEach((test, index) => (test.qValue = qValues[index]));
  return tests;
}

export { compareWaves, type WaveChangeRow } from './compare-waves.ts';
export { describeAnalysisTables } from './describe-analysis-tables.ts';
