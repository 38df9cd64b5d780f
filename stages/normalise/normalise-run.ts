/**
 * What the normalise stage runs (normalise-stage.ts declares the stage and loads this module on
 * use, so deciding that nothing is stale does not load the readers, writers and Arrow): cached raw
 * tables → normalised/respondents.csv, the answers, normalised/wave.json, the Arrow IPC files and
 * quality/audit.csv and quality/summary.json.
 */
import type { AuditRow, DroppedColumn } from '../../contracts/types.ts';
import type { RunContext, StageReport } from '../../contracts/stage.ts';
import { LONG_ANSWERS_LIMIT, longAnswersPolicy } from './answers-layout.ts';
import { normaliseWave } from './normalise-wave.ts';
import { answerCount } from '../../contracts/answer-table.ts';
import { resolveColumns } from '../../contracts/codebook/resolve-columns.ts';
import { emptySourceProblems, type SourceShape } from './check-kept.ts';
import { ValidationError } from '../../contracts/errors.ts';
import { readColumnarCacheTable, type ColumnarRawTable } from './columnar-raw-table.ts';
import { writeFileAtomic } from '../../io/atomic-write.ts';
import { BufferedFileWriter } from '../../io/buffered-file-writer.ts';
import { writeAnswerTableArrow } from '../../io/answer-table-arrow.ts';
import { writeRespondentsArrow } from '../../io/respondents-arrow.ts';
import { writeAnswersCsv, writeAnswersWideCsv, writeAuditCsv, writeRespondentsCsv, type TextSink } from '../../io/table-files.ts';
import { ingestedRowsFile, normalisedFiles } from '../../io/wave-layout.ts';
import { readIngestedMeta } from '../../io/read-stage-outputs.ts';
import { countRespondents, type AuditSummary } from '../../contracts/stage-outputs.ts';

export async function runNormalise(ctx: RunContext): Promise<StageReport> {
  // The raw columns (≈ 0.3 GB at a million rows per source) are let go before the files are
  // written: only what the audit summary needs of them is kept.
  let tables: ColumnarRawTable[] | null = readColumnarTables(ctx);
  const wave = normaliseWave(tables, ctx.wave.config, ctx.wave.codebook, {
    competencyOrder: ctx.framework.competencies.map((c) => c.id),
  });
  const audited: AuditedTable[] = tables.map((table) => ({ sourceFile: table.sourceFile, droppedPersonalColumns: table.droppedPersonalColumns, droppedColumns: table.droppedColumns, rowCount: table.rowCount }));
  const shapes: SourceShape[] = tables.map((table) => ({ sourceId: table.sourceId, sourceFile: table.sourceFile, ratingColumns: ratingColumnCount(ctx, table) }));
  tables = null;
  const files = normalisedFiles(ctx);
  const policy = longAnswersPolicy(ctx);
  const answers = answerCount(wave.answers);
  const layout = policy === 'always' || (policy === 'auto' && answers <= LONG_ANSWERS_LIMIT) ? 'long' : 'wide';
  writeStreamed(ctx, files.respondents, (sink) => writeRespondentsCsv(sink, wave.respondents));
  if (layout === 'long') writeStreamed(ctx, files.answers, (sink) => writeAnswersCsv(sink, wave.answers, wave.respondents));
  else writeStreamed(ctx, files.answersWide, (sink) => writeAnswersWideCsv(sink, wave.answers, wave.respondents));
  writeAnswerTableArrow(files.answersArrow, wave.answers, ctx.fileHashes);
  writeRespondentsArrow(files.respondentsArrow, wave.respondents, ctx.fileHashes);
  writeFileAtomic(files.meta, JSON.stringify({ wave: wave.wave, scale: wave.scale, regionScheme: wave.regionScheme, answersLayout: layout, warnings: wave.warnings }, null, 1) + '\n', ctx.fileHashes);
  writeStreamed(ctx, files.audit, (sink) => writeAuditCsv(sink, wave.audit));
  writeFileAtomic(files.respondentCounts, JSON.stringify(countRespondents(wave.respondents), null, 1) + '\n', ctx.fileHashes);
  const summary = summariseAudit(audited, wave.audit);
  writeFileAtomic(files.summary, JSON.stringify(summary, null, 1) + '\n', ctx.fileHashes);
  // Written first, so quality/audit.csv explains every row of a source that stops the run.
  const emptySources = emptySourceProblems(wave.audit, ctx.wave.config, shapes);
  if (emptySources.length === 1) throw new ValidationError(emptySources[0].message, emptySources[0].where);
  if (emptySources.length > 1) throw ValidationError.many(emptySources);
  if (layout === 'wide') ctx.log(`  ${answers} answers: wrote answers-wide.csv instead of answers.csv (output.longAnswers = ${policy})`);
  return { rowsIn: summary.rowsRead, rowsOut: summary.kept, warnings: wave.warnings };
}

function writeStreamed(ctx: RunContext, path: string, write: (sink: TextSink) => void): void {
  const writer = new BufferedFileWriter(path, ctx.fileHashes);
  try {
    write(writer);
    writer.commit();
  } catch (error) {
    writer.abort();
    throw error;
  }
}

/** Rating columns of the codebook found in an export (0 when the codebook does not fit it at all). */
function ratingColumnCount(ctx: RunContext, table: ColumnarRawTable): number {
  const sourceCodebook = ctx.wave.codebook.sources.find((s) => s.source === table.sourceId);
  if (!sourceCodebook) return 0;
  try {
    return resolveColumns(table, sourceCodebook).items.length;
  } catch {
    return 0;
  }
}

/** The ingest cache read back column by column (row group by row group, codes copied as codes). */
export function readColumnarTables(ctx: RunContext): ColumnarRawTable[] {
  return ctx.wave.config.sources.map((source) => {
    const { rowCount, droppedTextMarker, ...meta } = readIngestedMeta(ctx, source.id);
    // The marker column (ingest's "a dropped column held text") is read as one more skipped
    // column: it only feeds textInSkipped, so a row with text in a dropped column is not blank.
    const width = meta.columns.length;
    const reads = columnsNormaliseReads(ctx, meta);
    const read = readColumnarCacheTable(ingestedRowsFile(ctx, source.id), width + (droppedTextMarker ? 1 : 0), rowCount, (column) => column < width && reads(column));
    if (droppedTextMarker) read.cells.length = width;
    return { ...meta, ...read };
  });
}

/**
 * Which columns of an export normalise reads (the codebook's metadata and rating columns): the
 * others (timestamps, open text, tool metadata) are not kept in memory, which at a million rows
 * is most of the table. When the codebook does not fit the export, every column is kept and
 * normaliseWave reports the problem exactly as it would have.
 */
function columnsNormaliseReads(ctx: RunContext, meta: Pick<ColumnarRawTable, 'columns' | 'sourceFile' | 'sourceId'>): (column: number) => boolean {
  const sourceCodebook = ctx.wave.codebook.sources.find((s) => s.source === meta.sourceId);
  if (!sourceCodebook) return () => true;
  let resolved;
  try {
    resolved = resolveColumns(meta, sourceCodebook);
  } catch {
    return () => true;
  }
  const { items, missingItems: _missing, attentionChecks, keptText: _text, missingKeptText: _missingText, ...roles } = resolved;
  const read = new Set<number>(
    [...Object.values(roles), ...items.map((item) => item.index), ...attentionChecks.map((check) => check.index)].filter((index) => index >= 0),
  );
  return (column) => read.has(column);
}

/** What summariseAudit needs of a table: its file, how many rows were read, what was dropped. */
export interface AuditedTable {
  sourceFile: string;
  droppedPersonalColumns: string[];
  /** Every column ingest dropped, with its reason (older caches: only the personal ones are known). */
  droppedColumns?: DroppedColumn[];
  rowCount?: number;
  rows?: unknown[];
}

/** Counts the audit and checks that nothing was lost: kept + excluded = rows read, per source. */
export function summariseAudit(tables: readonly AuditedTable[], audit: readonly AuditRow[]): AuditSummary {
  const summary: AuditSummary = { rowsRead: 0, kept: 0, excluded: 0, excludedByReason: {}, perSource: [] };
  const bySource = new Map<string, { rows: number; kept: number }>();
  for (const row of audit) {
    const counts = bySource.get(row.sourceFile) ?? { rows: 0, kept: 0 };
    counts.rows++;
    if (row.status === 'kept') counts.kept++;
    bySource.set(row.sourceFile, counts);
  }
  for (const table of tables) {
    const rowsRead = table.rowCount ?? table.rows?.length ?? 0;
    const { rows, kept } = bySource.get(table.sourceFile) ?? { rows: 0, kept: 0 };
    if (rows !== rowsRead) {
      throw new Error(`audit of ${table.sourceFile} has ${rows} rows for ${rowsRead} rows read: a row was lost`);
    }
    const droppedColumns = table.droppedColumns ?? table.droppedPersonalColumns.map((column) => ({ column, reason: 'personal_data_header' as const }));
    summary.perSource.push({ sourceFile: table.sourceFile, rowsRead, kept, excluded: rows - kept, droppedPersonalColumns: table.droppedPersonalColumns, droppedColumns });
    summary.rowsRead += rowsRead;
    summary.kept += kept;
    summary.excluded += rows - kept;
  }
  for (const row of audit) for (const reason of row.reasons) summary.excludedByReason[reason] = (summary.excludedByReason[reason] ?? 0) + 1;
  summary.excludedByReason = Object.fromEntries(Object.entries(summary.excludedByReason).sort(([a], [b]) => a.localeCompare(b)));
  return summary;
}
