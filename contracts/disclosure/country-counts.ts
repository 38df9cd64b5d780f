import type { Population } from '../types.ts';
import { suppressedCountInterval, type Interval } from './feasible-interval.ts';

/** A count as published: exact (low = high) or the range it lies in, with the text tables print. */
export interface PublishedCount extends Interval {
  text: string;
  rule: '' | 'primary' | 'secondary';
}

export interface CountryCountsIn {
  country: string;
  region: string;
  industry: number;
  education: number;
}

/** Ranges a secondary-suppressed count is shown as: [k, 9], [10, 24], [25, 49], [50, 99], [100, ∞). */
export function countRanges(minN: number): Interval[] {
  const edges = [minN, ...[10, 25, 50, 100].filter((edge) => edge > minN)];
  return edges.map((edge, index) => ({ low: edge, high: index + 1 < edges.length ? edges[index + 1] - 1 : Infinity }));
}

export function countText(interval: Interval, minN: number): string {
  if (interval.low === interval.high) return String(interval.low);
  if (interval.high <= minN - 1) return `< ${minN}`;
  if (interval.high === Infinity) return `\u2265 ${interval.low}`;
  return `${interval.low}\u2013${interval.high}`;
}

/**
 * Respondent counts per country and population, safe to publish. A count from 1 to k − 1 is shown
 * as "< k" (primary). The counts of a population add up to its published total, and a region's to
 * the region's total, which the reader may know whenever the region has a published estimate (its
 * largest n); so within each such region, and among the countries of the other regions against the
 * population total, a "< k" count must not be the only unknown: further counts, the smallest first,
 * are shown as the range they lie in ("5–9", "10–24", …) until every hidden count has at least two
 * feasible values (feasible-interval.ts suppressedCountInterval). `unprotected` names a country
 * whose count stays determined (none on the sample waves); a total is the sum of its parts' ranges.
 */
export function protectCountryCounts(
  countries: readonly CountryCountsIn[],
  minN: number,
  regionTotalKnown: (population: Population, region: string) => boolean,
): { counts: { industry: PublishedCount; education: PublishedCount; total: PublishedCount }[]; unprotected: string[] } {
  const ranges = countRanges(minN);
  const published: Record<Population, PublishedCount[]> = { industry: [], education: [] };
  const unprotected: string[] = [];
  for (const population of ['industry', 'education'] as const) {
    const value = (index: number) => countries[index][population];
    const shown = countries.map((_, index): PublishedCount => {
      const count = value(index);
      if (count > 0 && count < minN) return { low: 1, high: minN - 1, text: `< ${minN}`, rule: 'primary' };
      return { low: count, high: count, text: String(count), rule: '' };
    });
    const groups = new Map<string, number[]>();
    countries.forEach((country, index) => {
      const group = regionTotalKnown(population, country.region) ? `region\u0000${country.region}` : 'rest';
      (groups.get(group) ?? groups.set(group, []).get(group)!).push(index);
    });
    for (const members of groups.values()) {
      for (;;) {
        const hidden = members.filter((index) => shown[index].rule !== '');
        const hiddenSum = hidden.reduce((sum, index) => sum + value(index), 0);
        const bounds = hidden.map((index) => ({ low: shown[index].low, high: Math.min(shown[index].high, hiddenSum) }));
        const exposed = hidden.filter((_, position) => {
          const interval = suppressedCountInterval(hiddenSum, bounds, position);
          return interval.high - interval.low < 1;
        });
        if (exposed.length === 0) break;
        const candidates = members.filter((index) => shown[index].rule === '' && value(index) > 0).sort((a, b) => value(a) - value(b) || countries[a].country.localeCompare(countries[b].country));
        if (candidates.length === 0) {
          for (const index of exposed) unprotected.push(`${countries[index].country || countries[index].region}:${population}`);
          break;
        }
        const chosen = candidates[0];
        const range = ranges.find((bin) => value(chosen) >= bin.low && value(chosen) <= bin.high)!;
        shown[chosen] = { ...range, text: countText(range, minN), rule: 'secondary' };
      }
    }
    published[population] = shown;
  }
  const counts = countries.map((_, index) => {
    const industry = published.industry[index];
    const education = published.education[index];
    const total = { low: industry.low + education.low, high: industry.high + education.high };
    return { industry, education, total: { ...total, text: countText(total, minN), rule: industry.rule || education.rule ? ('secondary' as const) : ('' as const) } };
  });
  return { counts, unprotected };
}
