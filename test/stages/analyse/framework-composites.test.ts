/**
 * unitComposites (one pass over the respondents for all units, codes from integer (count, sum) keys)
 * against the composites written plainly, unit by unit; compositeHistograms against estimateDomainMeans.
 */
import { describe, expect, it } from 'vitest';
import { compositeHistograms, MISSING_COMPOSITE, unitComposites, type CompositeMeasure } from '../../../stages/analyse/framework-composites.ts';
import { estimateDomainMeans, histogramMean } from '../../../stages/analyse/stats/index.ts';
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

function randomWave(seed: number, levelValues: Float64Array) {
  let state = seed;
  const uniform = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const K = 12;
  const rows = 2000;
  const levels = levelValues.length;
  // Codes below levels are ratings; levels and 255 stand for the missing and absent codes (≥ levelValues.length).
  const code = () => (uniform() < 0.15 ? (uniform() < 0.5 ? levels : 255) : Math.floor(uniform() * levels));
  const importance = Uint8Array.from({ length: rows * K }, code);
  const other = Uint8Array.from({ length: rows * K }, code);
  const members = [[0], [1, 2], [3, 4, 5, 6], [7, 0, 11], [8, 9, 10, 11, 2], [5, 5], [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]].map((list) => Int32Array.from(list));
  const population = { importanceCodes: importance, otherCodes: other } as unknown as EncodedPopulation;
  const weights = Float64Array.from({ length: rows }, () => (uniform() < 0.02 ? 0 : 0.2 + 3 * uniform()));
  const rowDomain = Int32Array.from({ length: rows }, () => Math.floor(uniform() * 5) - 1); // −1: in no domain (Global only)
  return { K, rows, importance, other, members, population, weights, rowDomain, uniform };
}

/** The composite each key stands for, NaN for a missing one: one unit's column. */
const decoded = (measure: CompositeMeasure, units: number, unit: number) =>
  Float64Array.from({ length: measure.keys.length / units }, (_, row) => {
    const key = measure.keys[row * units + unit];
    return key === MISSING_COMPOSITE ? NaN : measure.valueOfKey[key];
  });

describe('unitComposites', () => {
  for (const levelValues of [Float64Array.from([1, 2, 3, 4, 5]), Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), Float64Array.from([1, 2, 3, 4, 5, 2.5, 0.1])]) {
    const path = levelValues.every(Number.isInteger) ? 'integer (count, sum) keys' : 'the plain path (level values 2.5 and 0.1)';
    it(`keys that decode to the plain per-unit composites bit for bit, ${levelValues.length} levels, ${path}`, () => {
      const { K, importance, other, members, population } = randomWave(3, levelValues);
      const fast = unitComposites(population, levelValues, K, members);
      const plain = plainComposites({ importance, other }, levelValues, K, members);
      members.forEach((_unit, unit) => {
        expect(decoded(fast.importance, members.length, unit)).toEqual(plain[unit].importance);
        expect(decoded(fast.other, members.length, unit)).toEqual(plain[unit].other);
        expect(decoded(fast.gap, members.length, unit)).toEqual(plain[unit].gap);
      });
      expect(decoded(fast.gap, members.length, 2).some((value) => Number.isNaN(value))).toBe(true);
      expect(decoded(fast.importance, members.length, 6).every((value) => Number.isFinite(value))).toBe(true);
    });
  }
});

describe('compositeHistograms', () => {
  it('bins (count, Σw, Σw²) per (domain, unit, value), Global every row; histogramMean of a cell equals estimateDomainMeans of the composite column (1e-12)', () => {
    const levelValues = Float64Array.from([1, 2, 3, 4, 5]);
    const { K, importance, other, members, population, weights, rowDomain } = randomWave(7, levelValues);
    const fast = unitComposites(population, levelValues, K, members);
    const plain = plainComposites({ importance, other }, levelValues, K, members);
    const U = members.length;
    const domains = 4;
    const together = compositeHistograms([fast.importance, fast.other, fast.gap], U, weights, rowDomain, domains);
    for (const [index, [name, measure]] of ([['importance', fast.importance], ['other', fast.other], ['gap', fast.gap]] as const).entries()) {
      const [histogram] = compositeHistograms([measure], U, weights, rowDomain, domains);
      // The three in one pass are the three one by one.
      expect(together[index]).toEqual(histogram);
      const V = histogram.values.length;
      // The values are those that occur, ascending, each once (3/1 and 6/2 on a 1–5 scale share a code); codeOfKey finds each.
      const occurring = [...new Set(plain.flatMap((unit) => [...unit[name]]).filter((v) => v === v))].sort((a, b) => a - b);
      expect(Array.from(histogram.values)).toEqual(occurring);
      measure.keys.forEach((key) => key !== MISSING_COMPOSITE && expect(histogram.values[histogram.codeOfKey[key]]).toBe(measure.valueOfKey[key]));
      for (let unit = 0; unit < U; unit++) {
        const column = plain[unit][name];
        const reference = estimateDomainMeans(column, weights, rowDomain, 1, domains);
        for (let block = 0; block <= domains; block++) {
          const offset = (block * U + unit) * V;
          const inBlock = (row: number) => block === domains || rowDomain[row] === block;
          // The bins, summed plainly.
          for (let code = 0; code < V; code++) {
            const rowsOfBin = [...column.keys()].filter((row) => inBlock(row) && column[row] === histogram.values[code]);
            expect(histogram.count[offset + code]).toBe(rowsOfBin.length);
            const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-13 * Math.max(1, expected));
            close(histogram.sumWeights[offset + code], rowsOfBin.reduce((sum, row) => sum + weights[row], 0));
            close(histogram.sumSquaredWeights[offset + code], rowsOfBin.reduce((sum, row) => sum + weights[row] ** 2, 0));
          }
          const cell = histogramMean(histogram.values, histogram.count, histogram.sumWeights, histogram.sumSquaredWeights, offset, V, histogram.designRows, histogram.domainRows[block]);
          expect(cell.n).toBe(reference.n[block]);
          for (const key of ['mean', 'se', 'sd'] as const) {
            expect(Math.abs(cell[key] - reference[key][block]), `${name} unit ${unit} block ${block} ${key}`).toBeLessThan(1e-12 * Math.max(1, Math.abs(reference[key][block])));
          }
        }
      }
    }
  });
});
