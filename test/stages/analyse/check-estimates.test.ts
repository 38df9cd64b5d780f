import { describe, expect, it } from 'vitest';
import { emptyPopulationProblems } from '../../../stages/analyse/check-estimates.ts';
import type { EstimateRow, WaveConfig } from '../../../contracts/types.ts';

const config: Pick<WaveConfig, 'sources' | 'suppression'> = {
  sources: [
    { id: 'ind', file: 'ind.csv', population: 'industry' },
    { id: 'edu', file: 'edu.csv', population: 'education' },
  ],
  suppression: { minN: 5, lowReliabilityN: 10 },
};
const estimate = (population: EstimateRow['population'], mean: number, suppressed: boolean): EstimateRow => ({
  wave: 'w', region: 'Global', competency: 'c1', population, measure: 'importance', n: suppressed ? 3 : 40, mean, sd: NaN, se: NaN, ciLow: NaN, ciHigh: NaN, top2Share: NaN,
  suppressed, flag: suppressed ? 'suppressed_small_n' : '',
});
const respondents = (industry: number, education: number) => [
  ...Array.from({ length: industry }, () => ({ population: 'industry' as const })),
  ...Array.from({ length: education }, () => ({ population: 'education' as const })),
];

describe('emptyPopulationProblems', () => {
  it('passes a population with one shown estimate', () => {
    expect(emptyPopulationProblems([estimate('industry', 4.1, false), estimate('education', 3.9, false), estimate('education', NaN, true)], respondents(40, 40), config)).toEqual([]);
  });

  it('names a population whose every cell is suppressed, and one whose every shown estimate is non-finite', () => {
    const problems = emptyPopulationProblems([estimate('industry', NaN, true), estimate('education', NaN, false)], respondents(3, 40), config);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^every one of the 1 industry estimates is suppressed \(fewer than 5 answers with a value per cell\) although 3 industry respondent\(s\) were kept/);
    expect(problems[1]).toMatch(/^none of the 1 unsuppressed education estimates has a finite value \(40 respondent\(s\) kept\)/);
  });

  it('allows it when every source of the population may be empty, or the population has no source or respondent', () => {
    const allowed = { ...config, sources: config.sources.map((source) => (source.population === 'industry' ? { ...source, mayBeEmpty: true } : source)) };
    expect(emptyPopulationProblems([estimate('industry', NaN, true), estimate('education', 3.9, false)], respondents(3, 40), allowed)).toEqual([]);
    expect(emptyPopulationProblems([estimate('education', 3.9, false)], respondents(0, 40), config)).toEqual([]);
  });
});
