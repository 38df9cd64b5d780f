/**
 * Stage 2, normalise: cached raw tables → normalised/respondents.csv, normalised/answers.csv,
 * normalised/wave.json, quality/audit.csv and quality/summary.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditRow, NormalisedWave, RawTable } from '../types.ts';
import type { RunContext, StageDefinition } from '../run.ts';
import { normaliseWave } from '../normalise/normalise-wave.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { answersFromCsv, answersToCsv, auditToCsv, respondentsFromCsv, respondentsToCsv } from '../io/table-files.ts';
import { ingestedFiles, readRawTables } from './ingest-stage.ts';

export const normalisedFiles = (ctx: RunContext) => ({
  respondents: join(ctx.outDir, 'normalised', 'respondents.csv'),
  answers: join(ctx.outDir, 'normalised', 'answers.csv'),
  meta: join(ctx.outDir, 'normalised', 'wave.json'),
  audit: join(ctx.outDir, 'quality', 'audit.csv'),
  summary: join(ctx.outDir, 'quality', 'summary.json'),
});

export const normaliseStage: StageDefinition = {
  name: 'normalise',
  version: '1',
  codePaths: ['pipeline/normalise', 'pipeline/stages/normalise-stage.ts', 'data/regions', 'data/competencies.json'],
  inputs: (ctx) => [...ingestedFiles(ctx), ctx.wave.codebookPath],
  outputs: (ctx) => Object.values(normalisedFiles(ctx)),
  parameters: (ctx) => ({ quality: ctx.wave.config.quality, regionScheme: ctx.wave.config.regionScheme, sources: ctx.wave.config.sources }),
  async run(ctx) {
    const tables = readRawTables(ctx);
    const wave = normaliseWave(tables, ctx.wave.config, ctx.wave.codebook, {
      competencyOrder: ctx.framework.competencies.map((c) => c.id),
    });
    const files = normalisedFiles(ctx);
    writeFileAtomic(files.respondents, respondentsToCsv(wave.respondents));
    writeFileAtomic(files.answers, answersToCsv(wave.answers, wave.respondents));
    writeFileAtomic(files.meta, JSON.stringify({ wave: wave.wave, scale: wave.scale, regionScheme: wave.regionScheme, warnings: wave.warnings }, null, 1) + '\n');
    writeFileAtomic(files.audit, auditToCsv(wave.audit));
    const summary = summariseAudit(tables, wave.audit);
    writeFileAtomic(files.summary, JSON.stringify(summary, null, 1) + '\n');
    return { rowsIn: summary.rowsRead, rowsOut: summary.kept, warnings: wave.warnings };
  },
};

export interface AuditSummary {
  rowsRead: number;
  kept: number;
  excluded: number;
  /** Rows excluded with each reason (a row can have several reasons). */
  excludedByReason: Record<string, number>;
  perSource: { sourceFile: string; rowsRead: number; kept: number; excluded: number; droppedPersonalColumns: string[] }[];
}

/** Counts the audit and checks that nothing was lost: kept + excluded = rows read, per source. */
export function summariseAudit(tables: readonly RawTable[], audit: readonly AuditRow[]): AuditSummary {
  const summary: AuditSummary = { rowsRead: 0, kept: 0, excluded: 0, excludedByReason: {}, perSource: [] };
  for (const table of tables) {
    const rows = audit.filter((a) => a.sourceFile === table.sourceFile);
    const kept = rows.filter((a) => a.status === 'kept').length;
    if (rows.length !== table.rows.length) {
      throw new Error(`audit of ${table.sourceFile} has ${rows.length} rows for ${table.rows.length} rows read: a row was lost`);
    }
    summary.perSource.push({ sourceFile: table.sourceFile, rowsRead: table.rows.length, kept, excluded: rows.length - kept, droppedPersonalColumns: table.droppedPersonalColumns });
    summary.rowsRead += table.rows.length;
    summary.kept += kept;
    summary.excluded += rows.length - kept;
  }
  for (const row of audit) for (const reason of row.reasons) summary.excludedByReason[reason] = (summary.excludedByReason[reason] ?? 0) + 1;
  summary.excludedByReason = Object.fromEntries(Object.entries(summary.excludedByReason).sort(([a], [b]) => a.localeCompare(b)));
  return summary;
}

/** Reads back what the normalise stage wrote, for the analyse stage. */
export function readNormalisedWave(ctx: RunContext): NormalisedWave {
  const files = normalisedFiles(ctx);
  const meta = JSON.parse(readFileSync(files.meta, 'utf8')) as Pick<NormalisedWave, 'wave' | 'scale' | 'regionScheme' | 'warnings'>;
  const respondents = respondentsFromCsv(readFileSync(files.respondents, 'utf8'));
  const answers = answersFromCsv(readFileSync(files.answers, 'utf8'), respondents, ctx.framework.competencies.map((c) => c.id));
  return { ...meta, respondents, answers, audit: [] };
}
