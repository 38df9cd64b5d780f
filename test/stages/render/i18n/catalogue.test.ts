/**
 * The message catalogues and the translated data are complete: every key of the English source
 * catalogue is in French, Spanish and Portuguese, non-empty, with the same placeholders; plural
 * pairs are whole; every competency of data/competencies.json has a label and description in each
 * language, and every region of the built-in schemes a name; numbers, intervals and percentages
 * take the locale's separators.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../../stages/render/i18n/en.ts';
import { catalogue } from '../../../../stages/render/i18n/catalogue.ts';
import { LANGUAGES, type Language } from '../../../../contracts/languages.ts';
import { REGION_NAMES, translator } from '../../../../stages/render/i18n/translator.ts';
import { formatEstimate, formatInterval, formatPercent } from '../../../../stages/render/format.ts';
import type { CompetencyFramework, CountryRecord } from '../../../../contracts/types.ts';

const root = resolve(import.meta.dirname, '../../../..');
const others = LANGUAGES.filter((lang): lang is Exclude<Language, 'en'> => lang !== 'en');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('message catalogues', () => {
  for (const lang of others) {
    it(`${lang} has every English key, non-empty, with the same placeholders`, () => {
      const messages = catalogue(lang) as Record<string, string>;
      const missing = Object.keys(en).filter((key) => !(key in messages));
      const extra = Object.keys(messages).filter((key) => !(key in en));
      const empty = Object.keys(en).filter((key) => typeof messages[key] !== 'string' || messages[key]!.trim() === '');
      const mismatched = Object.entries(en).filter(([key, text]) => key !== 'report.methodology.englishOnly' && JSON.stringify(placeholders(text)) !== JSON.stringify(placeholders(messages[key] ?? '')));
      expect({ missing, extra, empty, mismatched: mismatched.map(([key]) => key) }).toEqual({ missing: [], extra: [], empty: [], mismatched: [] });
    });
  }

  it('every plural key comes as a .one / .other pair', () => {
    const keys = Object.keys(en);
    const bases = new Set(keys.filter((key) => /\.(one|other)$/.test(key)).map((key) => key.replace(/\.(one|other)$/, '')));
    for (const base of bases) expect([keys.includes(`${base}.one`), keys.includes(`${base}.other`)], base).toEqual([true, true]);
  });

  it('fills placeholders and chooses plural forms by the language\'s rules', () => {
    expect(translator('fr').t('report.footer.page', { page: 3, pages: 52 })).toBe('Page 3 sur 52');
    expect(translator('en').tp('figure.competencies', 1)).toBe('1 competency');
    expect(translator('en').tp('figure.competencies', 2)).toBe('2 competencies');
    // French uses the singular for 0 and 1 (CLDR), Spanish and Portuguese only for 1.
    expect(translator('fr').tp('figure.competencies', 0)).toBe('0 compétence');
    expect(translator('es').tp('figure.competencies', 0)).toBe('0 competencias');
    expect(translator('pt').tp('figure.competencies', 1)).toBe('1 competência');
  });
});

describe('translated data', () => {
  const framework = JSON.parse(readFileSync(resolve(root, 'data/competencies.json'), 'utf8')) as CompetencyFramework;

  it('every competency has a label and description in fr, es and pt, and the English ones stay', () => {
    const gaps = framework.competencies.flatMap((competency) =>
      others.flatMap((lang) => {
        const local = competency.translations?.[lang];
        return local && local.label.trim() && local.description.trim() && competency.label && competency.description ? [] : [`${competency.id}/${lang}`];
      }),
    );
    expect(framework.competencies.length).toBe(26);
    expect(gaps).toEqual([]);
    expect(translator('fr').competency(framework.competencies.find((c) => c.id === 'cloud-security')!).label).toBe('Sécurité du cloud');
  });

  it('every region of the three built-in schemes, Global and Unknown has a name in fr, es and pt', () => {
    const countries = JSON.parse(readFileSync(resolve(root, 'data/regions/countries.json'), 'utf8')) as CountryRecord[];
    const regions = new Set(['Global', 'Unknown', ...countries.flatMap((country) => [country.region, country.subRegion, country.unRegionalGroup])].filter(Boolean) as string[]);
    expect(regions.size).toBeGreaterThan(25);
    const missing = [...regions].flatMap((region) => others.filter((lang) => !REGION_NAMES[region]?.[lang]?.trim()).map((lang) => `${region}/${lang}`));
    expect(missing).toEqual([]);
    expect(translator('es').region('Sub-Saharan Africa')).toBe('África subsahariana');
  });

  it('country names come from i18n-iso-countries in the language, the UN short name in English', () => {
    expect(translator('fr').country('GB', 'United Kingdom')).toBe('Royaume-Uni');
    expect(translator('es').country('DE', 'Germany')).toBe('Alemania');
    expect(translator('pt').country('NL', 'Netherlands')).toBe('Países Baixos');
    expect(translator('en').country('GB', 'United Kingdom')).toBe('United Kingdom');
  });
});

describe('locale number formats', () => {
  it('two decimals with the locale separator and a true minus sign', () => {
    expect(formatEstimate(1.8)).toBe('1.80');
    expect(formatEstimate(1.8, 'fr')).toBe('1,80');
    expect(formatEstimate(-0.125, 'es')).toBe('\u22120,13');
    expect(formatEstimate(-0.001, 'pt')).toBe('0,00');
    expect(formatInterval(1.7, 1.91)).toBe('1.70 to 1.91');
    expect(formatInterval(1.7, 1.91, 'fr')).toBe('1,70 à 1,91');
    expect(formatInterval(1.7, 1.91, 'pt')).toBe('1,70 a 1,91');
  });

  it('percentages with the locale sign and spacing; counts grouped by the locale', () => {
    expect(formatPercent(0.1234, 1, 'en')).toBe('12.3%');
    expect(formatPercent(0.1234, 1, 'fr')).toBe('12,3\u00a0%');
    expect(formatPercent(0.1234, 1, 'es')).toBe('12,3\u00a0%');
    expect(formatPercent(0.1234, 1, 'pt')).toBe('12,3%');
    expect(translator('fr').integer(1274)).toBe('1\u202f274');
    expect(translator('en').integer(1274)).toBe('1274');
  });

  it("gives Vega the locale's separators for chart numbers", () => {
    expect(translator('fr').vegaNumberLocale).toMatchObject({ decimal: ',', thousands: '\u202f', percent: '\u00a0%' });
    expect(translator('es').vegaNumberLocale).toMatchObject({ decimal: ',', thousands: '.', percent: '\u00a0%' });
  });

  it('writes dates out in the language', () => {
    expect(translator('fr').date('2022-12-01')).toBe('1 décembre 2022');
    expect(translator('es').date('2022-12-01')).toBe('1 de diciembre de 2022');
    expect(translator('pt').date('2022-12-01')).toBe('1 de dezembro de 2022');
  });
});
