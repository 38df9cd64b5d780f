/**
 * `toDataFrame`: the DataFrame face of the pipeline's tables, for exploratory work with danfojs.
 *
 * A pipeline table becomes exactly the DataFrame of the CSV file the pipeline writes for it: the
 * rows are serialised with the pipeline's own CSV writer (io/table-files.ts) and parsed
 * back, so the columns have the CSV's names and order and every value is the CSV's value. Number
 * columns hold numbers with NaN where the CSV cell is empty (a missing answer, a suppressed cell);
 * text columns keep empty text as ``; `suppressed` columns are booleans. Going through the writer
 * costs a serialisation, but it means no second copy of the field → column mapping can drift.
 */
import dfd from 'danfojs-node';
import type { DataFrame } from 'danfojs-node';
import type { AnswerTable, Respondent } from '../contracts/types.ts';
import { UsageError } from '../contracts/errors.ts';
import { answersToCsv } from '../io/table-files.ts';
import { parseOwnCsv } from '../io/csv-read.ts';
import { answerRespondents } from './answer-respondents.ts';
import { ROW_TABLE_WRITERS, TABLE_COLUMNS, columnType, detectRowKind, type TableKind } from './table-kinds.ts';

/** Anything `toDataFrame` accepts: the wide answer table (given as the long answers.csv rows), or an array of row objects. */
export type TableLike = AnswerTable | readonly object[];

export interface ToDataFrameOptions {
  /** The kind of table, needed only for an empty array (its columns cannot be seen from a row). */
  kind?: TableKind;
  /** Respondents an AnswerTable's indices point into; not needed for `loadWave(…).answers`. */
  respondents?: readonly Respondent[];
}

const isAnswerTable = (table: TableLike): table is AnswerTable => !Array.isArray(table) && 'codes' in table;

/**
 * A danfojs-node DataFrame with the same rows, columns and values as the CSV the pipeline writes
 * for `table` (respondents, answers, audit, estimates, tests or rankings). Any other array of row
 * objects becomes a DataFrame of its fields as they are.
 *
 * @example
 * ```ts
 * const wave2022 = loadWave({ wave: '2022' });
 * const estimates = toDataFrame(wave2022.estimates);   // columns wave, region, competency, …, ci_low, …
 * estimates.query(estimates.column('region').eq('Global')).head(5).print();
 * toDataFrame(wave2022.answers).shape;                  // [answers, 5]
 * ```
 */
export function toDataFrame(table: TableLike, options: ToDataFrameOptions = {}): DataFrame {
  if (isAnswerTable(table)) {
    const respondents = options.respondents ?? answerRespondents(table);
    if (!respondents) {
      throw new UsageError('toDataFrame(answers) needs the respondents the answers point into: pass { respondents: wave.respondents }');
    }
    return csvToDataFrame('answers', answersToCsv(table, respondents));
  }
  if (table.length === 0) {
    const columns = options.kind ? [...TABLE_COLUMNS[options.kind]] : [];
    return new dfd.DataFrame([], { columns });
  }
  const kind = options.kind ?? detectRowKind(table[0]);
  if (kind === null) return new dfd.DataFrame(table.map((row) => ({ ...row })));
  if (kind === 'answers') throw new UsageError('answers are a wide table: pass the AnswerTable itself to toDataFrame');
  return csvToDataFrame(kind, ROW_TABLE_WRITERS[kind](table));
}

/** Parses a CSV the pipeline wrote into typed columns, then a DataFrame with declared dtypes. */
function csvToDataFrame(kind: TableKind, csvText: string): DataFrame {
  const { header, records } = parseOwnCsv(csvText);
  const types = header.map((column) => columnType(kind, column));
  const columns: Record<string, (string | number | boolean)[]> = {};
  header.forEach((column, c) => {
    const type = types[c];
    columns[column] = records.map((record) => {
      const cell = record[c] ?? '';
      if (type === 'number') return cell === '' ? NaN : Number(cell);
      if (type === 'boolean') return cell === 'true';
      return cell;
    });
  });
  // Danfo guesses dtypes from values (it calls the text "2022" an int32); declaring them keeps a
  // wave id or a country code text.
  const dtypes = types.map((type) => (type === 'number' ? 'float32' : type === 'boolean' ? 'boolean' : 'string'));
  if (records.length === 0) return new dfd.DataFrame([], { columns: header });
  return new dfd.DataFrame(columns, { columns: header, dtypes });
}
