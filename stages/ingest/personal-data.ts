/**
 * Personal data is removed at ingest, before any other code (or message) sees a row.
 *
 * Columns, by header: a column is personal when one of its names (key, label, ImportId, and the
 * last segment of an XForm `group/…/name` path, `children[2]/child_name` too), reduced to
 * lower-case letters and digits without accents, is an identifier the tools write or a word for
 * personal data in the survey languages (English, French, Spanish, Portuguese, German, Dutch):
 * Qualtrics `IPAddress`, `RecipientLastName`, `RecipientEmail`, `ExternalReference`,
 * `LocationLatitude` and ImportIds like `panel-RecipientEmail`; LimeSurvey `ipaddr`, `refurl`,
 * `email`, `firstname`; SurveyMonkey `IP Address`, `Email Address`, `Custom Data 1`; Kobo/ODK
 * `deviceid`, `imei`, `subscriberid`, `simserial`, `phonenumber`, `_gps_*`, `_geolocation`,
 * `group/resp_name`; SPSS `tel.office`, `tel.mobile`; and short headers such as "Nom de famille",
 * "Correo electrónico", "Número de teléfono móvil", "E-Mail-Adresse", "Endereço", "Achternaam".
 * Long question texts are never matched word by word ("How important is e-mail security?").
 *
 * Columns, by content: a column whose non-empty values (Kobo `n/a` aside) are mostly (more than
 * half) e-mail addresses, phone numbers, IP addresses or coordinates (ODK geopoints `lat lon alt
 * acc`, decimal-degree pairs `52.3676, 4.9041`, WKT `POINT (…)`) is personal whatever its header
 * (personalContentKind).
 *
 * Cells: every kept cell goes through redactPersonalText (redact-personal-text.ts).
 * Only column names ever reach a message or a file, never values.
 */
import { isIP } from 'node:net';
import type { RawColumn } from '../../contracts/types.ts';
import { mayHoldNationalNumber, phoneSpans, redactPersonalTextByPattern } from './redact-personal-text.ts';

export { redactPersonalTextByPattern } from './redact-personal-text.ts';

/** Reduced names (see reduceName) that are personal wherever they appear. */
const PERSONAL_NAMES = new Set([
  // IP addresses, referrers, devices
  'ip', 'ipaddress', 'ipaddr', 'ipadresse', 'adresseip', 'direccionip', 'enderecoip', 'ipadres', 'refurl', 'referer', 'referrer', 'httpreferer',
  'imei', 'deviceid', 'deviceidentifier', 'subscriberid', 'simserial', 'simid', 'macaddress', 'androidid', 'advertisingid',
  // Qualtrics recipient and panel fields
  'recipientlastname', 'recipientfirstname', 'recipientemail', 'recipientphone', 'recipientphonenumber',
  'panelrecipientlastname', 'panelrecipientfirstname', 'panelrecipientemail', 'panelexternaldatareference',
  'externalreference', 'externaldatareference', 'externalref',
  // e-mail
  'email', 'emailaddress', 'emailadres', 'emailadresse', 'mail', 'mailadresse', 'mailaddress', 'correo', 'correoelectronico',
  'courriel', 'adressemail', 'adresseemail', 'adressecourriel', 'adresseelectronique', 'enderecodeemail', 'enderecoemail',
  'enderecoeletronico', 'direcciondecorreo', 'direcciondecorreoelectronico', 'emailadresse', 'epost',
  // names
  'name', 'fullname', 'firstname', 'lastname', 'middlename', 'surname', 'givenname', 'familyname', 'forename', 'yourname',
  'respname', 'respondentname', 'contactname', 'childname', 'nom', 'prenom', 'nomdefamille', 'nomcomplet', 'nomprenom',
  'nombre', 'nombres', 'nombrecompleto', 'apellido', 'apellidos', 'primerapellido', 'segundoapellido', 'nome', 'nomecompleto',
  'sobrenome', 'apelido', 'primeironome', 'vorname', 'nachname', 'familienname', 'vollstandigername', 'naam', 'voornaam',
  'achternaam', 'volledigenaam', 'familienaam',
  // phones
  'phone', 'phonenumber', 'phoneno', 'telephone', 'telephonenumber', 'tel', 'telno', 'telnumber', 'mobile', 'mobilephone',
  'mobilenumber', 'cell', 'cellphone', 'cellular', 'gsm', 'whatsapp', 'numerodetelephone', 'telephoneportable', 'portable',
  'numerodeportable', 'telefono', 'numerodetelefono', 'telefonomovil', 'movil', 'celular', 'numerodecelular', 'telefone',
  'numerodetelefone', 'telemovel', 'telefonecelular', 'telefon', 'telefonnummer', 'handy', 'handynummer', 'mobilnummer',
  'telefoon', 'telefoonnummer', 'mobiel', 'mobielnummer', 'mobieltelefoonnummer',
  // postal addresses
  'address', 'streetaddress', 'homeaddress', 'postaladdress', 'adresse', 'adressepostale', 'direccion', 'domicilio',
  'direccionpostal', 'endereco', 'morada', 'anschrift', 'strasse', 'postanschrift', 'adres', 'woonadres', 'postcode',
  'zipcode', 'postalcode', 'codepostal', 'codigopostal', 'postleitzahl', 'cep',
  // location
  'locationlatitude', 'locationlongitude', 'locationlocationlatitude', 'locationlocationlongitude', 'latitude', 'longitude',
  'lat', 'lon', 'lng', 'geolocation', 'geolocalisation', 'geolocalizacion', 'geolocalizacao', 'gps', 'geopoint', 'coordinates',
  'gpscoordinates', 'coordonnees', 'coordonneesgps', 'coordenadas', 'koordinaten', 'breitengrad', 'langengrad', 'breedtegraad',
  'lengtegraad', 'geotrace', 'geoshape',
]);

/** Words that make a short header personal (split on anything but letters and digits, reduced). */
const PERSONAL_WORDS = new Set([
  'ip', 'ipaddress', 'ipaddr', 'imei', 'deviceid', 'email', 'mail', 'courriel', 'correo', 'phone', 'telephone', 'tel',
  'telefono', 'telefone', 'telefon', 'telefoon', 'telefonnummer', 'telefoonnummer', 'mobile', 'handy', 'handynummer',
  'mobiel', 'celular', 'movil', 'whatsapp', 'firstname', 'lastname', 'surname', 'prenom', 'apellido', 'apellidos',
  'sobrenome', 'vorname', 'nachname', 'voornaam', 'achternaam', 'address', 'adresse', 'direccion', 'endereco',
  'anschrift', 'adres', 'gps', 'geolocation', 'latitude', 'longitude', 'geopoint',
]);
/** Joining words left out before the remaining words of a header are compared (e.g. "Nom de famille"). */
const JOINING_WORDS = new Set(['de', 'du', 'des', 'la', 'le', 'el', 'do', 'da', 'dos', 'der', 'die', 'des', 'van', 'het', 'of', 'the', 'your', 'votre', 'su', 'seu', 'sua', 'ihre', 'uw', 'je', 'du']);
/** Last words of a name header ("resp_name", "child_name", "Nombre del encuestado") … */
const NAME_WORDS = new Set(['name', 'names', 'nom', 'nombre', 'nome', 'naam']);
/** … unless another word says it names a thing, not a person. */
const THING_WORDS = new Set([
  'institution', 'organisation', 'organization', 'org', 'company', 'employer', 'university', 'school', 'programme', 'program',
  'course', 'file', 'domain', 'country', 'project', 'entreprise', 'empresa', 'universite', 'universidad', 'universidade',
  'count', 'etablissement', 'institucion', 'instituicao', 'firma', 'bedrijf', 'instelling', 'organizacion', 'organizacao',
  'host', 'server', 'user', 'username', 'time', 'timing', 'table', 'product', 'tool', 'system', 'skill', 'competency', 'department', 'role', 'job',
]);
/** Headers with more words than this are question texts: only exact names decide. */
const SHORT_HEADER_WORDS = 4;

function reduceName(name: string): string {
  return words(name).join('');
}

function words(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/e-mail/g, 'email')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
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
    const reduced = reduceName(name);
    if (PERSONAL_NAMES.has(reduced)) return true;
    if (/^customdata\d*$/.test(reduced)) return true;
    if (isPersonalShortHeader(name)) return true;
  }
  return false;
}

function isPersonalShortHeader(name: string): boolean {
  const all = words(name);
  const meaningful = all.filter((word) => !JOINING_WORDS.has(word) && !/^\d+$/.test(word));
  if (meaningful.length === 0 || meaningful.length > SHORT_HEADER_WORDS) return false;
  if (PERSONAL_NAMES.has(meaningful.join(''))) return true;
  if (meaningful.some((word) => THING_WORDS.has(word))) return false;
  if (meaningful.some((word) => PERSONAL_WORDS.has(word))) return true;
  // "resp_name", "child_name", "Nombre del encuestado", "first name": a name word with at most one other word.
  return meaningful.length <= 3 && meaningful.some((word) => NAME_WORDS.has(word)) && !/^q\d/.test(meaningful[0]);
}

const GEOPOINT = /^-?\d{1,3}(\.\d+)? -?\d{1,3}(\.\d+)? -?\d+(\.\d+)? \d+(\.\d+)?$/;
const DEGREE_PAIR = /^\(?(-?\d{1,2}\.\d{3,})\s*[,; ]\s*(-?\d{1,3}\.\d{3,})\)?$/;
const WKT_POINT = /^POINT\s*Z?\s*\(\s*-?\d{1,3}\.\d+\s+-?\d{1,3}\.\d+(\s+-?\d+(\.\d+)?)?\s*\)$/i;
const WHOLE_EMAIL = /^(mailto:)?[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

export type PersonalContentKind = 'email' | 'phone' | 'ip_address' | 'coordinates';

/** What one cell is, when the whole cell is one piece of personal data. */
export function personalValueKind(value: string): PersonalContentKind | undefined {
  const text = value.trim();
  if (text.length < 3) return undefined;
  if (text.includes('@')) return WHOLE_EMAIL.test(text) ? 'email' : undefined;
  if (isIP(text) !== 0) return 'ip_address';
  if (GEOPOINT.test(text) || WKT_POINT.test(text)) return 'coordinates';
  const pair = DEGREE_PAIR.exec(text);
  if (pair && Math.abs(Number(pair[1])) <= 90 && Math.abs(Number(pair[2])) <= 180) return 'coordinates';
  if (isWholePhoneNumber(text)) return 'phone';
  return undefined;
}

/** The whole text is one phone number (the redaction leaves nothing but its placeholder). */
function isWholePhoneNumber(text: string): boolean {
  if (!/^[+(0-9][0-9 ().+\-/extEXT#:]*[0-9]$/.test(text)) return false;
  // A bare run of digits is an id or a count unless written with the international or trunk prefix.
  if (/^\d+$/.test(text) && !text.startsWith('0')) return false;
  if (phoneSpans(text).some(([start, end]) => start === 0 && end === text.length)) return true;
  return redactPersonalTextByPattern(text) === '[phone removed]';
}

/**
 * The kind of personal data a column holds when more than half of its non-empty values (Kobo
 * `n/a` aside) are e-mail addresses, phone numbers, IP addresses or coordinates (all kinds
 * counted together, the most frequent one named); undefined otherwise.
 */
export function personalContentKind(values: readonly string[]): PersonalContentKind | undefined {
  let filled = 0;
  const counts = new Map<PersonalContentKind, number>();
  for (const value of values) {
    if (value.trim() === '' || value === 'n/a') continue;
    filled++;
    const kind = personalValueKind(value);
    if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  let personal = 0;
  let most: PersonalContentKind | undefined;
  for (const [kind, count] of counts) {
    personal += count;
    if (!most || count > counts.get(most)!) most = kind;
  }
  return filled > 0 && personal * 2 > filled ? most : undefined;
}

/**
 * Whether redactPersonalTextByPattern could change `cell` at all; false only when provably not,
 * so that the cells that make up nearly all of an export (scale labels, numbers, timestamps, ids)
 * cost a character loop instead of the phone-number library. What each kind needs:
 *   - an e-mail address: `@`;
 *   - an IPv4 address: at least 4 digits and 3 dots; an IPv6 address: at least 2 colons;
 *   - a phone number: at least 7 digits (the shortest national numbers with their trunk 0), and
 *     one of `+`, `(`, a separator (space, `.`, `-`), or a leading 0 (a national number typed
 *     without spaces, `07564479146`).
 * Beyond those counts, two shapes are still never changed:
 *   - a plain decimal number `-?\d+(\.\d+)?` not starting with 0: no international prefix, no
 *     trunk 0, no `(`, and at most one separator (a national find needs two, PHONE_SHAPE too);
 *   - an ISO date-time `YYYY-MM-DD HH:MM[:SS]` (or with `T`): dates and times are excluded, and
 *     what remains has no 0-led run of 7 digits.
 * test/stages/ingest/personal-data.test.ts checks that the full redaction leaves generated cells of those
 * shapes unchanged, and that the phone numbers and addresses that look numeric are still removed.
 */
export function mayHoldPersonalText(cell: string): boolean {
  let digits = 0;
  let dots = 0;
  let colons = 0;
  let separators = 0;
  for (let i = 0; i < cell.length; i++) {
    const code = cell.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) digits++;
    else if (code === 0x40) return true; // '@'
    else if (code === 0x2e) {
      dots++;
      separators++;
    } else if (code === 0x3a) colons++;
    else if (code === 0x20 || code === 0x2d || code === 0x2b || code === 0x28) separators++; // ' ', '-', '+', '('
  }
  if (colons >= 2 && !ISO_DATE_TIME.test(cell)) return true;
  if (digits >= 4 && dots >= 3) return true;
  if (digits < 7) return false;
  if (PLAIN_NUMBER.test(cell)) return /^-?0/.test(cell);
  if (separators === 0) return mayHoldNationalNumber(cell);
  return !ISO_DATE_TIME.test(cell);
}

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?$/;

/** The cell with e-mail addresses, IP addresses and phone numbers replaced by placeholders. */
export function redactPersonalText(cell: string): string {
  if (cell.length < 7 || !mayHoldPersonalText(cell)) return cell;
  return redactPersonalTextByPattern(cell);
}
