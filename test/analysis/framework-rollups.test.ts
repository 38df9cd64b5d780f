import { describe, expect, it } from 'vitest';
import { answerTableFromLong } from '../../pipeline/answer-table.ts';
import type { CompetencyFramework, NormalisedWave, Respondent } from '../../pipeline/types.ts';
import { resolveFramework } from '../../pipeline/frameworks/load-frameworks.ts';
import { rollUpFrameworks } from '../../analysis/framework-rollups.ts';
import { analyseWave } from '../../analysis/analyse-wave.ts';
import { expectClose } from './stats/reference-data.ts';
import { testConfig } from './synthetic-wave.ts';

/**
 * A literal wave: 12 industry and 10 education respondents in regions a and b, three competencies,
 * and a framework with U1 = {c1, c2}, U2 = {c2, c3}, U3 = {c3}. The reference values come from R
 * 4.x, survey 4.x (Debian r-cran-survey):
 *   composite <- rowMeans(cbind(i1, i2), na.rm = TRUE)   # U1 importance; likewise preparedness,
 *   gap <- rowMeans(cbind(i1 - p1, i2 - p2), na.rm = TRUE) # coverage and the paired gaps (NaN → NA)
 *   des <- svydesign(ids = ~1, weights = ~w, data = ind)
 *   svyby(~composite, ~region, des, svymean, na.rm = TRUE); svymean(~composite, des, na.rm = TRUE)
 */
const NA = NaN;
const industry = {
  region: ['a', 'a', 'b', 'b', 'a', 'b', 'a', 'b', 'a', 'b', 'a', 'b'],
  w: [1.5, 2, 0.5, 1, 3, 1.2, 0.8, 2.5, 1, 1.7, 0.6, 2.2],
  importance: [[5, 4, NA, 3, 5, 4, 2, 5, 4, NA, 3, 5], [4, 5, 4, 4, NA, 3, 3, 5, 5, 4, 2, 4], [3, NA, 5, 2, 4, 5, NA, 4, 3, 5, 4, 3]],
  other: [[2, 3, 3, NA, 2, 4, 2, 1, 3, 2, 3, 2], [3, NA, 2, 3, 2, 3, 1, 2, 4, 3, 2, NA], [1, 2, NA, 2, 3, 2, 2, 3, NA, 4, 1, 2]],
};
const education = {
  region: ['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b', 'a', 'b'],
  w: [1, 2, 1.5, 0.7, 1.3, 2.2, 0.9, 1.1, 1.6, 0.8],
  importance: [[4, 5, 3, 4, NA, 5, 4, 3, 5, 4], [5, 4, NA, 3, 4, 5, 3, 4, 4, 5], [3, 4, 4, 5, 3, NA, 4, 4, 5, 3]],
  other: [[3, 4, 2, NA, 3, 4, 3, 2, 4, 3], [2, 3, 3, 2, NA, 3, 2, 4, 3, 2], [4, NA, 3, 3, 2, 4, 3, 3, NA, 4]],
};
const COMPETENCIES = ['c1', 'c2', 'c3'];

export function literalWave(): NormalisedWave {
  const respondents: Respondent[] = [];
  const long: { respondent: number; competency: number; dimension: 'importance' | 'preparedness' | 'coverage'; value: number }[] = [];
  for (const [population, data] of [['industry', industry], ['education', education]] as const) {
    data.region.forEach((region, i) => {
      const respondent = respondents.length;
      respondents.push({ respondentId: `${population}:${i}`, population, country: '', region, organisationType: '', weight: data.w[i], wave: 'lit', sourceFile: 'f.csv', sourceRow: i + 2 });
      for (let k = 0; k < 3; k++) {
        if (!Number.isNaN(data.importance[k][i])) long.push({ respondent, competency: k, dimension: 'importance', value: data.importance[k][i] });
        if (!Number.isNaN(data.other[k][i])) long.push({ respondent, competency: k, dimension: population === 'industry' ? 'preparedness' : 'coverage', value: data.other[k][i] });
      }
    });
  }
  const answers = answerTableFromLong(respondents.length, COMPETENCIES, { min: 1, max: 5 }, long);
  return { wave: 'lit', scale: { min: 1, max: 5 }, regionScheme: 'un-m49-region', respondents, answers, audit: [], warnings: [] };
}

export const literalCompetencies: CompetencyFramework = {
  version: 'test', provenance: 'test',
  competencies: COMPETENCIES.map((id) => ({ id, label: id, kind: 'technical', description: '', crosswalk: { nice: [], ecsf: [], csec2017: [], cybok: [] } })),
};

export const literalFramework = resolveFramework({
  id: 'lit', name: 'Literal framework', version: '1', source: 'test',
  units: [{ id: 'U1', name: 'Unit one' }, { id: 'U2', name: 'Unit two' }, { id: 'U3', name: 'Unit three' }, { id: 'U4', name: 'Nobody maps here' }],
  crosswalk: { c1: ['U1'], c2: ['U1', 'U2'], c3: ['U2', 'U3'] },
}, 'lit.json', literalCompetencies);

describe('rollUpFrameworks on a literal wave, against R survey', () => {
  const [rollup] = rollUpFrameworks(literalWave(), testConfig({ bootstrapReplicates: 50 }, { minN: 2, lowReliabilityN: 4 }), [literalFramework]);
  const find = (unit: string, region: string, population: string, measure: string) =>
    rollup.rows.find((row) => row.unit === unit && row.region === region && row.population === population && row.measure === measure)!;
  const check = (unit: string, population: string, measure: string, expected: [string, number, number][]) => {
    for (const [region, mean, se] of expected) {
      expectClose(find(unit, region, population, measure).mean, mean);
      expectClose(find(unit, region, population, measure).se, se);
    }
  };

  it('lists the units with competencies in the wave, and the unit nobody maps to apart', () => {
    expect(rollup.units.map((unit) => [unit.id, unit.competencies])).toEqual([['U1', ['c1', 'c2']], ['U2', ['c2', 'c3']], ['U3', ['c3']]]);
    expect(rollup.unmappedUnits.map((unit) => unit.id)).toEqual(['U4']);
  });

  it('unit U1: composite means and SEs equal svyby/svymean to 1e-9', () => {
    // svyby(~imp_u1, ~region, di, svymean, na.rm = TRUE) and svymean(~imp_u1, di, na.rm = TRUE)
    check('U1', 'industry', 'importance', [['Global', 4.3138888888888891, 0.20770947119792871], ['a', 4.3539325842696632, 0.31812661905931672], ['b', 4.2747252747252746, 0.2626035765760546]]);
    check('U1', 'industry', 'preparedness', [['Global', 2.3777777777777778, 0.204152876884274], ['a', 2.4662921348314608, 0.25618327332389351], ['b', 2.2912087912087915, 0.30510641208148692]]);
    // gap_u1 <- rowMeans(cbind(i1 - p1, i2 - p2), na.rm = TRUE)
    check('U1', 'industry', 'gap_preparedness', [['Global', 1.9361111111111111, 0.39380554264822087], ['a', 1.7752808988764044, 0.49979788164420375], ['b', 2.0934065934065935, 0.59977840153354434]]);
    check('U1', 'education', 'coverage', [['Global', 3.0076335877862599, 0.17016931279052885], ['a', 2.8571428571428572, 0.21232073937902013], ['b', 3.1470588235294117, 0.22140466023455554]]);
    check('U1', 'education', 'gap_education', [['Global', 1.1991525423728813, 0.1407430367506603], ['a', 1.2, 0.19604988027426987], ['b', 1.1985294117647058, 0.19720072784565085]]);
  });

  it('unit U2: composite means and SEs equal svyby/svymean to 1e-9', () => {
    check('U2', 'industry', 'importance', [['Global', 4.0055555555555555, 0.18428172431844295], ['a', 3.98314606741573, 0.27847210423137669], ['b', 4.0274725274725274, 0.24347839317826023]]);
    check('U2', 'industry', 'preparedness', [['Global', 2.4277777777777776, 0.17235343709525142], ['a', 2.3146067415730336, 0.2470631840421631], ['b', 2.5384615384615383, 0.23411647810921404]]);
    check('U2', 'industry', 'gap_preparedness', [['Global', 1.309375, 0.15862639610254958], ['a', 1.2681159420289854, 0.16595912717736883], ['b', 1.3406593406593408, 0.24255807380792507]]);
    check('U2', 'education', 'coverage', [['Global', 2.9656488549618323, 0.15261999316352165], ['a', 2.7222222222222223, 0.19582544641845553], ['b', 3.1911764705882351, 0.15350812582709419]]);
    check('U2', 'education', 'gap_education', [['Global', 1.1526717557251909, 0.16784921170145886], ['a', 1, 0], ['b', 1.2941176470588234, 0.2939882848696278]]);
  });

  it('curriculum gap of a unit: industry importance composite − education coverage composite, SE √(SE₁² + SE₂²)', () => {
    const curriculum = find('U1', 'Global', 'both', 'gap_curriculum');
    expectClose(curriculum.mean, 4.3138888888888891 - 3.0076335877862599);
    expectClose(curriculum.se, Math.hypot(0.20770947119792871, 0.17016931279052885));
  });

  it('a unit with one competency equals that competency\'s own estimate, test and q-value family aside', () => {
    const competencyResult = analyseWave(literalWave(), testConfig({}, { minN: 2, lowReliabilityN: 4 }));
    for (const measure of ['importance', 'preparedness', 'gap_preparedness'] as const) {
      for (const region of ['a', 'b', 'Global']) {
        const competency = competencyResult.estimates.find((row) => row.competency === 'c3' && row.region === region && row.population === 'industry' && row.measure === measure)!;
        const unit = find('U3', region, 'industry', measure);
        expectClose(unit.mean, competency.mean, 1e-12);
        expectClose(unit.se, competency.se, 1e-12);
        expect(unit.n).toBe(competency.n);
      }
    }
    const competencyTest = competencyResult.tests.find((row) => row.competency === 'c3' && row.region === 'Global' && row.gap === 'gap_preparedness')!;
    const unitTest = find('U3', 'Global', 'industry', 'gap_preparedness');
    expect(unitTest.test).toBe('wilcoxon_signed_rank');
    expectClose(unitTest.pValue, competencyTest.pValue, 1e-12);
    expectClose(unitTest.statistic, competencyTest.statistic, 1e-12);
  });

  it('gap rows carry tests with BH q-values over the framework, and the MWDS ranking of the units', () => {
    const gaps = rollup.rows.filter((row) => row.measure.startsWith('gap_') && !row.suppressed);
    expect(gaps.every((row) => row.test !== '' && row.qValue >= row.pValue)).toBe(true);
    const global = rollup.rows.filter((row) => row.region === 'Global' && row.measure === 'gap_preparedness');
    for (const row of global) expectClose(row.mwds, find(row.unit, 'Global', 'industry', 'importance').mean * row.mean, 1e-12);
    expect(global.map((row) => row.rank).sort()).toEqual([1, 2, 3]);
    // U1: 4.3139 × 1.9361 = 8.35 is the largest need.
    expect(find('U1', 'Global', 'industry', 'gap_preparedness').rank).toBe(1);
    expect(global.every((row) => row.rankCiLow <= row.rank && row.rank <= row.rankCiHigh)).toBe(true);
  });

  it('suppresses exactly as for competencies: small n, then everything derived', () => {
    const [strict] = rollUpFrameworks(literalWave(), testConfig({}, { minN: 6, lowReliabilityN: 8 }), [literalFramework]);
    const row = (region: string, population: string, measure: string) => strict.rows.find((r) => r.unit === 'U3' && r.region === region && r.population === population && r.measure === measure)!;
    // c3 preparedness in region a: 5 industry respondents rated it (1, 2, 3, 2, 1) → n 5 < 6.
    expect(row('a', 'industry', 'preparedness')).toMatchObject({ n: 5, suppressed: true, flag: 'suppressed_small_n' });
    expect(row('a', 'industry', 'gap_preparedness').flag).toMatch(/^suppressed_/);
    expect(Number.isNaN(row('a', 'industry', 'gap_preparedness').mean) && Number.isNaN(row('a', 'industry', 'gap_preparedness').mwds)).toBe(true);
    expect(row('a', 'industry', 'gap_preparedness').test).toBe('');
    expect(row('Global', 'industry', 'importance').flag).toBe('');
  });
});
