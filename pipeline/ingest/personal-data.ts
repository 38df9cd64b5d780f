/**
 * Personal data is removed at ingest, before any other code (or message) sees a row.
 *
 * Columns: a column is personal when its key, label, ImportId or last `/` path segment, reduced
 * to lower-case letters and digits, names one of the identifiers the tools write (Qualtrics
 * `IPAddress`, `RecipientLastName`, `RecipientEmail`, `ExternalReference`, `LocationLatitude`
 * and ImportIds like `panel-RecipientEmail`; Qualtrics legacy `EmailAddress`, `Name`,
 * `ExternalDataReference`; LimeSurvey `ipaddr`, `email`, `firstname`, `lastname`; SurveyMonkey
 * `IP Address`, `Email Address`, `First Name`, `Last Name`, `Custom Data 1`; Kobo `_gps_*`,
 * `_geolocation`), or when its values are ODK geopoints (`lat lon alt precision`).
 * Such columns are dropped; RawTable.droppedPersonalColumns lists their keys, never values.
 *
 * Cells: in every kept cell, e-mail addresses become `[email removed]`, phone numbers
 * `[phone removed]` and IPv4 addresses `[ip address removed]`. A phone number is 8–15 digits
 * (ITU-T E.164 allows at most 15) written with a leading `+`, a `(area)` part or at least two
 * separators (space, `.`, `-`), and not a date (`2017-07-18`, `18.07.2017`) or a time.
 */
import type { RawColumn } from '../types.ts';

/** Reduced names (see normaliseName) that are personal wherever they appear. */
const PERSONAL_NAMES = new Set([
  'ip', 'ipaddress', 'ipaddr', 'ipadresse', 'adresseip', 'direccionip',
  'recipientlastname', 'recipientfirstname', 'recipientemail', 'recipientphone',
  'panelrecipientlastname', 'panelrecipientfirstname', 'panelrecipientemail', 'panelexternaldatareference',
  'email', 'emailaddress', 'mail', 'correo', 'correoelectronico', 'courriel',
  'name', 'firstname', 'lastname', 'fullname', 'surname', 'givenname', 'nombre', 'apellido', 'nom', 'prenom',
  'externalreference', 'externaldatareference', 'externalref',
  'locationlatitude', 'locationlongitude', 'locationlocationlatitude', 'locationlocationlongitude', 'latitude', 'longitude',
  'geolocation', 'gps', 'geopoint',
  'phone', 'phonenumber', 'telephone', 'telephonenumber', 'tel', 'mobile', 'mobilephone', 'cellphone', 'telefono', 'telefone',
]);

function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function namesOf(column: RawColumn): string[] {
  const names = [column.key, column.label, column.importId ?? ''];
  for (const name of [column.key, column.label]) {
    const lastSegment = name.split('/').pop() ?? '';
    if (lastSegment !== name) names.push(lastSegment);
  }
  return names.filter((name) => name !== '');
}

/** True when the column's name says it holds personal data. */
export function isPersonalColumn(column: RawColumn): boolean {
  for (const name of namesOf(column)) {
    if (/^_gps_/i.test(name.split('/').pop() ?? '')) return true;
    const reduced = normaliseName(name);
    if (PERSONAL_NAMES.has(reduced)) return true;
    if (/^customdata\d*$/.test(reduced)) return true;
  }
  return false;
}

const GEOPOINT = /^-?\d{1,3}(\.\d+)? -?\d{1,3}(\.\d+)? -?\d+(\.\d+)? \d+(\.\d+)?$/;

/** True when every non-empty value (Kobo `n/a` aside) is an ODK geopoint and there is one. */
export function looksLikeGeopoint(values: string[]): boolean {
  const filled = values.filter((value) => value !== '' && value !== 'n/a');
  return filled.length > 0 && filled.every((value) => GEOPOINT.test(value.trim()));
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const PHONE_CANDIDATE = /(?<![\w+.])(?:\+\d{8,15}|(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]\d{1,4}){1,6})(?![\w:]|\.\d)/g;
const IPV4 = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])/g;
const ISO_DATE = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/;
const DAY_FIRST_DATE = /^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/;

function isPhoneNumber(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '').length;
  if (digits < 8 || digits > 15) return false;
  if (ISO_DATE.test(candidate) || DAY_FIRST_DATE.test(candidate)) return false;
  const separators = (candidate.match(/[ .-]/g) ?? []).length;
  return candidate.startsWith('+') || candidate.includes('(') || separators >= 2;
}

/**
 * Whether the patterns below could change `cell` at all; false only when provably not, so that
 * the cells that make up nearly all of an export (scale labels, numbers, timestamps, ids) cost a
 * character loop instead of two regular-expression replacements. What each pattern needs:
 *   - an e-mail address: `@`;
 *   - an IPv4 address: at least 4 digits and 3 dots;
 *   - a phone number: at least 8 digits and a `+` or one of the separators space, `.`, `-`
 *     (PHONE_CANDIDATE's first branch needs `+`, the other a `[ .-]` group); with no `+` and no
 *     `(` it also needs two separators inside it (isPhoneNumber).
 * Beyond those counts, two shapes with enough digits and separators are still never changed:
 *   - a plain decimal number `-?\d+(\.\d+)?`: a phone candidate cannot start with `-`, so inside
 *     it there is at most one separator, no `+` and no `(`; and one dot is no IPv4 address;
 *   - an ISO date-time `YYYY-MM-DD HH:MM[:SS]` (or with `T`): no dots; a candidate may not be
 *     followed by `:` or a word character, so it ends inside the date (`YYYY-MM-DD` is a date to
 *     isPhoneNumber, `YYYY-MM` and `MM-DD` have fewer than 8 digits), and one starting at the hour
 *     or minute meets `:` or the end before any separator.
 * test/ingest/personal-data.test.ts checks that the full patterns leave generated cells of those
 * shapes unchanged, and that the phone numbers and addresses that look numeric are still removed.
 */
export function mayHoldPersonalText(cell: string): boolean {
  let digits = 0;
  let dots = 0;
  let separators = 0;
  for (let i = 0; i < cell.length; i++) {
    const code = cell.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) digits++;
    else if (code === 0x40) return true; // '@'
    else if (code === 0x2e) {
      dots++;
      separators++;
    } else if (code === 0x20 || code === 0x2d || code === 0x2b) separators++; // ' ', '-', '+'
  }
  if (digits < 4 || separators === 0) return false;
  if (digits < 8 && dots < 3) return false;
  return !PLAIN_NUMBER.test(cell) && !ISO_DATE_TIME.test(cell);
}

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?$/;

/** The cell with e-mail addresses, IPv4 addresses and phone numbers replaced by placeholders. */
export function redactPersonalText(cell: string): string {
  if (cell.length < 7 || !mayHoldPersonalText(cell)) return cell;
  return redactPersonalTextByPattern(cell);
}

/** redactPersonalText without the mayHoldPersonalText shortcut: every pattern on every cell (tests compare the two). */
export function redactPersonalTextByPattern(cell: string): string {
  if (cell.length < 7) return cell;
  let text = cell;
  if (text.includes('@')) text = text.replace(EMAIL, '[email removed]');
  if (!/\d[ .()+-]?\d/.test(text)) return text;
  text = text.replace(IPV4, (match) => (match.split('.').every((part) => Number(part) <= 255) ? '[ip address removed]' : match));
  return text.replace(PHONE_CANDIDATE, (match) => (isPhoneNumber(match) ? '[phone removed]' : match));
}
