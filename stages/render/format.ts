/**
 * Number formats shared by figures, tables and the executive summary, so a number quoted in the
 * text is the same string as in the tables (the tests compare them). Every format takes the
 * output language (default English): the decimal separator, digit grouping and the word between
 * an interval's bounds follow it (stages/render/i18n/).
 */
import { DEFAULT_LANGUAGE, LOCALE_TAGS, type Language } from '../../contracts/languages.ts';
import { catalogue } from './i18n/catalogue.ts';

const separators = new Map<Language, { decimal: string; group: string }>();

/** The locale's decimal and grouping separators (Intl, so tables and Intl-formatted text agree). */
export function numberSeparators(lang: Language = DEFAULT_LANGUAGE): { decimal: string; group: string } {
  let found = separators.get(lang);
  if (!found) {
    const parts = new Intl.NumberFormat(LOCALE_TAGS[lang]).formatToParts(12345.6);
    found = { decimal: parts.find((part) => part.type === 'decimal')!.value, group: parts.find((part) => part.type === 'group')?.value ?? '' };
    separators.set(lang, found);
  }
  return found;
}

/** `value.toFixed(digits)` with the language's decimal separator and a true minus sign (U+2212). */
export function formatFixed(value: number, digits: number, lang: Language = DEFAULT_LANGUAGE): string {
  const fixed = Math.abs(value).toFixed(digits);
  const signed = value < 0 && Number(fixed) !== 0 ? `\u2212${fixed}` : fixed;
  return lang === 'en' ? signed : signed.replace('.', numberSeparators(lang).decimal);
}

/** Means and gaps on the answer scale: two decimals; negative numbers with a true minus sign (U+2212). */
export function formatEstimate(value: number, lang: Language = DEFAULT_LANGUAGE): string {
  return formatFixed(value, 2, lang);
}

/** A 95% confidence interval as `low to high` (a dash would read as a minus sign), in the language's words. */
export function formatInterval(low: number, high: number, lang: Language = DEFAULT_LANGUAGE): string {
  return catalogue(lang)['number.interval'].replace('{low}', formatEstimate(low, lang)).replace('{high}', formatEstimate(high, lang));
}

/** A whole number: as is in English (the tables' long-standing form), grouped by the locale's rule otherwise. */
export function formatInteger(count: number, lang: Language = DEFAULT_LANGUAGE): string {
  return lang === 'en' ? String(count) : new Intl.NumberFormat(LOCALE_TAGS[lang], { maximumFractionDigits: 0 }).format(count);
}

/** A share (0.123) as a percentage with the locale's sign and spacing (`12.3%`, `12,3 %`). */
export function formatPercent(share: number, digits: number, lang: Language = DEFAULT_LANGUAGE): string {
  return new Intl.NumberFormat(LOCALE_TAGS[lang], { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(share).replace('-', '\u2212');
}

/**
 * A respondent count safe to publish: counts from 1 to minN − 1 are shown as `< minN`, never
 * exactly (statistical disclosure control, see BRIEF §3.7); 0 and counts ≥ minN are exact.
 */
export function formatCount(count: number, minN: number, lang: Language = DEFAULT_LANGUAGE): string {
  if (count > 0 && count < minN) return `< ${formatInteger(minN, lang)}`;
  return formatInteger(count, lang);
}

/**
 * The total of several counts when some are binned: the exact total would let a reader recover
 * the binned count by subtraction (secondary disclosure), so it is shown as the range it can take.
 */
export function formatTotal(counts: number[], minN: number, lang: Language = DEFAULT_LANGUAGE): string {
  const binned = counts.filter((count) => count > 0 && count < minN).length;
  const known = counts.filter((count) => count === 0 || count >= minN).reduce((sum, count) => sum + count, 0);
  if (binned === 0) return formatInteger(known, lang);
  const low = known + binned;
  const high = known + binned * (minN - 1);
  return known === 0 && binned === 1 ? `< ${formatInteger(minN, lang)}` : `${formatInteger(low, lang)}\u2013${formatInteger(high, lang)}`;
}
