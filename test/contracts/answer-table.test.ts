import { describe, expect, it } from 'vitest';
import {
  ABSENT_CODE, MISSING_CODE_BASE, answerCount, answerTableFromLong, cellIndex, createAnswerTable, forEachAnswer, levelCodeOf, missingCode,
  missingReasonOfCode, setAnswer,
} from '../../contracts/answer-table.ts';
import { ValidationError } from '../../contracts/errors.ts';
import { MISSING_REASONS } from '../../contracts/types.ts';

describe('the wide answer table', () => {
  it('starts with the scale points as levels and every cell absent', () => {
    const table = createAnswerTable(2, ['a', 'b'], { min: 0, max: 10 });
    expect(table.levelValues).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(table.codes).toHaveLength(2 * 2 * 3);
    expect([...new Set(table.codes)]).toEqual([ABSENT_CODE]);
    expect(answerCount(table)).toBe(0);
  });

  it('codes a value by its level, an off-scale value by a new level, a missing answer by its reason', () => {
    const table = createAnswerTable(1, ['a'], { min: 1, max: 5 });
    expect(levelCodeOf(table, 1)).toBe(0);
    expect(levelCodeOf(table, 5)).toBe(4);
    expect(levelCodeOf(table, 2.5)).toBe(5);
    expect(levelCodeOf(table, 2.5)).toBe(5);
    expect(table.levelValues).toEqual([1, 2, 3, 4, 5, 2.5]);
    expect(MISSING_CODE_BASE).toBe(255 - MISSING_REASONS.length);
    MISSING_REASONS.forEach((reason) => expect(missingReasonOfCode(missingCode(reason))).toBe(reason));
    expect(missingReasonOfCode(0)).toBeNull();
    expect(missingReasonOfCode(ABSENT_CODE)).toBeNull();
  });

  it('refuses more distinct values than a byte can code, with a ValidationError', () => {
    const table = createAnswerTable(1, ['a'], { min: 1, max: 5 });
    for (let i = 0; i < MISSING_CODE_BASE - 5; i++) levelCodeOf(table, 100 + i);
    expect(() => levelCodeOf(table, 99.5)).toThrow(ValidationError);
    expect(() => createAnswerTable(1, ['a'], { min: 0, max: 1000 })).toThrow(/at most 249/);
  });

  it('gives the answers back in the long order: respondent, competency, dimension; absent cells skipped', () => {
    const table = answerTableFromLong(2, ['a', 'b'], { min: 1, max: 5 }, [
      { respondent: 1, competency: 0, dimension: 'coverage', value: 3 },
      { respondent: 0, competency: 1, dimension: 'preparedness', value: NaN, missingReason: 'dont_know' },
      { respondent: 0, competency: 1, dimension: 'importance', value: 5 },
      { respondent: 0, competency: 0, dimension: 'importance', value: 1 },
    ]);
    const long: unknown[] = [];
    forEachAnswer(table, (entry) => long.push({ ...entry }));
    expect(long).toEqual([
      { respondent: 0, competency: 0, dimension: 0, value: 1, missingReason: null },
      { respondent: 0, competency: 1, dimension: 0, value: 5, missingReason: null },
      { respondent: 0, competency: 1, dimension: 1, value: NaN, missingReason: 'dont_know' },
      { respondent: 1, competency: 0, dimension: 2, value: 3, missingReason: null },
    ]);
    expect(answerCount(table)).toBe(4);
    expect(table.codes[cellIndex(table, 1, 0, 2)]).toBe(2);
  });

  it('treats NaN without a reason as blank', () => {
    const table = createAnswerTable(1, ['a'], { min: 1, max: 5 });
    setAnswer(table, 0, 0, 'importance', NaN);
    expect(table.codes[0]).toBe(missingCode('blank'));
  });

  it('reports a code that names no value as a damaged table', () => {
    const table = createAnswerTable(1, ['a'], { min: 1, max: 5 });
    table.codes[0] = 100;
    expect(() => forEachAnswer(table, () => undefined)).toThrow(/code 100 .* damaged/);
  });
});
