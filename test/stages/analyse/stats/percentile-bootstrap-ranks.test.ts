import { describe, expect, it } from 'vitest';
import { createSeededRandom, percentileBootstrapRanks, type BootstrapRankInput } from '../../../../stages/analyse/stats/index.ts';

/** Codes importance · 7 + preparedness (levels 0…4 = ratings 1…5, 5 = missing). */
const STATES = 7;
function codeValues(): { importanceOfCode: Float64Array; discrepancyOfCode: Float64Array } {
  const importanceOfCode = new Float64Array(STATES * STATES).fill(NaN);
  const discrepancyOfCode = new Float64Array(STATES * STATES).fill(NaN);
  for (let importance = 0; importance < 5; importance++) {
    for (let preparedness = 0; preparedness < STATES; preparedness++) {
      importanceOfCode[importance * STATES + preparedness] = importance + 1;
      if (preparedness < 5) discrepancyOfCode[importance * STATES + preparedness] = importance - preparedness;
    }
  }
  return { importanceOfCode, discrepancyOfCode };
}

/** 400 respondents, 2 regions, 6 competencies; competencies 0 and 1 rated one level more important. */
function simulatedInput(replicates: number): BootstrapRankInput {
  const random = createSeededRandom(3);
  const rows = 400;
  const competencies = 6;
  const jointCode = new Uint16Array(rows * competencies);
  for (let row = 0; row < rows; row++) {
    for (let k = 0; k < competencies; k++) {
      const importance = Math.min(4, random.integerBelow(3) + (k < 2 ? 2 : 1));
      const preparedness = random.uniform() < 0.1 ? 5 : random.integerBelow(4);
      jointCode[row * competencies + k] = importance * STATES + preparedness;
    }
  }
  return {
    jointCode, ...codeValues(), weights: Float64Array.from({ length: rows }, (_, row) => 0.5 + (row % 4) * 0.5),
    rowDomain: Int32Array.from({ length: rows }, (_, row) => row % 2), competencies, domainCount: 2,
    eligible: new Uint8Array(3 * competencies).fill(1), replicates, seed: 42,
  };
}

describe('percentile bootstrap of MWDS ranks', () => {
  it('gives a point interval when every resample ranks the same way, mid-ranks for ties, NaN where not eligible', () => {
    // Every respondent answers the same: MWDS = I·(I − P) = 5·4 = 20, 4·2 = 8, 8, 3·0 = 0, whatever
    // the multipliers (a resample that drops a region entirely leaves it unranked: weights > 0 here
    // and 60 respondents per region make that chance e^−60).
    const competencies = 5;
    const answers = [4 * STATES + 0, 3 * STATES + 1, 3 * STATES + 1, 2 * STATES + 2, 0];
    const rows = 120;
    const jointCode = new Uint8Array(rows * competencies);
    for (let row = 0; row < rows; row++) jointCode.set(answers, row * competencies);
    const eligible = new Uint8Array(2 * competencies).fill(1);
    eligible[4] = 0;
    eligible[9] = 0;
    const intervals = percentileBootstrapRanks({
      jointCode, ...codeValues(), weights: Float64Array.from({ length: rows }, (_, row) => 1 + (row % 3)),
      rowDomain: new Int32Array(rows), competencies, domainCount: 1, eligible, replicates: 50, seed: 5,
    });
    expect(Array.from(intervals.low)).toEqual([1, 2.5, 2.5, 4, NaN, 1, 2.5, 2.5, 4, NaN]);
    expect(Array.from(intervals.high)).toEqual([1, 2.5, 2.5, 4, NaN, 1, 2.5, 2.5, 4, NaN]);
  });

  it('reproduces the intervals of the WebAssembly kernel it replaced, bit for bit', () => {
    // Pinned from the previous kernel (analysis/stats/bootstrap-rank-interval.ts, before the restructure, with its WebAssembly
    // SIMD scatter, removed in issue 18) on this input; the two agreed on every cell of 30 simulated
    // waves of tools/bench/coverage-ranks.ts's shape (1,200 cells, Object.is equality).
    const intervals = percentileBootstrapRanks(simulatedInput(200));
    expect(Array.from(intervals.low)).toEqual([1, 1, 3, 3.9750000000000005, 3, 3, 1, 1, 3, 3, 3, 3, 1, 1, 3, 3, 3, 3]);
    expect(Array.from(intervals.high)).toEqual([2, 2, 6, 6, 6, 6, 2, 2, 6, 6, 5, 6, 2, 2, 6, 6, 5, 6]);
  });

  it('is seeded: same seed, same intervals; another seed, other intervals', () => {
    const first = percentileBootstrapRanks(simulatedInput(200));
    const second = percentileBootstrapRanks(simulatedInput(200));
    expect(Array.from(second.low)).toEqual(Array.from(first.low));
    expect(Array.from(second.high)).toEqual(Array.from(first.high));
    const other = percentileBootstrapRanks({ ...simulatedInput(200), seed: 43 });
    expect(Array.from(other.low).concat(Array.from(other.high))).not.toEqual(Array.from(first.low).concat(Array.from(first.high)));
  });

  it('gives NaN intervals without replicates or without respondents', () => {
    const none = percentileBootstrapRanks(simulatedInput(0));
    expect(Array.from(none.low).every(Number.isNaN)).toBe(true);
    const empty = percentileBootstrapRanks({ ...simulatedInput(10), weights: new Float64Array(0), rowDomain: new Int32Array(0), jointCode: new Uint16Array(0) });
    expect(Array.from(empty.high).every(Number.isNaN)).toBe(true);
  });
});
