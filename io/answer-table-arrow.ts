/**
 * The normalise → analyse file of the answer table, normalised/answers.arrow: an Arrow IPC file
 * (io/arrow-ipc-file.ts) with one row per respondent, in the order of
 * normalised/respondents.arrow, and one uint8 column per competency × dimension named
 * `<competency>.<dimension>` holding the AnswerTable's code (contracts/answer-table.ts), the one
 * encoding of an answer everywhere in skillgap:
 *
 *   code 0 … levels − 1                  a value: skillgap.level_values[code]
 *   code skillgap.missing_code_base + i  no value, reason skillgap.missing_reasons[i]
 *   code skillgap.absent_code (255)      not asked
 *
 * (schema metadata, JSON). R, pandas, polars and DuckDB open it as it is; answers.csv (or
 * answers-wide.csv) stays the human-readable form of the same facts. A column is one byte per
 * respondent, so the file is as small and as fast to read as the private format it replaced.
 */
import { Field, Uint8, makeData, type Data, type Table } from 'apache-arrow';
import type { AnswerTable } from '../contracts/types.ts';
import { DIMENSIONS, MISSING_REASONS } from '../contracts/types.ts';
import { ABSENT_CODE, checkAnswerTable, MISSING_CODE_BASE } from '../contracts/answer-table.ts';
import { ValidationError } from '../contracts/errors.ts';
import { runMessages } from '../contracts/messages/index.ts';
import type { FileHashCache } from './hash.ts';
import { isUnsignedInt, readArrowFile, recordBatchOf, requiredMetadata, Schema, writeArrowFile } from './arrow-ipc-file.ts';

const WHAT = 'answer cache';
/** Rows per record batch (64 Ki respondents: 90 columns of 64 KiB). */
const ROWS_PER_BATCH = 1 << 16;

export const ANSWER_TABLE_METADATA = {
  format: 'skillgap.format',
  competencies: 'skillgap.competencies',
  dimensions: 'skillgap.dimensions',
  levelValues: 'skillgap.level_values',
  missingCodeBase: 'skillgap.missing_code_base',
  missingReasons: 'skillgap.missing_reasons',
  absentCode: 'skillgap.absent_code',
} as const;
const FORMAT = 'answer-table/1';

/** The column name of a competency × dimension. */
export const answerColumnName = (competency: string, dimension: string) => `${competency}.${dimension}`;

function answerSchema(answers: AnswerTable): Schema {
  const fields = answers.competencies.flatMap((competency) => DIMENSIONS.map((dimension) => new Field(answerColumnName(competency, dimension), new Uint8(), false)));
  const m = ANSWER_TABLE_METADATA;
  return new Schema(fields, new Map([
    [m.format, FORMAT],
    [m.competencies, JSON.stringify(answers.competencies)],
    [m.dimensions, JSON.stringify(DIMENSIONS)],
    [m.levelValues, JSON.stringify(answers.levelValues)],
    [m.missingCodeBase, String(MISSING_CODE_BASE)],
    [m.missingReasons, JSON.stringify(MISSING_REASONS)],
    [m.absentCode, String(ABSENT_CODE)],
  ]));
}

/** Reads normalised/answers.arrow as it is (the API hands this table out). */
export function readAnswerTableArrowTable(path: string): Table {
  const table = readArrowFile(path, WHAT);
  answerTableFromArrow(table, path);
  return table;
}

export function writeAnswerTableArrow(path: string, answers: AnswerTable, knownHashes?: FileHashCache): void {
  const schema = answerSchema(answers);
  const width = schema.fields.length;
  const { codes, respondentCount } = answers;
  function* batches() {
    for (let first = 0; first < respondentCount || (first === 0 && respondentCount === 0); first += ROWS_PER_BATCH) {
      const rows = Math.min(ROWS_PER_BATCH, respondentCount - first);
      // The table is row-major (respondent, competency, dimension); a column is every width-th byte.
      const columns = Array.from({ length: width }, () => new Uint8Array(rows));
      for (let row = 0, cell = first * width; row < rows; row++) {
        for (let column = 0; column < width; column++, cell++) columns[column][row] = codes[cell];
      }
      yield recordBatchOf(schema, rows, columns.map((data) => makeData({ type: new Uint8(), length: rows, nullCount: 0, data })));
      if (rows === 0) return;
    }
  }
  writeArrowFile(path, schema, batches(), knownHashes);
}

export function readAnswerTableArrow(path: string): AnswerTable {
  return answerTableFromArrow(readArrowFile(path, WHAT), path);
}

/** The AnswerTable of an answers Arrow table (as written by writeAnswerTableArrow); `path` names it in messages. */
/** Rows per tile of the column → row transpose (256 rows × 78 columns ≈ 20 KB, within the first-level cache). */
const TILE_ROWS = 256;

export function answerTableFromArrow(table: Table, path = 'answers.arrow'): AnswerTable {
  const m = ANSWER_TABLE_METADATA;
  const fail = (problem: string) => new ValidationError(runMessages.cacheUnreadable(WHAT, problem), { file: path });
  if (table.schema.metadata.get(m.format) !== FORMAT) throw fail(`is not a skillgap answer table (${m.format} is not ${FORMAT})`);
  const competencies = JSON.parse(requiredMetadata(table.schema, m.competencies, path, WHAT)) as string[];
  const dimensions = JSON.parse(requiredMetadata(table.schema, m.dimensions, path, WHAT)) as string[];
  const levelValues = JSON.parse(requiredMetadata(table.schema, m.levelValues, path, WHAT)) as number[];
  if (dimensions.join() !== DIMENSIONS.join()) throw fail(`has dimensions ${dimensions.join(', ')}, not ${DIMENSIONS.join(', ')}`);
  if (requiredMetadata(table.schema, m.missingReasons, path, WHAT) !== JSON.stringify(MISSING_REASONS) || requiredMetadata(table.schema, m.missingCodeBase, path, WHAT) !== String(MISSING_CODE_BASE)) {
    throw fail('codes missing answers differently');
  }
  const width = competencies.length * DIMENSIONS.length;
  const fields = table.schema.fields;
  const expectedNames = competencies.flatMap((competency) => DIMENSIONS.map((dimension) => answerColumnName(competency, dimension)));
  if (fields.length !== width || fields.some((field, i) => field.name !== expectedNames[i] || !isUnsignedInt(field.type, 8))) throw fail('does not have one uint8 column per competency × dimension');
  const respondentCount = table.numRows;
  const codes = new Uint8Array(respondentCount * width);
  let first = 0;
  for (const batch of table.batches) {
    const rows = batch.numRows;
    const columns: Uint8Array[] = [];
    for (let column = 0; column < width; column++) {
      const data = batch.data.children[column] as Data<Uint8>;
      if (data.nullCount > 0) throw fail(`has empty cells in column ${fields[column].name}`);
      columns.push(data.values.subarray(data.offset, data.offset + rows));
    }
    // Column by column within tiles of TILE_ROWS rows: each column is read in order and the tile
    // being written (TILE_ROWS × width bytes) stays in the cache.
    for (let tile = 0; tile < rows; tile += TILE_ROWS) {
      const end = Math.min(rows, tile + TILE_ROWS);
      for (let column = 0; column < width; column++) {
        const source = columns[column];
        for (let row = tile, cell = (first + tile) * width + column; row < end; row++, cell += width) codes[cell] = source[row];
      }
    }
    first += rows;
  }
  const answers: AnswerTable = { respondentCount, competencies, levelValues, codes };
  checkAnswerTable(answers, path);
  return answers;
}
