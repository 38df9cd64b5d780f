/**
 * analyseWave on a raked design (issue 13): estimates, SEs, intervals, design effects against R's
 * survey package, and the per-cell histogram path against the respondent-level estimator.
 * R setup: test/stages/analyse/stats/raking-reference-data.ts (survey 4.1.1).
 */
import { describe, expect, it } from 'vitest';
import { analyseWave } from '../../../stages/analyse/analyse-wave.ts';
import { computePopulationWeights } from '../../../stages/analyse/population-weights.ts';
import { estimateCalibratedDomainMeans, pairedDifferences } from '../../../stages/analyse/stats/index.ts';
import { answerTableFromLong, forEachAnswer } from '../../../contracts/answer-table.ts';
import type { NormalisedWave, Respondent, WaveConfig } from '../../../contracts/types.ts';
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

const margins: WaveConfig['analysis']['populationMargins'] = {
  industry: [
    { variables: ['region'], targets: { A: 0.4, B: 0.35, C: 0.25 } },
    { variables: ['organisationType'], targets: { private: 0.7, public: 0.3 } },
  ],
};
const rakedConfig = (weightCap = 0): WaveConfig => {
  const config = testConfig({ weightCap }, { minN: 2, lowReliabilityN: 3 });
  config.analysis.populationMargins = margins;
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

  it('t interval (the domain as its own design, df = Kish n − 1), design effect, Kish n and the Korn–Graubard top-two-box interval', () => {
    // dA <- subset(cal, region == "A" & !is.na(y)) (cal <- update(cal, y0 = ifelse(is.na(y), 0, y)): the rows kept with weight 0 need a number)
    // s <- svymean(~y0, dA, deff = "replace"); wc <- weights(cal)[d$region == "A" & !is.na(d$y)]; kc <- sum(wc)^2 / sum(wc^2)
    // se2 <- as.vector(SE(s)) * sqrt(16 / 15 * 39 / 40); coef(s) + c(-1, 1) * qt(0.975, round(kc - 1, 2)) * se2
    const a = find('A', 'importance');
    expect(a.n).toBe(16);
    expect(a.df).toBe(7.53); // round(kc - 1, 2)
    expect(a.ciMethod).toBe('t');
    expectClose(a.ciLow, 1.575920695955398, 1e-12);
    expectClose(a.ciHigh, 3.3882443273698355, 1e-12);
    expectClose(a.deff!, 1.3204163499802044, 1e-12);
    expectClose(a.effectiveN!, 16 / 1.3204163499802044, 1e-12);
    expectClose(a.kishEffectiveN!, 8.528447811424785, 1e-12); // w <- weights(cal)[in A with y]; sum(w)^2 / sum(w^2)
    // cal2 <- update(cal, t0 = ifelse(is.na(y), 0, as.numeric(y >= 4))); st <- svymean(~t0, subset(cal2, region == "A" & !is.na(y)))
    // p <- coef(st); v <- vcov(st)[1] * 16 / 15 * 39 / 40; ne <- p * (1 - p) / v
    // c(qbeta(0.025, ne * p, ne * (1 - p) + 1), qbeta(0.975, ne * p + 1, ne * (1 - p)))   (Korn–Graubard with the domain variance)
    expectClose(a.top2Share, 0.18999422879045486, 1e-12);
    expectClose(a.top2CiLow!, 0.03273399529340016, 1e-10);
    expectClose(a.top2CiHigh!, 0.49375150110682153, 1e-10);
    // Region C, 7 answers, Kish n 4.2826018406433137: the same with sqrt(7 / 6 * 39 / 40)
    const c = find('C', 'importance');
    expectClose(c.ciLow, 2.387940249393619, 1e-12);
    expectClose(c.ciHigh, 4.3448881807599617, 1e-12);
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

  it('own <- svydesign(ids = ~1, weights = ~w, data = d[d$region == "A" & !is.na(d$y), ]); confint(svymean(~y, own), df = round(kish - 1, 2)); svyciprop(~top2, dA, method = "beta")', () => {
    // kish <- sum(weights(own))^2 / sum(weights(own)^2) = 14.226057871088644; dA <- subset(des, region == "A" & !is.na(y)) for deff and svyciprop
    const a = find('A');
    expectClose(a.mean, 2.8711147948611688, 1e-12);
    expectClose(a.se, 0.37159571527992635, 1e-12); // the SE column stays svyby's (whole design counted in n/(n − 1))
    expectClose(a.ciLow, 2.0538772408090629, 1e-12);
    expectClose(a.ciHigh, 3.6883523489132748, 1e-12);
    expectClose(a.deff!, 1.0046254199906159, 1e-12); // svymean(~y, dA, deff = "replace")
    expectClose(a.kishEffectiveN!, 14.226057871088644, 1e-12);
    expectClose(a.top2CiLow!, 0.087691074646225248, 1e-10); // svyciprop(~top2, own, method = "beta")
    expectClose(a.top2CiHigh!, 0.57693442167500619, 1e-10);
    const c = find('C'); // 7 answers, Kish n 6.0775664277320214
    expectClose(c.ciLow, 2.2093517833636778, 1e-12);
    expectClose(c.ciHigh, 4.5152593785759381, 1e-12);
    expectClose(c.deff!, 0.98509863651290064, 1e-12);
    expectClose(c.top2CiLow!, 0.11204535513846763, 1e-10);
    expectClose(c.top2CiHigh!, 0.91404701926897514, 1e-10);
  });
});

describe('raked waves: the per-cell histograms equal the respondent-level calibrated estimator', () => {
  it('every importance, top-two-box and paired-gap cell, with the cap inside the calibration', () => {
    const wave = syntheticWave({ respondentsPerPopulation: 500, competencies: 3, regions: ['Africa', 'Europe', 'Asia'], seed: 9, unequalWeights: true });
    const config = testConfig({ weightCap: 1.6 });
    config.analysis.populationMargins = {
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

describe('a cell whose answers are all equal (SE 0)', () => {
  it('is flagged zero_se_wilson with a Wilson bound on the scale, no design effect, and the exact top-two-box interval', () => {
    const respondents: Respondent[] = [];
    for (const population of ['industry', 'education'] as const) {
      for (let i = 0; i < 12; i++) respondents.push({ respondentId: `${population}:${i}`, population, country: '', region: i < 6 ? 'X' : 'Y', organisationType: '', weight: 1, wave: 'z', sourceFile: 'f.csv', sourceRow: i + 2 });
    }
    const answers = answerTableFromLong(respondents.length, ['incident-response'], { min: 1, max: 5 }, respondents.flatMap((respondent, r) => [
      { respondent: r, competency: 0, dimension: 'importance' as const, value: r % 12 < 6 ? 5 : 1 + (r % 5) },
      { respondent: r, competency: 0, dimension: respondent.population === 'industry' ? 'preparedness' as const : 'coverage' as const, value: 1 + (r % 4) },
    ]));
    const result = analyseWave({ wave: 'z', scale: { min: 1, max: 5 }, regionScheme: 'un-m49-region', respondents, answers, audit: [], warnings: [] }, testConfig({ weightCap: 0 }));
    const x = result.estimates.find((row) => row.region === 'X' && row.population === 'industry' && row.measure === 'importance')!;
    expect(x.mean).toBe(5);
    expect(x.ciMethod).toBe('zero_se_wilson');
    expectClose(x.ciLow, 1 + 4 * 0.60966571209783482, 1e-12); // prop.test(6, 6, correct = FALSE)$conf.int on 1–5
    expect(x.ciHigh).toBe(5);
    expect(Number.isNaN(x.deff!)).toBe(true);
    expect(x.top2Share).toBe(1);
    expectClose(x.top2CiLow!, 0.54074187356009962, 1e-12); // binom.test(6, 6)$conf.int
    expect(x.top2CiHigh).toBe(1);
    // Every published interval stays on the scale (gaps on −4…4).
    for (const row of result.estimates.filter((e) => !e.suppressed)) {
      const [low, high] = row.measure.startsWith('gap') ? [-4, 4] : [1, 5];
      expect(row.ciLow).toBeGreaterThanOrEqual(low);
      expect(row.ciHigh).toBeLessThanOrEqual(high);
      expect(row.ciLow).toBeLessThanOrEqual(row.mean);
      expect(row.ciHigh).toBeGreaterThanOrEqual(row.mean);
    }
  });
});

