/**
 * Everything a report needs to speak one language: `t(key, params)` from the message catalogue
 * (placeholders `{name}`), `tp` for plurals (Intl.PluralRules), lists (Intl.ListFormat), numbers
 * (stages/render/format.ts with the language), dates (Intl.DateTimeFormat), the names of regions
 * (data/regions/region-names.json), countries (i18n-iso-countries in that language; the UN short
 * names in English) and competencies (data/competencies.json `translations`), and the number
 * locale Vega formats chart numbers with.
 *
 * Built from the language alone, so every figure builder and the PDF and HTML assemblers get the
 * same strings for the same input.
 */
import { createRequire } from 'node:module';
// The package's browser entry (its `browser` field): the library without the 78 locales its Node
// entry registers on load; the three report languages are registered below, each when first used.
import i18nCountries from 'i18n-iso-countries/index.js';
import type { Competency } from '../../../contracts/types.ts';
import { formatCount, formatEstimate, formatFixed, formatInteger, formatInterval, formatPercent, formatTotal, numberSeparators } from '../format.ts';
import { catalogue, type MessageKey } from './catalogue.ts';
import { DEFAULT_LANGUAGE, LOCALE_TAGS, isLanguage, type Language } from '../../../contracts/languages.ts';

const require = createRequire(import.meta.url);
const registeredCountryNames = new Set<Language>();
/** i18n-iso-countries' names in `lang` (fr, es or pt), registered on first use. */
function countryNamesIn(lang: Exclude<Language, 'en'>): typeof i18nCountries {
  if (!registeredCountryNames.has(lang)) {
    i18nCountries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
    registeredCountryNames.add(lang);
  }
  return i18nCountries;
}

/** Region names of the three built-in region schemes, with Global and Unknown: English name → language → name. */
export const REGION_NAMES = require('../../../data/regions/region-names.json').regions as Record<string, Record<Exclude<Language, 'en'>, string>>;

export type Params = Record<string, string | number>;

/** Keys that come as `<base>.one` / `<base>.other` pairs. */
export type PluralBase = { [K in MessageKey]: K extends `${infer Base}.other` ? Base : never }[MessageKey];

/** A Vega number-locale definition (d3-format's), from Intl so charts and tables agree. */
export interface VegaNumberLocale {
  decimal: string;
  thousands: string;
  grouping: number[];
  currency: [string, string];
  percent: string;
  minus: string;
}

export interface Translator {
  lang: Language;
  /** BCP 47 tag (`fr-FR`): PDF /Lang, HTML lang, Intl. */
  tag: string;
  t(key: MessageKey, params?: Params): string;
  /** Whether the catalogue has this key (for keys built from data, such as reason codes). */
  has(key: string): key is MessageKey;
  tp(base: PluralBase, count: number, params?: Params): string;
  list(items: readonly string[]): string;
  estimate(value: number): string;
  interval(low: number, high: number): string;
  count(count: number, minN: number): string;
  total(counts: number[], minN: number): string;
  integer(value: number): string;
  fixed(value: number, digits: number): string;
  percent(share: number, digits: number): string;
  /** An ISO date (`2022-12-01`) written out in the language (`1 décembre 2022`). */
  date(iso: string): string;
  region(name: string): string;
  /** A country's name in the language; `englishName` (the UN short name) in English or when unknown. */
  country(alpha2: string, englishName: string): string;
  competency(competency: Competency): Competency;
  compare(a: string, b: string): number;
  vegaNumberLocale: VegaNumberLocale;
}

function fill(text: string, params: Params | undefined): string {
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
}

const cache = new Map<Language, Translator>();

function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

export function translator(language: unknown = DEFAULT_LANGUAGE): Translator {
  const lang: Language = isLanguage(language) ? language : DEFAULT_LANGUAGE;
  const found = cache.get(lang);
  if (found) return found;
  const tag = LOCALE_TAGS[lang];
  const messages = catalogue(lang);
  // Each Intl object loads its ICU data when made (tens of ms in all): made on first use, since a
  // figure alone needs none of them.
  const plurals = once(() => new Intl.PluralRules(tag));
  const lists = once(() => new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' }));
  const dates = once(() => new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }));
  const collator = once(() => new Intl.Collator(tag));
  const t = (key: MessageKey, params?: Params) => fill(messages[key], params);
  const numberLocale = once((): VegaNumberLocale => {
    const { decimal, group } = numberSeparators(lang);
    const percentParts = new Intl.NumberFormat(tag, { style: 'percent' }).formatToParts(0.5);
    return {
      decimal,
      thousands: group,
      grouping: [3],
      currency: ['', ''],
      percent: percentParts.filter((part) => part.type === 'literal' || part.type === 'percentSign').map((part) => part.value).join(''),
      minus: '\u2212',
    };
  });
  const made: Translator = {
    lang,
    tag,
    t,
    has: (key): key is MessageKey => Object.prototype.hasOwnProperty.call(messages, key),
    tp: (base, count, params) => {
      const key = `${base}.${plurals().select(count) === 'one' ? 'one' : 'other'}` as MessageKey;
      return t(key, { count: formatInteger(count, lang), ...params });
    },
    list: (items) => lists().format(items),
    estimate: (value) => formatEstimate(value, lang),
    interval: (low, high) => formatInterval(low, high, lang),
    count: (count, minN) => formatCount(count, minN, lang),
    total: (counts, minN) => formatTotal(counts, minN, lang),
    integer: (value) => formatInteger(value, lang),
    fixed: (value, digits) => formatFixed(value, digits, lang),
    percent: (share, digits) => formatPercent(share, digits, lang),
    date: (iso) => {
      const date = new Date(`${iso}T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? iso : dates().format(date);
    },
    region: (name) => (lang === 'en' ? name : (REGION_NAMES[name]?.[lang] ?? name)),
    country: (alpha2, englishName) => (lang === 'en' || !alpha2 ? englishName : (countryNamesIn(lang).getName(alpha2, lang) ?? englishName)),
    competency: (competency) => {
      const local = lang === 'en' ? undefined : competency.translations?.[lang];
      return local ? { ...competency, label: local.label, description: local.description } : competency;
    },
    compare: (a, b) => collator().compare(a, b),
    // English charts use Vega's default locale: the first Intl.NumberFormat (≈ 30 ms of ICU data) only when another language needs it.
    get vegaNumberLocale() {
      return numberLocale();
    },
  };
  cache.set(lang, made);
  return made;
}
