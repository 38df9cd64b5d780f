/** Country respondent counts safe to publish (contracts/disclosure/country-counts.ts), on a literal table. */
import { describe, expect, it } from 'vitest';
import { protectCountryCounts } from '../../../contracts/disclosure/country-counts.ts';
import { suppressedCountInterval } from '../../../contracts/disclosure/feasible-interval.ts';

describe('protectCountryCounts', () => {
  it('shows a small count as "< 5" and ranges further counts until none is pinned down by a known region total', () => {
    const countries = [
      { country: 'FJ', region: 'Oceania', industry: 1, education: 0 },
      { country: 'NZ', region: 'Oceania', industry: 6, education: 0 },
      { country: 'AU', region: 'Oceania', industry: 7, education: 12 },
      { country: 'DE', region: 'Europe', industry: 40, education: 30 },
    ];
    const { counts, unprotected } = protectCountryCounts(countries, 5, (population, region) => region === 'Oceania' || region === 'Europe');
    expect(counts.map((c) => c.industry.text)).toEqual(['< 5', '5\u20139', '7', '40']);
    expect(counts.map((c) => c.total.text)).toEqual(['< 5', '5\u20139', '19', '70']);
    expect(unprotected).toEqual([]);
    // Oceania's 14 minus AU's 7: FJ + NZ = 7 with NZ in 5–9, so FJ is 1 or 2 (two values: enough for a count).
    expect(suppressedCountInterval(7, [{ low: 1, high: 4 }, { low: 5, high: 9 }], 0)).toEqual({ low: 1, high: 2 });
    // With FJ alone hidden it would be pinned: 14 − 6 − 7 = 1.
    expect(suppressedCountInterval(1, [{ low: 1, high: 4 }], 0)).toEqual({ low: 1, high: 1 });
  });
});
