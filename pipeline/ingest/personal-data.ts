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

/** The cell with e-mail addresses, IPv4 addresses and phone numbers replaced by placeholders. */
export function redactPersonalText(cell: string): string {
  if (cell.length < 7) return cell;
  let text = cell;
  if (text.includes('@')) text = text.replace(EMAIL, '[email removed]');
  if (!/\d[ .()+-]?\d/.test(text)) return text;
  text = text.replace(IPV4, (match) => (match.split('.').every((part) => Number(part) <= 255) ? '[ip address removed]' : match));
  return text.replace(PHONE_CANDIDATE, (match) => (isPhoneNumber(match) ? '[phone removed]' : match));
}
