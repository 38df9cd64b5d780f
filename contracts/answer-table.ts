/**
 * The wide, one-byte-per-answer AnswerTable (the contract is in contracts/types.ts): its codes,
 * how a table is built, and the long view other tools expect (one answer per respondent ×
 * competency × dimension, in that order).
 *
 *   code 0 … MISSING_CODE_BASE − 1      a value: levelValues[code]
 *   code MISSING_CODE_BASE + i          no value, reason MISSING_REASONS[i]
 *   code ABSENT_CODE                    not asked
 */
import type { AnswerTable, Dimension, MissingReason } from './types.ts';
import { DIMENSIONS, MISSING_REASONS } from './types.ts';
import { ValidationError } from './errors.ts';
import { answerTableMessages } from './messages/index.ts';

export const ABSENT_CODE = 255;
export const MISSING_CODE_BASE = ABSENT_CODE - MISSING_REASONS.length;
/** Distinct values a table can hold (a 0–100 slider fits; a free numeric answer does not). */
export const MAX_LEVELS = MISSING_CODE_BASE;
export const DIMENSION_COUNT = DIMENSIONS.length;

/** The code of a missing answer. */
export function missingCode(reason: MissingReason): number {
  const index = MISSING_REASONS.indexOf(reason);
  if (index < 0) throw new Error(`missingCode: unknown missing reason ${reason}`);
  return MISSING_CODE_BASE + index;
}

/** The missing reason of a code, or null when the code is a value or absent. */
export function missingReasonOfCode(code: number): MissingReason | null {
  return code >= MISSING_CODE_BASE && code < ABSENT_CODE ? MISSING_REASONS[code - MISSING_CODE_BASE] : null;
}

export const isValueCode = (code: number): boolean => code < MISSING_CODE_BASE;

/** The levels of a scale: its integer points min…max, in order (what every table starts with). */
export function scaleLevels(scale: { min: number; max: number }): number[] {
  const points = Math.floor(scale.max - scale.min) + 1;
  if (!(points >= 0) || points > MAX_LEVELS) throw new ValidationError(answerTableMessages.tooManyLevels(MAX_LEVELS));
  return Array.from({ length: points }, (_, point) => scale.min + point);
}

/** A table of `respondentCount` respondents with every cell absent. */
export function createAnswerTable(respondentCount: number, competencies: readonly string[], scale: { min: number; max: number }): AnswerTable {
  return {
    respondentCount,
    competencies: [...competencies],
    levelValues: scaleLevels(scale),
    codes: new Uint8Array(respondentCount * competencies.length * DIMENSION_COUNT).fill(ABSENT_CODE),
  };
}

/**
 * The code of a value, appending it to the table's levels the first time it is met (a value off
 * the scale points: normalise makes those `invalid`, so this is for tables built by hand).
 */
export function levelCodeOf(table: Pick<AnswerTable, 'levelValues'>, value: number): number {
  if (Number.isNaN(value)) throw new Error('levelCodeOf: NaN is not a value; give a missing reason');
  const levels = table.levelValues;
  const first = levels.length > 0 ? levels[0] : 0;
  const offset = value - first;
  if (offset >= 0 && offset < levels.length && levels[offset] === value) return offset;
  const found = levels.indexOf(value === 0 ? 0 : value);
  if (found >= 0) return found;
  if (levels.length >= MAX_LEVELS) throw new ValidationError(answerTableMessages.tooManyLevels(MAX_LEVELS));
  levels.push(value === 0 ? 0 : value);
  return levels.length - 1;
}

/** Where a respondent's answer to a competency × dimension lives in `codes`. */
export function cellIndex(table: Pick<AnswerTable, 'competencies'>, respondent: number, competency: number, dimension: number): number {
  return (respondent * table.competencies.length + competency) * DIMENSION_COUNT + dimension;
}

/** Sets one answer: a value, or NaN with the reason it is missing. */
export function setAnswer(table: AnswerTable, respondent: number, competency: number, dimension: number | Dimension, value: number, missing: MissingReason | null = null): void {
  const dimensionIndex = typeof dimension === 'number' ? dimension : DIMENSIONS.indexOf(dimension);
  table.codes[cellIndex(table, respondent, competency, dimensionIndex)] = missing !== null || Number.isNaN(value)
    ? missingCode(missing ?? 'blank')
    : levelCodeOf(table, value);
}

/** One answer of the long view. `value` is NaN and `missingReason` set when there is no value. */
export interface AnswerEntry {
  respondent: number;
  competency: number;
  dimension: number;
  value: number;
  missingReason: MissingReason | null;
}

/** Number of answers (cells that are not absent). */
export function answerCount(table: AnswerTable): number {
  let count = 0;
  const codes = table.codes;
  for (let i = 0; i < codes.length; i++) if (codes[i] !== ABSENT_CODE) count++;
  return count;
}

/**
 * Every answer in the long order: by respondent, then competency (the table's order), then
 * dimension (DIMENSIONS' order). The entry object is reused between calls: copy what you keep.
 */
export function forEachAnswer(table: AnswerTable, visit: (entry: AnswerEntry) => void): void {
  const entry: AnswerEntry = { respondent: 0, competency: 0, dimension: 0, value: NaN, missingReason: null };
  const { codes, levelValues } = table;
  const competencies = table.competencies.length;
  let cell = 0;
  for (let respondent = 0; respondent < table.respondentCount; respondent++) {
    for (let competency = 0; competency < competencies; competency++) {
      for (let dimension = 0; dimension < DIMENSION_COUNT; dimension++, cell++) {
        const code = codes[cell];
        if (code === ABSENT_CODE) continue;
        entry.respondent = respondent;
        entry.competency = competency;
        entry.dimension = dimension;
        const isValue = code < MISSING_CODE_BASE;
        if (isValue && code >= levelValues.length) throw new ValidationError(answerTableMessages.codeOutOfRange(code, respondent));
        entry.value = isValue ? levelValues[code] : NaN;
        entry.missingReason = isValue ? null : MISSING_REASONS[code - MISSING_CODE_BASE];
        visit(entry);
      }
    }
  }
}

/** Checks the shape of a table read from a file (sizes and codes), so a damaged cache says so. */
export function checkAnswerTable(table: AnswerTable, where: string): void {
  const expected = table.respondentCount * table.competencies.length * DIMENSION_COUNT;
  if (table.codes.length !== expected || table.levelValues.length > MAX_LEVELS) {
    throw new ValidationError(answerTableMessages.badShape(where, table.codes.length, expected));
  }
}

/** One answer given in long form, to build a table from (tests, hand-made waves). */
export interface LongAnswer {
  respondent: number;
  competency: number;
  dimension: number | Dimension;
  /** NaN when missing. */
  value: number;
  missingReason?: MissingReason | null;
}

/** A table from answers given one by one; a cell given twice keeps the last. */
export function answerTableFromLong(respondentCount: number, competencies: readonly string[], scale: { min: number; max: number }, answers: Iterable<LongAnswer>): AnswerTable {
  const table = createAnswerTable(respondentCount, competencies, scale);
  for (const answer of answers) setAnswer(table, answer.respondent, answer.competency, answer.dimension, answer.value, answer.missingReason ?? null);
  return table;
}
