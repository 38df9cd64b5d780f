/**
 * An AnswerTable names respondents by index into the wave's respondents, so turning it into rows
 * with a `respondent_id` needs those respondents. `loadWave` records them here, so
 * `toDataFrame(wave.answers)` works without passing them again; a WeakMap lets the tables be
 * garbage-collected as usual and leaves the shared AnswerTable contract unchanged.
 */
import type { AnswerTable, Respondent } from '../contracts/types.ts';

const respondentsOfAnswers = new WeakMap<AnswerTable, readonly Respondent[]>();

export function rememberAnswerRespondents(answers: AnswerTable, respondents: readonly Respondent[]): void {
  respondentsOfAnswers.set(answers, respondents);
}

export function answerRespondents(answers: AnswerTable): readonly Respondent[] | undefined {
  return respondentsOfAnswers.get(answers);
}
