/**
 * The regions whose industry answers can stand for "industry in the institution's region", narrowest
 * first, always ending with Global:
 *
 *   un-m49-subregion:   sub-region (South-eastern Asia) → M49 region (Asia) → Global
 *   un-m49-region:      M49 region (Asia) → Global
 *   un-regional-group:  UN regional group (Asia-Pacific Group) → Global
 *
 * `auto` starts from the region of the institution's country under the wave's scheme; a named
 * region starts there instead. A country the scheme places nowhere (`Other`: territories outside
 * every UN group, Antarctica) starts at Global. compare-curriculum.ts walks the chain per
 * competency and stops at the first region with enough answers.
 */
import type { RegionScheme } from '../../contracts/types.ts';
import { UsageError } from '../../contracts/errors.ts';
import { countryTable, OTHER_REGION, regionOf, regionsOf } from '../../stages/normalise/regions.ts';
import * as messages from '../../contracts/messages/curriculum.ts';

export const GLOBAL = 'Global';

/** The M49 region a sub-region belongs to (`South-eastern Asia` → `Asia`), or null. */
export function m49RegionOfSubRegion(subRegion: string): string | null {
  return countryTable().find((record) => record.subRegion === subRegion)?.region || null;
}

export function regionChain(country: string, scheme: RegionScheme, requested = 'auto'): string[] {
  let start: string;
  if (requested === 'auto') start = regionOf(country, scheme);
  else if (requested.toLowerCase() === GLOBAL.toLowerCase()) return [GLOBAL];
  else {
    const known = regionsOf(scheme);
    const match = known.find((region) => region.toLowerCase() === requested.trim().toLowerCase());
    if (!match) throw new UsageError(messages.unknownRegion(requested, known));
    start = match;
  }
  if (start === OTHER_REGION || start === 'Unknown') return [GLOBAL];
  const wider = scheme === 'un-m49-subregion' ? m49RegionOfSubRegion(start) : null;
  return wider ? [start, wider, GLOBAL] : [start, GLOBAL];
}

/** The regions of a chain one respondent of `country` belongs to (used to pool peers at each level). */
export function regionsOfCountry(country: string, scheme: RegionScheme): string[] {
  const own = regionOf(country, scheme);
  const levels = [own];
  if (scheme === 'un-m49-subregion') levels.push(regionOf(country, 'un-m49-region'));
  return [...levels.filter((region) => region !== OTHER_REGION && region !== 'Unknown'), GLOBAL];
}
