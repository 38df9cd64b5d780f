import { describe, expect, it } from 'vitest';
import { estimateDomainMeans, surveyMean, weightedStandardDeviation, estimateTopTwoBox, pairedDifferences, normalConfidenceInterval } from '../../../../stages/analyse/stats/index.ts';
import { expectClose, region, w, x, y } from './reference-data.ts';

describe('design-based weighted mean (R survey 4.1.1, design in reference-data.ts)', () => {
  it('matches svymean(~y, des, na.rm = TRUE)', () => {
    // R: m <- svymean(~y, des, na.rm = TRUE); c(coef(m), SE(m))
    const result = surveyMean(y, w);
    expectClose(result.mean, 3.47333333333333316);
    expectClose(result.se, 0.45226736706635301);
    expect(result.n).toBe(10);
  });

  it('matches svyby(~y, ~region, des, svymean, na.rm = TRUE): full design kept', () => {
    // R: svyby(~y, ~region, des, svymean, na.rm = TRUE)
    const result = estimateDomainMeans(y, w, region, 1, 3);
    expectClose(result.mean[0], 3.2783505154639179);
    expectClose(result.se[0], 0.64108122057141848);
    expectClose(result.mean[1], 3.2285714285714286);
    expectClose(result.se[1], 0.22807048206235817);
    expectClose(result.mean[2], 5);
    expect(result.se[2]).toBeCloseTo(0, 12);
    expectClose(result.mean[3], 3.47333333333333316); // whole-design block
    expectClose(result.se[3], 0.45226736706635301);
    expect(Array.from(result.n)).toEqual([5, 3, 2, 10]);
  });

  it('a domain mask gives the same as svyby (not the subset-then-analyse SE)', () => {
    const mask = new Uint8Array(region.map((code) => (code === 0 ? 1 : 0)));
    expectClose(surveyMean(y, w, mask).se, 0.64108122057141848);
  });

  it('unit weights reduce to s²/n', () => {
    // R: svymean(~y, svydesign(ids = ~1, weights = ~I(rep(1, 12)), data = d), na.rm = TRUE) → 3.6, 0.42297646614095552
    // Domain = rows with a value: n = 10 of 12 rows, so R's Var = 12/11 · Σ((y − ȳ)/10)²; the pure
    // s²/n identity holds when no value is missing:
    const result = surveyMean(y, new Float64Array(12).fill(1));
    expectClose(result.mean, 3.6);
    expectClose(result.se, 0.42297646614095552);
    const complete = new Float64Array([4, 5, 3, 2, 5, 4, 1, 3, 5, 4]);
    const completeResult = surveyMean(complete, new Float64Array(10).fill(1));
    const mean = 3.6;
    const s2 = complete.reduce((sum, value) => sum + (value - mean) ** 2, 0) / 9;
    expectClose(completeResult.se, Math.sqrt(s2 / 10), 1e-12);
  });

  it('weighted SD matches sqrt(coef(svyvar(~y, des, na.rm = TRUE)))', () => {
    // R: sqrt(coef(svyvar(~y, des, na.rm = TRUE))) → 1.3028453709500836
    expectClose(weightedStandardDeviation(y, w), 1.3028453709500836);
    // R: sqrt(coef(svyvar(~y, subset(des, region == "a"), na.rm = TRUE))) → 1.5208369579311269
    expectClose(estimateDomainMeans(y, w, region, 1, 3).sd[0], 1.5208369579311269);
  });

  it('top-two-box share is svymean of the indicator', () => {
    // R: d$top2 <- ifelse(is.na(d$y), NA, as.numeric(d$y >= 4)); svymean(~top2, des, na.rm = TRUE); svyby(~top2, ~region, ...)
    const result = estimateTopTwoBox(y, w, region, 1, 3, 5);
    expectClose(result.mean[3], 0.55333333333333334);
    expectClose(result.se[3], 0.18359632486803898);
    expectClose(result.mean[0], 0.58762886597938147);
    expectClose(result.se[0], 0.24879960844595406);
    expectClose(result.se[1], 0.22807048206235817);
  });

  it('paired gap is svymean of the within-respondent difference over complete pairs', () => {
    // R: d$dxy <- d$y - d$x; svymean(~dxy, des, na.rm = TRUE); svyby(~dxy, ~region, des, svymean, na.rm = TRUE)
    const difference = pairedDifferences(y, x);
    const result = estimateDomainMeans(difference, w, region, 1, 3);
    expectClose(result.mean[3], 0.46341463414634143);
    expectClose(result.se[3], 0.27578115047476587);
    expectClose(result.mean[0], 0.15463917525773196);
    expectClose(result.se[0], 0.15448744837914219);
    expectClose(result.mean[2], 2.33333333333333348);
    expectClose(result.se[2], 0.32824397594488736);
  });

  it('normal 95% CI matches confint(svymean(...))', () => {
    // R: confint(svymean(~y, des, na.rm = TRUE)) → 2.5869055825005249, 4.3597610841661414
    const interval = normalConfidenceInterval(3.47333333333333316, 0.45226736706635301);
    expectClose(interval.low, 2.5869055825005249);
    expectClose(interval.high, 4.3597610841661414);
  });
});
