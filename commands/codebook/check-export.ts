/**
 * Checks one read export against its source codebook, for `skillgap validate`: which codebook
 * columns it has, which rating-like columns no codebook entry maps, and every answer the wave's
 * scale cannot read, split into unknown labels and numbers outside the scale. Pure: takes the
 * table, returns the findings. A required column missing, or most rating columns missing (an
 * export of another survey), throws ValidationError from resolveColumns, listing every problem.
 */
import { answerBatteries } from './answer-batteries.ts';
import type { RawTable, ScaleDefinition, SourceCodebook } from '../../contracts/types.ts';
import { resolveColumns } from '../../stages/normalise/resolve-columns.ts';
import { makeAnswerRecoder } from '../../stages/normalise/recode-answer.ts';
import { normaliseLabel } from '../../stages/normalise/normalise-label.ts';
import { ratingColumnIndices } from './rating-columns.ts';
import { checkWeights } from '../../stages/normalise/check-weights.ts';

/** How many row numbers a finding keeps (the count says how many there are). */
const FIRST_ROWS = 5;

export interface AnswerFinding {
  column: string;
  /** The cell text as written (trimmed). */
  label: string;
  count: number;
  /** 1-based record numbers in the file (header rows counted), the first FIRST_ROWS. */
  firstRows: number[];
}

export interface ExportCheck {
  source: string;
  itemsInCodebook: number;
  itemsFound: number;
  missingItems: string[];
  /** Metadata role → export column key, for the roles the codebook names and the export has. */
  metadata: Record<string, string>;
  unmappedRatingColumns: string[];
  /** Batteries of columns sharing one small set of answer labels (any scale) with columns the codebook does not map. */
  unmappedBatteries: { labels: string[]; columns: string[] }[];
  unknownLabels: AnswerFinding[];
  outOfRange: AnswerFinding[];
  /** Weights that break the rules of check-weights.ts (the run would stop on them): row and message. */
  weightProblems: { row: number; column: string; message: string }[];
}

export function checkExport(table: RawTable, source: SourceCodebook, scale: ScaleDefinition): ExportCheck {
  const resolved = resolveColumns(table, source);
  const metadata: Record<string, string> = {};
  const mapped = new Set<number>(resolved.items.map((item) => item.index));
  for (const role of ['respondentId', 'country', 'organisationType', 'weight', 'finished', 'progress', 'durationSeconds', 'status'] as const) {
    const index = resolved[role];
    if (index >= 0) {
      metadata[role] = table.columns[index].key;
      mapped.add(index);
    }
  }
  const unmappedRatingColumns = ratingColumnIndices(table).filter((index) => !mapped.has(index)).map((index) => table.columns[index].key);
  const unmappedBatteries = answerBatteries(table)
    .map((battery) => ({ labels: battery.labels, columns: battery.columnIndices.filter((index) => !mapped.has(index)).map((index) => table.columns[index].key) }))
    .filter((battery) => battery.columns.length > 0);

  const recode = makeAnswerRecoder(scale);
  const unknown = new Map<string, AnswerFinding>();
  const outside = new Map<string, AnswerFinding>();
  for (const item of resolved.items) {
    table.rows.forEach((row, rowIndex) => {
      const cell = (row[item.index] ?? '').trim();
      if (recode(cell).missing !== 'invalid') return;
      const key = normaliseLabel(cell);
      const isNumber = key !== '' && !Number.isNaN(Number(key));
      const findings = isNumber ? outside : unknown;
      const id = `${item.column}\u0000${key}`;
      const finding = findings.get(id) ?? { column: item.column, label: cell, count: 0, firstRows: [] };
      finding.count++;
      if (finding.firstRows.length < FIRST_ROWS) finding.firstRows.push(table.sourceRows[rowIndex] ?? rowIndex + 1 + table.headerRows);
      findings.set(id, finding);
    });
  }
  return {
    weightProblems: resolved.weight >= 0 ? weightProblemsOf(table, resolved.weight) : [],
    source: source.source,
    itemsInCodebook: source.items.length,
    itemsFound: resolved.items.length,
    missingItems: resolved.missingItems,
    metadata,
    unmappedRatingColumns,
    unmappedBatteries,
    unknownLabels: [...unknown.values()],
    outOfRange: [...outside.values()],
  };
}

/** The weight checks of the normalise stage, over the same rows (those with any text). */
function weightProblemsOf(table: RawTable, column: number): ExportCheck['weightProblems'] {
  const rows = table.rows.flatMap((row, index) => (row.some((cell) => (cell ?? '').trim() !== '') ? [index] : []));
  const { problems } = checkWeights(rows.map((index) => table.rows[index][column] ?? ''));
  return problems.map((problem) => {
    const index = rows[problem.index];
    return { row: table.sourceRows[index] ?? index + 1 + table.headerRows, column: table.columns[column].key, message: problem.message };
  });
}
