import type { NormalisedWave } from '../../contracts/types.ts';
import { DIMENSIONS } from '../../contracts/types.ts';
import { ValidationError } from '../../contracts/errors.ts';
import * as messages from '../../contracts/messages/analysis.ts';
import { ABSENT_CODE, MISSING_CODE_BASE } from '../../contracts/answer-table.ts';

/**
 * The one pass over the wide AnswerTable (contracts/answer-table.ts): every answer becomes a
 * one-byte level code in a respondents × competencies matrix per population and rated dimension
 * (importance; preparedness for industry, coverage for education). Ratings have few distinct
 * values, so every later step works on small integer codes and histograms instead of doubles (a
 * 1M-respondent wave: 30 MB per matrix instead of 240 MB, and no NaN tests in the hot loops).
 *
 * Level codes: the integer scale points min..max are levels 0..(max − min); any other value in
 * the table's levels (non-integer or off-scale, which normalise should already have made missing)
 * gets the next free level, so nothing is lost. MISSING_STATE = an answer with no value (don't
 * know, blank…); ABSENT_STATE = no answer in the table. At most 253 distinct values (else
 * ValidationError). Throws ValidationError on a code that names no value.
 * The matrices are freshly allocated, never views of the answer table: buildCellHistograms
 * reuses industry's importance matrix for its joint codes once it has read it.
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
  if (answers.respondentCount !== respondents.length) throw new ValidationError(messages.answerOutOfRange(answers.respondentCount, 'respondentCount'));
  const populations: EncodedPopulation[] = rowsPerPopulation.map((rows) => ({
    importanceStates: new Uint8Array(rows * competencies).fill(ABSENT_STATE),
    otherStates: new Uint8Array(rows * competencies).fill(ABSENT_STATE),
    unexpected: 0,
  }));

  // The table's codes → analysis levels (scale points first, then any other value met).
  const minimum = wave.scale.min;
  const scalePoints = Math.min(MISSING_STATE, Math.max(0, Math.floor(wave.scale.max - minimum) + 1));
  const levelValues: number[] = Array.from({ length: scalePoints }, (_, level) => minimum + level);
  const levelOfCode = new Uint8Array(256).fill(MISSING_STATE);
  levelOfCode[ABSENT_CODE] = ABSENT_STATE;
  for (let code = 0; code < MISSING_CODE_BASE; code++) {
    if (code >= answers.levelValues.length) {
      levelOfCode[code] = INVALID_LEVEL;
      continue;
    }
    const value = answers.levelValues[code];
    const offset = value - minimum;
    if (offset >= 0 && offset < scalePoints && offset === Math.floor(offset)) levelOfCode[code] = offset;
    else {
      if (levelValues.length >= MISSING_STATE - 1) throw new ValidationError(messages.tooManyDistinctValues(MISSING_STATE - 1));
      levelOfCode[code] = levelValues.length;
      levelValues.push(value);
    }
  }

  // Dimension slots per population: importance, then preparedness (industry) or coverage (education); the third is not asked.
  const importance = DIMENSIONS.indexOf('importance');
  const otherOf = [DIMENSIONS.indexOf('preparedness'), DIMENSIONS.indexOf('coverage')];
  const { codes } = answers;
  const rowWidth = competencies * DIMENSIONS.length;
  for (let respondent = 0; respondent < respondents.length; respondent++) {
    const code = populationCode[respondent];
    const population = populations[code];
    const other = otherOf[code];
    const notAsked = otherOf[1 - code];
    const from = respondent * rowWidth;
    const to = localRow[respondent] * competencies;
    for (let competency = 0; competency < competencies; competency++) {
      const cell = from + competency * DIMENSIONS.length;
      const importanceLevel = levelOfCode[codes[cell + importance]];
      const otherLevel = levelOfCode[codes[cell + other]];
      if (importanceLevel === INVALID_LEVEL || otherLevel === INVALID_LEVEL) {
        const where = respondents[respondent];
        throw new ValidationError(messages.answerOutOfRange(respondent, 'code'), { file: where.sourceFile, row: where.sourceRow });
      }
      population.importanceStates[to + competency] = importanceLevel;
      population.otherStates[to + competency] = otherLevel;
      if (codes[cell + notAsked] !== ABSENT_CODE) population.unexpected++;
    }
  }
  return { levelValues: Float64Array.from(levelValues), populations };
}

/** A code beyond the table's levels (a damaged table). */
const INVALID_LEVEL = 253;
