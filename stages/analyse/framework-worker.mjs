// Worker-thread entry of the framework roll-ups' respondent-level part (framework-statistics.ts),
// run through the tinypool pool of framework-pool.ts: registers the TypeScript loader (a worker
// does not inherit it, as in stages/ingest/ingest-worker.mjs) and runs frameworkStatistics on the
// typed arrays it is given. A `{ warmUp: true }` task only loads the module, so the pool has a
// ready thread before the real task is handed over.
import { register } from 'tsx/esm/api';

register();
const { frameworkStatistics } = await import('./framework-statistics.ts');

export default function run(task) {
  return task.warmUp ? null : frameworkStatistics(task);
}
