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
} from '../contracts/types.ts';
import { DIMENSIONS, MISSING_REASONS } from '../contracts/types.ts';
import { ABSENT_CODE, DIMENSION_COUNT, MISSING_CODE_BASE, createAnswerTable, setAnswer } from '../contracts/answer-table.ts';
import { formatCsv, formatCsvCell, formatCsvLine, type CsvCell } from './csv-write.ts';
import { numberCell, parseOwnCsv } from './csv-read.ts';

export const RESPONDENT_COLUMNS = [
  'respondent_id', 'population', 'country', 'region', 'organisation_type', 'weight', 'wave', 'source_file', 'source_row',
] as const;
export const ANSWER_COLUMNS = ['respondent_id', 'competency', 'dimension', 'value', 'missing_reason'] as const;
export const AUDIT_COLUMNS = ['source_file', 'source_row', 'response_id', 'status', 'reasons'] as const;
export const ESTIMATE_COLUMNS = [
  'wave', 'region', 'competency', 'population', 'measure', 'n', 'mean', 'sd', 'se', 'ci_low', 'ci_high', 'top2_share', 'suppressed', 'flag',
  'df', 'ci_method', 'top2_ci_low', 'top2_ci_high', 'deff', 'effective_n', 'kish_effective_n', 'country',
] as const;
export const TEST_COLUMNS = [
  'wave', 'region', 'competency', 'gap', 'test', 'n1', 'n2', 'statistic', 'p_value', 'q_value', 'family', 'effect_size', 'effect_measure', 'suppressed',
] as const;
export const RANKING_COLUMNS = [
  'wave', 'region', 'competency', 'mwds', 'rank', 'rank_ci_low', 'rank_ci_high', 'rank_simultaneous_low', 'rank_simultaneous_high', 'quadrant', 'suppressed',
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
  writeAnswersCsv(stringSink(chunks), answers, respondents);
  return chunks.join('');
}

/** answers-wide.csv as one string (tests). */
export function answersWideToCsv(answers: AnswerTable, respondents: readonly Respondent[]): string {
  const chunks: string[] = [];
  writeAnswersWideCsv(stringSink(chunks), answers, respondents);
  return chunks.join('');
}

/**
 * Where the streaming writers put their output (a BufferedFileWriter, or chunks of a string).
 * `writeBytes` receives UTF-8 that always ends at the end of a line.
 */
export interface TextSink {
  write(text: string): void;
  writeBytes(bytes: Uint8Array): void;
}

/** A sink gathering the output as strings. */
export function stringSink(chunks: string[]): TextSink {
  return { write: (text) => chunks.push(text), writeBytes: (bytes) => chunks.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) };
}

/** Lines gathered into one string before they go to the sink (a few hundred KiB). */
const LINES_PER_WRITE = 4096;
/** Bytes gathered before they go to the sink. */
const CHUNK_BYTES = 1 << 22;

/**
 * Lines assembled as UTF-8 in one reused buffer and handed to the sink whole lines at a time:
 * the answer files are mostly the same few cells (a value, a reason) repeated millions of times,
 * so each is encoded once and copied as bytes rather than built into strings. The sink must be
 * done with the bytes when writeBytes returns (the buffer is reused).
 */
class LineBytes {
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  constructor(private readonly sink: TextSink) {}

  text(text: string): void {
    this.room(text.length * 3);
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  bytes(bytes: Uint8Array): void {
    this.room(bytes.length);
    const buffer = this.buffer;
    let used = this.used;
    for (let i = 0; i < bytes.length; i++) buffer[used++] = bytes[i];
    this.used = used;
  }

  /** Call at the end of a line: hands the buffer over when it is nearly full. */
  endLine(): void {
    if (this.used > CHUNK_BYTES - (CHUNK_BYTES >> 3)) this.flush();
  }

  flush(): void {
    if (this.used > 0) this.sink.writeBytes(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private room(bytes: number): void {
    if (this.used + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.used + bytes));
    this.buffer.copy(grown, 0, 0, this.used);
    this.buffer = grown;
  }
}

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

/** The value and reason cells of every answer code, formatted once: [value cell, reason cell] by code. */
function answerCodeCells(answers: AnswerTable): [string, string][] {
  return Array.from({ length: 256 }, (_, code): [string, string] => {
    if (code === ABSENT_CODE) return ['', ''];
    if (code >= MISSING_CODE_BASE) return ['', formatCsvCell(MISSING_REASONS[code - MISSING_CODE_BASE])];
    return code < answers.levelValues.length ? [formatCsvCell(answers.levelValues[code]), ''] : ['', ''];
  });
}

/**
 * answers.csv (one line per answer: respondent, competency, dimension, value, missing reason) into
 * a sink, byte-identical to formatting each cell with formatCsvCell. Lines go by respondent, then
 * competency in the framework's order, then dimension (importance, preparedness, coverage). The
 * part of a line after the respondent id depends only on the cell and its code: it is encoded once.
 */
export function writeAnswersCsv(sink: TextSink, answers: AnswerTable, respondents: readonly Respondent[]): void {
  sink.write(formatCsvLine(ANSWER_COLUMNS));
  const out = new LineBytes(sink);
  const codeCells = answerCodeCells(answers);
  const rowWidth = answers.competencies.length * DIMENSION_COUNT;
  // `,competency,dimension,value,reason\n` per cell of a row × code, encoded when first met.
  const suffixes = new Array<Uint8Array | undefined>(rowWidth * 256);
  const slotCells = Array.from({ length: rowWidth }, (_, slot) =>
    `,${formatCsvCell(answers.competencies[Math.floor(slot / DIMENSION_COUNT)])},${formatCsvCell(DIMENSIONS[slot % DIMENSION_COUNT])}`);
  const { codes } = answers;
  for (let respondent = 0; respondent < answers.respondentCount; respondent++) {
    const rowStart = respondent * rowWidth;
    let id: Uint8Array | null = null;
    for (let slot = 0; slot < rowWidth; slot++) {
      const code = codes[rowStart + slot];
      if (code === ABSENT_CODE) continue;
      id ??= utf8(formatCsvCell(respondents[respondent].respondentId));
      const key = slot * 256 + code;
      const suffix = (suffixes[key] ??= utf8(`${slotCells[slot]},${codeCells[code][0]},${codeCells[code][1]}\n`));
      out.bytes(id);
      out.bytes(suffix);
    }
    out.endLine();
  }
  out.flush();
}

/**
 * answers-wide.csv: one line per respondent, `respondent_id` and, per competency × dimension
 * present in the wave, `<competency>.<dimension>` (the value) and `<competency>.<dimension>.missing`
 * (the reason, empty when there is a value): the same facts as answers.csv in about a fifth of
 * the bytes, for waves too large for the long file (output.longAnswers, docs/performance.md).
 * A cell a respondent was not asked is empty in both columns.
 */
export function writeAnswersWideCsv(sink: TextSink, answers: AnswerTable, respondents: readonly Respondent[]): void {
  const rowWidth = answers.competencies.length * DIMENSION_COUNT;
  const { codes } = answers;
  const present = new Uint8Array(rowWidth);
  for (let i = 0; i < codes.length; i++) if (codes[i] !== ABSENT_CODE) present[i % rowWidth] = 1;
  const slots = Int32Array.from([...present.keys()].filter((slot) => present[slot]));
  const names = [...slots].map((slot) => `${answers.competencies[Math.floor(slot / DIMENSION_COUNT)]}.${DIMENSIONS[slot % DIMENSION_COUNT]}`);
  sink.write(formatCsvLine(['respondent_id', ...names.flatMap((name) => [name, `${name}.missing`])]));
  // `,value,reason` per code, encoded once (a scale has a handful of values).
  const codeBytes = answerCodeCells(answers).map(([value, reason]) => utf8(`,${value},${reason}`));
  const newline = utf8('\n');
  const out = new LineBytes(sink);
  for (let respondent = 0; respondent < answers.respondentCount; respondent++) {
    out.text(formatCsvCell(respondents[respondent].respondentId));
    const rowStart = respondent * rowWidth;
    for (let s = 0; s < slots.length; s++) out.bytes(codeBytes[codes[rowStart + slots[s]]]);
    out.bytes(newline);
    out.endLine();
  }
  out.flush();
}

/**
 * Formats a cell through formatCsvCell, remembering the texts that repeat (population, country,
 * region, source file…: a few hundred distinct values over millions of lines) so that each is
 * checked against the spreadsheet-safety rules once.
 */
function repeatedCellFormatter(): (cell: string) => string {
  const formatted = new Map<string, string>();
  return (cell) => {
    let text = formatted.get(cell);
    if (text === undefined) {
      text = formatCsvCell(cell);
      if (formatted.size < 65_536) formatted.set(cell, text);
    }
    return text;
  };
}

/** A number as formatCsvCell writes it (integers, the common case, without the general path). */
const numberCellText = (value: number) => (Number.isInteger(value) ? String(value) : formatCsvCell(value));

/** respondents.csv into a sink, a few thousand lines per write; byte-identical to formatCsvLine per row. */
export function writeRespondentsCsv(sink: TextSink, respondents: readonly Respondent[]): void {
  sink.write(formatCsvLine(RESPONDENT_COLUMNS));
  const repeated = repeatedCellFormatter();
  let text = '';
  for (let i = 0; i < respondents.length; i++) {
    const r = respondents[i];
    text += `${formatCsvCell(r.respondentId)},${repeated(r.population)},${repeated(r.country)},${repeated(r.region)},${repeated(r.organisationType)},${numberCellText(r.weight)},${repeated(r.wave)},${repeated(r.sourceFile)},${numberCellText(r.sourceRow)}\n`;
    if (i % LINES_PER_WRITE === LINES_PER_WRITE - 1) {
      sink.write(text);
      text = '';
    }
  }
  sink.write(text);
}

/** quality/audit.csv into a sink; byte-identical to formatCsvLine per row. */
export function writeAuditCsv(sink: TextSink, audit: readonly AuditRow[]): void {
  sink.write(formatCsvLine(AUDIT_COLUMNS));
  const repeated = repeatedCellFormatter();
  let text = '';
  for (let i = 0; i < audit.length; i++) {
    const a = audit[i];
    text += `${repeated(a.sourceFile)},${numberCellText(a.sourceRow)},${formatCsvCell(a.responseId)},${a.status},${a.reasons.length === 0 ? '' : repeated(a.reasons.join(';'))}\n`;
    if (i % LINES_PER_WRITE === LINES_PER_WRITE - 1) {
      sink.write(text);
      text = '';
    }
  }
  sink.write(text);
}

/**
 * answers.csv back into the wide table. `competencyOrder` fixes the competency indices (the
 * framework's order), as in memory; a competency not in it is appended.
 */
export function answersFromCsv(text: string, respondents: readonly Respondent[], competencyOrder: readonly string[], scale: { min: number; max: number }): AnswerTable {
  const { records } = parseOwnCsv(text);
  const indexOfRespondent = new Map(respondents.map((r, i) => [r.respondentId, i]));
  const competencies: string[] = [...competencyOrder];
  for (const c of records) if (!competencies.includes(c[1])) competencies.push(c[1]);
  const indexOfCompetency = new Map<string, number>(competencies.map((id, i) => [id, i]));
  const table = createAnswerTable(respondents.length, competencies, scale);
  records.forEach((c, i) => {
    const respondent = indexOfRespondent.get(c[0]);
    if (respondent === undefined) throw new Error(`answers.csv row ${i + 2}: respondent ${c[0]} is not in respondents.csv`);
    const dimension = DIMENSIONS.indexOf(c[2] as (typeof DIMENSIONS)[number]);
    if (dimension < 0) throw new Error(`answers.csv row ${i + 2}: unknown dimension ${c[2]}`);
    const value = numberCell(c[3]);
    const reason = c[4] ? (c[4] as (typeof MISSING_REASONS)[number]) : null;
    setAnswer(table, respondent, indexOfCompetency.get(c[1])!, dimension, value, reason ?? (Number.isNaN(value) ? 'blank' : null));
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
  e.df, e.ciMethod, e.top2CiLow, e.top2CiHigh, e.deff, e.effectiveN, e.kishEffectiveN, e.country ?? '',
];
const testCells = (t: TestRow): CsvCell[] => [
  t.wave, t.region, t.competency, t.gap, t.test, t.n1, t.n2, t.statistic, t.pValue, t.qValue, t.family, t.effectSize, t.effectMeasure, t.suppressed,
];
const rankingCells = (r: RankingRow): CsvCell[] => [
  r.wave, r.region, r.competency, r.mwds, r.rank, r.rankCiLow, r.rankCiHigh, r.rankSimultaneousLow, r.rankSimultaneousHigh, r.quadrant, r.suppressed,
];

export const MARGIN_FIT_COLUMNS = ['population', 'variable', 'category', 'target', 'achieved', 'relative_difference'] as const;
export const marginFitToCsv = (rows: NonNullable<AnalysisResult['marginFit']>) =>
  formatCsv(MARGIN_FIT_COLUMNS, rows.map((r) => [r.population, r.variable, r.category, r.target, r.achieved, r.relativeDifference]));
export const RESPONDENT_WEIGHT_HEADER = 'respondent_id,population,base_weight,final_weight\n';
/** One line of respondent-weights.csv (the weights with full precision, so estimates can be recomputed). */
export const respondentWeightLine = (respondentId: string, population: string, baseWeight: number, finalWeight: number) =>
  `${formatCsvCell(respondentId)},${population},${formatCsvCell(baseWeight)},${formatCsvCell(finalWeight)}\n`;

export const estimatesToCsv = (rows: readonly EstimateRow[]) => formatCsv(ESTIMATE_COLUMNS, rows.map(estimateCells));
export const testsToCsv = (rows: readonly TestRow[]) => formatCsv(TEST_COLUMNS, rows.map(testCells));
export const rankingsToCsv = (rows: readonly RankingRow[]) => formatCsv(RANKING_COLUMNS, rows.map(rankingCells));

/**
 * The whole analysis result as JSON (NaN and ±Infinity → null, as JSON.stringify writes them), the
 * cache the render stage and `skillgap figures` read. Suppressed values are already NaN in the
 * result, so they are absent here too. Written without indentation: it is a cache of ≈ 10 MB.
 */
export function analysisToJson(result: AnalysisResult): string {
  return JSON.stringify(result);
}

/** Reads analysisToJson's text back, every null as NaN (a walk after the native parse: a reviver function is several times slower). */
export function analysisFromJson(text: string): AnalysisResult {
  const result = JSON.parse(text) as AnalysisResult;
  const pending: unknown[] = [result];
  while (pending.length > 0) {
    const node = pending.pop() as Record<string, unknown> | unknown[];
    if (Array.isArray(node)) {
      for (let at = 0; at < node.length; at++) {
        const value = node[at];
        if (value === null) node[at] = NaN;
        else if (typeof value === 'object') pending.push(value);
      }
    } else {
      for (const key in node) {
        const value = node[key];
        if (value === null) node[key] = NaN;
        else if (typeof value === 'object') pending.push(value);
      }
    }
  }
  return result;
}
