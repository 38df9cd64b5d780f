/**
 * analyseWave on a raked design (issue 13): estimates, SEs, intervals, design effects against R's
 * survey package, and the per-cell histogram path against the respondent-level estimator.
 * R setup: test/analysis/stats/raking-reference-data.ts (survey 4.1.1).
 */
import { describe, expect, it } from 'vitest';
import { analyseWave } from '../../analysis/analyse-wave.ts';
import { computePopulationWeights } from '../../analysis/population-weights.ts';
import { estimateCalibratedDomainMeans, pairedDifferences } from '../../analysis/stats/index.ts';
import { answerTableFromLong, forEachAnswer } from '../../pipeline/answer-table.ts';
import type { NormalisedWave, Respondent, WaveConfig } from '../../pipeline/types.ts';
import { expectClose } from './stats/reference-data.ts';
import { rakingBaseWeights, rakingOrg, rakingRegion, rakingX, rakingY } from './stats/raking-reference-data.ts';
import { syntheticWave, testConfig } from './synthetic-wave.ts';

const REGIONS = ['A', 'B', 'C'];
const ORGS = ['private', 'public'];

function rakingWave(): NormalisedWave {
  const respondents: Respondent[] = [];
  for (const population of ['industry', 'education'] as const) {
    for (let i = 0; i < 40; i++) {
      respondents.push({ respondentId: `${population}:${i}`, population, country: '', region: REGIONS[rakingRegion[i]], organisationType: ORGS[rakingOrg[i]], weight: rakingBaseWeights[i], wave: 'ref', sourceFile: 'f.csv', sourceRow: i + 2 });
    }
  }
  const answers = answerTableFromLong(respondents.length, ['incident-response'], { min: 1, max: 5 }, respondents.flatMap((respondent, r) => [
    { respondent: r, competency: 0, dimension: 'importance' as const, value: rakingY[r % 40] },
    { respondent: r, competency: 0, dimension: respondent.population === 'industry' ? 'preparedness' as const : 'coverage' as const, value: rakingX[r % 40] },
  ]));
  return { wave: 'ref', scale: { min: 1, max: 5 }, regionScheme: 'un-m49-region', respondents, answers, audit: [], warnings: [] };
}

const margins = {
  industry: [
    { variables: ['region'], targets: { A: 0.4, B: 0.35, C: 0.25 } },
    { variables: ['organisationType'], targets: { private: 0.7, public: 0.3 } },
  ],
};
const rakedConfig = (weightCap = 0): WaveConfig => {
  const config = testConfig({ weightCap }, { minN: 2, lowReliabilityN: 3 });
  (config.analysis as Record<string, unknown>).populationMargins = margins;
  return config;
};

describe('a raked wave equals R calibrate(des, ~region + org, pop, calfun = "raking")', () => {
  const result = analyseWave(rakingWave(), rakedConfig());
  const find = (region: string, measure: string) => result.estimates.find((row) => row.region === region && row.population === 'industry' && row.measure === measure)!;

  it('means and calibration-aware SEs: svyby(~y, ~region, cal, svymean, na.rm = TRUE), svymean(~y, cal, na.rm = TRUE), the same for x', () => {
    [2.4820825116626168, 2.9147769690526442, 3.3664142150767904, 2.8816536201395633].forEach((value, g) => expectClose(find([...REGIONS, 'Global'][g], 'importance').mean, value, 1e-12));
    [0.38114566816090306, 0.5943194088623418, 0.30236929969667459, 0.27149908461425942].forEach((value, g) => expectClose(find([...REGIONS, 'Global'][g], 'importance').se, value, 1e-12));
    [0.37337617776734222, 0.46987259418744431, 0.59352515025044716].forEach((value, g) => expectClose(find(REGIONS[g], 'preparedness').se, value, 1e-12));
  });

  it('t interval with df = n − 1, design effect, Kish n and the Korn–Graubard top-two-box interval', () => {
    // dA <- subset(cal, region == "A" & !is.na(y)) (d$y0 <- ifelse(is.na(d$y), 0, d$y): the rows kept with weight 0 need a number)
    // s <- svymean(~y0, dA, deff = "replace"); confint(s, df = 16 - 1); deff(s)
    const a = find('A', 'importance');
    expect(a.n).toBe(16);
    expect(a.df).toBe(15);
    expect(a.ciMethod).toBe('t');
    expectClose(a.ciLow, 1.6696897504689832, 1e-12);
    expectClose(a.ciHigh, 3.2944752728562507, 1e-12);
    expectClose(a.deff!, 1.3204163499802044, 1e-12);
    expectClose(a.effectiveN!, 16 / 1.3204163499802044, 1e-12);
    expectClose(a.kishEffectiveN!, 8.528447811424785, 1e-12); // w <- weights(cal)[in A with y]; sum(w)^2 / sum(w^2)
    // st <- svymean(~top20, dA); p <- coef(st); ne <- p * (1 - p) / vcov(st)
    // c(qbeta(0.025, ne * p, ne * (1 - p) + 1), qbeta(0.975, ne * p + 1, ne * (1 - p)))  (svyciprop(method = "beta") on this
    // subset multiplies ne by (qt(.025, 39)/qt(.025, 15))², 39 = rows kept by the calibrated subset; our df rule makes it 1)
    expectClose(a.top2Share, 0.18999422879045486, 1e-12);
    expectClose(a.top2CiLow!, 0.034423601571535026, 1e-10);
    expectClose(a.top2CiHigh!, 0.4867354521186249, 1e-10);
    // Region C, 7 answers: confint(svymean(~y0, dC), df = 6)
    const c = find('C', 'importance');
    expectClose(c.ciLow, 2.6265431922265927, 1e-12);
    expectClose(c.ciHigh, 4.1062852379269881, 1e-12);
    expectClose(c.deff!, 0.784930414418753, 1e-12);
  });

  it('reports each margin category reached its target, and the final weight of each respondent', () => {
    expect(result.marginFit).toHaveLength(5);
    for (const row of result.marginFit!) expect(Math.abs(row.relativeDifference)).toBeLessThan(1e-10);
    expect(result.marginFit!.find((row) => row.category === 'C')!.target).toBeCloseTo(10, 12);
    const finals: number[] = [];
    analyseWave(rakingWave(), rakedConfig(), undefined, (population, _members, _base, weights) => {
      if (population === 'industry') finals.push(...weights);
    });
    expectClose(finals[0], 1.5567864756486147, 1e-12); // weights(cal)[1]
  });

  it('with a weight cap, trims inside the calibration: the margins still hold and no weight exceeds the cap', () => {
    const capped = analyseWave(rakingWave(), rakedConfig(2.5));
    for (const row of capped.marginFit!) expect(Math.abs(row.relativeDifference)).toBeLessThan(1e-9);
    // sum(weights(cb) >= 2.5 - 1e-9) = 5 weights at the cap
    expect(capped.weighting.find((row) => row.population === 'industry')!.trimmed).toBe(5);
    // svyby(~y, ~region, cb, svymean, na.rm = TRUE) with cb the bounded calibration of calibration.test.ts (U = 2.5)
    expectClose(capped.estimates.find((row) => row.region === 'A' && row.population === 'industry' && row.measure === 'importance')!.se, 0.39817344850293085, 1e-10);
  });

  it('a cap that cannot hold with the margins is reported, with how far each margin ends from its target', () => {
    const impossible = analyseWave(rakingWave(), rakedConfig(1.2));
    expect(impossible.warnings.some((warning) => warning.code === 'raking_not_converged')).toBe(true);
    expect(impossible.marginFit!.some((row) => Math.abs(row.relativeDifference) > 0.01)).toBe(true);
  });
});

describe('the fixed-weight design: intervals and design effects equal R', () => {
  const config = testConfig({ weightCap: 0 }, { minN: 2, lowReliabilityN: 3 });
  const result = analyseWave(rakingWave(), config);
  const find = (region: string) => result.estimates.find((row) => row.region === region && row.population === 'industry' && row.measure === 'importance')!;

  it('dA <- subset(des, region == "A" & !is.na(y)); confint(svymean(~y, dA), df = degf(dA)); svyciprop(~top2, dA, method = "beta")', () => {
    const a = find('A');
    expectClose(a.mean, 2.8711147948611688, 1e-12);
    expectClose(a.ciLow, 2.0790772763958101, 1e-12);
    expectClose(a.ciHigh, 3.6631523133265276, 1e-12);
    expectClose(a.deff!, 1.0046254199906159, 1e-12); // svymean(~y, dA, deff = "replace")
    expectClose(a.kishEffectiveN!, 14.226057871088644, 1e-12);
    expectClose(a.top2CiLow!, 0.090542051296527898, 1e-10);
    expectClose(a.top2CiHigh!, 0.57079112025250134, 1e-10);
    const c = find('C'); // 7 answers, degf(dC) = 6
    expectClose(c.ciLow, 2.3284092326553973, 1e-12);
    expectClose(c.ciHigh, 4.3962019292842189, 1e-12);
    expectClose(c.deff!, 0.98509863651290064, 1e-12);
    expectClose(c.top2CiLow!, 0.13019503504073929, 1e-10);
    expectClose(c.top2CiHigh!, 0.89858410637844577, 1e-10);
  });
});

describe('raked waves: the per-cell histograms equal the respondent-level calibrated estimator', () => {
  it('every importance, top-two-box and paired-gap cell, with the cap inside the calibration', () => {
    const wave = syntheticWave({ respondentsPerPopulation: 500, competencies: 3, regions: ['Africa', 'Europe', 'Asia'], seed: 9, unequalWeights: true });
    const config = testConfig({ weightCap: 1.6 });
    (config.analysis as Record<string, unknown>).populationMargins = {
      industry: [
        { variables: ['region'], targets: { Africa: 0.2, Asia: 0.3, Europe: 0.5 } },
        { variables: ['organisationType'], targets: { private: 0.6, public: 0.4 } },
      ],
    };
    const result = analyseWave(wave, config);
    const regionNames = ['Africa', 'Asia', 'Europe'];
    const memberIndex = Int32Array.from(wave.respondents.flatMap((respondent, index) => (respondent.population === 'industry' ? [index] : [])));
    const weights = computePopulationWeights('industry', wave.respondents, memberIndex, config, []);
    expect(weights.calibration).toBeDefined();
    const industry = Array.from(memberIndex, (index) => wave.respondents[index]);
    const rowOf = new Map(industry.map((respondent, row) => [respondent.respondentId, row]));
    const importance = new Float64Array(industry.length * 3).fill(NaN);
    const preparedness = new Float64Array(industry.length * 3).fill(NaN);
    forEachAnswer(wave.answers, (answer) => {
      const row = rowOf.get(wave.respondents[answer.respondent].respondentId);
      if (row === undefined) return;
      (answer.dimension === 0 ? importance : preparedness)[row * 3 + answer.competency] = answer.value;
    });
    const rowDomain = Int32Array.from(industry, (respondent) => regionNames.indexOf(respondent.region));
    const oracle = (values: Float64Array) => estimateCalibratedDomainMeans(values, weights.weights, weights.baseWeights, rowDomain, 3, 3, weights.calibration!.projection);
    const importanceOracle = oracle(importance);
    const top2Oracle = oracle(importance.map((value) => (value !== value ? NaN : value >= 4 ? 1 : 0)));
    const gapOracle = oracle(pairedDifferences(importance, preparedness));
    const blocks = [...regionNames, 'Global'];
    for (let cell = 0; cell < 12; cell++) {
      const pick = (measure: string) => result.estimates.find((e) => e.region === blocks[Math.floor(cell / 3)] && e.competency === `competency-0${(cell % 3) + 1}` && e.population === 'industry' && e.measure === measure)!;
      expectClose(pick('importance').mean, importanceOracle.mean[cell], 1e-12);
      expectClose(pick('importance').se, importanceOracle.se[cell], 1e-9);
      expectClose(pick('importance').top2Share, top2Oracle.mean[cell], 1e-12);
      expectClose(pick('gap_preparedness').mean, gapOracle.mean[cell], 1e-12);
      expectClose(pick('gap_preparedness').se, gapOracle.se[cell], 1e-9);
    }
    // The calibration changed the SEs: not the fixed-weight ones.
    expect(result.marginFit!.every((row) => Math.abs(row.relativeDifference) < 1e-9)).toBe(true);
  });
});
