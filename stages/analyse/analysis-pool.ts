/**
 * The analyse stage's worker thread: a tinypool pool of one thread running analysis-worker.mjs,
 * started at the stage's start when the wave has work enough to pay for it (analysisWorkerPlan; the
 * thread's start-up, ≈ 0.1 s loading the bundled modules, runs on the second core while this thread
 * reads and encodes the wave). It takes two kinds of work off the main thread:
 *
 *   - the frameworks' respondent-level part (framework-statistics.ts), on large waves: handed over
 *     whole while the main thread analyses the competencies;
 *   - a share of each batch of rank-set problems (rank-set-steps.ts, one problem per block): the
 *     worker takes problems from the front of the batch (the largest first), the main thread from
 *     the back (the smallest first), one at a time, until they meet. Neither waits for the other
 *     for long, whether or not the worker is still busy with the frameworks (it starts on the
 *     batch only once it is idle). The main thread lets the event loop run between two problems,
 *     so the worker's answer comes in and its next problem goes out.
 *
 * The main thread is busy for seconds once work is handed over, and a pool dispatches queued tasks
 * only from its event loop: the framework task is given to a thread that is already ready (a
 * warm-up task has come back), so it starts at once.
 */
import Tinypool from 'tinypool';
import type { NormalisedWave } from '../../contracts/types.ts';
import type { ResolvedFramework } from '../../contracts/frameworks/load-frameworks.ts';
import { frameworkStatistics, type FrameworkStatistics, type FrameworkStatisticsInput } from './framework-statistics.ts';
import { DEFAULT_RANK_SET_DRAWS, solveRankSetProblem, type RankConfidenceSets, type RankSetProblem } from './stats/index.ts';

/** From this many respondents on, the framework statistics run in the worker thread. */
export const FRAMEWORK_WORKER_MIN_RESPONDENTS = 20_000;

/**
 * From this much rank-set work on (Σ over blocks of items² × draws, the order of the pairs' maxima
 * over the draws: ≈ 5 ns each here, so 60 million ≈ 0.3 s), the worker thread shares the rank sets.
 */
export const RANK_SET_WORKER_MIN_WORK = 60e6;

const ANALYSIS_WORKER = new URL('./analysis-worker.mjs', import.meta.url).href;

export interface AnalysisPool {
  /**
   * Hands the frameworks' input over and resolves once the work has started (in the worker) or is
   * done (here), to the promise of its statistics: the caller may then block its thread for long,
   * the worker goes on.
   */
  startFrameworkStatistics(input: FrameworkStatisticsInput): Promise<{ statistics: Promise<FrameworkStatistics[]> }>;
  /** The sets of every problem of a batch, in the batch's order (shared with the worker thread, if there is one). */
  solveRankSets(problems: RankSetProblem[]): Promise<RankConfidenceSets[]>;
  /** How many rank-set problems the worker thread has solved so far (0 without one). */
  rankSetsSolvedInWorker(): number;
  /** Stops the worker thread, if any (also after a failure). */
  close(): Promise<void>;
}

/**
 * `frameworks`: the framework statistics go to the worker thread; `rankSets`: the worker shares the
 * rank sets. The thread is started now (while the caller prepares the input) if either holds.
 */
export function startAnalysisPool(inWorker: { frameworks: boolean; rankSets: boolean }): AnalysisPool {
  if (!inWorker.frameworks && !inWorker.rankSets) {
    return {
      startFrameworkStatistics: async (input) => ({ statistics: Promise.resolve(frameworkStatistics(input)) }),
      solveRankSets: async (problems) => problems.map(solveRankSetProblem),
      rankSetsSolvedInWorker: () => 0,
      close: async () => {},
    };
  }
  const pool = new Tinypool({ filename: ANALYSIS_WORKER, minThreads: 1, maxThreads: 1, useAtomics: false });
  const ready = pool.run({ warmUp: true });
  // Settles when the thread has nothing left to do (the warm-up, then the framework task if any).
  let idle: Promise<unknown> = ready.catch(() => {});
  let solvedInWorker = 0;
  return {
    async startFrameworkStatistics(input) {
      if (!inWorker.frameworks) return { statistics: Promise.resolve(frameworkStatistics(input)) };
      await ready;
      // Moved, not copied: the caller does not use the input's arrays again.
      const buffers = new Set<ArrayBuffer>();
      for (const population of input.populations) {
        for (const array of [population.importanceCodes, population.otherCodes, population.weights, population.rowDomain]) buffers.add(array.buffer as ArrayBuffer);
      }
      // The thread is ready and idle: run() posts the task before returning.
      const statistics = pool.run(input, { transferList: [...buffers] }) as Promise<FrameworkStatistics[]>;
      idle = statistics.catch(() => {});
      // Awaited later by the caller; a rejection meanwhile is not an unhandled one.
      statistics.catch(() => {});
      return { statistics };
    },
    async solveRankSets(problems) {
      if (!inWorker.rankSets) return problems.map(solveRankSetProblem);
      const order = problems.map((_, index) => index).sort((a, b) => rankSetWork(problems[b]) - rankSetWork(problems[a]));
      const solutions: RankConfidenceSets[] = new Array(problems.length);
      let front = 0;
      let back = order.length;
      const workerShare = (async () => {
        await idle;
        while (front < back) {
          const index = order[front++];
          solutions[index] = (await pool.run({ rankSetProblem: problems[index] })) as RankConfidenceSets;
          solvedInWorker++;
        }
      })();
      workerShare.catch(() => {}); // awaited below; a failure meanwhile is not "unhandled"
      while (front < back) {
        const index = order[--back];
        solutions[index] = solveRankSetProblem(problems[index]);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      await workerShare;
      return solutions;
    },
    rankSetsSolvedInWorker: () => solvedInWorker,
    close: () => pool.destroy(),
  };
}

/** A problem's work: items² × draws (the pairs' maxima over the draws dominate). */
export function rankSetWork(problem: Pick<RankSetProblem, 'estimates' | 'draws'>): number {
  return problem.estimates.length * problem.estimates.length * (problem.draws ?? DEFAULT_RANK_SET_DRAWS);
}

/**
 * What goes to the worker thread, given the threads asked for (`workers`: SKILLGAP_WORKERS, read by
 * the caller through io/requested-workers.ts): with 1 nothing, with 2 or more the framework
 * statistics (when there are frameworks) and the rank sets whatever the wave's size (so that
 * test/pipeline/workers.test.ts runs the worker path on the small sample wave); otherwise the
 * framework statistics from FRAMEWORK_WORKER_MIN_RESPONDENTS respondents on and the rank sets from
 * RANK_SET_WORKER_MIN_WORK of work on.
 */
export function analysisWorkerPlan(
  wave: NormalisedWave, frameworks: readonly ResolvedFramework[], workers: number | undefined,
): { frameworks: boolean; rankSets: boolean } {
  if (workers !== undefined) return { frameworks: workers > 1 && frameworks.length > 0, rankSets: workers > 1 };
  return {
    frameworks: frameworks.length > 0 && wave.respondents.length >= FRAMEWORK_WORKER_MIN_RESPONDENTS,
    rankSets: rankSetWorkOfWave(wave, frameworks) >= RANK_SET_WORKER_MIN_WORK,
  };
}

/**
 * The rank-set work a wave will ask for, estimated before the analysis: a block per region, per
 * country and the whole design, each with up to every competency; a block per region and the
 * whole design for each framework, with up to every unit.
 */
export function rankSetWorkOfWave(wave: NormalisedWave, frameworks: readonly ResolvedFramework[]): number {
  const regions = new Set<string>();
  const countries = new Set<string | null>();
  for (const respondent of wave.respondents) {
    regions.add(respondent.region);
    countries.add(respondent.country);
  }
  const K = wave.answers.competencies.length;
  let squares = (regions.size + 1 + countries.size + 1) * K * K;
  for (const framework of frameworks) squares += (regions.size + 1) * framework.definition.units.length ** 2;
  return squares * DEFAULT_RANK_SET_DRAWS;
}
