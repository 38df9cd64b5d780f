/** Messages of the analysis stage (warnings and validation errors). */
import { quoteCell } from './quote-cell.ts';

export const answerOutOfRange = (entry: number, field: string) =>
  `answer table entry ${entry}: ${field} is out of range; the normalised wave is inconsistent (re-run \`skillgap run\` from the normalise stage)`;
export const duplicateAnswer = (competency: string, dimension: string) =>
  `respondent has two answers for competency "${competency}", dimension "${dimension}"; the normalise stage must keep one answer per respondent, competency and dimension`;
export const unexpectedDimension = (count: number, population: string, dimension: string) =>
  `${count} ${population} answer(s) rate "${dimension}", which that population is not asked; they are ignored`;
export const rakingNotConverged = (population: string, iterations: number) =>
  `raking the ${population} weights did not converge after ${iterations} iterations; the last weights are used (check the margins in the wave config)`;
export const rakingEmptyCategory = (population: string, variable: string, category: string) =>
  `raking the ${population} weights: no respondent in ${variable} = ${quoteCell(category)}, which has a population margin; its share cannot be represented`;
export const rakingUnknownCategory = (population: string, variable: string, category: string) =>
  `raking the ${population} weights: ${variable} = ${quoteCell(category)} has no population margin in the wave config; add it to analysis.populationMargins`;
export const invalidWeight = (population: string) =>
  `${population} respondents have a missing, negative or non-finite weight; the normalise stage must supply weights > 0`;
export const tooManyDistinctValues = (limit: number) =>
  `the answers take more than ${limit} distinct values; the analysis expects ratings on a scale (check the codebook's scale and the normalise stage)`;
export const everyCellSuppressed = (population: string, kept: number, cells: number, minN: number) =>
  `every one of the ${cells} ${population} estimates is suppressed (fewer than ${minN} answers with a value per cell) although ${kept} ${population} respondent(s) were kept: ` +
  `the report would show nothing for this population; check quality/audit.csv and the codebook's rating columns, lower suppression.minN in wave.json, or set "mayBeEmpty": true on its sources`;
export const noFiniteEstimate = (population: string, kept: number, cells: number) =>
  `none of the ${cells} unsuppressed ${population} estimates has a finite value (${kept} respondent(s) kept): check the answer scale in the codebook and the weights`;
