import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BootstrapRankInput, RankingSpec } from './bootstrap-rank-interval.ts';
import type { ResampleLayout } from './bootstrap-replicate-batch.ts';

/**
 * Runs part of the bootstrap replicates on a helper thread while the calling thread runs the rest,
 * synchronously. Both threads claim batches of eight replicates from a shared counter (so neither
 * waits for the other however the machine's load or the helper's start-up falls); the helper reads
 * the rows from the shared layout the caller fills, writes its replicates' ranks into the same
 * SharedArrayBuffer, marks each batch done, and finally sets a flag the caller waits on with
 * Atomics.wait. Replicate r always draws from its own seeded stream, so the ranks are the same bits
 * whichever thread computes them (test/stages/analyse/stats/count-based-tests.test.ts). If the helper
 * cannot start or fails, the caller computes the batches it left unfinished: the result never
 * depends on the helper.
 */

/** Below this much work (respondents × competencies × replicates) a helper costs more than it saves (its start-up: ≈ 0.15 s on an idle machine, a worker, the TypeScript loader and the module; more under load). */
export const HELPER_MIN_WORK = 1e9;
const HELPER_TIMEOUT_MS = 10 * 60 * 1000;

/** 1 helper when the work is large and a second core exists; SKILLGAP_WORKERS=1 turns helpers off. */
export function bootstrapHelperWanted(input: BootstrapRankInput, force = false): boolean {
  const requested = Number(process.env.SKILLGAP_WORKERS);
  if (Number.isInteger(requested) && requested >= 1) return requested > 1;
  if (force) return true;
  return availableParallelism() > 1 && input.weights.length * input.competencies * input.replicates >= HELPER_MIN_WORK;
}

export interface HelperRun {
  /** Waits for the helper; true when it computed its share, false when the caller must. */
  join(): boolean;
}

/**
 * Starts a helper that waits for `layout` to be filled, then claims batches from `schedule`
 * (bootstrap-rank-interval.ts `createBatchSchedule`) and writes their ranks into `ranks` (all shared memory).
 */
export function startBootstrapHelper(spec: RankingSpec, layout: ResampleLayout, schedule: Int32Array, ranks: Float64Array): HelperRun {
  const status = new Int32Array(new SharedArrayBuffer(4));
  let worker: Worker;
  try {
    worker = new Worker(new URL('./bootstrap-helper-worker.mjs', import.meta.url), {
      workerData: { spec, layout, schedule, ranks, status },
    });
    worker.unref();
  } catch {
    return { join: () => false };
  }
  return {
    join() {
      const outcome = Atomics.wait(status, 0, 0, HELPER_TIMEOUT_MS);
      const ok = outcome !== 'timed-out' && Atomics.load(status, 0) === 1;
      void worker.terminate();
      return ok;
    },
  };
}
