/**
 * A wave's own region mapping (a JSON file { countries: {alpha2: region}, order?: [...] }), read
 * and checked. Its own module so regions.ts (the country table) and countries.ts (free text →
 * country, which needs the table) do not import each other.
 */
import { readFileSync } from 'node:fs';
import { ValidationError } from '../errors.ts';
import * as messages from '../messages/countries.ts';
import { countryRecord, type CustomRegionScheme } from './regions.ts';
import { resolveCountry } from './countries.ts';

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
