/**
 * `checkCodebook`: before running a new wave, see how its codebook meets its exports. For each
 * export it lists the columns the codebook does not map (maybe a new question, maybe a renamed
 * one), the codebook columns the export lacks, and answer labels of rating columns the scale does
 * not know (they would become `invalid` missing values). It reads the exports with the ingest
 * stage's reader and matches columns and labels with the normalise stage's own rules
 * (resolveColumns, makeAnswerRecoder), so what it finds is what a run would find.
 */
import { resolve } from 'node:path';
import type { Codebook, ExportFormat, RawTable, SourceCodebook, WaveConfig } from '../pipeline/types.ts';
import { UsageError, ValidationError } from '../pipeline/errors.ts';
import { readExport } from '../pipeline/ingest/read-export.ts';
import { normaliseLabel } from '../pipeline/normalise/normalise-label.ts';
import { makeAnswerRecoder } from '../pipeline/normalise/recode-answer.ts';
import { resolveColumns } from '../pipeline/normalise/resolve-columns.ts';
import { contextFor, type WaveSelection } from './wave-selection.ts';

export interface CodebookCheck {
  source: string;
  /** Export file as given. */
  file: string;
  format: ExportFormat;
  rows: number;
  /** Export columns (keys) that no codebook entry names. Personal-data columns are already dropped. */
  unmappedColumns: string[];
  /** Codebook columns (respondent id, country, …, rating items) the export lacks. */
  missingColumns: string[];
  /** Labels of rating columns the scale does not know, with how many cells carry them. */
  unknownLabels: { column: string; label: string; count: number }[];
  /** Codebook items naming a competency the framework (data/competencies.json) does not have. */
  unknownCompetencies: string[];
  /** Problems that would stop the normalise stage (e.g. the respondent id column is missing). */
  problems: string[];
}

export interface CheckCodebookOptions extends WaveSelection {
  /** Exports to check instead of the wave's own: each against the codebook mapping of `source`. */
  exports?: { source: string; file: string; format?: ExportFormat }[];
}

/** A wave's configuration and codebook, as the pipeline loads them (defaults filled). */
export function loadWaveConfig(selection: WaveSelection = {}): { config: WaveConfig; codebook: Codebook; sourcePaths: string[] } {
  const ctx = contextFor(selection);
  return { config: ctx.wave.config, codebook: ctx.wave.codebook, sourcePaths: ctx.wave.sourcePaths };
}

/**
 * Checks every export of a wave (or the `exports` given) against the wave's codebook.
 *
 * @example
 * ```ts
 * const checks = await checkCodebook({ wave: '2023' });
 * checks.map((c) => [c.source, c.unmappedColumns.length, c.unknownLabels.length]);
 * ```
 */
export async function checkCodebook(options: CheckCodebookOptions = {}): Promise<CodebookCheck[]> {
  const ctx = contextFor(options);
  const { config, codebook } = ctx.wave;
  const exports = options.exports ?? config.sources.map((source, i) => ({ source: source.id, file: ctx.wave.sourcePaths[i], format: source.format }));
  const knownCompetencies = new Set(ctx.framework.competencies.map((c) => c.id));
  const recode = makeAnswerRecoder(codebook.scale);
  const checks: CodebookCheck[] = [];
  for (const entry of exports) {
    const mapping = codebook.sources.find((s) => s.source === entry.source);
    if (!mapping) throw new UsageError(`the codebook has no mapping for source "${entry.source}" (it maps ${codebook.sources.map((s) => s.source).join(', ')})`);
    const table = await readExport({ path: resolve(entry.file), sourceId: entry.source, format: entry.format });
    checks.push(checkExport(table, mapping, knownCompetencies, recode, entry.file));
  }
  return checks;
}

function checkExport(
  table: RawTable,
  mapping: SourceCodebook,
  knownCompetencies: ReadonlySet<string>,
  recode: ReturnType<typeof makeAnswerRecoder>,
  file: string,
): CodebookCheck {
  const named = [...Object.values(mapping.columns).filter((c): c is string => Boolean(c)), ...mapping.items.map((item) => item.column)];
  const namedKeys = new Set(named.map(normaliseLabel));
  const columnNames = (index: number) => {
    const column = table.columns[index];
    return [column.key, column.importId ?? '', column.label].map(normaliseLabel).filter(Boolean);
  };
  const unmappedColumns = table.columns.filter((_, i) => !columnNames(i).some((name) => namedKeys.has(name))).map((c) => c.key);
  const present = new Set(table.columns.flatMap((_, i) => columnNames(i)));
  const missingColumns = named.filter((name) => !present.has(normaliseLabel(name)));
  const unknownCompetencies = [...new Set(mapping.items.map((item) => item.competency).filter((id) => !knownCompetencies.has(id)))];

  const problems: string[] = [];
  const unknownLabels: CodebookCheck['unknownLabels'] = [];
  try {
    const resolved = resolveColumns(table, mapping);
    for (const item of resolved.items) {
      const counts = new Map<string, number>();
      for (const row of table.rows) {
        const cell = row[item.index] ?? '';
        if (recode(cell).missing === 'invalid') counts.set(cell, (counts.get(cell) ?? 0) + 1);
      }
      for (const [label, count] of counts) unknownLabels.push({ column: item.column, label, count });
    }
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    for (const problem of error.problems) problems.push(problem.message + (problem.where.column ? ` (column "${problem.where.column}")` : ''));
  }
  return { source: mapping.source, file, format: table.format, rows: table.rows.length, unmappedColumns, missingColumns, unknownLabels, unknownCompetencies, problems };
}
