/**
 * Free-text country → ISO 3166-1 alpha-2, by exact lookup of a normalised key, never by guessing.
 *
 *   text ──NFKC, case-fold, strip accents and punctuation──▶ key ──map lookup──▶ alpha-2 | unknown
 *
 * The map is built once, lazily, from four tiers; an earlier tier wins a key, and a key that two
 * countries claim within one tier is dropped as ambiguous (so it resolves to unknown):
 *   1. codes: alpha-2 and alpha-3 (and emoji flags, which spell an alpha-2);
 *   2. aliases: the curated variants below (World Bank and UN spellings, "UK", "Holland"…);
 *   3. English names: the UN names of data/regions/countries.json and i18n-iso-countries `en`;
 *   4. other languages: i18n-iso-countries fr, es, pt, de, it, nl first, then every other locale
 *      the package has (so each country's own language is covered where the package has it).
 * Unknown text gets did-you-mean candidates from `suggestCountries` (edit distance), which are only
 * ever shown to the user, never accepted automatically (docs/BRIEF §4.3: no fuzzy auto-accept).
 *
 * Decisions (see data/regions/README.md): "Georgia" is the country GE, not the US state;
 * "Congo" (in any spelling), "Korea" and "Virgin Islands" are ambiguous and stay unknown; "NA" is Namibia
 * (ISO 3166-1 alpha-2): in a country column only an empty cell is missing, unless the source declares
 * its own markers (`missingMarkers`, see countryResolver); Kosovo is XK (user-assigned code,
 * alpha-3 XKX, also accepting XKK); numeric codes are not accepted, because survey tools number
 * their own country lists and "36" from a dropdown export is rarely M49's Australia.
 */
import { createRequire } from 'node:module';
import { countryTable, countryDisplayName } from './regions.ts';

export type CountryResolution =
  | { alpha2: string; matchedBy: 'code' | 'name' | 'alias' }
  | { alpha2: null; reason: 'blank' | 'unknown' };

export interface CountrySuggestion {
  alpha2: string;
  /** Display name (UN English short name). */
  name: string;
  /** 1 − distance / longer length, in [0, 1]. */
  score: number;
}

const require = createRequire(import.meta.url);

/** Curated variants, alpha-2 → spellings seen in survey data and statistical tables. */
const ALIASES: Record<string, string[]> = {
  AE: ['UAE', 'U.A.E.', 'Emirates'],
  AG: ['Antigua & Barbuda', 'Antigua'],
  AT: ['Österreich'],
  BO: ['Bolivia (Plurinational State of)', 'Bolivia, Plurinational State of'],
  BN: ['Brunei'],
  BR: ['Brasil'],
  BS: ['Bahamas, The'],
  CD: ['Congo, Dem. Rep.', 'DRC', 'D.R.C.', 'DR Congo', 'D.R. Congo', 'Congo-Kinshasa', 'Congo (Kinshasa)', 'Democratic Republic of Congo', 'Congo, Democratic Republic'],
  CG: ['Congo, Rep.', 'Congo-Brazzaville', 'Congo (Brazzaville)', 'Republic of Congo'],
  CH: ['Schweiz', 'Suisse', 'Svizzera'],
  CI: ["Côte d'Ivoire", "Cote d'Ivoire", 'Ivory Coast'],
  CN: ['中国', 'PRC', "People's Republic of China", 'Mainland China'],
  CV: ['Cabo Verde', 'Cape Verde'],
  CZ: ['Czechia', 'Czech Republic'],
  DE: ['Deutschland'],
  EG: ['Egypt, Arab Rep.'],
  ES: ['España'],
  FM: ['Micronesia, Fed. Sts.'],
  GB: ['UK', 'U.K.', 'United Kingdom', 'Great Britain', 'Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland'],
  GM: ['Gambia, The'],
  HK: ['Hong Kong SAR', 'Hong Kong SAR, China', 'Hong Kong, China'],
  IE: ['Republic of Ireland', 'Eire'],
  IR: ['Iran (Islamic Republic of)', 'Iran, Islamic Rep.', 'Iran'],
  JP: ['日本', 'Nippon', 'Nihon'],
  KG: ['Kyrgyz Republic'],
  KP: ["Korea, Dem. People's Rep.", 'Korea, Dem. Rep.', 'North Korea', 'Korea (North)', 'Korea, North', 'DPRK', 'DPR Korea'],
  KR: ['Korea, Rep.', 'South Korea', 'Republic of Korea', 'Korea (South)', 'Korea, South', 'ROK'],
  LA: ['Laos', 'Lao PDR'],
  LC: ['St. Lucia'],
  MK: ['North Macedonia', 'Macedonia', 'FYROM'],
  MM: ['Burma'],
  MO: ['Macau', 'Macao SAR', 'Macao SAR, China'],
  MX: ['México'],
  NL: ['Holland', 'The Netherlands', 'Nederland'],
  PL: ['Polska'],
  PS: ['Palestine', 'Palestinian Territories', 'West Bank and Gaza', 'Occupied Palestinian Territory'],
  RU: ['Russian Federation', 'Russia', 'Россия'],
  SA: ['KSA'],
  SK: ['Slovak Republic'],
  SY: ['Syria'],
  SZ: ['Eswatini', 'Swaziland'],
  TL: ['East Timor'],
  TR: ['Türkiye', 'Turkey', 'Turkiye', 'Republic of Türkiye'],
  TW: ['Taiwan', 'Chinese Taipei', 'Taiwan, China'],
  TZ: ['Tanzania'],
  US: ['USA', 'U.S.', 'U.S.A.', 'United States of America', 'United States', 'America'],
  VA: ['Vatican', 'Vatican City'],
  VE: ['Venezuela, RB'],
  VN: ['Viet Nam', 'Vietnam'],
  XK: ['Kosovo', 'XKK'],
  YE: ['Yemen, Rep.'],
};

/** Texts that name more than one country: never resolved, whatever a locale file says. */
const AMBIGUOUS = ['Congo', 'Kongo', 'Конго', 'Korea', 'Virgin Islands'];

/**
 * Keys that mean "no country": only an empty cell (or one of punctuation alone, such as "-"). "NA"
 * is Namibia, and "N/A", "none" or "null" are unknown countries (reported) unless the source lists
 * them in `missingMarkers`.
 */
const BLANK_KEYS = new Set(['']);

const PRIORITY_LOCALES = ['fr', 'es', 'pt', 'de', 'it', 'nl'];

/** Letters that do not decompose under NFD but that people drop or spell out. */
const FOLDED_LETTERS: Record<string, string> = { ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * The lookup key of a text: NFKC, lower case, accents stripped (Latin combining marks only, so
 * other scripts keep their vowel signs), apostrophes and dots dropped ("U.S.A." → "usa"), `&` →
 * "and", other punctuation and symbols → one space, a leading or trailing "the" dropped
 * ("Bahamas, The"), and "st" spelled "saint".
 */
export function countryKey(text: string): string {
  let key = text.normalize('NFKC').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
  key = key.replace(/[ßøæœłđðþı]/g, (letter) => FOLDED_LETTERS[letter]);
  key = key.replace(/['\u2018\u2019`´.]/g, '').replace(/&/g, ' and ');
  key = key.replace(/[\p{P}\p{S}\s]+/gu, ' ').trim();
  key = key.replace(/^the /, '').replace(/ the$/, '');
  return key.replace(/\bst\b/g, 'saint');
}

/**
 * Emoji flags are pairs of regional indicator symbols, one per letter of the alpha-2 code; the
 * subdivision flags (England, Scotland, Wales) are a black flag followed by tag letters that
 * start with the country code ("gbeng"), of which the first two are kept.
 */
function flagToCode(text: string): string | null {
  const tagged = /^\s*\u{1F3F4}([\u{E0061}-\u{E007A}]{2})[\u{E0030}-\u{E007A}]*\u{E007F}\s*$/u.exec(text);
  if (tagged) return [...tagged[1]].map((tag) => String.fromCharCode(tag.codePointAt(0)! - 0xe0061 + 65)).join('');
  const match = /^\s*([\u{1F1E6}-\u{1F1FF}])([\u{1F1E6}-\u{1F1FF}])/u.exec(text);
  if (!match) return null;
  const letter = (symbol: string) => String.fromCharCode(symbol.codePointAt(0)! - 0x1f1e6 + 65);
  return letter(match[1]) + letter(match[2]);
}

type Entry = { alpha2: string; matchedBy: 'code' | 'name' | 'alias' } | 'ambiguous';

let lookup: { keys: Map<string, Entry>; suggestionKeys: [key: string, alpha2: string][] } | undefined;

function buildLookup() {
  const keys = new Map<string, Entry>();
  /** Keys usable for suggestions: aliases, English and priority-locale names, ambiguous ones included. */
  const suggestionPairs = new Set<string>();
  const known = new Set(countryTable().map((record) => record.alpha2));
  for (const text of AMBIGUOUS) keys.set(countryKey(text), 'ambiguous');

  const addTier = (pairs: [string, string][], matchedBy: 'code' | 'name' | 'alias', suggest: boolean) => {
    const tier = new Map<string, string | null>();
    for (const [alpha2, text] of pairs) {
      if (!known.has(alpha2)) continue;
      const key = countryKey(text);
      if (BLANK_KEYS.has(key)) continue;
      if (suggest) suggestionPairs.add(`${key}\t${alpha2}`);
      if (keys.has(key)) continue;
      tier.set(key, tier.has(key) && tier.get(key) !== alpha2 ? null : alpha2);
    }
    for (const [key, alpha2] of tier) keys.set(key, alpha2 ? { alpha2, matchedBy } : 'ambiguous');
  };
  const localeNames = (locale: string): [string, string][] => {
    const names = (require(`i18n-iso-countries/langs/${locale}.json`) as { countries: Record<string, string | string[]> }).countries;
    return Object.entries(names).flatMap(([alpha2, name]) => (Array.isArray(name) ? name : [name]).map((text): [string, string] => [alpha2, text]));
  };

  addTier(countryTable().flatMap((record): [string, string][] => [[record.alpha2, record.alpha2], [record.alpha2, record.alpha3]]), 'code', false);
  addTier(Object.entries(ALIASES).flatMap(([alpha2, texts]) => texts.map((text): [string, string] => [alpha2, text])), 'alias', true);
  const unNames = countryTable().flatMap((record): [string, string][] => [[record.alpha2, record.nameEn], ...(record.shortName ? [[record.alpha2, record.shortName] as [string, string]] : [])]);
  addTier([...unNames, ...localeNames('en')], 'name', true);
  addTier(PRIORITY_LOCALES.flatMap(localeNames), 'name', true);
  const otherLocales = (require('i18n-iso-countries/supportedLocales.json') as string[]).filter((locale) => locale !== 'en' && !PRIORITY_LOCALES.includes(locale));
  addTier(otherLocales.flatMap(localeNames), 'name', false);
  const suggestionKeys = [...suggestionPairs].map((pair) => pair.split('\t') as [string, string]);
  return { keys, suggestionKeys };
}

function getLookup() {
  return (lookup ??= buildLookup());
}

/** Memo of distinct inputs: a million-row file has few distinct country strings. Bounded so free text cannot grow it forever. */
const memo = new Map<string, CountryResolution>();
const MEMO_LIMIT = 100_000;

function resolveUncached(text: string): CountryResolution {
  const flagCode = flagToCode(text);
  if (flagCode) {
    const rest = text.replace(/[\u{1F1E6}-\u{1F1FF}\u{1F3F4}\u{E0000}-\u{E007F}]/gu, '');
    const restResolved = resolveUncached(rest);
    if (restResolved.alpha2 === null && restResolved.reason === 'blank') return resolveUncached(flagCode);
    return restResolved.alpha2 === flagCode ? restResolved : { alpha2: null, reason: 'unknown' };
  }
  const key = countryKey(text);
  if (BLANK_KEYS.has(key)) return { alpha2: null, reason: 'blank' };
  const entry = getLookup().keys.get(key);
  if (!entry || entry === 'ambiguous') return { alpha2: null, reason: 'unknown' };
  return { alpha2: entry.alpha2, matchedBy: entry.matchedBy };
}

/** Resolves a country as typed or exported; unknown and ambiguous texts are reported, never guessed. */
export function resolveCountry(text: string): CountryResolution {
  let resolution = memo.get(text);
  if (!resolution) {
    resolution = resolveUncached(text);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, resolution);
  }
  return resolution;
}

export interface CountryResolverOptions {
  /** Text → ISO alpha-2 code, from wave.json `countryAliases` (compared as countryKey, so case and accents do not matter). */
  aliases?: Record<string, string>;
  /** Texts that mean "no answer" in this source's country column (wave.json sources[].missingMarkers). */
  missingMarkers?: readonly string[];
}

/**
 * resolveCountry with a wave's own aliases and a source's own missing-value markers, which win over
 * the built-in tables. Alias targets must be known alpha-2 codes (checkCountryAliases).
 */
export function countryResolver(options: CountryResolverOptions = {}): (text: string) => CountryResolution {
  const aliases = new Map(Object.entries(options.aliases ?? {}).map(([text, alpha2]) => [countryKey(text), alpha2.trim().toUpperCase()]));
  const missing = new Set((options.missingMarkers ?? []).map((marker) => countryKey(marker)));
  if (aliases.size === 0 && missing.size === 0) return resolveCountry;
  return (text) => {
    const key = countryKey(text);
    if (missing.has(key)) return { alpha2: null, reason: 'blank' };
    const alpha2 = aliases.get(key);
    return alpha2 ? { alpha2, matchedBy: 'alias' } : resolveCountry(text);
  };
}

/** Problems of wave.json `countryAliases`: each value must be an ISO 3166-1 alpha-2 code the country table knows. */
export function checkCountryAliases(aliases: unknown): string[] {
  if (aliases === undefined) return [];
  if (typeof aliases !== 'object' || aliases === null || Array.isArray(aliases)) return ['"countryAliases" must be an object of text → ISO 3166-1 alpha-2 code, e.g. {"Zuid-Afrika": "ZA"}'];
  const known = new Set(countryTable().map((record) => record.alpha2));
  return Object.entries(aliases as Record<string, unknown>)
    .filter(([, code]) => typeof code !== 'string' || !known.has(code.trim().toUpperCase()))
    .map(([text, code]) => `"countryAliases" maps ${JSON.stringify(text)} to ${JSON.stringify(code)}, which is not an ISO 3166-1 alpha-2 code`);
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transposition, so "Nethrelands" is
 * one edit from "Netherlands"). Damerau, F. J. (1964), CACM 7(3):171–176. Two rolling rows.
 */
export function editDistance(a: string, b: string): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2] + 1);
      current.push(best);
    }
    [before, previous] = [previous, current];
  }
  return previous[b.length];
}

/**
 * Did-you-mean candidates for a text: the countries whose alias, English or main-locale name is
 * closest by edit distance, score = 1 − distance / longer length, at least `minScore`, best first,
 * one entry per country. For messages only.
 */
export function suggestCountries(text: string, limit = 3, minScore = 0.7): CountrySuggestion[] {
  const key = countryKey(text);
  if (BLANK_KEYS.has(key)) return [];
  const best = new Map<string, number>();
  for (const [candidate, alpha2] of getLookup().suggestionKeys) {
    const longer = Math.max(key.length, candidate.length);
    // The distance is at least the length difference: skip candidates that cannot reach minScore.
    if (1 - Math.abs(key.length - candidate.length) / longer < minScore) continue;
    const score = 1 - editDistance(key, candidate) / longer;
    if (score >= minScore && score > (best.get(alpha2) ?? -1)) best.set(alpha2, score);
  }
  return [...best]
    .map(([alpha2, score]) => ({ alpha2, name: countryDisplayName(alpha2), score: Math.round(score * 1000) / 1000 }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, limit);
}
