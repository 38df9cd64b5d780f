/** unitComposites (one pass over the respondents for all units) against the composites written plainly, unit by unit. */
import { describe, expect, it } from 'vitest';
import { unitComposites, ValueIndex } from '../../../stages/analyse/framework-composites.ts';
import type { EncodedPopulation } from '../../../stages/analyse/encode-answers.ts';

/** The definition in framework-composites.ts's doc comment, one unit and one respondent at a time. */
function plainComposites(codes: { importance: Uint8Array; other: Uint8Array }, levelValues: Float64Array, K: number, members: readonly Int32Array[]) {
  const rows = codes.importance.length / K;
  const rating = (code: number) => (code < levelValues.length ? levelValues[code] : undefined);
  return members.map((unit) => {
    const columns = { importance: new Float64Array(rows), other: new Float64Array(rows), gap: new Float64Array(rows) };
    for (let row = 0; row < rows; row++) {
      const importance: number[] = [];
      const other: number[] = [];
      const gap: number[] = [];
      for (const k of unit) {
        const i = rating(codes.importance[row * K + k]);
        const o = rating(codes.other[row * K + k]);
        if (i !== undefined) importance.push(i);
        if (o !== undefined) other.push(o);
        if (i !== undefined && o !== undefined) gap.push(i - o);
      }
      // Summed in member order, as the stage does, so the doubles are the same.
      const mean = (values: number[]) => (values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : NaN);
      columns.importance[row] = mean(importance);
      columns.other[row] = mean(other);
      columns.gap[row] = mean(gap);
    }
    return columns;
  });
}

describe('unitComposites', () => {
  it('equals the plain per-unit composites bit for bit on 2,000 random respondents, 12 competencies and 7 units (missing and absent codes included)', () => {
    let state = 3;
    const uniform = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    const K = 12;
    const rows = 2000;
    const levelValues = Float64Array.from([1, 2, 3, 4, 5]);
    // Codes 0–4 are ratings; 5 and 255 stand for the missing and absent codes (≥ levelValues.length).
    const code = () => (uniform() < 0.15 ? (uniform() < 0.5 ? 5 : 255) : Math.floor(uniform() * 5));
    const importance = Uint8Array.from({ length: rows * K }, code);
    const other = Uint8Array.from({ length: rows * K }, code);
    const members = [[0], [1, 2], [3, 4, 5, 6], [7, 0, 11], [8, 9, 10, 11, 2], [5, 5], [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]].map((list) => Int32Array.from(list));
    const population = { importanceCodes: importance, otherCodes: other } as unknown as EncodedPopulation;
    const fast = unitComposites(population, levelValues, K, members);
    const plain = plainComposites({ importance, other }, levelValues, K, members);
    expect(fast).toEqual(plain);
    expect(fast[2].gap.some((value) => Number.isNaN(value))).toBe(true);
    expect(fast[6].importance.every((value) => Number.isFinite(value))).toBe(true);
  });
});

describe('ValueIndex.counting', () => {
  it('gives the index and the per-domain counts of new ValueIndex(columns) and countsByDomain, in one pass', () => {
    let state = 11;
    const uniform = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    const composite = () => (uniform() < 0.1 ? NaN : Math.floor(uniform() * 13) / 3 - 2);
    const first = Float64Array.from({ length: 3000 }, composite);
    const second = Float64Array.from({ length: 1700 }, composite);
    const firstDomain = Int32Array.from(first, () => Math.floor(uniform() * 5) - 1); // −1: no domain (Global only)
    const secondDomain = Int32Array.from(second, () => Math.floor(uniform() * 5) - 1);
    const { index, counts } = ValueIndex.counting([{ column: first, rowDomain: firstDomain }, { column: second, rowDomain: secondDomain }], 4);
    const plain = new ValueIndex([first, second]);
    expect(index.values).toEqual(plain.values);
    expect(counts[0]).toEqual(plain.countsByDomain(first, firstDomain, 4));
    expect(counts[1]).toEqual(plain.countsByDomain(second, secondDomain, 4));
    expect(index.size).toBeGreaterThan(10);
  });
});
