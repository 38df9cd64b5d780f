import { describe, expect, it } from 'vitest';
import { kishEffectiveN, postStratify, rakeWeights, trimWeightsAtCap } from '../../../../stages/analyse/stats/index.ts';
import { expectClose, org, region, w } from './reference-data.ts';

// R (survey 4.1.1): rd <- svydesign(ids = ~1, weights = ~w, data = r) with r = region, org, w of reference-data.ts
const regionTotals = new Float64Array([50, 30, 20]); // pop.region <- data.frame(region = c("a","b","c"), Freq = c(50, 30, 20))
const orgTotals = new Float64Array([40, 60]); // pop.org <- data.frame(org = c("u","i"), Freq = c(40, 60))

describe('weighting', () => {
  it('post-stratification matches weights(postStratify(rd, ~region, pop.region))', () => {
    const expected = [7.731958762886598, 10.309278350515465, 3.75, 7.5, 15.463917525773196, 5.5813953488372094, 6, 11.627906976744187, 5.154639175257732, 12.75, 2.7906976744186047, 11.340206185567013];
    const result = postStratify(w, region, regionTotals).weights;
    expected.forEach((value, i) => expectClose(result[i], value));
  });

  it('raking with R defaults (maxit = 10, epsilon = 1) matches weights(rake(rd, list(~region, ~org), list(pop.region, pop.org)))', () => {
    const expected = [5.1224578513990897, 13.3923267129552919, 6.4665239739865887, 6.5957165296780493, 10.2449157027981794, 6.0692194288636729, 5.2765732237424414, 12.6442071434659855, 6.6961633564776459, 11.2127181004526832, 1.5476185919295535, 14.7315593842508186];
    const result = rakeWeights(w, [{ group: region, totals: regionTotals }, { group: org, totals: orgTotals }]);
    expect(result.converged).toBe(true);
    expected.forEach((value, i) => expectClose(result.weights[i], value));
  });

  it('raking to tight convergence matches rake(..., control = list(maxit = 50, epsilon = 1e-12))', () => {
    const expected = [5.0471129055039423, 13.4071774167272526, 6.6466969115770294, 6.6723723109761988, 10.0942258110078846, 5.9982622070050065, 5.3378978487809601, 12.4963795979271026, 6.7035887083636263, 11.3430329286595324, 1.5053581950714829, 14.7478951583999791];
    const result = rakeWeights(w, [{ group: region, totals: regionTotals }, { group: org, totals: orgTotals }], { maxIterations: 50, epsilon: 1e-12 });
    expected.forEach((value, i) => expectClose(result.weights[i], value, 1e-9));
  });

  it('trimming matches weights(trimWeights(rd, upper = 1.3 * mean(r$w), strict = TRUE))', () => {
    const expected = [1.7375, 1.95, 0.7375, 1.2375, 1.95, 1.4375, 1.0375, 1.95, 1.2375, 1.9375, 0.8375, 1.95];
    const result = trimWeightsAtCap(w, 1.3);
    expected.forEach((value, i) => expectClose(result.weights[i], value));
    expect(result.trimmed).toBe(4);
    expectClose(result.weights.reduce((a, b) => a + b, 0), w.reduce((a, b) => a + b, 0), 1e-12);
  });

  it('Kish effective n = (Σw)²/Σw² and deff = n/n_eff', () => {
    const result = kishEffectiveN(w);
    const sum = w.reduce((a, b) => a + b, 0);
    const sumSquares = w.reduce((a, b) => a + b * b, 0);
    expectClose(result.effectiveN, (sum * sum) / sumSquares, 1e-14);
    expectClose(result.designEffect, 12 / result.effectiveN, 1e-14);
    expect(kishEffectiveN(new Float64Array(5).fill(2)).designEffect).toBeCloseTo(1, 14);
  });
});
