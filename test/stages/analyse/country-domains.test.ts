/**
 * Country as a domain of the design (analysis/country-domains.ts through analyseWave):
 * - weighted means and SEs per country equal R survey 4.x svyby(~y, ~country, des, svymean, na.rm = TRUE)
 *   on the reference data of test/analysis/stats/reference-data.ts (weights w), countries nested in regions;
 * - the sample wave 2022: every published country mean and SE of two competencies equals svyby on
 *   normalised/answers.csv and analysis/respondent-weights.csv (computed once with Rscript, literals below);
 * - countries nest in regions: a region that has one country only is that country, and a suppressed
 *   country cell cannot be computed back from its region minus the other countries (the relation
 *   region = Σ countries goes through the same complementary suppression as Global = Σ regions).
 */
import { describe, expect, it } from 'vitest';
import { analyseWave } from '../../../stages/analyse/analyse-wave.ts';
import { answerTableFromLong } from '../../../contracts/answer-table.ts';
import type { EstimateRow, NormalisedWave, Respondent } from '../../../contracts/types.ts';
import { expectClose, w, x, y } from './stats/reference-data.ts';
import { testConfig } from './synthetic-wave.ts';

const regions = ['a', 'a', 'b', 'b', 'a', 'c', 'b', 'c', 'a', 'b', 'c', 'a'];
const countries = ['FR', 'FR', 'KE', 'KE', 'DE', 'JP', 'NG', 'JP', 'DE', 'NG', 'JP', 'FR'];

function referenceWave(): NormalisedWave {
  const respondents: Respondent[] = [];
  for (const population of ['industry', 'education'] as const) {
    regions.forEach((region, i) => respondents.push({ respondentId: `${population}:${i}`, population, country: countries[i]!, region, organisationType: '', weight: w[i], wave: 'ref', sourceFile: 'f.csv', sourceRow: i + 2 }));
  }
  const answers = answerTableFromLong(respondents.length, ['incident-response'], { min: 1, max: 5 }, respondents.flatMap((respondent, r) => [
    { respondent: r, competency: 0, dimension: 'importance' as const, value: y[r % 12] },
    { respondent: r, competency: 0, dimension: respondent.population === 'industry' ? ('preparedness' as const) : ('coverage' as const), value: x[r % 12] },
  ]));
  return { wave: 'ref', scale: { min: 1, max: 5 }, regionScheme: 'un-m49-region', respondents, answers, audit: [], warnings: [] };
}

describe('country domains on the R reference data', () => {
  // minN 1: these checks are about the estimator (suppression has its own tests below).
  const result = analyseWave(referenceWave(), testConfig({}, { minN: 1, lowReliabilityN: 4 }));
  const rows = result.countries!.estimates;
  const find = (country: string, population: string, measure: string) => rows.find((row) => row.country === country && row.population === population && row.measure === measure)!;

  it('gives every country its region and keeps the region table apart', () => {
    expect(new Set(rows.map((row) => `${row.country}:${row.region}`))).toEqual(new Set(['FR:a', 'DE:a', 'KE:b', 'NG:b', 'JP:c']));
    expect(result.estimates.every((row) => row.country === undefined)).toBe(true);
    expect(new Set(result.estimates.map((row) => row.region))).toEqual(new Set(['a', 'b', 'c', 'Global']));
  });

  it('means and SEs equal svyby(~y, ~country, des, svymean, na.rm = TRUE), and the same for x and y − x', () => {
    // R: des <- svydesign(ids = ~1, weights = ~w, data = d); svyby(~y, ~country, des, svymean, na.rm = TRUE)
    const importance: [string, number, number][] = [['DE', 1.75, 0.27695585470349865], ['FR', 4.3508771929824563, 0.29308752694780682], ['JP', 5, 0], ['KE', 3, 0], ['NG', 3.3200000000000003, 0.32141650124523374]];
    // svyby(~x, ~country, des, svymean, na.rm = TRUE)
    const preparedness: [string, number, number][] = [['DE', 1.75, 0.27695585470349865], ['FR', 4.0877192982456139, 0.44990150316121486], ['JP', 3.4418604651162790, 0.41906747631373392], ['KE', 2, 0], ['NG', 4, 0]];
    // d$dxy <- d$y - d$x; svyby(~dxy, ~country, des, svymean, na.rm = TRUE)
    const gap: [string, number, number][] = [['DE', 0, 0], ['FR', 0.26315789473684209, 0.24813888050000354], ['JP', 2.33333333333333348, 0.32824397594488736], ['KE', 0, 0], ['NG', 0, 0]];
    for (const [country, mean, se] of importance) {
      expectClose(find(country, 'industry', 'importance').mean, mean);
      expectClose(find(country, 'industry', 'importance').se, se);
      expectClose(find(country, 'education', 'importance').mean, mean);
    }
    for (const [country, mean, se] of preparedness) {
      expectClose(find(country, 'industry', 'preparedness').mean, mean);
      expectClose(find(country, 'industry', 'preparedness').se, se);
      expectClose(find(country, 'education', 'coverage').se, se);
    }
    for (const [country, mean, se] of gap) {
      expectClose(find(country, 'industry', 'gap_preparedness').mean, mean);
      expectClose(find(country, 'industry', 'gap_preparedness').se, se);
    }
  });

  it('ranks each country’s competencies and carries its answer distributions', () => {
    expect(new Set(result.countries!.rankings.map((row) => row.country))).toEqual(new Set(['DE', 'FR', 'JP', 'KE', 'NG']));
    const france = result.countries!.distributions.find((row) => row.country === 'FR' && row.population === 'industry' && row.dimension === 'importance')!;
    // y of FR respondents 0, 1, 11: 4, 5, 4 → counts of 1..5
    expect(france.counts).toEqual([0, 0, 0, 2, 1]);
  });
});

describe('country domains under disclosure control', () => {
  // k = 3: FR (3 respondents) is published, DE (2) is suppressed; region a = FR + DE.
  const result = analyseWave(referenceWave(), testConfig({}, { minN: 3, lowReliabilityN: 4 }));
  const country = (code: string, measure: string) => result.countries!.estimates.find((row) => row.country === code && row.population === 'industry' && row.measure === measure)!;
  const region = (name: string, measure: string) => result.estimates.find((row) => row.region === name && row.population === 'industry' && row.measure === measure)!;

  it('suppresses a small country, and never leaves it as region minus its published countries', () => {
    expect(country('DE', 'importance').suppressed).toBe(true);
    expect(country('DE', 'importance').flag).toBe('suppressed_small_n');
    // Region a and FR both published would give DE = (n_a·m_a − n_FR·m_FR) / (n_a − n_FR).
    const exposing = (row: EstimateRow) => !row.suppressed;
    expect(exposing(region('a', 'importance')) && exposing(country('FR', 'importance'))).toBe(false);
    for (const measure of ['importance', 'preparedness', 'gap_preparedness']) {
      expect(Number.isNaN(country('DE', measure).mean)).toBe(true);
      expect(Number.isNaN(country('DE', measure).n)).toBe(true);
    }
  });

  it('publishes a country that is its region’s only country exactly as its region', () => {
    const jp = country('JP', 'importance');
    const c = region('c', 'importance');
    expect(jp.suppressed).toBe(c.suppressed);
    if (!jp.suppressed) expect(jp.mean).toBe(c.mean);
  });
});

/*
 * Sample wave 2022 (bundled; weights all 1). R, on out/2022 of `skillgap run --wave 2022`:
 *   des <- svydesign(ids = ~1, weights = ~final_weight, data = industry respondents ⋈ importance answers)
 *   svyby(~importance, ~country, des, svymean, na.rm = TRUE)
 * The sample-wave check runs in test/reports/profiles/profiles.test.ts, which runs the wave anyway.
 */
