import { mwdsCovariance, type MwdsCovarianceInput } from './mwds-covariance.ts';
import { rankConfidenceSets, type RankConfidenceSets } from './rank-confidence-sets.ts';

/**
 * 95% marginal and simultaneous confidence sets for the MWDS rank of every competency within each
 * domain (and the whole design): the MWDS and their joint linearisation covariance per block
 * (mwds-covariance.ts), then the sets of Mogstad, Romano, Shaikh & Wilhelm (2024) over the block's
 * eligible competencies with a finite MWDS (rank-confidence-sets.ts; R `csranks::csranks(mwds,
 * covariance, simul = FALSE / TRUE)`). Block b draws from stream b + 1 of `seed`, so the same seed
 * gives the same sets whatever else the run computes. Cells not ranked get NaN.
 *
 * Reference: Mogstad, Romano, Shaikh & Wilhelm (2024), Review of Economic Studies 91(1), 476–518.
 *
 * @example mwdsRankSets({ ...codes, eligible, seed: 1 }).marginalLow[cell] // an integer rank, e.g. 1
 */
export interface MwdsRankSets {
  mwds: Float64Array;
  marginalLow: Float64Array;
  marginalHigh: Float64Array;
  simultaneousLow: Float64Array;
  simultaneousHigh: Float64Array;
}

export function mwdsRankSets(input: MwdsCovarianceInput & { eligible: Uint8Array; seed: number; coverage?: number; draws?: number }): MwdsRankSets {
  // Covariances between the ranked cells only (the others are never read).
  const { mwds, covariance } = mwdsCovariance({ ...input, wanted: input.eligible });
  const problems = mwdsRankSetProblems(mwds, covariance, input);
  return mwdsRankSetsFromSolutions(mwds, input, problems, problems.map(solveRankSetProblem));
}

export interface MwdsRankSetOptions {
  competencies: number;
  domainCount: number;
  eligible: Uint8Array;
  seed: number;
  coverage?: number;
  draws?: number;
}

/**
 * One block's rank confidence sets to compute: its ranked items (competency indices), their MWDS and
 * covariance, and the seeded stream it draws from. Plain data, so that it can be solved in another
 * thread (stages/analyse/analysis-pool.ts); solveRankSetProblem gives the same sets wherever it runs.
 */
export interface RankSetProblem {
  block: number;
  items: number[];
  estimates: Float64Array;
  covariance: Float64Array;
  seed: number;
  stream: number;
  coverage?: number;
  draws?: number;
}

/** The blocks' problems: each block's eligible competencies with a finite MWDS; block b draws from stream b + 1. */
export function mwdsRankSetProblems(mwds: Float64Array, covariance: Float64Array[], options: MwdsRankSetOptions): RankSetProblem[] {
  const K = options.competencies;
  const problems: RankSetProblem[] = [];
  for (let block = 0; block <= options.domainCount; block++) {
    const items: number[] = [];
    for (let k = 0; k < K; k++) if (options.eligible[block * K + k] && Number.isFinite(mwds[block * K + k])) items.push(k);
    if (items.length === 0) continue;
    problems.push({
      block, items, seed: options.seed, stream: block + 1, coverage: options.coverage, draws: options.draws,
      estimates: Float64Array.from(items, (k) => mwds[block * K + k]),
      covariance: Float64Array.from({ length: items.length * items.length }, (_, at) => covariance[block][items[Math.floor(at / items.length)] * K + items[at % items.length]]),
    });
  }
  return problems;
}

/** The sets of one block (rank-confidence-sets.ts). */
export function solveRankSetProblem(problem: RankSetProblem): RankConfidenceSets {
  return rankConfidenceSets(problem.estimates, problem.covariance, { seed: problem.seed, stream: problem.stream, coverage: problem.coverage, draws: problem.draws });
}

/** The per-cell arrays from the blocks' sets (`solutions[i]` solves `problems[i]`); cells not ranked get NaN. */
export function mwdsRankSetsFromSolutions(
  mwds: Float64Array, options: Pick<MwdsRankSetOptions, 'competencies' | 'domainCount'>, problems: readonly RankSetProblem[], solutions: readonly RankConfidenceSets[],
): MwdsRankSets {
  const K = options.competencies;
  const cells = (options.domainCount + 1) * K;
  const result: MwdsRankSets = {
    mwds, marginalLow: new Float64Array(cells).fill(NaN), marginalHigh: new Float64Array(cells).fill(NaN),
    simultaneousLow: new Float64Array(cells).fill(NaN), simultaneousHigh: new Float64Array(cells).fill(NaN),
  };
  problems.forEach(({ block, items }, at) => {
    const sets = solutions[at];
    items.forEach((k, index) => {
      result.marginalLow[block * K + k] = sets.marginalLow[index];
      result.marginalHigh[block * K + k] = sets.marginalHigh[index];
      result.simultaneousLow[block * K + k] = sets.simultaneousLow[index];
      result.simultaneousHigh[block * K + k] = sets.simultaneousHigh[index];
    });
  });
  return result;
}
