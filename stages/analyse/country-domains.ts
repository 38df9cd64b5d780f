/**
 * Country as a domain of the design, like region: each respondent's country is a domain of its
 * population's one design (same weights, same estimator, same SEs as a region's cells: R
 * `svyby(~x, ~country, design, svymean)`). Countries nest in regions, so disclosure control sees
 * two kinds of relation: Global = Σ regions, and each region = Σ its countries; a country cell
 * must not be recoverable from a region total minus the region's other countries.
 *
 * While the rows go through disclosure control together with the region rows, a country row
 * carries a domain key (`country:<ISO>`) in `region`; `splitCountryRows` gives it back its
 * region and puts the ISO code in `country`. Respondents without a known country form no domain.
 */
import type { Respondent } from '../../contracts/types.ts';
import type { Relation } from '../../contracts/disclosure/disclosure-rule.ts';

const PREFIX = 'country:';

export interface CountryDomains {
  /** Domain keys (`country:<ISO>`) in ISO order; the index is the domain code. */
  keys: string[];
  /** ISO code → the region of its respondents. */
  regionOf: Map<string, string>;
  /** Domain code of each respondent (index into keys); respondents without a country get keys.length (not published). */
  codeOf: (respondent: Respondent) => number;
}

export const countryDomainKey = (country: string) => `${PREFIX}${country}`;
export const isCountryDomainKey = (domain: string) => domain.startsWith(PREFIX);

export function describeCountryDomains(respondents: readonly Respondent[]): CountryDomains {
  const regionOf = new Map<string, string>();
  for (const respondent of respondents) if (respondent.country && !regionOf.has(respondent.country)) regionOf.set(respondent.country, respondent.region);
  const countries = [...regionOf.keys()].sort();
  const code = new Map(countries.map((country, index) => [country, index]));
  return {
    keys: [...countries.map(countryDomainKey), `${PREFIX}unknown`],
    regionOf,
    codeOf: (respondent) => (respondent.country ? code.get(respondent.country)! : countries.length),
  };
}

/** Each region over its countries (the relation a reader can use to subtract). */
export function regionOverCountries(domains: CountryDomains): Relation[] {
  const parts = new Map<string, string[]>();
  for (const [country, region] of domains.regionOf) (parts.get(region) ?? parts.set(region, []).get(region)!).push(countryDomainKey(country));
  return [...parts].sort(([a], [b]) => a.localeCompare(b)).map(([total, members]) => ({ total, parts: members.sort() }));
}

/** Rows with a country domain key → the country's region in `region` and its ISO code in `country`; other rows dropped. */
export function splitCountryRows<T extends { region: string; country?: string }>(rows: readonly T[], domains: CountryDomains): T[] {
  return rows.flatMap((row) => {
    if (!isCountryDomainKey(row.region)) return [];
    const country = row.region.slice(PREFIX.length);
    const region = domains.regionOf.get(country);
    return region === undefined ? [] : [{ ...row, region, country }];
  });
}
