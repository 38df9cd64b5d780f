import { describe, expect, it } from 'vitest';
import { checkCountryAliases, countryKey, countryResolver, editDistance, resolveCountry, suggestCountries } from '../../../stages/normalise/countries.ts';
import { countryTable } from '../../../stages/normalise/regions.ts';
import { unknownCountry } from '../../../contracts/messages/countries.ts';

/** Every variant the brief lists, with the code it must resolve to. */
const EXPECTED: [string, string][] = [
  ['USA', 'US'], ['U.S.', 'US'], ['U.S.A.', 'US'], ['United States of America', 'US'], ['America', 'US'],
  ['UK', 'GB'], ['U.K.', 'GB'], ['Great Britain', 'GB'], ['Britain', 'GB'], ['England', 'GB'], ['Scotland', 'GB'],
  ['Wales', 'GB'], ['Northern Ireland', 'GB'],
  ['Türkiye', 'TR'], ['Turkey', 'TR'], ['Turkiye', 'TR'],
  ["Côte d'Ivoire", 'CI'], ["Cote d'Ivoire", 'CI'], ['Ivory Coast', 'CI'],
  ['Czechia', 'CZ'], ['Czech Republic', 'CZ'],
  ['Korea, Rep.', 'KR'], ['South Korea', 'KR'], ['Republic of Korea', 'KR'],
  ["Korea, Dem. People's Rep.", 'KP'], ['North Korea', 'KP'],
  ['Viet Nam', 'VN'], ['Vietnam', 'VN'], ['Russian Federation', 'RU'], ['Russia', 'RU'],
  ['Iran (Islamic Republic of)', 'IR'],
  ['Congo, Dem. Rep.', 'CD'], ['DRC', 'CD'], ['DR Congo', 'CD'], ['Congo-Kinshasa', 'CD'], ['Congo, Rep.', 'CG'],
  ['Eswatini', 'SZ'], ['Swaziland', 'SZ'], ['North Macedonia', 'MK'], ['Macedonia', 'MK'],
  ['Cabo Verde', 'CV'], ['Cape Verde', 'CV'],
  ['Holland', 'NL'], ['The Netherlands', 'NL'], ['Deutschland', 'DE'],
  ['Bahamas, The', 'BS'], ['Gambia, The', 'GM'],
  ['Bolivia (Plurinational State of)', 'BO'], ['Bolivia, Plurinational State of', 'BO'],
  ['Antigua & Barbuda', 'AG'], ['Antigua', 'AG'],
  ['Hong Kong SAR', 'HK'], ['Taiwan', 'TW'], ['Palestine', 'PS'], ['Kosovo', 'XK'],
  ['Brasil', 'BR'], ['México', 'MX'], ['España', 'ES'], ['Österreich', 'AT'], ['Schweiz', 'CH'], ['Suisse', 'CH'],
  ['Polska', 'PL'], ['Nippon', 'JP'], ['中国', 'CN'], ['日本', 'JP'], ['Россия', 'RU'],
  ['🇳🇱', 'NL'], ['🇧🇷', 'BR'], ['🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}', 'GB'], ['🇳🇱 Netherlands', 'NL'],
];

describe('resolveCountry', () => {
  it.each(EXPECTED)('resolves %s to %s', (text, alpha2) => {
    expect(resolveCountry(text).alpha2).toBe(alpha2);
  });

  it('says how it matched: code, alias or name', () => {
    expect(resolveCountry('nld')).toEqual({ alpha2: 'NL', matchedBy: 'code' });
    expect(resolveCountry(' gb ')).toEqual({ alpha2: 'GB', matchedBy: 'code' });
    expect(resolveCountry('Holland')).toEqual({ alpha2: 'NL', matchedBy: 'alias' });
    expect(resolveCountry('Kenya')).toEqual({ alpha2: 'KE', matchedBy: 'name' });
    expect(resolveCountry('🇰🇪')).toEqual({ alpha2: 'KE', matchedBy: 'code' });
  });

  it('ignores case, accents, punctuation and typographic apostrophes', () => {
    expect(resolveCountry('TÜRKİYE').alpha2).toBe('TR');
    expect(resolveCountry('cote d’ivoire').alpha2).toBe('CI');
    expect(resolveCountry('  SAINT   lucia ').alpha2).toBe('LC');
    expect(resolveCountry('St. Lucia').alpha2).toBe('LC');
    expect(resolveCountry('ＵＳＡ').alpha2).toBe('US'); // full-width letters fold under NFKC
  });

  it('finds names in other languages, including the country’s own', () => {
    expect(resolveCountry('Allemagne').alpha2).toBe('DE'); // fr
    expect(resolveCountry('Países Bajos').alpha2).toBe('NL'); // es
    expect(resolveCountry('Magyarország').alpha2).toBe('HU'); // hu
    expect(resolveCountry('Ελλάδα').alpha2).toBe('GR'); // el
    expect(resolveCountry('Norge').alpha2).toBe('NO'); // nb
  });

  it('reads "Georgia" as the country GE, not the US state', () => {
    expect(resolveCountry('Georgia')).toEqual({ alpha2: 'GE', matchedBy: 'name' });
  });

  it('reports unknown and ambiguous texts as unknown, never guessing', () => {
    expect(resolveCountry('Nethrelands')).toEqual({ alpha2: null, reason: 'unknown' });
    expect(resolveCountry('Congo')).toEqual({ alpha2: null, reason: 'unknown' });
    expect(resolveCountry('Korea')).toEqual({ alpha2: null, reason: 'unknown' });
    expect(resolveCountry('Europe')).toEqual({ alpha2: null, reason: 'unknown' });
    expect(resolveCountry('🇳🇱 Germany')).toEqual({ alpha2: null, reason: 'unknown' });
  });

  it('reads "NA" as Namibia: only an empty cell is missing; other markers are unknown unless the source declares them', () => {
    for (const text of ['', '   ', '-']) expect(resolveCountry(text)).toEqual({ alpha2: null, reason: 'blank' });
    for (const text of ['NA', 'na', ' NA ', 'Namibia', 'NAM']) expect(resolveCountry(text).alpha2, text).toBe('NA');
    for (const text of ['N/A', 'none', 'null']) expect(resolveCountry(text), text).toEqual({ alpha2: null, reason: 'unknown' });
    const declared = countryResolver({ missingMarkers: ['N/A', 'NA', '-99'] });
    for (const text of ['N/A', 'n/a', 'NA', '-99']) expect(declared(text), text).toEqual({ alpha2: null, reason: 'blank' });
    expect(declared('Namibia').alpha2).toBe('NA');
  });

  it('adds a wave\'s own country aliases (wave.json countryAliases), compared like every key', () => {
    const resolve = countryResolver({ aliases: { 'Zuid-Afrika': 'ZA', 'Rep. of Somewhere': 'na' } });
    expect(resolveCountry('Zuid Afrika').alpha2).toBe('ZA'); // i18n nl name: already known
    expect(resolve('ZUID-AFRIKA')).toEqual({ alpha2: 'ZA', matchedBy: 'alias' });
    expect(resolve('rep of somewhere')).toEqual({ alpha2: 'NA', matchedBy: 'alias' });
    expect(resolveCountry('Rep. of Somewhere')).toEqual({ alpha2: null, reason: 'unknown' });
    expect(resolve('Kenya').alpha2).toBe('KE');
    expect(checkCountryAliases({ Atlantis: 'XX', Ok: 'ke' })).toEqual(['"countryAliases" maps "Atlantis" to "XX", which is not an ISO 3166-1 alpha-2 code']);
    expect(checkCountryAliases(['ZA'])).toHaveLength(1);
  });

  it('resolves every table entry by its codes, UN name and display name', () => {
    for (const record of countryTable()) {
      expect(resolveCountry(record.alpha2).alpha2, record.alpha2).toBe(record.alpha2);
      expect(resolveCountry(record.alpha3).alpha2, record.alpha3).toBe(record.alpha2);
      if (record.alpha2 !== 'CG') expect(resolveCountry(record.nameEn).alpha2, record.nameEn).toBe(record.alpha2);
      if (record.shortName) expect(resolveCountry(record.shortName).alpha2, record.shortName).toBe(record.alpha2);
    }
  });

  it('resolves 100,000 rows of 50 distinct strings in well under a second', () => {
    resolveCountry('warm-up');
    const texts = EXPECTED.slice(0, 50).map(([text]) => text);
    const start = performance.now();
    let resolved = 0;
    for (let row = 0; row < 100_000; row++) if (resolveCountry(texts[row % texts.length]).alpha2) resolved++;
    const elapsed = performance.now() - start;
    expect(resolved).toBe(100_000);
    expect(elapsed).toBeLessThan(1000);
  });
});

describe('suggestCountries', () => {
  it('suggests the Netherlands for "Nethrelands" (one transposition in 11 letters)', () => {
    expect(suggestCountries('Nethrelands')[0]).toEqual({ alpha2: 'NL', name: 'Netherlands', score: 0.909 });
    expect(unknownCountry('Nethrelands', suggestCountries('Nethrelands').map((s) => s.name))).toBe(
      'unknown country "Nethrelands" (did you mean Netherlands?)',
    );
  });

  it('offers both Congos for "Congo" and nothing for gibberish', () => {
    expect(suggestCountries('Congo').map((s) => s.alpha2).sort()).toEqual(['CD', 'CG']);
    expect(suggestCountries('xyzzy')).toEqual([]);
  });
});

describe('helpers', () => {
  it('editDistance counts an adjacent transposition as one edit', () => {
    expect(editDistance('nethrelands', 'netherlands')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('countryKey normalises as documented', () => {
    expect(countryKey('U.S.A.')).toBe('usa');
    expect(countryKey('Bahamas, The')).toBe('bahamas');
    expect(countryKey('Antigua & Barbuda')).toBe('antigua and barbuda');
    expect(countryKey("Côte d'Ivoire")).toBe('cote divoire');
  });
});
