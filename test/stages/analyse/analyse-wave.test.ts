import { answerTableFromLong, forEachAnswer } from '../../../contracts/answer-table.ts';
import { describe, expect, it } from 'vitest';
import { analyseWave, compareWaves, describeAnalysisTables } from '../../../stages/analyse/analyse-wave.ts';
import type { NormalisedWave, Respondent } from '../../../contracts/types.ts';
import { expectClose, w, x, y } from './stats/reference-data.ts';
import { syntheticWave, testConfig, TRUE_GAPS } from './synthetic-wave.ts';
import { estimateDomainMeans, pairedDifferences, wilcoxonSignedRank } from '../../../stages/analyse/stats/index.ts';
import { ESTIMATE_COLUMNS, MARGIN_FIT_COLUMNS, RANKING_COLUMNS, RESPONDENT_WEIGHT_HEADER, TEST_COLUMNS } from '../../../io/table-files.ts';
import { WAVE_CHANGE_COLUMNS } from '../../../commands/compare-command.ts';
import { waveChangeResource } from '../../../stages/analyse/describe-analysis-tables.ts';

const regions = ['a', 'a', 'b', 'b', 'a', 'c', 'b', 'c', 'a', 'b', 'c', 'a'];

/** Both populations rate one competency with the R reference data: importance = y, preparedness/coverage = x. */
function referenceWave(): NormalisedWave {
  const respondents: Respondent[] = [];
  for (const population of ['industry', 'education'] as const) {
    regions.forEach((region, i) => respondents.push({ respondentId: `${population}:${i}`, population, country: '', region, organisationType: '', weight: w[i], wave: 'ref', sourceFile: 'f.csv', sourceRow: i + 2 }));
  }
  const answers = answerTableFromLong(respondents.length, ['incident-response'], { min: 1, max: 5 }, respondents.flatMap((respondent, r) => [
    { respondent: r, competency: 0, dimension: 'importance' as const, value: y[r % 12] },
    { respondent: r, competency: 0, dimension: respondent.population === 'industry' ? 'preparedness' as const : 'coverage' as const, value: x[r % 12] },
  ]));
  return { wave: 'ref', scale: { min: 1, max: 5 }, regionScheme: 'un-m49-region', respondents, answers, audit: [], warnings: [] };
}

describe('analyseWave on the R reference data (survey 4.1.1, design of test/stages/analyse/stats/reference-data.ts)', () => {
  // minN 1: with 2, region b (one complete pair) would be suppressed as a whole, and region c with it
  // (secondary suppression, stages/analyse/disclosure/); these checks are about the estimators.
  const result = analyseWave(referenceWave(), testConfig({}, { minN: 1, lowReliabilityN: 4 }));
  const find = (region: string, population: string, measure: string) => result.estimates.find((row) => row.region === region && row.population === population && row.measure === measure)!;

  it('domain estimates equal svyby(~y, ~region, des, svymean, na.rm = TRUE) and the Global svymean', () => {
    expectClose(find('Global', 'industry', 'importance').mean, 3.47333333333333316);
    expectClose(find('Global', 'industry', 'importance').se, 0.45226736706635301);
    expectClose(find('a', 'industry', 'importance').se, 0.64108122057141848);
    expectClose(find('b', 'education', 'importance').mean, 3.2285714285714286);
    // svyby(~x, ~region, des, svymean, na.rm = TRUE): region b 3.2307692307692308 (0.69921793692402023)
    expectClose(find('b', 'industry', 'preparedness').se, 0.69921793692402023);
    expect(find('a', 'industry', 'importance').flag).toBe('');
    expect(find('b', 'industry', 'importance').flag).toBe('low_reliability');
  });

  it('paired gaps equal svymean(~I(y - x)) over complete pairs; curriculum gap combines independent SEs', () => {
    const gap = find('Global', 'industry', 'gap_preparedness');
    expectClose(gap.mean, 0.46341463414634143);
    expectClose(gap.se, 0.27578115047476587);
    expect(gap.n).toBe(8);
    expectClose(find('c', 'education', 'gap_education').mean, 2.33333333333333348);
    // svymean(~y) − svymean(~x): 3.47333333333333316 − 3.22222222222222232, SE √(0.45226736706635301² + 0.42748790539774578²)
    const curriculum = find('Global', 'both', 'gap_curriculum');
    expectClose(curriculum.mean, 3.47333333333333316 - 3.22222222222222232);
    expectClose(curriculum.se, Math.hypot(0.45226736706635301, 0.42748790539774578));
    expect(curriculum.n).toBe(20);
  });

  it('tests and rankings are filled for unsuppressed cells', () => {
    const wilcoxon = result.tests.find((row) => row.region === 'Global' && row.gap === 'gap_preparedness')!;
    expect(wilcoxon.test).toBe('wilcoxon_signed_rank');
    expect(wilcoxon.n1).toBe(8);
    expect(wilcoxon.qValue).toBeGreaterThanOrEqual(wilcoxon.pValue);
    const ranking = result.rankings.find((row) => row.region === 'Global')!;
    expectClose(ranking.mwds, 3.47333333333333316 * 0.46341463414634143);
    expect(ranking.rank).toBe(1);
  });
});

describe('coverage simulation', () => {
  it('95% CIs of the three Global gaps cover the true gaps 93–97% of the time over 200 seeded waves', () => {
    let covered = 0;
    let intervals = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const wave = syntheticWave({ respondentsPerPopulation: 150, competencies: 5, regions: ['Africa', 'Europe'], seed, unequalWeights: true });
      const result = analyseWave(wave, testConfig());
      for (const row of result.estimates) {
        if (row.region !== 'Global' || !(row.measure in TRUE_GAPS)) continue;
        const truth = TRUE_GAPS[row.measure as keyof typeof TRUE_GAPS];
        intervals++;
        if (row.ciLow <= truth && truth <= row.ciHigh) covered++;
      }
    }
    expect(intervals).toBe(200 * 5 * 3);
    const coverage = covered / intervals;
    expect(coverage).toBeGreaterThanOrEqual(0.93);
    expect(coverage).toBeLessThanOrEqual(0.97);
  });
});

describe('small-cell suppression', () => {
  it('no value of a suppressed cell appears anywhere in the AnalysisResult', () => {
    const wave = syntheticWave({ respondentsPerPopulation: 300, competencies: 4, regions: ['Europe', 'Asia'], seed: 11, unequalWeights: true });
    // Move three industry and three education respondents into a tiny region.
    const tiny = [0, 1, 2, 300, 301, 302];
    for (const index of tiny) wave.respondents[index].region = 'Oceania';
    const result = analyseWave(wave, testConfig());
    // The hidden values, computed with the region's minimum n lowered to 1:
    const revealed = analyseWave(wave, testConfig({}, { minN: 1, lowReliabilityN: 1 }));
    const hidden = new Set<number>();
    for (const row of revealed.estimates.filter((row) => row.region === 'Oceania')) [row.mean, row.se, row.sd, row.ciLow, row.ciHigh, row.top2Share].forEach((value) => Number.isFinite(value) && hidden.add(value));
    for (const row of revealed.tests.filter((row) => row.region === 'Oceania')) [row.statistic, row.pValue, row.effectSize].forEach((value) => Number.isFinite(value) && hidden.add(value));
    for (const row of revealed.rankings.filter((row) => row.region === 'Oceania')) [row.mwds].forEach((value) => Number.isFinite(value) && hidden.add(value));
    expect(hidden.size).toBeGreaterThan(10);
    // Integer-valued statistics and shares such as 0, 1, 1/3 occur legitimately elsewhere: look for the rest.
    const distinctive = [...hidden].filter((value) => Math.abs(value * 6 - Math.round(value * 6)) > 1e-9);
    expect(distinctive.length).toBeGreaterThan(5);
    const oceania = result.estimates.filter((row) => row.region === 'Oceania');
    expect(oceania.every((row) => row.suppressed && Number.isNaN(row.mean) && Number.isNaN(row.se) && Number.isNaN(row.top2Share))).toBe(true);
    expect(oceania.filter((row) => row.measure === 'gap_curriculum').every((row) => row.flag === 'suppressed_derived' || row.flag === 'suppressed_small_n')).toBe(true);
    expect(result.rankings.filter((row) => row.region === 'Oceania').every((row) => row.suppressed && Number.isNaN(row.rank) && row.quadrant === '')).toBe(true);
    const everyNumber: number[] = [];
    JSON.stringify(result, (_key, value) => {
      if (typeof value === 'number') everyNumber.push(value);
      return value;
    });
    for (const value of distinctive) expect(everyNumber.some((number) => Math.abs(number - value) <= 1e-12 * Math.max(1, Math.abs(value)))).toBe(false);
  });
});

describe('compareWaves and the data package', () => {
  it('computes the change of each gap with an independent-samples CI and top-5 movements', () => {
    const config = testConfig();
    const first = analyseWave(syntheticWave({ respondentsPerPopulation: 200, competencies: 8, regions: ['Europe'], seed: 1 }), config);
    const second = analyseWave(syntheticWave({ respondentsPerPopulation: 200, competencies: 8, regions: ['Europe'], seed: 2 }), config);
    const rows = compareWaves(first, second);
    expect(rows).toHaveLength(2 * 8 * 3);
    const row = rows[0];
    const before = first.estimates.find((e) => e.region === row.region && e.competency === row.competency && e.measure === row.measure)!;
    const after = second.estimates.find((e) => e.region === row.region && e.competency === row.competency && e.measure === row.measure)!;
    expectClose(row.change, after.mean - before.mean, 1e-12);
    expectClose(row.se, Math.hypot(after.se, before.se), 1e-12);
    const moved = rows.filter((r) => r.measure === 'gap_preparedness' && r.region === 'Global');
    expect(moved.filter((r) => r.top5 === 'entered').length).toBe(moved.filter((r) => r.top5 === 'left').length);
  });

  it('describes the six tables the stage writes, with snake_case columns and a primary key each', () => {
    const descriptor = describeAnalysisTables() as { resources: { name: string; schema: { fields: { name: string }[]; primaryKey: string[] } }[] };
    expect(descriptor.resources.map((resource) => resource.name)).toEqual(['estimates', 'tests', 'rankings', 'respondent-weights', 'margin-fit', 'framework-estimates']);
    for (const resource of descriptor.resources) {
      expect(resource.schema.primaryKey.length, resource.name).toBeGreaterThan(0);
      for (const key of resource.schema.primaryKey) expect(resource.schema.fields.map((field) => field.name), resource.name).toContain(key);
    }
    expect(descriptor.resources[0].schema.fields.map((field) => field.name)).toEqual(['wave', 'region', 'competency', 'population', 'measure', 'n', 'mean', 'sd', 'se', 'ci_low', 'ci_high', 'top2_share', 'suppressed', 'flag',
      'df', 'ci_method', 'top2_ci_low', 'top2_ci_high', 'deff', 'effective_n', 'kish_effective_n', 'country']);
    expect(descriptor.resources[0].schema.primaryKey).toEqual(['wave', 'region', 'country', 'competency', 'population', 'measure']);
    expect(descriptor.resources[2].schema.fields.map((field) => field.name)).toEqual(['wave', 'region', 'competency', 'mwds', 'rank', 'rank_ci_low', 'rank_ci_high', 'rank_simultaneous_low', 'rank_simultaneous_high', 'quadrant', 'suppressed']);
  });

  it("names the fields exactly as the CSV writer's headers (io/table-files.ts)", () => {
    const descriptor = describeAnalysisTables() as { resources: { name: string; schema: { fields: { name: string }[] } }[] };
    const fieldsOf = (name: string) => descriptor.resources.find((resource) => resource.name === name)!.schema.fields.map((field) => field.name);
    expect(fieldsOf('estimates')).toEqual([...ESTIMATE_COLUMNS]);
    expect(fieldsOf('tests')).toEqual([...TEST_COLUMNS]);
    expect(fieldsOf('rankings')).toEqual([...RANKING_COLUMNS]);
    expect(fieldsOf('respondent-weights')).toEqual(RESPONDENT_WEIGHT_HEADER.trim().split(','));
    expect(fieldsOf('margin-fit')).toEqual([...MARGIN_FIT_COLUMNS]);
    expect((waveChangeResource() as { schema: { fields: { name: string }[] } }).schema.fields.map((field) => field.name)).toEqual([...WAVE_CHANGE_COLUMNS]);
  });
});

describe('answer distributions (Likert figures)', () => {
  it('counts per scale point and missing answers, per region and Global; suppressed below minN', () => {
    const result = analyseWave(referenceWave(), testConfig({}, { minN: 3, lowReliabilityN: 4 }));
    const find = (region: string, population: string, dimension: string) => result.distributions.find((row) => row.region === region && row.population === population && row.dimension === dimension)!;
    // y = [4, 5, NaN, 3, 2, 5, 4, NaN, 1, 3, 5, 4]: one 1, one 2, two 3s, three 4s, three 5s, two missing.
    // Weighted beside them, w = [1.5, 2, 0.5, 1, 3, 1.2, 0.8, 2.5, 1, 1.7, 0.6, 2.2]: Σw per value 1..5 and of the missing rows.
    expect(find('Global', 'industry', 'importance')).toEqual({
      region: 'Global', competency: 'incident-response', population: 'industry', dimension: 'importance', counts: [1, 1, 2, 3, 3], missing: 2,
      weightedCounts: [1, 3, 2.7, 4.5, 3.8], weightedMissing: 3, suppressed: false,
    });
    // x = [3, 5, 2, NaN, 2, 3, 4, 4, 1, NaN, 2, 4] rated as coverage by education.
    expect(find('Global', 'education', 'coverage').counts).toEqual([1, 3, 2, 3, 1]);
    // Region c (rows 5, 7, 10): y = 5, NaN, 5 → n = 2 < minN = 3: suppressed, counts (weighted too) and missing emptied.
    expect(find('c', 'industry', 'importance')).toMatchObject({ counts: [], weightedCounts: [], suppressed: true });
    expect(find('c', 'industry', 'importance').missing).toBeNaN();
    expect(find('c', 'industry', 'importance').weightedMissing).toBeNaN();
    expect(find('a', 'industry', 'preparedness').counts).toEqual([1, 1, 1, 1, 1]);
    expect(result.distributions).toHaveLength(4 * 1 * 2 * 2);
  });
});

describe('histogram path equals the respondent-level estimators', () => {
  it('means, SEs and SDs of every cell equal estimateDomainMeans on the dense matrices; tests equal the raw-value tests', () => {
    const wave = syntheticWave({ respondentsPerPopulation: 400, competencies: 3, regions: ['Africa', 'Europe', 'Asia'], seed: 5, unequalWeights: true });
    const result = analyseWave(wave, testConfig());
    const regionNames = ['Africa', 'Asia', 'Europe'];
    const industry = wave.respondents.filter((respondent) => respondent.population === 'industry');
    const rowOf = new Map(industry.map((respondent, row) => [respondent.respondentId, row]));
    const importance = new Float64Array(industry.length * 3).fill(NaN);
    const preparedness = new Float64Array(industry.length * 3).fill(NaN);
    forEachAnswer(wave.answers, (answer) => {
      const row = rowOf.get(wave.respondents[answer.respondent].respondentId);
      if (row === undefined) return;
      const target = answer.dimension === 0 ? importance : preparedness;
      target[row * 3 + answer.competency] = answer.value;
    });
    const weights = Float64Array.from(industry, (respondent) => respondent.weight);
    const rowDomain = Int32Array.from(industry, (respondent) => regionNames.indexOf(respondent.region));
    const oracle = estimateDomainMeans(importance, weights, rowDomain, 3, 3);
    const gaps = pairedDifferences(importance, preparedness);
    const gapOracle = estimateDomainMeans(gaps, weights, rowDomain, 3, 3);
    const blocks = [...regionNames, 'Global'];
    for (let cell = 0; cell < 12; cell++) {
      const region = blocks[Math.floor(cell / 3)];
      const competency = `competency-0${(cell % 3) + 1}`;
      const row = result.estimates.find((e) => e.region === region && e.competency === competency && e.population === 'industry' && e.measure === 'importance')!;
      expectClose(row.mean, oracle.mean[cell], 1e-12);
      expectClose(row.se, oracle.se[cell], 1e-10);
      expectClose(row.sd, oracle.sd[cell], 1e-12);
      const gap = result.estimates.find((e) => e.region === region && e.competency === competency && e.measure === 'gap_preparedness')!;
      expectClose(gap.mean, gapOracle.mean[cell], 1e-12);
      expectClose(gap.se, gapOracle.se[cell], 1e-10);
      const differences = gaps.filter((_, index) => index % 3 === cell % 3 && (region === 'Global' || rowDomain[Math.floor(index / 3)] === regionNames.indexOf(region)));
      const wilcoxon = wilcoxonSignedRank(differences);
      const test = result.tests.find((t) => t.region === region && t.competency === competency && t.gap === 'gap_preparedness')!;
      expect(test.statistic).toBe(wilcoxon.statistic);
      expectClose(test.pValue, wilcoxon.pValue, 1e-12);
    }
  });
});

describe('Benjamini–Hochberg families (issue 13, item 4)', () => {
  it('adjusts within one gap type at one level and writes the family into every test row', async () => {
    const { benjaminiHochberg } = await import('../../../stages/analyse/stats/index.ts');
    const wave = syntheticWave({ respondentsPerPopulation: 240, competencies: 6, regions: ['Africa', 'Europe', 'Asia'], seed: 5 });
    const result = analyseWave(wave, testConfig());
    const families = new Map<string, typeof result.tests>();
    for (const test of result.tests) families.set(test.family, [...(families.get(test.family) ?? []), test]);
    // 3 gaps × (3 regions + Global), each with the 6 competencies.
    expect([...families.keys()].sort()).toEqual(['gap_curriculum', 'gap_education', 'gap_preparedness'].flatMap((gap) => ['Africa', 'Asia', 'Europe', 'Global'].map((region) => `${gap}:${region}`)).sort());
    for (const [family, members] of families) {
      expect(members).toHaveLength(6);
      expect(members.every((test) => family === `${test.gap}:${test.region}`)).toBe(true);
      const expected = benjaminiHochberg(Float64Array.from(members, (test) => test.pValue));
      members.forEach((test, index) => expect(test.qValue).toBe(expected[index]));
    }
    // Not the pooled family: adjusting all 72 tests together gives other q-values.
    const pooled = benjaminiHochberg(Float64Array.from(result.tests, (test) => test.pValue));
    expect(result.tests.some((test, index) => Math.abs(test.qValue - pooled[index]) > 1e-9)).toBe(true);
    expect(TEST_COLUMNS).toContain('family');
  });
});

describe('rank confidence sets in the rankings (issue 13, item 5)', () => {
  it('integer marginal and simultaneous sets containing the estimated rank; same seed, same sets', () => {
    const wave = syntheticWave({ respondentsPerPopulation: 300, competencies: 7, regions: ['Africa', 'Europe'], seed: 9, unequalWeights: true });
    const first = analyseWave(wave, testConfig({ seed: 4 }));
    const again = analyseWave(wave, testConfig({ seed: 4 }));
    expect(again.rankings).toEqual(first.rankings);
    const shown = first.rankings.filter((row) => !row.suppressed);
    expect(shown).toHaveLength(3 * 7);
    for (const row of shown) {
      for (const bound of [row.rankCiLow, row.rankCiHigh, row.rankSimultaneousLow, row.rankSimultaneousHigh]) expect(Number.isInteger(bound)).toBe(true);
      expect(row.rankCiLow).toBeLessThanOrEqual(Math.floor(row.rank));
      expect(row.rankCiHigh).toBeGreaterThanOrEqual(Math.ceil(row.rank));
      expect(row.rankSimultaneousLow).toBeLessThanOrEqual(row.rankCiLow);
      expect(row.rankSimultaneousHigh).toBeGreaterThanOrEqual(row.rankCiHigh);
      expect(row.rankCiLow).toBeGreaterThanOrEqual(1);
      expect(row.rankSimultaneousHigh).toBeLessThanOrEqual(7);
    }
    // Identical competency distributions: the true MWDS tie, and 300 respondents cannot order them all.
    expect(shown.some((row) => row.rankCiHigh > row.rankCiLow)).toBe(true);
  });
});
