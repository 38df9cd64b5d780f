/**
 * Country → region under each reporting scheme, from the committed table
 * data/regions/countries.json (built by tools/generate/build-country-table.ts), or from a
 * user-supplied custom mapping (format: data/regions/custom-example.json).
 *
 * Two residual labels keep every respondent countable: `Unknown` when the country could not be
 * resolved (the Respondent contract), `Other` when the country is known but the scheme places it
 * nowhere (Antarctica has no M49 region; territories and non-members have no UN regional group;
 * a custom mapping may leave countries out).
 */
import { readFileSync } from 'node:fs';
import type { CountryRecord, RegionScheme } from '../../contracts/types.ts';
import { ValidationError } from '../../contracts/errors.ts';
import * as messages from '../../contracts/messages/countries.ts';
// A cycle (countries.ts reads the table from here); safe because each side only calls the other inside functions.
import { resolveCountry } from './countries.ts';

/** A row of countries.json: the shared CountryRecord plus a short display name where the UN name is long. */
export type CountryTableRecord = CountryRecord & { shortName?: string };

/**
 * A user-defined scheme: alpha-2 → region name, with an optional display order of the regions.
 * (Local type: contracts/types.ts's RegionScheme names only the built-in schemes.)
 */
export interface CustomRegionScheme {
  custom: Record<string, string>;
  order?: string[];
}

export const UNKNOWN_REGION = 'Unknown';
export const OTHER_REGION = 'Other';

/** Display order of the built-in schemes: the UN's own (alphabetical) order of regions and groups. */
const M49_REGION_ORDER = ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania'];
const UN_GROUP_ORDER = ['African Group', 'Asia-Pacific Group', 'Eastern European Group', 'GRULAC', 'WEOG'];

let table: { records: CountryTableRecord[]; byAlpha2: Map<string, CountryTableRecord> } | undefined;

function loadTable() {
  if (!table) {
    const records = JSON.parse(readFileSync(new URL('../../data/regions/countries.json', import.meta.url), 'utf8')) as CountryTableRecord[];
    table = { records, byAlpha2: new Map(records.map((record) => [record.alpha2, record])) };
  }
  return table;
}

/** Every country of the table, sorted by alpha-2. */
export function countryTable(): readonly CountryTableRecord[] {
  return loadTable().records;
}

/** The record of an ISO alpha-2 code (any case), or undefined if the code is not in the table. */
export function countryRecord(alpha2: string | null | undefined): CountryTableRecord | undefined {
  return alpha2 ? loadTable().byAlpha2.get(alpha2.toUpperCase()) : undefined;
}

/** UN English short name for tables ("Türkiye", "Côte d'Ivoire", "United Kingdom"); `Unknown` for an unknown code. */
export function countryDisplayName(alpha2: string | null | undefined): string {
  const record = countryRecord(alpha2);
  return record ? (record.shortName ?? record.nameEn) : UNKNOWN_REGION;
}

/** Region of a country under a scheme; `Unknown` for a null/unknown code, `Other` where the scheme has no place for it. */
export function regionOf(alpha2: string | null | undefined, scheme: RegionScheme | CustomRegionScheme): string {
  const record = countryRecord(alpha2);
  if (!record) return UNKNOWN_REGION;
  let region: string | undefined;
  if (typeof scheme === 'object') region = scheme.custom[record.alpha2];
  else if (scheme === 'un-m49-region') region = record.region;
  else if (scheme === 'un-m49-subregion') region = record.subRegion;
  else region = record.unRegionalGroup;
  return region || OTHER_REGION;
}

/**
 * The named regions of a scheme in a stable display order (residual `Other`/`Unknown` excluded:
 * callers append them when they occur). Sub-regions are ordered by region, then alphabetically;
 * a custom scheme follows its `order`, else alphabetical.
 */
export function regionsOf(scheme: RegionScheme | CustomRegionScheme): string[] {
  if (typeof scheme === 'object') {
    return scheme.order ? [...scheme.order] : [...new Set(Object.values(scheme.custom))].sort((a, b) => a.localeCompare(b));
  }
  if (scheme === 'un-m49-region') return [...M49_REGION_ORDER];
  if (scheme === 'un-regional-group') return [...UN_GROUP_ORDER];
  const subRegions = new Map<string, string>();
  for (const record of countryTable()) if (record.subRegion) subRegions.set(record.subRegion, record.region);
  const regionRank = (subRegion: string) => M49_REGION_ORDER.indexOf(subRegions.get(subRegion)!);
  return [...subRegions.keys()].sort((a, b) => regionRank(a) - regionRank(b) || a.localeCompare(b));
}

/**
 * Validates a parsed custom mapping ({ countries: {alpha2: region}, order?: [...] }). Collects
 * every problem and throws one ValidationError naming the file and each offending key; a key that
 * is a country name ("Netherlands") gets its code as a did-you-mean hint.
 */
export function parseCustomRegionMapping(json: unknown, file: string): CustomRegionScheme {
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(json) || !isObject(json.countries)) throw new ValidationError(messages.customMappingNotObject(), { file });
  const problems: { message: string; where: { file: string; column?: string } }[] = [];
  const custom: Record<string, string> = {};
  for (const [key, region] of Object.entries(json.countries)) {
    const alpha2 = key.trim().toUpperCase();
    if (!countryRecord(alpha2) || alpha2.length !== 2) {
      problems.push({ message: messages.customMappingUnknownCode(key, resolveCountry(key).alpha2), where: { file } });
    } else if (alpha2 in custom) {
      problems.push({ message: messages.customMappingDuplicateCode(key), where: { file } });
    } else if (typeof region !== 'string' || region.trim() === '') {
      problems.push({ message: messages.customMappingBadRegion(key), where: { file } });
    } else {
      custom[alpha2] = region.trim();
    }
  }
  let order: string[] | undefined;
  if (json.order !== undefined) {
    order = Array.isArray(json.order) ? json.order.filter((region): region is string => typeof region === 'string') : [];
    for (const region of new Set(Object.values(custom))) {
      if (!order.includes(region)) problems.push({ message: messages.customMappingRegionNotInOrder(region), where: { file } });
    }
  }
  if (problems.length === 1) throw new ValidationError(problems[0].message, problems[0].where);
  if (problems.length > 1) throw ValidationError.many(problems);
  return order ? { custom, order } : { custom };
}

/** Reads and validates a custom mapping file (the one file read this module does, at config time). */
export function loadCustomRegionMapping(file: string): CustomRegionScheme {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ValidationError(messages.customMappingUnreadable((error as Error).message), { file });
  }
  return parseCustomRegionMapping(json, file);
}
