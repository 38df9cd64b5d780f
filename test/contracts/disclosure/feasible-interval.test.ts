/** The feasible intervals of a suppressed cell (contracts/disclosure/feasible-interval.ts), against SciPy's linprog. */
import { describe, expect, it } from 'vitest';
import { answerCountBounds, suppressedCountInterval, suppressedMeanInterval } from '../../../contracts/disclosure/feasible-interval.ts';

describe('feasible intervals', () => {
  it('a hidden mean: scipy.optimize.linprog(±[1, 0], A_eq=[[3, 4]], b_eq=[31.5], bounds=[(1, 5)] * 2) → 3.8333333333333335 and 5.0', () => {
    const interval = suppressedMeanInterval(4.5, 7, 3, 1, 5);
    expect(interval.low).toBeCloseTo(3.8333333333333335, 12);
    expect(interval.high).toBe(5);
    // Alone in S, the cell is the remainder itself.
    expect(suppressedMeanInterval(4.5, 3, 3, 1, 5)).toEqual({ low: 4.5, high: 4.5 });
  });

  it('a hidden count: linprog(±c0, c0 + c1 + c2 = 7, bounds (1, 4), (1, 4), (5, 9), integrality 1) → 1 and 1', () => {
    const bounds = [{ low: 1, high: 4 }, { low: 1, high: 4 }, { low: 5, high: 9 }];
    expect(suppressedCountInterval(7, bounds, 0)).toEqual({ low: 1, high: 1 });
    expect(suppressedCountInterval(12, bounds, 0)).toEqual({ low: 1, high: 4 });
  });

  it('answers: a cell of 2 among hidden answers [0, 0, 0, 1, 3] must have given a 5; among [0, 0, 2, 1, 3] it need not', () => {
    expect(answerCountBounds([0, 0, 0, 1, 3], 2).map((bound) => bound.low)).toEqual([0, 0, 0, 0, 1]);
    expect(answerCountBounds([0, 0, 2, 1, 3], 2).map((bound) => bound.low)).toEqual([0, 0, 0, 0, 0]);
  });
});
