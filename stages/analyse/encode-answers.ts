import type { NormalisedWave } from '../../contracts/types.ts';
import { DIMENSIONS } from '../../contracts/types.ts';
import { ValidationError } from '../../contracts/errors.ts';
import * as messages from '../../contracts/messages/analysis.ts';
import { ABSENT_CODE, MAX_LEVELS, MISSING_CODE_BASE } from '../../contracts/answer-table.ts';

/**
 * The one pass over the wide AnswerTable (contracts/answer-table.ts): each population's importance
 * rating and its other rating (preparedness for industry, coverage for education) per respondent ×
 * competency, in a respondents × competencies byte matrix each. The bytes are the AnswerTable's
 * own codes — the one encoding of an answer in skillgap, the same in normalise, in
 * normalised/answers.arrow and here: code < levelValues.length is a rating (its value
 * levelValues[code]), MISSING_CODE_BASE + i a missing answer with reason i, ABSENT_CODE not
 * asked. Every later step works on these small integer codes and histograms instead of doubles
 * (a 1M-respondent wave: 30 MB per matrix instead of 240 MB, and no NaN tests in the hot loops).
 *
 * The analysis wants the scale's integer points min..max as the first levels, in order (the
 * histograms and rank tests index levels by scale point). A table built for the wave's scale
 * (createAnswerTable, every table normalise writes) already has them, and its codes are copied as
 * they are; a table built for another scale has its value codes renumbered over that level list
 * (scale points first, then its other values in its own order), still AnswerTable codes. At most
 * MAX_LEVELS distinct values (else ValidationError). Throws ValidationError on a code that names no
 * value. The matrices are freshly allocated, never views of the answer table: buildCellHistograms
 * reuses industry's importance matrix for its joint codes once it has read it.
 */
export interface EncodedPopulation {
  /** AnswerTable code of the importance rating per respondent × competency (row-major, local rows). */
  importanceCodes: Uint8Array;
  /** AnswerTable code of preparedness (industry) or coverage (education). */
  otherCodes: Uint8Array;
  /** Answers of a dimension this population is not asked (ignored, reported as a warning). */
  unexpected: number;
}

export interface EncodedAnswers {
  /** Value of each value code, in code order (scale points first, ascending). */
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
    importanceCodes: new Uint8Array(rows * competencies).fill(ABSENT_CODE),
    otherCodes: new Uint8Array(rows * competencies).fill(ABSENT_CODE),
    unexpected: 0,
  }));

  // The table's value codes over the level list with the scale points first (the identity for a
  // table built for the wave's scale); missing and absent codes stay as they are.
  const minimum = wave.scale.min;
  const scalePoints = Math.min(MAX_LEVELS, Math.max(0, Math.floor(wave.scale.max - minimum) + 1));
  const levelValues: number[] = Array.from({ length: scalePoints }, (_, level) => minimum + level);
  const codeOf = Uint8Array.from({ length: 256 }, (_, code) => code);
  const invalid = new Uint8Array(256);
  for (let code = 0; code < MISSING_CODE_BASE; code++) {
    if (code >= answers.levelValues.length) {
      invalid[code] = 1;
      continue;
    }
    const value = answers.levelValues[code];
    const offset = value - minimum;
    if (offset >= 0 && offset < scalePoints && offset === Math.floor(offset)) codeOf[code] = offset;
    else {
      if (levelValues.length >= MAX_LEVELS) throw new ValidationError(messages.tooManyDistinctValues(MAX_LEVELS));
      codeOf[code] = levelValues.length;
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
      const importanceCode = codes[cell + importance];
      const otherCode = codes[cell + other];
      if (invalid[importanceCode] || invalid[otherCode]) {
        const where = respondents[respondent];
        throw new ValidationError(messages.answerOutOfRange(respondent, 'code'), { file: where.sourceFile, row: where.sourceRow });
      }
      population.importanceCodes[to + competency] = codeOf[importanceCode];
      population.otherCodes[to + competency] = codeOf[otherCode];
      if (codes[cell + notAsked] !== ABSENT_CODE) population.unexpected++;
    }
  }
  return { levelValues: Float64Array.from(levelValues), populations };
}
