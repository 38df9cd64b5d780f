/**
 * Ingests one export into its cache file (ingested/<source>.arrow, an Arrow IPC file, dictionary-encoded:
 * io/columnar-cache.ts), the unit of work of the ingest
 * stage: run in the main thread, or one export per worker thread (ingest-worker.mjs) where there
 * are several exports and cores. The same code writes the same bytes either way.
 */
import type { ExportFormat, SourceCodebook } from '../../contracts/types.ts';
import type { StreamedExport } from '../../contracts/ingest-types.ts';
import { ColumnarCacheWriter } from '../../io/columnar-cache.ts';
import { FileHashCache, type KnownFileHash } from '../../io/hash.ts';

export interface IngestJob {
  path: string;
  sourceId: string;
  format?: ExportFormat;
  rowsFile: string;
  /** The source's codebook entry: only the columns it maps or keeps are cached (data minimisation). */
  codebook?: SourceCodebook;
  /** Hashes the caller already knows (so a worker does not re-read the export to hash it). */
  knownHashes?: [string, KnownFileHash][];
}

export interface IngestJobResult {
  streamed: StreamedExport;
  /** Hashes learnt while ingesting (the export's, the cache file's), for the caller's records. */
  knownHashes: [string, KnownFileHash][];
}

/**
 * `knownHashes`: the run's (ctx.fileHashes) when run in the main thread; a worker thread has its
 * own, seeded from the job's and returned in the result for the caller to take over.
 */
export async function ingestSource(job: IngestJob, knownHashes = new FileHashCache()): Promise<IngestJobResult> {
  if (job.knownHashes) knownHashes.seed(job.knownHashes);
  const { streamExport } = await import('./read-export.ts');
  const { redactPersonalText } = await import('./personal-data.ts');
  // The writer redacts each distinct text of a dictionary column once (and every plain cell), so
  // streamExport hands the cells over unredacted; the cache holds exactly the redacted cells.
  const writer = new ColumnarCacheWriter(job.rowsFile, { cleanText: redactPersonalText, knownHashes });
  let streamed: StreamedExport;
  try {
    const input = { path: job.path, sourceId: job.sourceId, format: job.format };
    streamed = await streamExport(input, (batchRows, batchSourceRows) => writer.push(batchRows, batchSourceRows), { cellRedaction: 'consumer', codebook: job.codebook, knownHashes });
    // Fields named by the export's column keys; the last one, when there is one, is the marker
    // "a dropped column held text" (AssembledMeta.droppedTextMarker).
    writer.commit([...streamed.columns.map((column) => column.key), ...(streamed.droppedTextMarker ? ['skillgap.dropped_column_held_text'] : [])]);
  } catch (error) {
    writer.abort();
    throw error;
  }
  return { streamed, knownHashes: knownHashes.entriesFor([job.path, job.rowsFile]) };
}
