// Helper thread of the bootstrap (bootstrap-helper-thread.ts): registers the TypeScript loader (a
// worker does not inherit it), computes its share of the replicates into the shared ranks array,
// then sets the status flag (1 done, 2 failed) and wakes the waiting thread.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

const { input, first, count, ranks, status } = workerData;
try {
  register();
  const { bootstrapReplicateRanks } = await import('./bootstrap-rank-interval.ts');
  bootstrapReplicateRanks(input, first, count, ranks);
  Atomics.store(status, 0, 1);
} catch {
  Atomics.store(status, 0, 2);
}
Atomics.notify(status, 0);
