/**
 * The files other tools read, with their fixed column names, and how our tables become them
 * (and come back, for a stage that runs alone from the previous stage's files).
 */
import type {
  AnalysisResult,
  AnswerTable,
  AuditRow,
  EstimateRow,
  RankingRow,
  Respondent,
  TestRow,
} from '../types.ts';
import { DIMENSIONS, MISSING_REASONS } from '../types.ts';
import { formatCsv, formatCsvCell, formatCsvLine, type CsvCell } from './csv-write.ts';
import { numberCell, parseOwnCsv } from './csv-read.ts';

export const RESPONDENT_COLUMNS = [
  'respondent_id', 'population', 'country', 'region', 'organisation_type', 'weight', 'wave', 'source_file', 'source_row',
] as const;
export const ANSWER_COLUMNS = ['respondent_id', 'competency', 'dimension', 'value', 'missing_reason'] as const;
export const AUDIT_COLUMNS = ['source_file', 'source_row', 'response_id', 'status', 'reasons'] as const;
export const ESTIMATE_COLUMNS = [
  'wave', 'region', 'competency', 'population', 'measure', 'n', 'mean', 'sd', 'se', 'ci_low', 'ci_high', 'top2_share', 'suppressed', 'flag',
] as const;
export const TEST_COLUMNS = [
  'wave', 'region', 'competency', 'gap', 'test', 'n1', 'n2', 'statistic', 'p_value', 'q_value', 'effect_size', 'effect_measure', 'suppressed',
] as const;
export const RANKING_COLUMNS = [
  'wave', 'region', 'competency', 'mwds', 'rank', 'rank_ci_low', 'rank_ci_high', 'quadrant', 'suppressed',
] as const;

export function respondentsToCsv(respondents: readonly Respondent[]): string {
  return formatCsv(RESPONDENT_COLUMNS, respondents.map((r) => [
    r.respondentId, r.population, r.country, r.region, r.organisationType, r.weight, r.wave, r.sourceFile, r.sourceRow,
  ]));
}

export function respondentsFromCsv(text: string): Respondent[] {
  const { records } = parseOwnCsv(text);
  return records.map((c) => ({
    respondentId: c[0], population: c[1] as Respondent['population'], country: c[2], region: c[3],
    organisationType: c[4], weight: numberCell(c[5]), wave: c[6], sourceFile: c[7], sourceRow: numberCell(c[8]),
  }));
}

/** answers.csv as one string (small tables: the API's data frames, tests). */
export function answersToCsv(answers: AnswerTable, respondents: readonly Respondent[]): string {
  const chunks: string[] = [];
  writeAnswersCsv({ write: (text) => chunks.push(text) }, answers, respondents);
  return chunks.join('');
}

/** Where the streaming writers put their text (a BufferedFileWriter, or an array of chunks). */
export interface TextSink {
  write(text: string): void;
}

/** Lines gathered into one string before they go to the sink (a few hundred KiB). */
const LINES_PER_WRITE = 4096;

/**
 * answers.csv line by line into a sink, byte-identical to formatting each cell with
 * formatCsvCell: the cells that repeat (respondent ids, competencies, dimensions, values, reasons)
 * are formatted once each, so a line is a concatenation of five ready strings. A million
 * respondents give 120 million lines; formatting every cell anew was most of the stage's time.
 */
export function writeAnswersCsv(sink: TextSink, answers: AnswerTable, respondents: readonly Respondent[]): void {
  sink.write(formatCsvLine(ANSWER_COLUMNS));
  const idCells = new Array<string>(respondents.length);
  const competencyCells = answers.competencies.map((id) => formatCsvCell(id));
  const dimensionCells = DIMENSIONS.map((dimension) => formatCsvCell(dimension));
  const reasonCells = ['', ...MISSING_REASONS.map((reason) => formatCsvCell(reason))];
  const valueCells = new Map<number, string>();
  let text = '';
  for (let i = 0; i < answers.length; i++) {
    const respondent = answers.respondentIndex[i];
    const idCell = (idCells[respondent] ??= formatCsvCell(respondents[respondent].respondentId));
    const reason = answers.missingReason[i];
    let valueCell = '';
    if (reason === 0) {
      const value = answers.value[i];
      valueCell = valueCells.get(value) ?? formatCsvCell(value);
      if (valueCells.size < 1024) valueCells.set(value, valueCell);
    }
    text += `${idCell},${competencyCells[answers.competencyIndex[i]]},${dimensionCells[answers.dimension[i]]},${valueCell},${reasonCells[reason]}\n`;
    if (i % LINES_PER_WRITE === LINES_PER_WRITE - 1) {
      sink.write(text);
      text = '';
    }
  }
  sink.write(text);
}

/**
 * answers-wide.csv: one line per respondent, `respondent_id` and, per competency × dimension
 * present, `<competency>.<dimension>` (the value) and `<competency>.<dimension>.missing` (the
 * reason, empty when there is a value): the same facts as answers.csv in about a fifth of the
 * bytes, for waves too large for the long file (output.longAnswers, docs/performance.md).
 * Requires the answers grouped by respondent, as normaliseWave builds them.
 */
export function writeAnswersWideCsv(sink: TextSink, answers: AnswerTable, respondents: readonly Respondent[]): void {
  const slotOf = (i: number) => answers.competencyIndex[i] * DIMENSIONS.length + answers.dimension[i];
  const present = new Uint8Array(answers.competencies.length * DIMENSIONS.length);
  for (let i = 0; i < answers.length; i++) present[slotOf(i)] = 1;
  const slots = [...present.keys()].filter((slot) => present[slot]);
  const columnOfSlot = new Int32Array(present.length).fill(-1);
  slots.forEach((slot, column) => (columnOfSlot[slot] = column));
  const names = slots.map((slot) => `${answers.competencies[Math.floor(slot / DIMENSIONS.length)]}.${DIMENSIONS[slot % DIMENSIONS.length]}`);
  sink.write(formatCsvLine(['respondent_id', ...names.flatMap((name) => [name, `${name}.missing`])]));
  const reasonCells = ['', ...MISSING_REASONS.map((reason) => formatCsvCell(reason))];
  const cells = new Array<string>(slots.length * 2).fill('');
  // A scale has a handful of values: each is formatted once (104M answers at 1M per population).
  const valueCells = new Map<number, string>();
  const valueCell = (value: number) => {
    let cell = valueCells.get(value);
    if (cell === undefined) valueCells.set(value, (cell = formatCsvCell(value)));
    return cell;
  };
  let text = '';
  let lines = 0;
  const flushRespondent = (respondent: number) => {
    text += `${formatCsvCell(respondents[respondent].respondentId)},${cells.join(',')}\n`;
    cells.fill('');
    if (++lines % 1024 === 0) {
      sink.write(text);
      text = '';
    }
  };
  let current = -1;
  for (let i = 0; i < answers.length; i++) {
    const respondent = answers.respondentIndex[i];
    if (respondent !== current) {
      if (respondent < current) throw new Error('answers-wide.csv: the answers are not grouped by respondent');
      if (current >= 0) flushRespondent(current);
      current = respondent;
    }
    const column = columnOfSlot[slotOf(i)];
    const reason = answers.missingReason[i];
    cells[2 * column] = reason === 0 ? valueCell(answers.value[i]) : '';
    cells[2 * column + 1] = reasonCells[reason];
  }
  if (current >= 0) flushRespondent(current);
  sink.write(text);
}

/** respondents.csv into a sink, a few thousand lines per write. */
export function writeRespondentsCsv(sink: TextSink, respondents: readonly Respondent[]): void {
  sink.write(formatCsvLine(RESPONDENT_COLUMNS));
  let text = '';
  for (let i = 0; i < respondents.length; i++) {
    const r = respondents[i];
    text += formatCsvLine([r.respondentId, r.population, r.country, r.region, r.organisationType, r.weight, r.wave, r.sourceFile, r.sourceRow]);
    if (i % LINES_PER_WRITE === LINES_PER_WRITE - 1) {
      sink.write(text);
      text = '';
    }
  }
  sink.write(text);
}

/** quality/audit.csv into a sink. */
export function writeAuditCsv(sink: TextSink, audit: readonly AuditRow[]): void {
  sink.write(formatCsvLine(AUDIT_COLUMNS));
  let text = '';
  for (let i = 0; i < audit.length; i++) {
    const a = audit[i];
    text += formatCsvLine([a.sourceFile, a.sourceRow, a.responseId, a.status, a.reasons.join(';')]);
    if (i % LINES_PER_WRITE === LINES_PER_WRITE - 1) {
      sink.write(text);
      text = '';
    }
  }
  sink.write(text);
}

/** `competencyOrder` fixes the competency indices (the framework's order), as in memory. */
export function answersFromCsv(text: string, respondents: readonly Respondent[], competencyOrder: readonly string[]): AnswerTable {
  const { records } = parseOwnCsv(text);
  const indexOfRespondent = new Map(respondents.map((r, i) => [r.respondentId, i]));
  const competencies: string[] = [...competencyOrder];
  const indexOfCompetency = new Map<string, number>(competencies.map((id, i) => [id, i]));
  const table: AnswerTable = {
    length: records.length,
    competencies,
    respondentIndex: new Int32Array(records.length),
    competencyIndex: new Uint16Array(records.length),
    dimension: new Uint8Array(records.length),
    value: new Float64Array(records.length),
    missingReason: new Uint8Array(records.length),
  };
  records.forEach((c, i) => {
    const respondentIndex = indexOfRespondent.get(c[0]);
    if (respondentIndex === undefined) throw new Error(`answers.csv row ${i + 2}: respondent ${c[0]} is not in respondents.csv`);
    let competencyIndex = indexOfCompetency.get(c[1]);
    if (competencyIndex === undefined) {
      competencyIndex = competencies.length;
      competencies.push(c[1]);
      indexOfCompetency.set(c[1], competencyIndex);
    }
    table.respondentIndex[i] = respondentIndex;
    table.competencyIndex[i] = competencyIndex;
    table.dimension[i] = DIMENSIONS.indexOf(c[2] as (typeof DIMENSIONS)[number]);
    table.value[i] = numberCell(c[3]);
    table.missingReason[i] = c[4] ? MISSING_REASONS.indexOf(c[4] as (typeof MISSING_REASONS)[number]) + 1 : 0;
  });
  return table;
}

export function auditToCsv(audit: readonly AuditRow[]): string {
  return formatCsv(AUDIT_COLUMNS, audit.map((a) => [a.sourceFile, a.sourceRow, a.responseId, a.status, a.reasons.join(';')]));
}

export function auditFromCsv(text: string): AuditRow[] {
  return parseOwnCsv(text).records.map((c) => ({
    sourceFile: c[0], sourceRow: numberCell(c[1]), responseId: c[2], status: c[3] as AuditRow['status'],
    reasons: (c[4] ? c[4].split(';') : []) as AuditRow['reasons'],
  }));
}

const estimateCells = (e: EstimateRow): CsvCell[] => [
  e.wave, e.region, e.competency, e.population, e.measure, e.n, e.mean, e.sd, e.se, e.ciLow, e.ciHigh, e.top2Share, e.suppressed, e.flag,
];
const testCells = (t: TestRow): CsvCell[] => [
  t.wave, t.region, t.competency, t.gap, t.test, t.n1, t.n2, t.statistic, t.pValue, t.qValue, t.effectSize, t.effectMeasure, t.suppressed,
];
const rankingCells = (r: RankingRow): CsvCell[] => [
  r.wave, r.region, r.competency, r.mwds, r.rank, r.rankCiLow, r.rankCiHigh, r.quadrant, r.suppressed,
];

export const estimatesToCsv = (rows: readonly EstimateRow[]) => formatCsv(ESTIMATE_COLUMNS, rows.map(estimateCells));
export const testsToCsv = (rows: readonly TestRow[]) => formatCsv(TEST_COLUMNS, rows.map(testCells));
export const rankingsToCsv = (rows: readonly RankingRow[]) => formatCsv(RANKING_COLUMNS, rows.map(rankingCells));

/**
 * The whole analysis result as JSON (NaN → null), the cache the render stage and `skillgap
 * figures` read. Suppressed values are already NaN in the result, so they are absent here too.
 */
export function analysisToJson(result: AnalysisResult): string {
  return JSON.stringify(result, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 1);
}

export function analysisFromJson(text: string): AnalysisResult {
  return JSON.parse(text, (_key, value) => (value === null ? NaN : value)) as AnalysisResult;
}
