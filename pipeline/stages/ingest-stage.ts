/**
 * Stage 1, ingest: each export of the wave → RawTable (personal data already removed), cached as
 * ingested/<source>.jsonl (one JSON array per row: source row number, then the cells) and
 * ingested/<source>.meta.json (everything else). JSON lines keep every cell byte-exact, which a
 * spreadsheet-safe CSV would not.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { RawTable } from '../types.ts';
import type { RunContext, StageDefinition } from '../run.ts';
import { readExport } from '../ingest/read-export.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';

const ingestedDir = (ctx: RunContext) => join(ctx.outDir, 'ingested');
const rowsFile = (ctx: RunContext, sourceId: string) => join(ingestedDir(ctx), `${sourceId}.jsonl`);
const metaFile = (ctx: RunContext, sourceId: string) => join(ingestedDir(ctx), `${sourceId}.meta.json`);

export const ingestStage: StageDefinition = {
  name: 'ingest',
  version: '1',
  codePaths: ['pipeline/ingest', 'pipeline/stages/ingest-stage.ts'],
  inputs: (ctx) => ctx.wave.sourcePaths,
  outputs: (ctx) => ctx.wave.config.sources.flatMap((s) => [rowsFile(ctx, s.id), metaFile(ctx, s.id)]),
  parameters: (ctx) => ctx.wave.config.sources,
  async run(ctx) {
    let rows = 0;
    const warnings = [];
    for (const [i, source] of ctx.wave.config.sources.entries()) {
      const path = ctx.wave.sourcePaths[i];
      const table = await readExport({ path, sourceId: source.id, format: source.format });
      table.sourceFile = relative(ctx.root, path).replaceAll('\\', '/');
      writeRawTable(ctx, table);
      rows += table.rows.length;
      ctx.log(`  ${table.sourceFile}: ${table.format}, ${table.encoding}, ${table.headerRows} header row(s), ${table.rows.length} data rows, ${table.droppedPersonalColumns.length} personal-data column(s) dropped`);
      for (const message of table.warnings) warnings.push({ code: 'ingest', message, file: table.sourceFile });
    }
    return { rowsIn: rows, rowsOut: rows, warnings };
  },
};

function writeRawTable(ctx: RunContext, table: RawTable): void {
  const { rows, sourceRows, ...meta } = table;
  const lines: string[] = [];
  for (let i = 0; i < rows.length; i++) lines.push(JSON.stringify([sourceRows[i], ...rows[i]]));
  writeFileAtomic(rowsFile(ctx, table.sourceId), lines.join('\n') + (lines.length ? '\n' : ''));
  writeFileAtomic(metaFile(ctx, table.sourceId), JSON.stringify(meta, null, 1) + '\n');
}

export function ingestedFiles(ctx: RunContext): string[] {
  return ctx.wave.config.sources.flatMap((s) => [rowsFile(ctx, s.id), metaFile(ctx, s.id)]);
}

/** Reads back what the ingest stage cached, for the normalise stage. */
export function readRawTables(ctx: RunContext): RawTable[] {
  return ctx.wave.config.sources.map((source) => {
    const meta = JSON.parse(readFileSync(metaFile(ctx, source.id), 'utf8')) as Omit<RawTable, 'rows' | 'sourceRows'>;
    const rows: string[][] = [];
    const sourceRows: number[] = [];
    for (const line of readFileSync(rowsFile(ctx, source.id), 'utf8').split('\n')) {
      if (line === '') continue;
      const [sourceRow, ...cells] = JSON.parse(line) as [number, ...string[]];
      sourceRows.push(sourceRow);
      rows.push(cells);
    }
    return { ...meta, rows, sourceRows };
  });
}
