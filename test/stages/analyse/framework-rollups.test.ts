import { describe, expect, it } from 'vitest';
import { rollUpFrameworks } from '../../../stages/analyse/framework-rollups.ts';
import { analyseWave } from '../../../stages/analyse/analyse-wave.ts';
import { expectClose } from './stats/reference-data.ts';
import { testConfig } from './synthetic-wave.ts';
import { literalFramework, literalWave } from './framework-literal-wave.ts';

/** Reference values: R survey on the literal wave of framework-literal-wave.ts (the R calls are in its doc comment). */

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

  it('suppresses exactly as for competencies: small n, everything derived, then the complementary region; n blanked', () => {
    const [strict] = rollUpFrameworks(literalWave(), testConfig({}, { minN: 6, lowReliabilityN: 8 }), [literalFramework]);
    const row = (region: string, population: string, measure: string) => strict.rows.find((r) => r.unit === 'U3' && r.region === region && r.population === population && r.measure === measure)!;
    // c3 preparedness in region a: 5 industry respondents rated it (1, 2, 3, 2, 1) → n 5 < 6, n not published.
    expect(row('a', 'industry', 'preparedness')).toMatchObject({ suppressed: true, flag: 'suppressed_small_n' });
    expect(row('a', 'industry', 'preparedness').n).toBeNaN();
    // Both regions hidden (b: preparedness n < 6 too) and Global would still narrow a down: Global is
    // suppressed too (complementary), its n and values blanked.
    expect(row('Global', 'industry', 'importance')).toMatchObject({ suppressed: true, flag: 'suppressed_secondary' });
    expect([row('Global', 'industry', 'importance').n, row('Global', 'industry', 'importance').mean]).toEqual([NaN, NaN]);
    // U3 is c3 alone: its rows are suppressed exactly where the competency path suppresses c3's.
    const competency = analyseWave(literalWave(), testConfig({}, { minN: 6, lowReliabilityN: 8 })).estimates.filter((r) => r.competency === 'c3');
    for (const unitRow of strict.rows.filter((r) => r.unit === 'U3')) {
      const match = competency.find((r) => r.region === unitRow.region && r.population === unitRow.population && r.measure === unitRow.measure)!;
      expect([unitRow.region, unitRow.population, unitRow.measure, unitRow.suppressed, unitRow.flag]).toEqual([match.region, match.population, match.measure, match.suppressed, match.flag]);
    }
    expect(row('a', 'industry', 'gap_preparedness').flag).toMatch(/^suppressed_/);
    expect(Number.isNaN(row('a', 'industry', 'gap_preparedness').mean) && Number.isNaN(row('a', 'industry', 'gap_preparedness').mwds)).toBe(true);
    expect(row('a', 'industry', 'gap_preparedness').test).toBe('');
  });

  it('hides a population × region for a unit when the competency tables hide it for one of its competencies', () => {
    const config = testConfig({}, { minN: 6, lowReliabilityN: 8 });
    const estimates = analyseWave(literalWave(), config).estimates;
    const [withRule] = rollUpFrameworks(literalWave(), config, [literalFramework], estimates);
    const [without] = rollUpFrameworks(literalWave(), config, [literalFramework]);
    // c1 and c2 (industry, a and b) are hidden in the competency tables; U1 = {c1, c2} has 6 respondents
    // in each region on its own, so only the rule hides it there.
    const u1 = (rollup: typeof withRule, region: string) => rollup.rows.find((r) => r.unit === 'U1' && r.region === region && r.population === 'industry' && r.measure === 'importance')!;
    expect(estimates.find((r) => r.competency === 'c1' && r.region === 'a' && r.population === 'industry' && r.measure === 'importance')!.suppressed).toBe(true);
    expect([u1(without, 'a').suppressed, u1(without, 'a').n]).toEqual([false, 6]);
    expect(u1(withRule, 'a')).toMatchObject({ suppressed: true, flag: 'suppressed_secondary' });
    expect(u1(withRule, 'a').n).toBeNaN();
    expect(u1(withRule, 'b').suppressed).toBe(true);
    // Every unit row of a hidden population × region × competency of the unit is hidden.
    for (const row of withRule.rows.filter((r) => r.population !== 'both')) {
      const competencies = withRule.units.find((unit) => unit.id === row.unit)!.competencies;
      const hidden = estimates.some((e) => e.suppressed && e.population === row.population && e.region === row.region && competencies.includes(e.competency));
      if (hidden) expect(row.suppressed, `${row.unit} ${row.region} ${row.population} ${row.measure}`).toBe(true);
    }
  });
});
