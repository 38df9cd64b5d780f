/**
 * compareCurriculum on literal tables, checked against a hand computation, and the region fallback
 * rule on a region below the suppression threshold (minN = 5).
 */
import { describe, expect, it } from 'vitest';
import type { Competency, EstimateRow } from '../../../contracts/types.ts';
import { compareCurriculum, type PeerCoverageAnswer } from '../../../commands/curriculum/compare-curriculum.ts';
import type { CurriculumProfile } from '../../../commands/curriculum/curriculum-profile.ts';

const competency = (id: string, label: string): Competency => ({
  id, label, kind: 'technical', description: '', crosswalk: { nice: [], ecsf: [], csec2017: [], cybok: [] },
});
const COMPETENCIES = [
  competency('teamwork', 'Teamwork'),
  competency('leadership', 'Leadership'),
  competency('creativity', 'Creativity'),
  competency('cryptography', 'Cryptography'),
  competency('incident-response', 'Incident response'),
  competency('digital-forensics', 'Digital forensics'),
  competency('cloud-security', 'Cloud security'),
];

function demand(region: string, id: string, n: number, mean: number, ciLow: number, ciHigh: number, suppressed = false): EstimateRow {
  return {
    wave: 'test', region, competency: id, population: 'industry', measure: 'importance', n, mean, sd: NaN, se: NaN, ciLow, ciHigh,
    top2Share: NaN, suppressed, flag: suppressed ? 'suppressed_small_n' : n < 10 ? 'low_reliability' : '',
  };
}

const DEMAND: EstimateRow[] = [
  demand('Oceania', 'cloud-security', 12, 4.5, 4.1, 4.9),
  demand('Global', 'cloud-security', 300, 4.4, 4.3, 4.5),
  // Suppressed in Oceania (n = 3 < 5). The mean is a canary: a suppressed value must never be used.
  demand('Oceania', 'incident-response', 3, 9.99, 9.9, 9.99, true),
  demand('Global', 'incident-response', 200, 4.6, 4.5, 4.7),
  demand('Oceania', 'cryptography', 11, 3.0, 2.5, 3.5),
  demand('Oceania', 'teamwork', 9, 4.0, 3.4, 4.6),
  demand('Oceania', 'leadership', 10, 3.6, 3.2, 4.0),
  // Too few answers everywhere: no demand at all.
  demand('Oceania', 'digital-forensics', 2, NaN, NaN, NaN, true),
  demand('Global', 'digital-forensics', 4, NaN, NaN, NaN, true),
  // A region outside the chain is ignored.
  demand('Asia', 'cryptography', 80, 1.0, 0.9, 1.1),
];

const PROFILE: CurriculumProfile = {
  institution: 'Test University',
  programme: 'BSc Security',
  country: 'FJ',
  competencies: [
    { competency: 'teamwork', coverage: 3.5, hours: null, ects: null },
    { competency: 'leadership', coverage: 1, hours: 10, ects: null },
    { competency: 'creativity', coverage: null, hours: null, ects: null },
    { competency: 'cryptography', coverage: 4, hours: null, ects: 5 },
    { competency: 'incident-response', coverage: 3, hours: null, ects: null },
    { competency: 'digital-forensics', coverage: 1, hours: null, ects: null },
    { competency: 'cloud-security', coverage: 2, hours: 30, ects: 2 },
  ],
  source: { file: 'profile.csv', kind: 'export-row', respondentId: 'edu:self' },
};

const peer = (respondentId: string, id: string, value: number, region: 'Oceania' | 'Asia'): PeerCoverageAnswer => ({
  respondentId, competency: id, value, regions: [region, 'Global'],
});
const PEERS: PeerCoverageAnswer[] = [
  // Cloud security: 3 in Oceania (< 5, so peers fall back to Global), 5 in Asia; 8 globally.
  peer('edu:1', 'cloud-security', 1, 'Oceania'),
  peer('edu:2', 'cloud-security', 2, 'Oceania'),
  peer('edu:3', 'cloud-security', 5, 'Oceania'),
  peer('edu:4', 'cloud-security', 2, 'Asia'),
  peer('edu:5', 'cloud-security', 3, 'Asia'),
  peer('edu:6', 'cloud-security', 3, 'Asia'),
  peer('edu:7', 'cloud-security', 4, 'Asia'),
  peer('edu:8', 'cloud-security', 5, 'Asia'),
  // The profile's own survey answer: left out of its peers.
  peer('edu:self', 'cloud-security', 2, 'Oceania'),
  // Leadership: 6 in Oceania, enough to stay in the region.
  ...[1, 1, 2, 3, 4, 5].map((value, index) => peer(`edu:${index + 1}`, 'leadership', value, 'Oceania')),
];

describe('compareCurriculum', () => {
  const result = compareCurriculum({
    profile: PROFILE,
    competencies: COMPETENCIES,
    regionChain: ['Oceania', 'Global'],
    demand: DEMAND,
    peers: PEERS,
    suppression: { minN: 5, lowReliabilityN: 10 },
  });
  const row = (id: string) => result.rows.find((item) => item.competency === id)!;

  it('ranks by priority = demand × (demand − coverage), computed by hand', () => {
    // cloud-security:     D = 4.5 (Oceania), C = 2   → gap 2.5,  P = 4.5 × 2.5 = 11.25
    // leadership:         D = 3.6 (Oceania), C = 1   → gap 2.6,  P = 3.6 × 2.6 = 9.36  (largest gap, yet 2nd)
    // incident-response:  D = 4.6 (Global),  C = 3   → gap 1.6,  P = 4.6 × 1.6 = 7.36
    // teamwork:           D = 4.0 (Oceania), C = 3.5 → gap 0.5,  P = 4.0 × 0.5 = 2.00
    // cryptography:       D = 3.0 (Oceania), C = 4   → gap −1.0, P = 3.0 × −1.0 = −3.00
    // creativity (not rated) and digital-forensics (no published demand) are not ranked.
    expect(result.rows.map((item) => [item.rank, item.competency])).toEqual([
      [1, 'cloud-security'],
      [2, 'leadership'],
      [3, 'incident-response'],
      [4, 'teamwork'],
      [5, 'cryptography'],
      [null, 'creativity'],
      [null, 'digital-forensics'],
    ]);
    expect(row('cloud-security').priority).toBeCloseTo(11.25, 12);
    expect(row('leadership').gap).toBeCloseTo(2.6, 12);
    expect(row('leadership').priority).toBeCloseTo(9.36, 12);
    expect(row('incident-response').priority).toBeCloseTo(7.36, 12);
    expect(row('teamwork').priority).toBeCloseTo(2, 12);
    expect(row('cryptography').priority).toBeCloseTo(-3, 12);
    expect(row('creativity').note).toBe('not_rated');
    expect(row('cloud-security')).toMatchObject({ demandMean: 4.5, demandCiLow: 4.1, demandCiHigh: 4.9, demandN: 12, hours: 30, ects: 2 });
  });

  it('falls back to Global where the region has fewer industry answers than minN, and says so', () => {
    expect(row('incident-response')).toMatchObject({ basis: 'Global', demandMean: 4.6, demandN: 200 });
    expect(row('cloud-security').basis).toBe('Oceania');
    expect(row('cryptography').basis).toBe('Oceania');
    expect(row('teamwork')).toMatchObject({ basis: 'Oceania', demandLowReliability: true });
    expect(row('leadership').demandLowReliability).toBe(false);
    // Suppressed everywhere: nothing shown, nothing ranked.
    expect(row('digital-forensics')).toMatchObject({ basis: '', demandMean: null, demandN: null, gap: null, priority: null, note: 'demand_suppressed' });
    // The canary mean of the suppressed Oceania cell appears nowhere.
    expect(JSON.stringify(result)).not.toContain('9.99');
  });

  it('gives the mid-rank peer percentile, falling back when the region has fewer than minN peers', () => {
    // Cloud security: Oceania has 3 peers (< 5) → Global, 8 peers (the profile's own answer left out):
    // values 1,2,5,2,3,3,4,5; coverage 2 → below = 1, equal = 2 → 100 × (1 + 0.5 × 2) / 8 = 25.
    expect(row('cloud-security')).toMatchObject({ peerBasis: 'Global', peerN: 8, peerPercentile: 25 });
    // Leadership: 6 Oceania peers 1,1,2,3,4,5; coverage 1 → below 0, equal 2 → 100 × 1 / 6.
    expect(row('leadership').peerBasis).toBe('Oceania');
    expect(row('leadership').peerPercentile).toBeCloseTo(100 / 6, 12);
    // No peers at all for cryptography: no percentile.
    expect(row('cryptography')).toMatchObject({ peerBasis: '', peerN: null, peerPercentile: null });
  });
});
