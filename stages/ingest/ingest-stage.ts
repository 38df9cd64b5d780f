/**
 * Stage 1, ingest: each export of the wave → RawTable (personal data already removed), cached as
 * ingested/<source>.arrow (an Arrow IPC file: the rows by column, dictionary-encoded, every cell
 * byte-exact: io/columnar-cache.ts) and ingested/<source>.meta.json (everything else,
 * with `rowCount`).
 *
 * Rows stream from the export into the cache in batches (streamExport → ColumnarCacheWriter):
 * memory holds the kept columns coded (a byte per rating cell), never the rows as strings. Exports are read in parallel, one per task of a tinypool pool of worker threads (ingest-source.ts). The
 * normalise stage reads the cache back column-wise (readColumnarTables).
 */
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import type { SourceCodebook } from '../../contracts/types.ts';
import { normaliseMessages } from '../../contracts/messages/index.ts';
import type { RunContext, StageDefinition } from '../../contracts/stage.ts';
import { writeFileAtomic } from '../../io/atomic-write.ts';
import { availableParallelism } from 'node:os';
import { ValidationError, UsageError, WriteError } from '../../contracts/errors.ts';
import type { IngestJob, IngestJobResult } from './ingest-source.ts';
import { ingestedFiles, ingestedMetaFile, ingestedRowsFile } from '../../io/wave-layout.ts';
import type { IngestedMeta } from '../../contracts/stage-outputs.ts';
import { requestedWorkers } from '../../io/requested-workers.ts';

export { ingestedFiles, ingestedMetaFile, ingestedRowsFile };
export type { IngestedMeta };



export const ingestStage: StageDefinition = {
  name: 'ingest',
  version: '5',
  entry: 'stages/ingest/ingest-stage.ts',
  dataPaths: [],
  inputs: (ctx) => ctx.wave.sourcePaths,
  outputs: (ctx) => ingestedFiles(ctx),
  // The codebook decides which columns are cached (data minimisation), so its source entries are parameters.
  parameters: (ctx) => ({ sources: ctx.wave.config.sources, codebook: ctx.wave.config.sources.map((source) => sourceCodebook(ctx, source.id)) }),
  async run(ctx) {
    const jobs: IngestJob[] = ctx.wave.config.sources.map((source, i) => ({
      path: ctx.wave.sourcePaths[i],
      sourceId: source.id,
      format: source.format,
      rowsFile: ingestedRowsFile(ctx, source.id),
      codebook: sourceCodebook(ctx, source.id),
    }));
    const inputBytes = jobs.reduce((sum, job) => sum + statSync(job.path).size, 0);
    const workers = Math.min(jobs.length, workerCount(inputBytes));
    const results = workers > 1 ? await runInWorkers(ctx, jobs, workers) : await runInThisThread(ctx, jobs);
    let rows = 0;
    const warnings = [];
    for (const [i, { streamed, knownHashes }] of results.entries()) {
      ctx.fileHashes.seed(knownHashes);
      const { dataRowCount, ...table } = streamed;
      const meta: IngestedMeta = { ...table, sourceFile: relative(ctx.root, jobs[i].path).replaceAll('\\', '/'), rowCount: dataRowCount };
      writeFileAtomic(ingestedMetaFile(ctx, jobs[i].sourceId), JSON.stringify(meta, null, 1) + '\n', ctx.fileHashes);
      rows += dataRowCount;
      const notNeeded = (meta.droppedColumns ?? []).length - meta.droppedPersonalColumns.length;
      ctx.log(`  ${meta.sourceFile}: ${meta.format}, ${meta.encoding}, ${meta.headerRows} header row(s), ${dataRowCount} data rows, ${meta.columns.length} column(s) kept, ${meta.droppedPersonalColumns.length} personal-data and ${notNeeded} other column(s) dropped`);
      for (const message of meta.warnings) warnings.push({ code: 'ingest', message, file: meta.sourceFile });
    }
    return { rowsIn: rows, rowsOut: rows, warnings };
  },
};

/**
 * The codebook entry of a source; a source without one stops the run here, before anything is
 * cached (the normalise stage would stop on it too).
 */
function sourceCodebook(ctx: RunContext, sourceId: string): SourceCodebook {
  const entry = ctx.wave.codebook.sources?.find((source) => source.source === sourceId);
  const index = ctx.wave.config.sources.findIndex((source) => source.id === sourceId);
  if (!entry) throw new ValidationError(normaliseMessages.sourceNotInCodebook(sourceId), { file: relative(ctx.root, ctx.wave.sourcePaths[index]).replaceAll('\\', '/') });
  return entry;
}

/** Below this much input a worker's start-up (~0.1 s from the compiled bundle, ~0.4 s through the TypeScript loader) costs more than it saves. */
export const WORKER_MIN_BYTES = 32 << 20;

/**
 * Worker threads for the ingest stage: SKILLGAP_WORKERS when set (1 = no workers), else one per
 * core when the exports are large enough to be worth it. Exports are independent, so each is read by its own worker; the results are used in
 * config order, and the files are the same bytes whatever the number (test/pipeline/workers.test.ts).
 */
export function workerCount(inputBytes: number): number {
  return requestedWorkers() ?? (inputBytes >= WORKER_MIN_BYTES ? availableParallelism() : 1);
}

async function runInThisThread(ctx: RunContext, jobs: IngestJob[]): Promise<IngestJobResult[]> {
  // Loaded on use: the readers, the adapters and Arrow are not needed to decide that nothing is stale.
  const { ingestSource } = await import('./ingest-source.ts');
  const results: IngestJobResult[] = [];
  for (const job of jobs) results.push(await ingestSource(job, ctx.fileHashes));
  return results;
}

/**
 * Runs the jobs in a tinypool pool of `workers` threads (ingest-worker.mjs, one export per task);
 * the first failure (in config order) is rethrown as it was thrown, once every job has settled.
 */
async function runInWorkers(ctx: RunContext, jobs: IngestJob[], workers: number): Promise<IngestJobResult[]> {
  const { default: Tinypool } = await import('tinypool');
  const pool = new Tinypool({ filename: INGEST_WORKER, minThreads: 0, maxThreads: Math.min(workers, jobs.length), useAtomics: false });
  try {
    const outcomes = jobs.map(async (job) => {
      const outcome = (await pool.run({ ...job, knownHashes: ctx.fileHashes.entriesFor([job.path]) })) as WorkerOutcome;
      if (!outcome.ok) throw rebuildError(outcome.error);
      return outcome.result;
    });
    await Promise.allSettled(outcomes);
    return await Promise.all(outcomes);
  } finally {
    await pool.destroy();
  }
}

const INGEST_WORKER = new URL('./ingest-worker.mjs', import.meta.url).href;

/** What a task of ingest-worker.mjs resolves to: its result, or its error as plain data. */
type WorkerOutcome = { ok: true; result: IngestJobResult } | { ok: false; error: WorkerError };

interface WorkerError {
  name: string;
  message: string;
  problems?: ValidationError['problems'];
  /** A WriteError's file and error code. */
  file?: string;
  code?: string;
  stack?: string;
}

/** A worker's error as the class it was, so the CLI maps it to the same exit code and message. */
function rebuildError(error: WorkerError): Error {
  const rebuilt = error.name === 'ValidationError' ? new ValidationError('')
    : error.name === 'UsageError' ? new UsageError('')
    : error.name === 'WriteError' ? new WriteError('', error.file ?? '', error.code ?? '')
    : new Error('');
  Object.assign(rebuilt, { message: error.message, stack: error.stack });
  if (error.problems && rebuilt instanceof ValidationError) (rebuilt as { problems: unknown }).problems = error.problems;
  return rebuilt;
}
