/**
 * Times one export ingested alone in this thread (no worker), next to papaparse alone on the same
 * file, so the cost of our own per-row work (header resolution, personal-data removal, redaction,
 * the columnar cache) can be read off as the difference. Run under `node --cpu-prof` to see where
 * that difference goes:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof bin/run-ts.js tools/bench/ingest-profile.ts tools/bench/tmp/wave-100000-1/industry-qualtrics.csv
 *
 * Arguments: the export's path, then optionally `--no-baseline` (skip the papaparse timing) and
 * `--out FILE` (where the cache goes; default a temporary file, removed afterwards).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ingestSource } from '../../stages/ingest/ingest-source.ts';
import { timePapaparse } from './papaparse-baseline.ts';

const args = process.argv.slice(2);
const exportPath = args.find((arg) => !arg.startsWith('--') && args[args.indexOf(arg) - 1] !== '--out');
if (!exportPath) throw new Error('usage: tools/bench/ingest-profile.ts EXPORT.csv [--no-baseline] [--out FILE]');
const outIndex = args.indexOf('--out');
const scratchDir = outIndex >= 0 ? null : mkdtempSync(join(tmpdir(), 'ingest-profile-'));
const rowsFile = outIndex >= 0 ? args[outIndex + 1] : join(scratchDir!, `${basename(exportPath)}.cols`);

// CPU time next to wall time: on a machine shared with other jobs the CPU time moves less.
const started = performance.now();
const cpuBefore = process.cpuUsage();
const { streamed } = await ingestSource({ path: exportPath, sourceId: 'profiled', rowsFile });
const cpu = process.cpuUsage(cpuBefore);
const ingestSeconds = (performance.now() - started) / 1000;
console.log(`ingest alone, one thread: ${ingestSeconds.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU (${streamed.dataRowCount} rows)`);
if (!args.includes('--no-baseline')) {
  const { seconds } = await timePapaparse(exportPath);
  console.log(`papaparse alone:          ${seconds.toFixed(2)} s`);
}
if (scratchDir) rmSync(scratchDir, { recursive: true, force: true });
