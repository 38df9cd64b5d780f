/**
 * The practical limit of ingest: papaparse reading the same export from disk, in chunk mode over a
 * UTF-8 stream, doing nothing with the records. Ingest does this plus header resolution,
 * personal-data removal, redaction and writing its cache, so its throughput as a share of this
 * one says how much our own work costs.
 */
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

/** Seconds papaparse takes to parse `path` (delimiter ',') and the number of records. */
export function timePapaparse(path: string): Promise<{ seconds: number; records: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let records = 0;
    const text = createReadStream(path, { highWaterMark: 1 << 20, encoding: 'utf8' });
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
