import { describe, expect, it } from 'vitest';
import { findDuplicates, gridRowKeys, type RowKeys } from '../../../../stages/normalise/quality/duplicates.ts';
import { isStraightLiner } from '../../../../stages/normalise/quality/straight-liners.ts';
import { missingCode } from '../../../../contracts/answer-table.ts';
import { speederThreshold } from '../../../../stages/normalise/quality/speeders.ts';
import { isIncomplete, parseFinished } from '../../../../stages/normalise/quality/incomplete.ts';
import { isTestResponse } from '../../../../stages/normalise/quality/test-responses.ts';
import { isBlankRow } from '../../../../stages/normalise/quality/blank-rows.ts';

describe('quality rules', () => {
  it('finds duplicate ids and duplicate answers, keeping the first occurrence', () => {
    const result = findDuplicates(['R_1', 'R_2', 'R_1', 'R_3', ''], ['a', 'b', 'a', 'b', ''], new Uint8Array([0, 0, 0, 0, 1]));
    expect([...result.byId]).toEqual([0, 0, 1, 0, 0]);
    expect([...result.byAnswers]).toEqual([0, 0, 0, 1, 0]);
  });
  it('finds duplicate answers from grid row keys: missing equals missing whatever the reason, metadata ids count, unanswered rows never match', () => {
    // Answer codes (contracts/answer-table.ts): level 2 = scale point 3 on a 1–5 scale; `blank` and `dont_know` are both "no value".
    const [blank, dontKnow] = [missingCode('blank'), missingCode('dont_know')];
    const values = Uint8Array.from([2, blank, 2, dontKnow, 2, blank, 2, 3, blank, blank, blank, blank]);
    const countries = new Int32Array([0, 0, 1, 0, 0, 0]);
    const organisations = new Int32Array([0, 0, 0, 0, 0, 0]);
    const answered = new Uint8Array([1, 1, 1, 1, 0, 0]);
    const keys = gridRowKeys(countries, organisations, values, 2, answered);
    const result = findDuplicates(['a', 'b', 'c', 'd', 'e', 'f'], keys, new Uint8Array(6));
    // row 1 = row 0; row 2 differs by country; row 3 differs by a value; rows 4 and 5 answered nothing.
    expect([...result.byAnswers]).toEqual([0, 1, 0, 0, 0, 0]);
  });
  it('settles hash collisions by exact comparison', () => {
    const texts = ['x', 'y', 'x', 'z', 'y'];
    const colliding: RowKeys = { has: () => true, hash: () => 42, equal: (a, b) => texts[a] === texts[b] };
    const result = findDuplicates(['1', '2', '3', '4', '5'], colliding, new Uint8Array(5));
    expect([...result.byAnswers]).toEqual([0, 0, 1, 0, 1]);
  });
  it('flags a grid answered identically on at least minItems items', () => {
    // codes: levels 2, 2, 2, 2, one blank (no value); then levels 0…4
    const values = Uint8Array.from([2, 2, 2, 2, missingCode('blank'), 0, 1, 2, 3, 4]);
    const dims = Uint8Array.from([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(isStraightLiner(values, 0, dims, 4)).toBe(true);
    expect(isStraightLiner(values, 0, dims, 5)).toBe(false);
    expect(isStraightLiner(values, 0, dims, 0)).toBe(false);
    // the same answers but one differing value in the first grid: not a straight-liner at 4
    expect(isStraightLiner(Uint8Array.from([2, 2, 3, 2, 2, 0, 1, 2, 3, 4]), 0, dims, 4)).toBe(false);
    // a row further along the grid (offset) is read from its own start
    expect(isStraightLiner(Uint8Array.from([9, 9, 2, 2, 2, 2, 2, 0, 1, 2, 3, 4]), 2, dims, 5)).toBe(true);
  });
  it('sets the speeder threshold at a fraction of the median duration', () => {
    // median of 100, 200, 300 = 200; a third of it = 66.67
    expect(speederThreshold(new Float64Array([100, 200, 300, 5]), new Uint8Array([1, 1, 1, 0]), 1 / 3)).toBeCloseTo(66.6667, 3);
    expect(speederThreshold(new Float64Array([100]), new Uint8Array([1]), 0)).toBeNaN();
  });
  it('reads finished flags and progress', () => {
    expect(parseFinished('True')).toBe(1);
    expect(parseFinished('2022-05-01 10:00:00')).toBe(1);
    expect(parseFinished('')).toBe(0);
    expect(parseFinished('0')).toBe(0);
    expect(isIncomplete(1, 80, 100)).toBe(true);
    expect(isIncomplete(1, 100, 100)).toBe(false);
    expect(isIncomplete(0, NaN, 100)).toBe(true);
    expect(isIncomplete(-1, NaN, 100)).toBe(false);
  });
  it('recognises preview and test responses', () => {
    expect(isTestResponse('Survey Preview')).toBe(true);
    expect(isTestResponse('IP Address')).toBe(false);
    expect(isTestResponse('1')).toBe(true);
    expect(isTestResponse('0')).toBe(false);
  });
  it('recognises blank rows', () => {
    expect(isBlankRow(['', ' ', ''])).toBe(true);
    expect(isBlankRow(['', 'x'])).toBe(false);
  });
});
