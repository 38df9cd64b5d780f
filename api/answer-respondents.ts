/**
 * An answer table names respondents by row (an AnswerTable by index, the answers Arrow table by
 * row position) in the wave's respondents, so turning it into rows with a `respondent_id` needs
 * those respondents. `loadWave` records them here, so `toDataFrame(wave.answers)` works without
 * passing them again; a WeakMap lets the tables be garbage-collected as usual and leaves the
 * shared AnswerTable contract unchanged.
 */
import type { Table } from 'apache-arrow';
import type { AnswerTable, Respondent } from '../contracts/types.ts';

type Respondents = readonly Respondent[] | Table;
const respondentsOfAnswers = new WeakMap<AnswerTable | Table, Respondents>();

export function rememberAnswerRespondents(answers: AnswerTable | Table, respondents: Respondents): void {
  respondentsOfAnswers.set(answers, respondents);
}

export function answerRespondents(answers: AnswerTable | Table): Respondents | undefined {
  return respondentsOfAnswers.get(answers);
}
