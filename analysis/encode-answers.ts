import type { NormalisedWave } from '../pipeline/types.ts';
import { DIMENSIONS } from '../pipeline/types.ts';
import { ValidationError } from '../pipeline/errors.ts';
import * as messages from '../pipeline/messages/analysis.ts';

/**
 * The one pass over the long AnswerTable: every answer becomes a one-byte level code in a
 * respondents × competencies matrix per population and rated dimension (importance; preparedness
 * for industry, coverage for education). Ratings have few distinct values, so every later step works
 * on small integer codes and histograms instead of doubles (a 1M-respondent wave: 30 MB per matrix
 * instead of 240 MB, and no NaN tests in the hot loops).
 *
 * Level codes: the integer scale points min..max are levels 0..(max − min); any other value met
 * (non-integer or off-scale, which normalise should already have made missing) gets the next free
 * level, so nothing is lost. MISSING_STATE = an answer with no value (NaN: don't know, blank…);
 * ABSENT_STATE = no answer in the table. At most 254 distinct values (else ValidationError).
 * Throws ValidationError on an inconsistent table (index out of range, two answers for one slot).
 */
export const MISSING_STATE = 254;
export const ABSENT_STATE = 255;

export interface EncodedPopulation {
  /** Level code of the importance rating per respondent × competency (row-major, local rows). */
  importanceStates: Uint8Array;
  /** Level code of preparedness (industry) or coverage (education). */
  otherStates: Uint8Array;
  /** Answers of a dimension this population is not asked (ignored, reported as a warning). */
  unexpected: number;
}

export interface EncodedAnswers {
  /** Value of each level code, in code order (scale points first, ascending). */
  levelValues: Float64Array;
  /** Index = population code (0 industry, 1 education). */
  populations: EncodedPopulation[];
}

export function encodeAnswers(
  wave: NormalisedWave,
  populationCode: Uint8Array,
  localRow: Int32Array,
  rowsPerPopulation: number[],
): EncodedAnswers {
  const { answers, respondents } = wave;
  const competencies = answers.competencies.length;
  const populations: EncodedPopulation[] = rowsPerPopulation.map((rows) => ({
    importanceStates: new Uint8Array(rows * competencies).fill(ABSENT_STATE),
    otherStates: new Uint8Array(rows * competencies).fill(ABSENT_STATE),
    unexpected: 0,
  }));
  // Slot per population code × dimension code: 0 importance, 1 preparedness/coverage, 2 not asked.
  const slotOf = new Uint8Array(2 * DIMENSIONS.length).fill(2);
  slotOf[DIMENSIONS.indexOf('importance')] = 0;
  slotOf[DIMENSIONS.indexOf('preparedness')] = 1;
  slotOf[DIMENSIONS.length + DIMENSIONS.indexOf('importance')] = 0;
  slotOf[DIMENSIONS.length + DIMENSIONS.indexOf('coverage')] = 1;
  const matrices = populations.flatMap((population) => [population.importanceStates, population.otherStates]);

  const minimum = wave.scale.min;
  const scalePoints = Math.min(MISSING_STATE, Math.max(0, Math.floor(wave.scale.max - minimum) + 1));
  const levelValues: number[] = Array.from({ length: scalePoints }, (_, level) => minimum + level);
  const extraLevel = new Map<number, number>();
  const levelOfOtherValue = (value: number): number => {
    let level = extraLevel.get(value);
    if (level === undefined) {
      if (levelValues.length >= MISSING_STATE) throw new ValidationError(messages.tooManyDistinctValues(MISSING_STATE));
      level = levelValues.length;
      levelValues.push(value);
      extraLevel.set(value, level);
    }
    return level;
  };

  const rowCount = respondents.length;
  const { respondentIndex, competencyIndex, dimension, value } = answers;
  for (let entry = 0; entry < answers.length; entry++) {
    const respondent = respondentIndex[entry];
    const competency = competencyIndex[entry];
    if (respondent < 0 || respondent >= rowCount) throw new ValidationError(messages.answerOutOfRange(entry, 'respondentIndex'));
    if (competency >= competencies) throw new ValidationError(messages.answerOutOfRange(entry, 'competencyIndex'));
    const code = populationCode[respondent];
    const dimensionCode = dimension[entry];
    const slot = dimensionCode < DIMENSIONS.length ? slotOf[code * DIMENSIONS.length + dimensionCode] : 2;
    if (slot === 2) {
      populations[code].unexpected++;
      continue;
    }
    const rating = value[entry];
    let level: number;
    if (rating !== rating) level = MISSING_STATE;
    else {
      const offset = rating - minimum;
      level = offset >= 0 && offset < scalePoints && offset === Math.floor(offset) ? offset : levelOfOtherValue(rating);
    }
    const states = matrices[code * 2 + slot];
    const cell = localRow[respondent] * competencies + competency;
    if (states[cell] !== ABSENT_STATE) {
      const where = respondents[respondent];
      throw new ValidationError(messages.duplicateAnswer(answers.competencies[competency], DIMENSIONS[dimensionCode]), { file: where.sourceFile, row: where.sourceRow });
    }
    states[cell] = level;
  }
  return { levelValues: Float64Array.from(levelValues), populations };
}
