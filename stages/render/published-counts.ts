/**
 * Respondent counts per country as the report may print them (table, map): small counts as "< k",
 * and further counts as ranges where the population and region totals would otherwise give a
 * small count back (contracts/disclosure/country-counts.ts). A region's total counts as known to
 * the reader when the region has any published estimate for the population (its largest n).
 */
import { protectCountryCounts, type PublishedCount } from '../../contracts/disclosure/country-counts.ts';
import type { CountryRespondents, ReportInput } from './report-input.ts';

export interface PublishedCountryRow {
  country: CountryRespondents;
  industry: PublishedCount;
  education: PublishedCount;
  total: PublishedCount;
}

export function publishedCountryCounts(input: Pick<ReportInput, 'analysis' | 'respondentsByCountry' | 'config'>): PublishedCountryRow[] {
  const known = new Set(input.analysis.estimates.filter((row) => !row.suppressed).map((row) => `${row.population}\u0000${row.region}`));
  const { counts } = protectCountryCounts(input.respondentsByCountry, input.config.suppression.minN, (population, region) => known.has(`${population}\u0000${region}`));
  return input.respondentsByCountry.map((country, index) => ({ country, ...counts[index] }));
}
