import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  countryDisplayName,
  countryRecord,
  countryTable,
  loadCustomRegionMapping,
  parseCustomRegionMapping,
  regionOf,
  regionsOf,
} from '../../../stages/normalise/regions.ts';
import { ValidationError } from '../../../contracts/errors.ts';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../..');

describe('country table (data/regions/countries.json)', () => {
  it('has at least 240 entries, no duplicate codes or names, and every field filled', () => {
    const table = countryTable();
    expect(table.length).toBeGreaterThanOrEqual(240);
    expect(table.length).toBe(250);
    for (const field of ['alpha2', 'alpha3', 'm49', 'nameEn'] as const) {
      expect(new Set(table.map((record) => record[field])).size, field).toBe(table.length);
    }
    for (const record of table) {
      expect(record.alpha2).toMatch(/^[A-Z]{2}$/);
      expect(record.alpha3).toMatch(/^[A-Z]{3}$/);
      // Kosovo (XK) alone has no numeric code; see data/regions/README.md.
      expect(record.m49, record.alpha2).toMatch(record.alpha2 === 'XK' ? /^$/ : /^\d{3}$/);
      expect(record.nameEn.length).toBeGreaterThan(2);
      // Antarctica alone has no M49 region.
      if (record.alpha2 !== 'AQ') {
        expect(record.region, record.alpha2).not.toBe('');
        expect(record.subRegion, record.alpha2).not.toBe('');
      }
      expect(typeof record.unRegionalGroup).toBe('string');
    }
  });

  it('puts all 193 UN Member States in a regional group (US treated as WEOG)', () => {
    const counts: Record<string, number> = {};
    for (const record of countryTable()) if (record.unRegionalGroup) counts[record.unRegionalGroup] = (counts[record.unRegionalGroup] ?? 0) + 1;
    expect(counts).toEqual({ 'African Group': 54, 'Asia-Pacific Group': 54, 'Eastern European Group': 23, GRULAC: 33, WEOG: 29 });
  });

  it.each([
    ['TR', 'TUR', '792', 'Türkiye', 'Asia', 'Western Asia', 'WEOG'],
    ['IL', 'ISR', '376', 'Israel', 'Asia', 'Western Asia', 'WEOG'],
    ['CI', 'CIV', '384', "Côte d'Ivoire", 'Africa', 'Sub-Saharan Africa', 'African Group'],
    ['BR', 'BRA', '076', 'Brazil', 'Americas', 'Latin America and the Caribbean', 'GRULAC'],
    ['NL', 'NLD', '528', 'Netherlands (Kingdom of the)', 'Europe', 'Western Europe', 'WEOG'],
    ['AU', 'AUS', '036', 'Australia', 'Oceania', 'Australia and New Zealand', 'WEOG'],
    ['US', 'USA', '840', 'United States of America', 'Americas', 'Northern America', 'WEOG'],
    ['CY', 'CYP', '196', 'Cyprus', 'Asia', 'Western Asia', 'Asia-Pacific Group'],
    ['EE', 'EST', '233', 'Estonia', 'Europe', 'Northern Europe', 'Eastern European Group'],
    ['HK', 'HKG', '344', 'China, Hong Kong Special Administrative Region', 'Asia', 'Eastern Asia', ''],
    ['TW', 'TWN', '158', 'Taiwan, Province of China', 'Asia', 'Eastern Asia', ''],
    ['XK', 'XKX', '', 'Kosovo', 'Europe', 'Southern Europe', ''],
  ])('%s: %s %s %s, %s / %s / %s', (alpha2, alpha3, m49, nameEn, region, subRegion, unRegionalGroup) => {
    expect(countryRecord(alpha2)).toMatchObject({ alpha2, alpha3, m49, nameEn, region, subRegion, unRegionalGroup });
  });

  it('rebuilds byte-identically from the packages (build script run into a temp dir)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'country-table-'));
    try {
      const out = join(dir, 'countries.json');
      execFileSync(process.execPath, ['bin/run-ts.js', 'tools/generate/build-country-table.ts', '--out', out], { cwd: repoRoot, stdio: 'pipe' });
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(repoRoot, 'data/regions/countries.json'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('regionOf / regionsOf / countryDisplayName', () => {
  it('gives each scheme’s region, Unknown for unknown codes and Other where the scheme has none', () => {
    expect(regionOf('TR', 'un-m49-region')).toBe('Asia');
    expect(regionOf('TR', 'un-m49-subregion')).toBe('Western Asia');
    expect(regionOf('TR', 'un-regional-group')).toBe('WEOG');
    expect(regionOf('ci', 'un-regional-group')).toBe('African Group');
    expect(regionOf(null, 'un-m49-region')).toBe('Unknown');
    expect(regionOf('', 'un-m49-region')).toBe('Unknown');
    expect(regionOf('ZZ', 'un-m49-region')).toBe('Unknown');
    expect(regionOf('AQ', 'un-m49-region')).toBe('Other');
    expect(regionOf('PR', 'un-regional-group')).toBe('Other');
    expect(regionOf('NL', { custom: { NL: 'Benelux' } })).toBe('Benelux');
    expect(regionOf('DE', { custom: { NL: 'Benelux' } })).toBe('Other');
  });

  it('lists regions in a stable display order', () => {
    expect(regionsOf('un-m49-region')).toEqual(['Africa', 'Americas', 'Asia', 'Europe', 'Oceania']);
    expect(regionsOf('un-regional-group')).toEqual(['African Group', 'Asia-Pacific Group', 'Eastern European Group', 'GRULAC', 'WEOG']);
    const subRegions = regionsOf('un-m49-subregion');
    expect(subRegions).toHaveLength(17);
    expect(subRegions.slice(0, 4)).toEqual(['Northern Africa', 'Sub-Saharan Africa', 'Latin America and the Caribbean', 'Northern America']);
    expect(subRegions.at(-1)).toBe('Polynesia');
    expect(regionsOf({ custom: { NL: 'Benelux', SE: 'Nordics', BE: 'Benelux' } })).toEqual(['Benelux', 'Nordics']);
    expect(regionsOf({ custom: { NL: 'Benelux', SE: 'Nordics' }, order: ['Nordics', 'Benelux'] })).toEqual(['Nordics', 'Benelux']);
  });

  it('uses the UN short name for display', () => {
    expect(countryDisplayName('TR')).toBe('Türkiye');
    expect(countryDisplayName('CI')).toBe("Côte d'Ivoire");
    expect(countryDisplayName('GB')).toBe('United Kingdom');
    expect(countryDisplayName('VN')).toBe('Viet Nam');
    expect(countryDisplayName(null)).toBe('Unknown');
  });
});

describe('custom region mappings', () => {
  it('loads data/regions/custom-example.json', () => {
    const scheme = loadCustomRegionMapping(join(repoRoot, 'data/regions/custom-example.json'));
    expect(scheme.custom.NL).toBe('Benelux');
    expect(scheme.order).toEqual(['Benelux', 'Nordics', 'Sub-Saharan Africa', 'South Asia']);
    expect(regionOf('KE', scheme)).toBe('Sub-Saharan Africa');
    expect(regionOf('BR', scheme)).toBe('Other');
  });

  it('rejects unknown codes naming the file and the key, with a did-you-mean for names', () => {
    const attempt = () => parseCustomRegionMapping({ countries: { NL: 'Benelux', Netherlands: 'Benelux', QQ: 'X' } }, 'my-regions.json');
    expect(attempt).toThrow(ValidationError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ValidationError).problems;
      expect(problems).toHaveLength(2);
      expect(problems[0].where.file).toBe('my-regions.json');
      expect(problems[0].message).toBe('unknown country code "Netherlands" in the custom region mapping (did you mean NL?)');
      expect(problems[1].message).toContain('"QQ"');
      expect((error as Error).message).toContain('my-regions.json: unknown country code "QQ"');
    }
  });

  it('rejects a mapping without a countries object, empty region names and regions missing from order', () => {
    expect(() => parseCustomRegionMapping({ NL: 'Benelux' }, 'f.json')).toThrow(/f\.json: the custom region mapping must be a JSON object/);
    expect(() => parseCustomRegionMapping({ countries: { NL: ' ' } }, 'f.json')).toThrow(/f\.json: the region of "NL"/);
    expect(() => parseCustomRegionMapping({ countries: { NL: 'Benelux' }, order: ['Nordics'] }, 'f.json')).toThrow(/"Benelux" is used in "countries" but missing from "order"/);
  });

  it('reports an unreadable file as a ValidationError naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'custom-regions-'));
    try {
      const file = join(dir, 'broken.json');
      writeFileSync(file, '{ "countries": ');
      expect(() => loadCustomRegionMapping(file)).toThrow(ValidationError);
      expect(() => loadCustomRegionMapping(file)).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot read the custom region mapping`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
