/**
 * Personal data typed into a kept cell: e-mail addresses become `[email removed]`, IPv4 and IPv6
 * addresses `[ip address removed]`, phone numbers `[phone removed]`.
 *
 * Phone numbers are found by libphonenumber-js (Google's libphonenumber metadata in its `min` form,
 * `findPhoneNumbersInText`, which keeps only numbers valid in a numbering plan), in two passes:
 *   1. international form (`+44 7564 479146`, `+33 6 12 34 56 78`, `0049 151 …`, extensions
 *      `ext. 123`, brackets `+44 (0)20 …`, dots): found whatever the region, no default needed;
 *   2. national form, for each region of NATIONAL_REGIONS as the default (`07564 479146` in GB,
 *      `0151 23456789` in DE, `0712 345678` in KE, `(030) 1234 567`). A national find counts only
 *      when it is written like a phone number: with the trunk prefix 0, with an `(area)` part, or
 *      with at least two separators between its digits. Without that rule years and ranges such
 *      as `2019-2022` are valid numbers in some plans (Germany's, Kenya's).
 * The library accepts only numbers that are valid in a numbering plan, but a mistyped or
 * unassigned number is still personal: PHONE_SHAPE (what E.164 allows, 8–15 digits, written with
 * a leading `+`, an `(area)` part or at least two separators) catches those the library declines,
 * e.g. `+1 219879728464` (13 digits: no NANP number) or the fictional 555-01xx range.
 * Dates (`2017-07-18`, `18.07.2017`) and times are never phone numbers.
 */
import { isIPv6 } from 'node:net';
import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/min';

/**
 * Default regions of the national-format pass: the countries whose national formats the surveys
 * meet most (the 2022 study's and those of the tools' languages: English, French, Spanish,
 * Portuguese, German, Dutch). A national number of another country written with its trunk 0 is
 * nearly always valid in one of these plans too; an international one is found by pass 1.
 */
export const NATIONAL_REGIONS: readonly CountryCode[] = [
  'GB', 'IE', 'US', 'CA', 'AU', 'IN', 'KE', 'NG', 'GH', 'ZA', 'FR', 'BE', 'CH', 'DE', 'AT', 'NL', 'ES', 'PT', 'BR', 'MX',
  'AR', 'CO', 'IT', 'VN', 'PH',
];

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const IPV4 = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])/g;
const IPV6_CANDIDATE = /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{0,4}|\[ip address removed\])(?![\w:])/g;
const PHONE_SHAPE = /(?<![\w+.])(?:\+\d{8,15}|\+\d{1,3}[ .-]\d{7,14}|(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]\d{1,4}){1,6})(?![\w:]|\.\d)/g;
const ISO_DATE = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/;
const DAY_FIRST_DATE = /^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/;
/**
 * What a national find must contain (writtenAsNationalNumber), looked for before any library call:
 * a 0-led run of 7 digits or more, an `(area)` part, or three groups of digits with separators.
 */
const NATIONAL_CANDIDATES = /(?<![\w.])(?:\(?0\d(?:[ ./()-]{0,2}\d){5,}|\(\d(?:[ ./()-]{0,2}\d){5,}|\d{2,4}(?:[ .-]\d{2,4}){2,})/g;
const NATIONAL_CANDIDATE = new RegExp(NATIONAL_CANDIDATES.source);
/** Characters after a candidate handed to the library too, for an extension (` ext. 1234`). */
const EXTENSION_ROOM = 12;
/** A date inside a find (`2022-09-05 11` is a valid US number) means it is a timestamp. */
const CONTAINS_DATE = /\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4}/;
const PHONE_PLACEHOLDER = '[phone removed]';

/** Whether `text` holds a run the national pass would hand to the library (mayHoldPersonalText's check). */
export function mayHoldNationalNumber(text: string): boolean {
  return NATIONAL_CANDIDATE.test(text);
}

/** The cell with e-mail addresses, IP addresses and phone numbers replaced by placeholders (no shortcut). */
export function redactPersonalTextByPattern(cell: string): string {
  if (cell.length < 7) return cell;
  let text = cell;
  if (text.includes('@')) text = text.replace(EMAIL, '[email removed]');
  if (!/\d[ .()+-]?\d/.test(text) && !text.includes(':')) return text;
  text = text.replace(IPV4, (match) => (match.split('.').every((part) => Number(part) <= 255) ? '[ip address removed]' : match));
  if (text.includes('::') || /:[0-9A-Fa-f]{0,4}:/.test(text)) {
    text = text.replace(IPV6_CANDIDATE, (match) => (isIPv6(match.replace('[ip address removed]', '0.0.0.0')) ? '[ip address removed]' : match));
  }
  return redactPhoneNumbers(text);
}

/** Phone numbers in `text` replaced by `[phone removed]` (the library's finds, then PHONE_SHAPE). */
export function redactPhoneNumbers(text: string): string {
  if (countDigits(text) < 7) return text;
  const spans = phoneSpans(text);
  let redacted = text;
  if (spans.length > 0) {
    const merged = mergeSpans(spans);
    let out = '';
    let at = 0;
    for (const [start, end] of merged) {
      out += text.slice(at, start) + PHONE_PLACEHOLDER;
      at = end;
    }
    redacted = out + text.slice(at);
  }
  return redacted.replace(PHONE_SHAPE, (match) => (looksLikePhoneShape(match) ? PHONE_PLACEHOLDER : match));
}

/** Where libphonenumber finds phone numbers in `text`: [start, end) character offsets. */
export function phoneSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const accept = (found: { startsAt: number; endsAt: number }[], offset: number, national: boolean) => {
    for (const { startsAt: foundStart, endsAt: foundEnd } of found) {
      const startsAt = foundStart + offset;
      const endsAt = foundEnd + offset;
      const written = text.slice(startsAt, endsAt);
      if (national && !writtenAsNationalNumber(written)) continue;
      if (isDateOrTime(written) || CONTAINS_DATE.test(written)) continue;
      // Inside a longer number or word (`88164499.09167863`, `ID2019-2022`, a time `…:`): not a phone number.
      if (/[\w.]/.test(text[startsAt - 1] ?? '') || /[\w:]/.test(text[endsAt] ?? '') || /^\.\d/.test(text.slice(endsAt, endsAt + 2))) continue;
      spans.push([startsAt, endsAt]);
    }
  };
  if (/[+]|\b00\d/.test(text)) accept(findPhoneNumbersInText(text), 0, false);
  // National form: each candidate (with room for an extension) on its own, so a long answer costs
  // one library call per region for each number-like run in it, not per region for the whole text.
  for (const match of text.matchAll(NATIONAL_CANDIDATES)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (CONTAINS_DATE.test(match[0]) || spans.some(([from, to]) => from < end && start < to)) continue;
    const piece = text.slice(start, Math.min(text.length, end + EXTENSION_ROOM));
    // The first region whose plan knows the number is enough: it is removed, whatever its country.
    for (const region of NATIONAL_REGIONS) {
      const before = spans.length;
      accept(findPhoneNumbersInText(piece, { defaultCountry: region }), start, true);
      if (spans.length > before) break;
    }
  }
  return spans;
}

/** A national find written as people write phone numbers (see the module comment). */
function writtenAsNationalNumber(written: string): boolean {
  if (/^\(?0/.test(written) || written.includes('(')) return true;
  const separators = written.replace(/^\D+|\D+$/g, '').match(/\d[ .-]+(?=\d)/g)?.length ?? 0;
  return separators >= 2 && countDigits(written) >= 9;
}

function looksLikePhoneShape(candidate: string): boolean {
  const digits = countDigits(candidate);
  if (digits < 8 || digits > 15) return false;
  if (isDateOrTime(candidate)) return false;
  const separators = (candidate.match(/[ .-]/g) ?? []).length;
  return candidate.startsWith('+') || candidate.includes('(') || separators >= 2;
}

function isDateOrTime(text: string): boolean {
  const trimmed = text.trim();
  return ISO_DATE.test(trimmed) || DAY_FIRST_DATE.test(trimmed) || /^\d{1,2}:\d{2}(:\d{2})?$/.test(trimmed);
}

function mergeSpans(spans: [number, number][]): [number, number][] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span[0] < last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

function countDigits(text: string): number {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) digits++;
  }
  return digits;
}
