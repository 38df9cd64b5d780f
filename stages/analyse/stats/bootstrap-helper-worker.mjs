// Helper thread of the bootstrap (bootstrap-helper-thread.ts): registers the TypeScript loader (a
// worker does not inherit it), waits for the caller to fill the shared layout, claims batches of
// replicates from the shared schedule until none is left (their ranks go into the shared ranks
// array), then sets the status flag (1 done, 2 failed) and wakes the waiting thread.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

const { spec, layout, schedule, ranks, status } = workerData;
try {
  register();
  const { computeClaimedBatches, waitForLayout } = await import('./bootstrap-rank-interval.ts');
  waitForLayout(schedule);
  computeClaimedBatches(spec, layout, schedule, ranks, 1);
  Atomics.store(status, 0, 1);
} catch {
  Atomics.store(status, 0, 2);
}
Atomics.notify(status, 0);
