import { describe, expect, it } from 'vitest';
import { checkWeights, MAX_WEIGHT, MAX_WEIGHT_RATIO } from '../../../stages/normalise/check-weights.ts';

describe('checkWeights (finite, > 0, ≤ 1e12, ≤ 1,000 × the median)', () => {
  it('refuses blank, 0, negative, NaN and infinite weights, each by index', () => {
    const { problems } = checkWeights(['1', '', '0', '-1', 'NaN', 'Infinity', 'abc', '2']);
    expect(problems.map((p) => p.index)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(problems[0].message).toMatch(/^the weight is blank: a weight must be a finite number > 0, at most 1e\+12 and at most 1,000 × the median weight of its source; fix the export/);
    expect(problems[3].message).toMatch(/^the weight is "NaN"/);
  });

  it('refuses 1e308 (above 1e12) and a weight over 1,000 × the median; keeps 999 × the median', () => {
    expect(MAX_WEIGHT).toBe(1e12);
    expect(MAX_WEIGHT_RATIO).toBe(1000);
    const huge = checkWeights(['1', '1', '1', '1e308']);
    expect(huge.problems).toEqual([{ index: 3, message: expect.stringMatching(/^the weight "1e308" is above 1e\+12/) }]);
    // Median of 1, 1, 1, 1, 1001 is 1: 1001 is 1.00e+3 × the median.
    const ratio = checkWeights(['1', '1', '1', '1', '1001']);
    expect(ratio.problems).toEqual([{ index: 4, message: expect.stringMatching(/^the weight "1001" is 1\.00e\+3 × the median weight of this source \(1\)/) }]);
    expect(checkWeights(['1', '1', '999']).problems).toEqual([]);
    // Median of an even count is the mean of the middle two: (2 + 4) / 2 = 3, so 3001 is over 1,000 × 3 and 3000 is not.
    expect(checkWeights(['2', '4', '3001', '1']).problems.map((p) => p.index)).toEqual([2]);
    expect(checkWeights(['2', '4', '3000', '1']).problems).toEqual([]);
  });

  it('all weights equally huge still break the absolute bound', () => {
    expect(checkWeights(['1e300', '1e300']).problems.map((p) => p.index)).toEqual([0, 1]);
  });

  it('parses the weights it keeps', () => {
    expect([...checkWeights([' 1.5 ', '2', '0.25']).weights]).toEqual([1.5, 2, 0.25]);
  });
});
