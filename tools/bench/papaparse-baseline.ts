/**
 * The practical limit of ingest: papaparse reading the same export from disk, in chunk mode over a
 * UTF-8 stream, doing nothing with the records. Ingest does this plus header resolution,
 * personal-data removal, redaction and writing its cache, so its throughput as a share of this
 * one says how much our own work costs.
 *
 * Two baselines, both the faster of two read sizes (1 MiB, and 64 KiB, the size of the pieces
 * ingest hands papaparse: decoded 1 MiB strings land in V8's old generation and cost papaparse
 * garbage collection that smaller pieces do not):
 * - `timePapaparse`: one export in this thread; the exports one after the other is the baseline
 *   issue 8 defines ("ingest % of parse");
 * - `timePapaparseInParallel`: every export in its own worker thread at once, as ingest reads
 *   large waves (one export per worker): the limit on this machine's cores ("% of parallel parse").
 */
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Papa from 'papaparse';

const READ_SIZES = [1 << 20, 1 << 16];

/** Seconds papaparse takes to parse `path` (delimiter ','), the faster of the read sizes, and the number of records. */
export async function timePapaparse(path: string): Promise<{ seconds: number; records: number }> {
  const timings = [];
  for (const readBytes of READ_SIZES) timings.push(await parseOnce(path, readBytes));
  return timings.reduce((best, timing) => (timing.seconds < best.seconds ? timing : best));
}

function parseOnce(path: string, readBytes: number): Promise<{ seconds: number; records: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let records = 0;
    const text = createReadStream(path, { highWaterMark: readBytes, encoding: 'utf8' });
    text.on('error', reject);
    Papa.parse<string[]>(text as unknown as File, {
      delimiter: ',',
      chunk(results) {
        records += results.data.length;
      },
      complete: () => resolve({ seconds: (performance.now() - started) / 1000, records }),
      error: reject,
    });
  });
}

/** Wall seconds for papaparse to parse every export at once, one worker thread each (the faster read size). */
export async function timePapaparseInParallel(paths: readonly string[]): Promise<number> {
  let best = Infinity;
  for (const readBytes of READ_SIZES) {
    const started = performance.now();
    await Promise.all(paths.map((path) => parseInWorker(path, readBytes)));
    best = Math.min(best, (performance.now() - started) / 1000);
  }
  return best;
}

/** The worker's code, plain JavaScript (no TypeScript loader needed): parse, post the record count. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createReadStream } = require('node:fs');
const Papa = require(workerData.papaparse);
let records = 0;
const text = createReadStream(workerData.path, { highWaterMark: workerData.readBytes, encoding: 'utf8' });
Papa.parse(text, { delimiter: ',', chunk(results) { records += results.data.length; }, complete: () => parentPort.postMessage(records), error: (e) => { throw e; } });
`;

function parseInWorker(path: string, readBytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, readBytes, papaparse: createRequire(import.meta.url).resolve('papaparse') } });
    worker.once('message', (records: number) => {
      resolve(records);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
