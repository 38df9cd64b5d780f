import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, cliffsDelta, mannWhitneyU, matchedPairsRankBiserial, normalCdf, wilcoxonSignedRank } from '../../../../stages/analyse/stats/index.ts';
import { expectClose } from './reference-data.ts';

// Reference values: SciPy 1.17.1 (python3 from pyenv) and statsmodels 0.13.5 (/usr/bin/python3).
const d3 = new Float64Array([0.30123, 0.598746, 0.025862, -0.590592, -0.154671, -0.691647, 0.360144, 1.640215, -0.192207, -0.320475, 0.789842, 0.656887, 0.405414, -0.630468, 0.270748, 0.995303, -1.044215, -0.157616, -1.601223, -0.989538, -1.541735, 0.064909, -0.967446, 0.571264, 0.456751, 0.113069, -2.21676, -0.238693, 0.251499, 0.413309, -1.230136, -0.177753, -0.678519, -0.508837, 1.360899, -0.507535, 0.267478, 1.18439, -0.2836, 0.188298, 0.410464, 0.363782, -0.925056, 0.37614, 1.658823, -1.247145, 1.159383, 0.419354, -0.34147, 2.300417, 1.06226, -0.899289, 0.374516, 0.87669, 0.111218, 0.98291, 0.233483, 0.967248, 1.738523, -0.375662]);
const d4 = new Float64Array([0.403139, -0.263308, 0.327268, -0.987195, -0.379302, 0.003804, 1.098764, 1.345222, -1.123528, -0.594642, 0.846903, -1.79242, -0.26317, 0.102713, 1.457015, 0.889404, -0.127213, -0.168576, -0.050195, 1.723529, -0.228025, -0.10368, 0.552589, 0.07923, 0.002716, -0.914067, 0.188479, -0.243581, 1.366128, 0.853089]);
const y3 = new Float64Array([2.475856, 3.168381, 2.16013, 3.552126, 2.4946, 3.083382, 1.209107, 2.84668, 0.811796, 0.464671, 2.195523, 1.600072, 2.664053, 4.744757, 1.668277, 1.876056, 2.705404, 2.993013, 2.323594, 2.29407, 3.202463, 3.019908, 1.466324, 2.420819, 2.535287]);

describe('Wilcoxon signed-rank (SciPy defaults: zero_method="wilcox", correction=False)', () => {
  it('exact for small n without ties or zeros', () => {
    // scipy.stats.wilcoxon([1.5, -0.3, 2.2, 0.8, -1.1, 3.4, 0.25, 1.9, -0.6, 2.7]) → (10.0, 0.083984375)
    const result = wilcoxonSignedRank(new Float64Array([1.5, -0.3, 2.2, 0.8, -1.1, 3.4, 0.25, 1.9, -0.6, 2.7]));
    expect(result.method).toBe('exact');
    expect(result.statistic).toBe(10);
    expectClose(result.pValue, 0.083984375);
    expectClose(matchedPairsRankBiserial(result.positiveRankSum, result.negativeRankSum), (45 - 10) / 55);
  });
  it('exact at n = 30', () => {
    // scipy.stats.wilcoxon(d4) → (203.0, 0.5561132747679949)
    const result = wilcoxonSignedRank(d4);
    expect(result.statistic).toBe(203);
    expectClose(result.pValue, 0.5561132747679949);
  });
  it('exact conditional distribution with ties and zeros (zeros dropped)', () => {
    // SciPy 1.17.1: scipy.stats.wilcoxon([1,2,0,-1,2,3,1,0,1,-2,2,1,4,0,1,-1,2,3,1,2],
    //   method=scipy.stats.PermutationMethod(n_resamples=np.inf)) → (20.5, 0.00616455078125)
    const result = wilcoxonSignedRank(new Float64Array([1, 2, 0, -1, 2, 3, 1, 0, 1, -2, 2, 1, 4, 0, 1, -1, 2, 3, 1, 2]));
    expect(result.method).toBe('exact');
    expect(result.zeros).toBe(3);
    expect(result.n).toBe(17);
    expect(result.statistic).toBe(20.5);
    expectClose(result.pValue, 0.00616455078125);
  });
  it('normal approximation above n = 50', () => {
    // scipy.stats.wilcoxon(d3) (n = 60, auto) → (795.0, 0.3770243171062413)
    const result = wilcoxonSignedRank(d3);
    expect(result.statistic).toBe(795);
    expectClose(result.pValue, 0.3770243171062413);
  });
});

describe('Mann–Whitney U (SciPy defaults: two-sided, use_continuity=True, method="auto")', () => {
  it('exact for small samples without ties', () => {
    // scipy.stats.mannwhitneyu([3.1, 4.5, 2.2, 5.0, 3.3], [1.2, 2.5, 2.9, 4.1, 1.8, 0.7]) → (25.0, 0.08225108225108226)
    const result = mannWhitneyU(new Float64Array([3.1, 4.5, 2.2, 5.0, 3.3]), new Float64Array([1.2, 2.5, 2.9, 4.1, 1.8, 0.7]));
    expect(result.method).toBe('exact');
    expect(result.statistic).toBe(25);
    expectClose(result.pValue, 0.08225108225108226);
    expectClose(cliffsDelta(result.statistic, 5, 6), 2 * 25 / 30 - 1);
  });
  it('exact when one sample has at most 8 values', () => {
    // scipy.stats.mannwhitneyu([2.5, 3.7, 1.1, 4.4, 3.9, 2.2, 5.1], y3) → (122.0, 0.12303259557152771)
    const result = mannWhitneyU(new Float64Array([2.5, 3.7, 1.1, 4.4, 3.9, 2.2, 5.1]), y3);
    expect(result.statistic).toBe(122);
    expectClose(result.pValue, 0.12303259557152771);
  });
  it('exact conditional distribution with ties in small samples', () => {
    // SciPy 1.17.1: scipy.stats.mannwhitneyu([5,4,4,3,5,2,4,5,3,4,5,1], [3,3,2,4,1,2,3,5,2,3],
    //   method=scipy.stats.PermutationMethod(n_resamples=np.inf)) → (87.0, 0.07025791545915384)
    const result = mannWhitneyU(new Float64Array([5, 4, 4, 3, 5, 2, 4, 5, 3, 4, 5, 1]), new Float64Array([3, 3, 2, 4, 1, 2, 3, 5, 2, 3]));
    expect(result.method).toBe('exact');
    expect(result.statistic).toBe(87);
    expectClose(result.pValue, 0.07025791545915384);
  });
  it('normal with tie and continuity corrections above the small-sample rule', () => {
    // scipy.stats.mannwhitneyu(x, y, method='asymptotic') with x = 3 × [5,4,4,3,5,2,4,5,3,4,5,1],
    // y = 3 × [3,3,2,4,1,2,3,5,2,3] (N = 66 > 50, both samples > 8)
    const x = new Float64Array([5, 4, 4, 3, 5, 2, 4, 5, 3, 4, 5, 1].flatMap((v) => [v, v, v]));
    const y = new Float64Array([3, 3, 2, 4, 1, 2, 3, 5, 2, 3].flatMap((v) => [v, v, v]));
    const result = mannWhitneyU(x, y);
    expect(result.method).toBe('normal');
    expect(result.statistic).toBe(783);
    expectClose(result.pValue, 0.001352924404890632);
  });
});

describe('Benjamini–Hochberg q-values', () => {
  it("matches statsmodels multipletests(p, method='fdr_bh')", () => {
    // multipletests([0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.9, 0.0001], method='fdr_bh')[1]; R p.adjust(p, "BH") agrees
    const q = benjaminiHochberg(new Float64Array([0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.9, 0.0001]));
    const expected = [0.02666666666666667, 0.05333333333333334, 0.05333333333333334, 0.02, 0.2285714285714286, 0.05333333333333334, 0.9, 0.0008];
    expected.forEach((value, i) => expectClose(q[i], value));
  });
  it('leaves NaN p-values out of the family', () => {
    const q = benjaminiHochberg(new Float64Array([0.01, NaN, 0.04]));
    expect(Number.isNaN(q[1])).toBe(true);
    expectClose(q[0], 0.02);
    expectClose(q[2], 0.04);
  });
});

describe('normal distribution function', () => {
  it('matches scipy.special.ndtr', () => {
    const cases: [number, number][] = [
      [-8.5, 9.47953482220325e-18], [-3.2, 0.0006871379379158471], [-1.0, 0.15865525393145707], [0, 0.5],
      [0.4, 0.6554217416103242], [1.959963984540054, 0.975], [5.0, 0.9999997133484281], [12, 1],
    ];
    for (const [z, expected] of cases) expectClose(normalCdf(z), expected, 1e-13);
  });
});
