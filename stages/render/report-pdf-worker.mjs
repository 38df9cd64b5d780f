// Worker-thread entry of report-pdf-pool.ts: loads assemble-report.ts (bundled, or the TypeScript
// through tsx: io/import-for-worker.mjs) and draws one report.pdf. A `{ warmUp: true }` task only
// loads the modules (pdfkit, the fonts, vega), so the thread is ready when the figures are.
import { importForWorker } from '../../io/import-for-worker.mjs';

const { assembleReport } = await importForWorker(new URL('./assemble-report.ts', import.meta.url));

export default async function assemble(task) {
  if (task.warmUp) return null;
  return assembleReport(task.input, task.figures);
}
