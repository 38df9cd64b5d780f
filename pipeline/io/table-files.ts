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
import { formatCsv, formatCsvLine, type CsvCell } from './csv-write.ts';
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

/** answers.csv is built line by line into chunks: a large wave has tens of millions of answers. */
export function answersToCsv(answers: AnswerTable, respondents: readonly Respondent[]): string {
  const chunks: string[] = [formatCsvLine(ANSWER_COLUMNS)];
  let chunk = '';
  for (let i = 0; i < answers.length; i++) {
    const reason = answers.missingReason[i];
    chunk += formatCsvLine([
      respondents[answers.respondentIndex[i]].respondentId,
      answers.competencies[answers.competencyIndex[i]],
      DIMENSIONS[answers.dimension[i]],
      reason === 0 ? answers.value[i] : null,
      reason === 0 ? null : MISSING_REASONS[reason - 1],
    ]);
    if (chunk.length > 1 << 20) { chunks.push(chunk); chunk = ''; }
  }
  chunks.push(chunk);
  return chunks.join('');
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
