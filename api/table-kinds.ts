/**
 * The pipeline's tables as they are written to CSV: which file writer serves each kind of row, and
 * the type of each CSV column. The column names themselves come from io/table-files.ts
 * (the one place they are fixed); only the types are declared here, because a CSV cell is text.
 */
import type { AuditRow, EstimateRow, RankingRow, Respondent, TestRow } from '../contracts/types.ts';
import {
  AUDIT_COLUMNS,
  ESTIMATE_COLUMNS,
  RANKING_COLUMNS,
  RESPONDENT_COLUMNS,
  TEST_COLUMNS,
  ANSWER_COLUMNS,
  auditToCsv,
  estimatesToCsv,
  rankingsToCsv,
  respondentsToCsv,
  testsToCsv,
} from '../io/table-files.ts';

export type TableKind = 'respondents' | 'answers' | 'audit' | 'estimates' | 'tests' | 'rankings';

/** A CSV column's type: numbers (empty cell → NaN), booleans (`true`/`false`) or text (empty stays ``). */
export type ColumnType = 'number' | 'boolean' | 'text';

/** CSV column names of each table, in file order. */
export const TABLE_COLUMNS: Record<TableKind, readonly string[]> = {
  respondents: RESPONDENT_COLUMNS,
  answers: ANSWER_COLUMNS,
  audit: AUDIT_COLUMNS,
  estimates: ESTIMATE_COLUMNS,
  tests: TEST_COLUMNS,
  rankings: RANKING_COLUMNS,
};

const NUMBER_COLUMNS: Record<TableKind, readonly string[]> = {
  respondents: ['weight', 'source_row'],
  answers: ['value'],
  audit: ['source_row'],
  estimates: ['n', 'mean', 'sd', 'se', 'ci_low', 'ci_high', 'top2_share'],
  tests: ['n1', 'n2', 'statistic', 'p_value', 'q_value', 'effect_size'],
  rankings: ['mwds', 'rank', 'rank_ci_low', 'rank_ci_high', 'rank_simultaneous_low', 'rank_simultaneous_high'],
};

const BOOLEAN_COLUMNS: Record<TableKind, readonly string[]> = {
  respondents: [],
  answers: [],
  audit: [],
  estimates: ['suppressed'],
  tests: ['suppressed'],
  rankings: ['suppressed'],
};

export function columnType(kind: TableKind, column: string): ColumnType {
  if (NUMBER_COLUMNS[kind].includes(column)) return 'number';
  if (BOOLEAN_COLUMNS[kind].includes(column)) return 'boolean';
  return 'text';
}

/** The CSV writer of each row table (answers are columnar: see toDataFrame). */
export const ROW_TABLE_WRITERS = {
  respondents: (rows: readonly object[]) => respondentsToCsv(rows as Respondent[]),
  audit: (rows: readonly object[]) => auditToCsv(rows as AuditRow[]),
  estimates: (rows: readonly object[]) => estimatesToCsv(rows as EstimateRow[]),
  tests: (rows: readonly object[]) => testsToCsv(rows as TestRow[]),
  rankings: (rows: readonly object[]) => rankingsToCsv(rows as RankingRow[]),
} satisfies Record<Exclude<TableKind, 'answers'>, (rows: readonly object[]) => string>;

/**
 * Which table an array of rows is, from fields only that kind of row has; null for rows of any
 * other shape (e.g. a researcher's own summary rows).
 */
export function detectRowKind(row: object): Exclude<TableKind, 'answers'> | null {
  const has = (...fields: string[]) => fields.every((field) => field in row);
  if (has('respondentId', 'population', 'weight', 'sourceRow')) return 'respondents';
  if (has('responseId', 'status', 'reasons')) return 'audit';
  if (has('measure', 'mean', 'top2Share')) return 'estimates';
  if (has('gap', 'pValue', 'qValue')) return 'tests';
  if (has('mwds', 'rank', 'quadrant')) return 'rankings';
  return null;
}
