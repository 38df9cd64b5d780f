import { describe, expect, it } from 'vitest';
import { integerSolutions, meanByVertexEnumeration, meanByVertices, type Interval } from './differencing-attack.ts';

/** Brute force: every integer vector within the bounds summing to total, per index its values. */
function enumerate(total: number, bounds: Interval[]): Set<number>[] {
  const feasible = bounds.map(() => new Set<number>());
  const current: number[] = [];
  const walk = (index: number, left: number) => {
    if (index === bounds.length) {
      if (left === 0) current.forEach((value, i) => feasible[i].add(value));
      return;
    }
    for (let value = bounds[index].low; value <= Math.min(bounds[index].high, left); value++) {
      current[index] = value;
      walk(index + 1, left - value);
    }
  };
  walk(0, total);
  return feasible;
}

describe("the attacker's integer solutions (closed form)", () => {
  it('equal a brute-force enumeration on 400 random small systems, feasible or not', () => {
    let seed = 2026;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let trial = 0; trial < 400; trial++) {
      const k = 1 + Math.floor(random() * 4);
      const bounds = Array.from({ length: k }, () => {
        const low = Math.floor(random() * 5);
        return { low, high: low + Math.floor(random() * 8) };
      });
      const total = Math.floor(random() * 25);
      const sorted = (sets: Set<number>[]) => sets.map((set) => [...set].sort((a, b) => a - b));
      expect(sorted(integerSolutions(total, bounds)), JSON.stringify({ total, bounds })).toEqual(sorted(enumerate(total, bounds)));
    }
  });

  it('pins a cell down when the others are at their bounds', () => {
    // 3 hidden cells, two known to be below k = 5 (0..4), total 12: the third is 5..12 (12 − 8 = 4 is below its own bound).
    expect([...integerSolutions(12, [{ low: 0, high: 4 }, { low: 0, high: 4 }, { low: 5, high: 12 }])[2]]).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
    expect([...integerSolutions(13, [{ low: 0, high: 4 }, { low: 5, high: 9 }])[0]]).toEqual([4]);
  });

  it('gives the feasible mean interval of the vertex enumeration, on 400 random systems', () => {
    let seed = 19;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let trial = 0; trial < 400; trial++) {
      const k = 1 + Math.floor(random() * 6);
      const n = Array.from({ length: k }, () => 1 + Math.floor(random() * 20));
      const lo = 1;
      const hi = 5;
      const truth = n.map(() => lo + random() * (hi - lo));
      const V = trial % 10 === 0 ? hi * n.reduce((sum, value) => sum + value, 0) + 3 : n.reduce((sum, value, c) => sum + value * truth[c], 0);
      for (let a = 0; a < k; a++) {
        const closed = meanByVertices(V, n, a, lo, hi);
        const enumerated = meanByVertexEnumeration(V, n, a, lo, hi);
        if (enumerated === null) expect(closed, JSON.stringify({ V, n, a })).toBeNull();
        else {
          expect(closed!.low).toBeCloseTo(enumerated.low, 9);
          expect(closed!.high).toBeCloseTo(enumerated.high, 9);
        }
      }
    }
  });
});
