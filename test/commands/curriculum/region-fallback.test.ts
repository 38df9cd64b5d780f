/**
 * The region chain of each scheme, and the wider-region fallback of a sub-region scheme computed on
 * a literal normalised wave: Melanesia has 3 industry answers (< minN 5), so demand comes from
 * Oceania (Melanesia + Australia and New Zealand), estimated by the analysis stage's own code.
 */
import { describe, expect, it } from 'vitest';
import type { NormalisedWave, Respondent, WaveConfig } from '../../../contracts/types.ts';
import { answerTableFromLong } from '../../../contracts/answer-table.ts';
import { DIMENSIONS } from '../../../contracts/types.ts';
import { DEFAULT_CONFIG } from '../../../contracts/config.ts';
import { UsageError } from '../../../contracts/errors.ts';
import { analyseWave } from '../../../stages/analyse/analyse-wave.ts';
import { regionOf } from '../../../contracts/countries/regions.ts';
import { regionChain } from '../../../commands/curriculum/region-chain.ts';
import { demandEstimates, peerCoverageAnswers } from '../../../commands/curriculum/gather-evidence.ts';
import { compareCurriculum } from '../../../commands/curriculum/compare-curriculum.ts';
import { midRankPercentile } from '../../../commands/curriculum/peer-percentile.ts';

describe('regionChain', () => {
  it('narrowest region first, ending with Global, for every scheme', () => {
    expect(regionChain('VN', 'un-m49-subregion')).toEqual(['South-eastern Asia', 'Asia', 'Global']);
    expect(regionChain('VN', 'un-m49-region')).toEqual(['Asia', 'Global']);
    expect(regionChain('PL', 'un-regional-group')).toEqual(['Eastern European Group', 'Global']);
    expect(regionChain('VN', 'un-m49-region', 'europe')).toEqual(['Europe', 'Global']);
    expect(regionChain('VN', 'un-m49-region', 'Global')).toEqual(['Global']);
    expect(() => regionChain('VN', 'un-m49-region', 'Atlantis')).toThrow(UsageError);
  });
});

describe('midRankPercentile', () => {
  it('matches SciPy percentileofscore(kind="mean")', () => {
    // scipy.stats.percentileofscore([1, 2, 3, 3, 5], 3, kind='mean') → 60.0
    expect(midRankPercentile(3, [1, 2, 3, 3, 5])).toBe(60);
    // scipy.stats.percentileofscore([1, 2, 3, 3, 5], 4, kind='mean') → 80.0
    expect(midRankPercentile(4, [1, 2, 3, 3, 5])).toBe(80);
    expect(midRankPercentile(1, [1, 1, 1])).toBe(50);
    expect(midRankPercentile(1, [])).toBeNaN();
  });
});

describe('sub-region scheme: fallback to the M49 region', () => {
  const scheme = 'un-m49-subregion' as const;
  const config: WaveConfig = {
    ...DEFAULT_CONFIG,
    wave: 'literal', title: 'literal', reportDate: '2024-01-01', sources: [], codebook: 'codebook.json', regionScheme: scheme,
    // Primary suppression only: with countries as domains too (issue 15), complementary protection of this 27-person
    // literal wave hides Oceania (Fiji and Australia, both under k, would be bounded from it) and Global with it. The
    // fallback is what this file tests; the complementary rules are tested in test/stages/analyse/disclosure/.
    suppression: { ...DEFAULT_CONFIG.suppression, protectionShare: 0 },
  };
  // Industry importance of cloud-security: Fiji (Melanesia) 5, 5, 4; Australia 3, 4, 4, 5; Germany ten 2s.
  // Education coverage: Fiji 2, 3; Australia 1, 2, 2, 3, 4, 5.
  const people: [Respondent['population'], string, number][] = [
    ...[5, 5, 4].map((value) => ['industry', 'FJ', value] as [Respondent['population'], string, number]),
    ...[3, 4, 4, 5].map((value) => ['industry', 'AU', value] as [Respondent['population'], string, number]),
    ...Array.from({ length: 10 }, () => ['industry', 'DE', 2] as [Respondent['population'], string, number]),
    ...[2, 3].map((value) => ['education', 'FJ', value] as [Respondent['population'], string, number]),
    ...[1, 2, 2, 3, 4, 5].map((value) => ['education', 'AU', value] as [Respondent['population'], string, number]),
  ];
  const respondents: Respondent[] = people.map(([population, country], index) => ({
    respondentId: `${population}:${index}`, population, country, region: regionOf(country, scheme), organisationType: '', weight: 1,
    wave: 'literal', sourceFile: `${population}.csv`, sourceRow: index + 2,
  }));
  const wave: NormalisedWave = {
    wave: 'literal', scale: { min: 1, max: 5 }, regionScheme: scheme, respondents, audit: [], warnings: [],
    answers: answerTableFromLong(people.length, ['cloud-security'], { min: 1, max: 5 }, people.map(([population, , value], respondent) => ({
      respondent, competency: 0, dimension: DIMENSIONS.indexOf(population === 'industry' ? 'importance' : 'coverage'), value,
    }))),
  };
  const chain = regionChain('FJ', scheme);
  const analysis = analyseWave(wave, config);
  const demand = demandEstimates(analysis, wave, config, chain);

  it('the wave’s own analysis suppresses Melanesia and has no Oceania cell', () => {
    expect(chain).toEqual(['Melanesia', 'Oceania', 'Global']);
    const cell = (region: string) => analysis.estimates.find((row) => row.region === region && row.population === 'industry' && row.measure === 'importance');
    expect(cell('Melanesia')).toMatchObject({ suppressed: true, flag: 'suppressed_small_n' });
    expect(cell('Oceania')).toBeUndefined();
  });

  it('uses Oceania: mean (5 + 5 + 4 + 3 + 4 + 4 + 5) / 7 = 30/7 from 7 answers', () => {
    const result = compareCurriculum({
      profile: { institution: 'The University of the South Pacific', programme: '', country: 'FJ', competencies: [{ competency: 'cloud-security', coverage: 2, hours: null, ects: null }], source: { file: 'p.csv', kind: 'csv' } },
      competencies: [{ id: 'cloud-security', label: 'Cloud security', kind: 'technical', description: '', crosswalk: { nice: [], ecsf: [], csec2017: [], cybok: [] } }],
      regionChain: chain,
      demand,
      peers: peerCoverageAnswers(wave),
      suppression: config.suppression,
    });
    const [row] = result.rows;
    expect(row).toMatchObject({ basis: 'Oceania', demandN: 7, rank: 1, peerBasis: 'Oceania', peerN: 8 });
    expect(row!.demandMean).toBeCloseTo(30 / 7, 12);
    // gap = 30/7 − 2 = 16/7; priority = 30/7 × 16/7 = 480/49
    expect(row!.priority).toBeCloseTo(480 / 49, 12);
    // Peers (Melanesia has 2 < 5 → Oceania): 2, 3, 1, 2, 2, 3, 4, 5; coverage 2 → below 1, equal 3 → 100 × 2.5 / 8 = 31.25
    expect(row!.peerPercentile).toBe(31.25);
  });
});
