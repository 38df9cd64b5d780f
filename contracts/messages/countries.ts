/** Messages about country names and region mappings (stages/normalise/countries.ts, regions.ts). */

/** Country text as typed, shortened so a pasted paragraph cannot flood a message. */
import { quoteCell } from './quote-cell.ts';

const quoteCountryText = (text: string) => quoteCell(text);

/** `unknown country "Nethrelands" (did you mean Netherlands?)` */
export const unknownCountry = (text: string, suggestions: string[]) => {
  const hint =
    suggestions.length === 0
      ? ' (use an ISO 3166-1 code or the English name, or add it to wave.json "countryAliases"; a missing-value marker goes in the source\'s "missingMarkers")'
      : ` (did you mean ${suggestions.length === 1 ? suggestions[0] : `${suggestions.slice(0, -1).join(', ')} or ${suggestions[suggestions.length - 1]}`}?)`;
  return `unknown country ${quoteCountryText(text)}${hint}`;
};

export const customMappingUnreadable = (reason: string) =>
  `cannot read the custom region mapping: ${reason} (expected JSON like data/regions/custom-example.json)`;

export const customMappingNotObject = () =>
  'the custom region mapping must be a JSON object with a "countries" object of ISO alpha-2 code → region name (see data/regions/custom-example.json)';

export const customMappingUnknownCode = (key: string, suggestion: string | null) =>
  `unknown country code ${JSON.stringify(key)} in the custom region mapping${suggestion ? ` (did you mean ${suggestion}?)` : ' (keys must be ISO 3166-1 alpha-2 codes such as "NL")'}`;

export const customMappingDuplicateCode = (key: string) =>
  `country code ${JSON.stringify(key)} appears more than once in the custom region mapping (keys are compared in upper case)`;

export const customMappingBadRegion = (key: string) =>
  `the region of ${JSON.stringify(key)} in the custom region mapping must be a non-empty text`;

export const customMappingRegionNotInOrder = (region: string) =>
  `region ${JSON.stringify(region)} is used in "countries" but missing from "order" of the custom region mapping`;
