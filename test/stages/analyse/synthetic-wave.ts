import type { NormalisedWave, Respondent, WaveConfig } from '../../../contracts/types.ts';
import { createSeededRandom } from '../../../stages/analyse/stats/index.ts';
import { cellIndex, createAnswerTable, missingCode } from '../../../contracts/answer-table.ts';

/**
 * Seeded synthetic waves with known population means, for the coverage simulation and the bench.
 * Ratings are drawn independently per respondent and item from discrete distributions on 1..5:
 *   industry importance ~ importanceProbabilities, preparedness ~ preparednessProbabilities,
 *   education importance ~ importanceProbabilities, coverage ~ coverageProbabilities;
 * so the true gaps are E[I] − E[P] (paired), E[I] − E[C] (curriculum and education's own gap).
 * Each rating is missing with probability `missingRate`; weights are unrelated to the ratings.
 */
export interface SyntheticOptions {
  respondentsPerPopulation: number;
  competencies: number;
  regions: string[];
  seed: number;
  missingRate?: number;
  unequalWeights?: boolean;
}
export const IMPORTANCE_PROBABILITIES = [0.02, 0.08, 0.2, 0.35, 0.35];
export const PREPAREDNESS_PROBABILITIES = [0.1, 0.25, 0.35, 0.2, 0.1];
export const COVERAGE_PROBABILITIES = [0.05, 0.15, 0.3, 0.3, 0.2];
const expectation = (probabilities: number[]) => probabilities.reduce((sum, p, i) => sum + p * (i + 1), 0);
export const TRUE_GAPS = {
  gap_preparedness: expectation(IMPORTANCE_PROBABILITIES) - expectation(PREPAREDNESS_PROBABILITIES),
  gap_curriculum: expectation(IMPORTANCE_PROBABILITIES) - expectation(COVERAGE_PROBABILITIES),
  gap_education: expectation(IMPORTANCE_PROBABILITIES) - expectation(COVERAGE_PROBABILITIES),
};

export function syntheticWave(options: SyntheticOptions): NormalisedWave {
  const { respondentsPerPopulation: perPopulation, competencies: K, regions, seed } = options;
  const missingRate = options.missingRate ?? 0.1;
  const random = createSeededRandom(seed);
  const respondents: Respondent[] = [];
  for (const population of ['industry', 'education'] as const) {
    for (let i = 0; i < perPopulation; i++) {
      respondents.push({
        respondentId: `${population}:${i}`, population, country: '', region: regions[random.integerBelow(regions.length)],
        organisationType: i % 3 === 0 ? 'public' : 'private', weight: options.unequalWeights ? 0.5 + 1.5 * random.uniform() : 1,
        wave: 'synthetic', sourceFile: `${population}.csv`, sourceRow: i + 2,
      });
    }
  }
  const answers = createAnswerTable(respondents.length, Array.from({ length: K }, (_, k) => `competency-${String(k + 1).padStart(2, '0')}`), { min: 1, max: 5 });
  const cumulative = (probabilities: number[]) => probabilities.map((_, i) => probabilities.slice(0, i + 1).reduce((a, b) => a + b, 0));
  const draws = [cumulative(IMPORTANCE_PROBABILITIES), cumulative(PREPAREDNESS_PROBABILITIES), cumulative(COVERAGE_PROBABILITIES)];
  const draw = (table: number[]) => {
    const u = random.uniform();
    let value = 0;
    while (value < 4 && u >= table[value]) value++;
    return value + 1;
  };
  // Codes written directly (level = value − 1 on 1..5): setAnswer per answer is too slow for the 1M bench.
  const dontKnow = missingCode('dont_know');
  for (let respondent = 0; respondent < respondents.length; respondent++) {
    const industry = respondents[respondent].population === 'industry';
    for (let k = 0; k < K; k++) {
      for (const dimension of industry ? [0, 1] : [0, 2]) {
        const missing = random.uniform() < missingRate;
        answers.codes[cellIndex(answers, respondent, k, dimension)] = missing ? dontKnow : draw(draws[dimension]) - 1;
      }
    }
  }
  return { wave: 'synthetic', scale: { min: 1, max: 5 }, regionScheme: 'un-m49-region', respondents, answers, audit: [], warnings: [] };
}

export function testConfig(overrides: Partial<WaveConfig['analysis']> = {}, suppression = { minN: 5, lowReliabilityN: 10 }): WaveConfig {
  return {
    wave: 'synthetic', title: 'synthetic', reportDate: '2024-01-01', sources: [], codebook: 'codebook.json', regionScheme: 'un-m49-region',
    quality: { dropDuplicates: true, minProgress: 0, speederFraction: 0, straightLineMinItems: 0, minAnsweredItems: 0 },
    suppression,
    analysis: { ipaCrosshair: 'grand-mean', bootstrapReplicates: 0, seed: 1, weightCap: 100, ...overrides },
  };
}
