/**
 * The statistics of the analysis stage, one estimator or test per file (formula, variant, reference
 * and example in each file's doc comment). Core loops take typed arrays: Float64Array values with
 * NaN = missing, Float64Array weights, Int32Array domain codes or Uint8Array domain masks.
 */
export { normalCdf, normalUpperTail, Z_95 } from './normal-distribution.ts';
export { estimateDomainMeans, type DomainMeans } from './domain-means.ts';
export { histogramMean, type HistogramMean } from './histogram-mean.ts';
export { surveyMean, type SurveyMean } from './survey-mean.ts';
export { weightedStandardDeviation, weightedSdFromSums } from './weighted-sd.ts';
export { normalConfidenceInterval } from './confidence-interval.ts';
export { estimateTopTwoBox } from './top-two-box.ts';
export { differenceOfIndependentMeans } from './difference-of-means.ts';
export { pairedDifferences } from './paired-differences.ts';
export { rankWithTies } from './rank-data.ts';
export { exactSignedRankPValue, EXACT_SIGNED_RANK_MAX_N, type TieGroup } from './exact-signed-rank-distribution.ts';
export { exactRankSumPValue } from './exact-rank-sum-distribution.ts';
export { wilcoxonSignedRank, tieGroupsOfRanks, type WilcoxonResult } from './wilcoxon-signed-rank.ts';
export { wilcoxonSignedRankFromCounts, expandCounts } from './wilcoxon-signed-rank-counts.ts';
export { matchedPairsRankBiserial } from './rank-biserial.ts';
export { mannWhitneyU, exactRankSumApplies, EXACT_RANK_SUM_MAX_N, type MannWhitneyResult } from './mann-whitney-u.ts';
export { mannWhitneyUFromCounts } from './mann-whitney-u-counts.ts';
export { cliffsDelta } from './cliffs-delta.ts';
export { benjaminiHochberg } from './benjamini-hochberg.ts';
export { borichMwds } from './borich-mwds.ts';
export { rankedDiscrepancyScores } from './ranked-discrepancy.ts';
export { importancePerformanceQuadrant, ipaCrosshair, type Crosshair } from './importance-performance.ts';
export { createSeededRandom, type SeededRandom } from './seeded-random.ts';
export { percentileBootstrapRanks, type BootstrapRankInput } from './percentile-bootstrap-ranks.ts';
export { mwdsCovariance, type MwdsCovariance, type MwdsCovarianceInput } from './mwds-covariance.ts';
export { rankConfidenceSets, DEFAULT_RANK_SET_DRAWS, type RankConfidenceSets } from './rank-confidence-sets.ts';
export {
  mwdsRankSets, mwdsRankSetProblems, mwdsRankSetsFromSolutions, solveRankSetProblem,
  type MwdsRankSets, type MwdsRankSetOptions, type RankSetProblem,
} from './mwds-rank-sets.ts';
export { postStratify } from './post-stratify.ts';
export { rakeWeights, type RakingMargin } from './rake-weights.ts';
export { trimWeightsAtCap } from './trim-weights.ts';
export { kishEffectiveN } from './kish-effective-n.ts';
export { srsVarianceOfMean, designEffect } from './design-effect.ts';
export { solveSymmetric } from './solve-symmetric.ts';
export { calibrateRaking, calibrationDesign, type CalibrationDesign, type CalibrationMargin, type RakingCalibration } from './calibrate-raking.ts';
export { projectionMatrix, fittedByCell, type CalibrationProjection } from './calibration-residuals.ts';
export { estimateCalibratedDomainMeans } from './calibrated-domain-means.ts';
export { calibratedHistogramMean, calibrationScratch, type CalibratedHistogram } from './calibrated-histogram-mean.ts';
export { tQuantile, betaQuantile } from './t-and-beta-quantiles.ts';
export { tConfidenceInterval, welchSatterthwaiteDf } from './t-confidence-interval.ts';
export { zeroSeInterval } from './zero-se-interval.ts';
export { kornGraubardInterval } from './korn-graubard-interval.ts';
