/**
 * Stage 1, ingest: each export of the wave → RawTable (personal data already removed), cached as
 * ingested/<source>.jsonl (one JSON array per row: source row number, then the cells) and
 * ingested/<source>.meta.json (everything else, with `rowCount`). JSON lines keep every cell
 * byte-exact, which a spreadsheet-safe CSV would not.
 *
 * Rows stream from the export into the cache file in batches (streamExport → BufferedFileWriter):
 * memory holds one batch, never the table, so a million-row export costs no more memory than a
 * thousand-row one. The normalise stage reads the cache back column-wise (readColumnarTables).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { RawTable } from '../types.ts';
import type { RunContext, StageDefinition } from '../run.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { BufferedFileWriter } from '../io/buffered-file-writer.ts';
import { forEachJsonLine } from '../io/read-json-lines.ts';

const ingestedDir = (ctx: RunContext) => join(ctx.outDir, 'ingested');
export const ingestedRowsFile = (ctx: RunContext, sourceId: string) => join(ingestedDir(ctx), `${sourceId}.jsonl`);
export const ingestedMetaFile = (ctx: RunContext, sourceId: string) => join(ingestedDir(ctx), `${sourceId}.meta.json`);

/** ingested/<source>.meta.json: the RawTable without its rows, plus the number of rows. */
export type IngestedMeta = Omit<RawTable, 'rows' | 'sourceRows'> & { rowCount: number };

export const ingestStage: StageDefinition = {
  name: 'ingest',
  version: '2',
  codePaths: ['pipeline/ingest', 'pipeline/stages/ingest-stage.ts', 'pipeline/io/buffered-file-writer.ts'],
  inputs: (ctx) => ctx.wave.sourcePaths,
  outputs: (ctx) => ingestedFiles(ctx),
  parameters: (ctx) => ctx.wave.config.sources,
  async run(ctx) {
    // Loaded here, not at the top: the readers pull in papaparse, iconv-lite, exceljs and
    // sav-reader (~0.2 s), which a run with nothing to do should not pay for.
    const { streamExport } = await import('../ingest/read-export.ts');
    let rows = 0;
    const warnings = [];
    for (const [i, source] of ctx.wave.config.sources.entries()) {
      const path = ctx.wave.sourcePaths[i];
      const writer = new BufferedFileWriter(ingestedRowsFile(ctx, source.id));
      let streamed;
      try {
        streamed = await streamExport({ path, sourceId: source.id, format: source.format }, (batchRows, batchSourceRows) => {
          for (let r = 0; r < batchRows.length; r++) writer.write(`${JSON.stringify([batchSourceRows[r], ...batchRows[r]])}\n`);
        });
        writer.commit();
      } catch (error) {
        writer.abort();
        throw error;
      }
      const { dataRowCount, ...table } = streamed;
      const meta: IngestedMeta = { ...table, sourceFile: relative(ctx.root, path).replaceAll('\\', '/'), rowCount: dataRowCount };
      writeFileAtomic(ingestedMetaFile(ctx, source.id), JSON.stringify(meta, null, 1) + '\n');
      rows += dataRowCount;
      ctx.log(`  ${meta.sourceFile}: ${meta.format}, ${meta.encoding}, ${meta.headerRows} header row(s), ${dataRowCount} data rows, ${meta.droppedPersonalColumns.length} personal-data column(s) dropped`);
      for (const message of meta.warnings) warnings.push({ code: 'ingest', message, file: meta.sourceFile });
    }
    return { rowsIn: rows, rowsOut: rows, warnings };
  },
};

export function ingestedFiles(ctx: RunContext): string[] {
  return ctx.wave.config.sources.flatMap((s) => [ingestedRowsFile(ctx, s.id), ingestedMetaFile(ctx, s.id)]);
}

export function readIngestedMeta(ctx: RunContext, sourceId: string): IngestedMeta {
  return JSON.parse(readFileSync(ingestedMetaFile(ctx, sourceId), 'utf8')) as IngestedMeta;
}

/** Reads back what the ingest stage cached as row tables (small waves, tools); normalise reads columns. */
export function readRawTables(ctx: RunContext): RawTable[] {
  return ctx.wave.config.sources.map((source) => {
    const { rowCount: _rowCount, ...meta } = readIngestedMeta(ctx, source.id);
    const rows: string[][] = [];
    const sourceRows: number[] = [];
    forEachJsonLine(ingestedRowsFile(ctx, source.id), (line) => {
      const [sourceRow, ...cells] = line as [number, ...string[]];
      sourceRows.push(sourceRow);
      rows.push(cells);
    });
    return { ...meta, rows, sourceRows };
  });
}
