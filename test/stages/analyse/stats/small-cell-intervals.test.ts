import { describe, expect, it } from 'vitest';
import {
  betaQuantile, designEffect, kornGraubardInterval, srsVarianceOfMean, tConfidenceInterval, tQuantile, welchSatterthwaiteDf, zeroSeInterval,
} from '../../../../stages/analyse/stats/index.ts';
import { expectClose } from './reference-data.ts';

describe('t and beta quantiles', () => {
  it('equal R qt and qbeta', () => {
    // qt(0.975, c(1, 4, 15, 100))
    [12.706204736174694, 2.7764451051977934, 2.1314495455597751, 1.9839715185235516].forEach((value, i) => expectClose(tQuantile(0.975, [1, 4, 15, 100][i]), value, 1e-13));
    expectClose(betaQuantile(0.025, 3.2, 7.5), 0.079352334180687975, 1e-13); // qbeta(0.025, 3.2, 7.5)
    expectClose(betaQuantile(0.975, 0.5, 2), 0.75335837462063027, 1e-13); // qbeta(0.975, 0.5, 2)
    expect(betaQuantile(0.025, 0, 11)).toBe(0);
    expect(betaQuantile(0.975, 11, 0)).toBe(1);
  });
});

describe('tConfidenceInterval', () => {
  it('is estimate ± qt(0.975, df) · SE: R 3.2 + c(-1, 1) * qt(0.975, 6) * 0.4', () => {
    const interval = tConfidenceInterval(3.2, 0.4, 6, 1, 5);
    expectClose(interval.low, 2.2212352595420128, 1e-13);
    expectClose(interval.high, 4.1787647404579875, 1e-13);
  });

  it('never leaves the answer scale: 4.7 ± qt(0.975, 4) · 0.3 = [3.867, 5.533] → [3.867, 5]', () => {
    const interval = tConfidenceInterval(4.7, 0.3, 4, 1, 5);
    expectClose(interval.low, 3.8670664684406622, 1e-13);
    expect(interval.high).toBe(5);
  });

  it('gives no interval without a degree of freedom', () => {
    expect(Number.isNaN(tConfidenceInterval(3, 0.5, 0, 1, 5).low)).toBe(true);
  });

  it('Welch–Satterthwaite df of a difference of independent means', () => {
    expectClose(welchSatterthwaiteDf(0.04, 9, 0.09, 14), 0.0169 / (0.0016 / 9 + 0.0081 / 14), 1e-14);
    expect(welchSatterthwaiteDf(0, 4, 0, 9)).toBe(4);
  });
});

describe('zeroSeInterval (every answer equal)', () => {
  it('is the Wilson score interval on the scale: prop.test(8, 8, correct = FALSE)$conf.int mapped to 1–5', () => {
    const interval = zeroSeInterval(5, 8, 1, 5);
    expectClose(interval.low, 1 + 4 * 0.67559243511611977, 1e-13);
    expect(interval.high).toBe(5);
  });

  it('an interior value is bounded on both sides: prop.test(4, 8, correct = FALSE)', () => {
    const interval = zeroSeInterval(3, 8, 1, 5);
    expectClose(interval.low, 1 + 4 * 0.21521606221387762, 1e-13);
    expectClose(interval.high, 1 + 4 * 0.78478393778612243, 1e-13);
  });

  it('a paired gap of all zeros on −4…4 gets a symmetric interval around 0', () => {
    const interval = zeroSeInterval(0, 5, -4, 4);
    expectClose(interval.low, -interval.high, 1e-14);
    expect(interval.high).toBeGreaterThan(1);
  });
});

describe('kornGraubardInterval', () => {
  it('Clopper–Pearson with n_eff = p(1 − p)/Var: qbeta(0.025, 6.3, 15.7), qbeta(0.975, 7.3, 14.7)', () => {
    const interval = kornGraubardInterval(0.3, 0.1, 12);
    expectClose(interval.effectiveN, 21, 1e-13);
    expectClose(interval.low, 0.12249072567426206, 1e-12);
    expectClose(interval.high, 0.53634439260941835, 1e-12);
  });

  it('p̂ = 0 or 1 (SE 0): the exact Clopper–Pearson interval with the Kish n, binom.test(0, 10) and binom.test(10, 10)', () => {
    const none = kornGraubardInterval(0, 0, 10);
    expect(none.low).toBe(0);
    expectClose(none.high, 0.30849710781876083, 1e-12);
    const all = kornGraubardInterval(1, 0, 10);
    expectClose(all.low, 0.69150289218123917, 1e-12);
    expect(all.high).toBe(1);
  });
});

describe('design effect', () => {
  it('Var_SRS = Σw(y − ȳ)² / (Σw (m − 1)) and deff = Var / Var_SRS; undefined when both are 0', () => {
    expectClose(srsVarianceOfMean(10, 12.5, 20), 20 / (12.5 * 9), 1e-15);
    expectClose(designEffect(0.2, 0.16), 1.25, 1e-15);
    expect(Number.isNaN(designEffect(0, 0))).toBe(true);
    expect(Number.isNaN(srsVarianceOfMean(1, 2, 0))).toBe(true);
  });
});
