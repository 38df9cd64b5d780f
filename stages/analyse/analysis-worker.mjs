// Worker-thread entry of the analyse stage (analysis-pool.ts): loads its modules (bundled, or the
// TypeScript through tsx: io/import-for-worker.mjs) and runs either the frameworks'
// respondent-level part (framework-statistics.ts) on the typed arrays it is given, or one block's
// rank confidence sets (`{ rankSetProblem }`, stats/mwds-rank-sets.ts). A `{ warmUp: true }` task
// only loads the modules, so the pool has a ready thread before the real work is handed over.
import { importForWorker } from '../../io/import-for-worker.mjs';

const { frameworkStatistics } = await importForWorker(new URL('./framework-statistics.ts', import.meta.url));
const { solveRankSetProblem } = await importForWorker(new URL('./stats/mwds-rank-sets.ts', import.meta.url));

export default function run(task) {
  if (task.warmUp) return null;
  if (task.rankSetProblem) return solveRankSetProblem(task.rankSetProblem);
  return frameworkStatistics(task);
}
