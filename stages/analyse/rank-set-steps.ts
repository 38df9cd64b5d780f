/**
 * An analysis that needs rank confidence sets written as steps (a generator): it yields a batch of
 * rank-set problems (stats/mwds-rank-sets.ts RankSetProblem, one per block) and goes on with their
 * solutions, in the same order. The analysis is written once; who solves the problems is the
 * driver's choice:
 *
 *   solveStepsHere        every problem in this thread, synchronously (analyseWave, the tests, tools)
 *   solveStepsConcurrently an async solver: the analyse stage shares a batch between this thread
 *                          and a worker thread (analysis-pool.ts)
 *
 * Each block draws from its own seeded stream, so a problem's sets are the same wherever it is
 * solved: both drivers give the same result.
 */
import { solveRankSetProblem, type RankConfidenceSets, type RankSetProblem } from './stats/index.ts';

export type RankSetSteps<Result> = Generator<RankSetProblem[], Result, RankConfidenceSets[]>;

/** Runs the steps to their result, solving every batch in this thread. */
export function solveStepsHere<Result>(steps: RankSetSteps<Result>): Result {
  let step = steps.next();
  while (!step.done) step = steps.next(step.value.map(solveRankSetProblem));
  return step.value;
}

/** Runs the steps to their result, each batch solved by `solve` (whose answers keep the batch's order). */
export async function solveStepsConcurrently<Result>(
  steps: RankSetSteps<Result>, solve: (problems: RankSetProblem[]) => Promise<RankConfidenceSets[]>,
): Promise<Result> {
  let step = steps.next();
  while (!step.done) step = steps.next(await solve(step.value));
  return step.value;
}
