/**
 * `suppression.effectiveN`: a region of 8 respondents per population where one weighs 20 and the
 * others 1 has Kish n_eff = 27²/407 ≈ 1.79 < 5 (kishEffectiveN of those weights), so with the option
 * its cells are suppressed as `suppressed_low_effective_n`; without it they are published.
 */
import { describe, expect, it } from 'vitest';
import { analyseWave } from '../../../../stages/analyse/analyse-wave.ts';
import { kishEffectiveN } from '../../../../stages/analyse/stats/index.ts';
import { syntheticWave, testConfig } from '../synthetic-wave.ts';

describe('primary suppression by Kish effective n', () => {
  const wave = syntheticWave({ respondentsPerPopulation: 200, competencies: 2, regions: ['Africa', 'Europe', 'Asia'], seed: 3, missingRate: 0 });
  const seen = { industry: 0, education: 0 };
  wave.respondents = wave.respondents.map((respondent) => {
    const index = seen[respondent.population]++;
    return index < 8 ? { ...respondent, region: 'Oceania', weight: index === 0 ? 20 : 1 } : { ...respondent, weight: 1 };
  });
  const oceaniaWeights = new Float64Array([20, 1, 1, 1, 1, 1, 1, 1]);

  it('n_eff of the weights is below 5 while n is 8', () => {
    expect(kishEffectiveN(oceaniaWeights).effectiveN).toBeCloseTo((27 * 27) / 407, 12);
  });

  it('suppresses the region with the option and publishes it without', () => {
    const rows = (effectiveN: boolean) => analyseWave(wave, { ...testConfig(), suppression: { minN: 5, lowReliabilityN: 10, effectiveN } }).estimates.filter((row) => row.region === 'Oceania' && row.population === 'industry');
    expect(rows(false).every((row) => !row.suppressed && row.n === 8)).toBe(true);
    const flagged = rows(true);
    expect(flagged.every((row) => row.suppressed && Number.isNaN(row.n) && Number.isNaN(row.mean))).toBe(true);
    expect(flagged.filter((row) => row.flag === 'suppressed_low_effective_n').length).toBe(flagged.length);
  });
});
