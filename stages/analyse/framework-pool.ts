/**
 * The framework roll-ups' respondent-level part (framework-statistics.ts) in a worker thread, so
 * that on a large wave it runs on the second core while the main thread analyses the competencies
 * (analyse-run.ts): a tinypool pool of one thread running framework-worker.mjs, started before the
 * main thread encodes the answers and closed when the result is in. Small waves compute in their
 * own thread (a worker's start-up, ≈ 0.5 s of CPU for the TypeScript loader, costs more than the
 * work there).
 *
 * The main thread is busy for seconds (analyseWave) once the task is handed over, and a pool
 * dispatches queued tasks only from its event loop: the task is given to a thread that is already
 * ready (a warm-up task has come back), so it starts at once.
 */
import Tinypool from 'tinypool';
import { frameworkStatistics, type FrameworkStatistics, type FrameworkStatisticsInput } from './framework-statistics.ts';

/** From this many respondents on, the framework statistics run in a worker thread. */
export const FRAMEWORK_WORKER_MIN_RESPONDENTS = 20_000;

const FRAMEWORK_WORKER = new URL('./framework-worker.mjs', import.meta.url).href;

export interface FrameworkStatisticsRun {
  /**
   * Hands the input over and resolves once the work has started (in the worker) or is done (here),
   * to the promise of its statistics: the caller may then block its thread for long, the worker
   * goes on.
   */
  start(input: FrameworkStatisticsInput): Promise<{ statistics: Promise<FrameworkStatistics[]> }>;
  /** Stops the worker thread, if any (also after a failure). */
  close(): Promise<void>;
}

/** `inWorker`: run in a worker thread (started now, while the caller prepares the input). */
export function startFrameworkStatistics(inWorker: boolean): FrameworkStatisticsRun {
  if (!inWorker) return { start: async (input) => ({ statistics: Promise.resolve(frameworkStatistics(input)) }), close: async () => {} };
  const pool = new Tinypool({ filename: FRAMEWORK_WORKER, minThreads: 1, maxThreads: 1, useAtomics: false });
  const ready = pool.run({ warmUp: true });
  return {
    async start(input) {
      await ready;
      // Moved, not copied: the caller does not use the input's arrays again.
      const buffers = new Set<ArrayBuffer>();
      for (const population of input.populations) {
        for (const array of [population.importanceCodes, population.otherCodes, population.weights, population.rowDomain]) buffers.add(array.buffer as ArrayBuffer);
      }
      // The thread is ready and idle: run() posts the task before returning.
      const statistics = pool.run(input, { transferList: [...buffers] }) as Promise<FrameworkStatistics[]>;
      // Awaited later by the caller; a rejection meanwhile is not an unhandled one.
      statistics.catch(() => {});
      return { statistics };
    },
    close: () => pool.destroy(),
  };
}
