/**
 * The normalise stage: raw export tables → the data model (respondents, long answers) and an
 * audit row for every input row. Pure: no file access; the runner passes tables in and writes
 * the result out.
 *
 *   per source: resolve codebook columns → recode answers → quality rules → country & region
 *   then: concatenate kept respondents, build the columnar answer table, collect warnings
 */
import type {
  AnswerTable,
  AuditRow,
  Codebook,
  NormalisedWave,
  QualityReason,
  RawTable,
  Respondent,
  Warning,
  WaveConfig,
} from '../types.ts';
import { DIMENSIONS, MISSING_REASONS } from '../types.ts';
import { ValidationError } from '../errors.ts';
import { resolveColumns } from './resolve-columns.ts';
import { makeAnswerRecoder } from './recode-answer.ts';
import { spssAwareRecoder, spssColumnInfo } from './spss-answers.ts';
import { cellText, columnarFromRows, type ColumnarRawTable, type ColumnCells } from './columnar-raw-table.ts';
import type { RecodedAnswer } from './recode-answer.ts';
import { isTestResponse } from './quality/test-responses.ts';
import { failsAttentionCheck } from './quality/attention-checks.ts';
import { isIncomplete, parseFinished } from './quality/incomplete.ts';
import { speederThreshold } from './quality/speeders.ts';
import { isStraightLiner } from './quality/straight-liners.ts';
import { findDuplicates, gridRowKeys } from './quality/duplicates.ts';
import { resolveCountry, suggestCountries } from './countries.ts';
import { regionOf } from './regions.ts';
import { countryMessages, normaliseMessages } from '../messages/index.ts';

export interface NormaliseOptions {
  /** Competency ids in display order (the framework's); codebook competencies not in it are an error. */
  competencyOrder: readonly string[];
}

export function normaliseWave(
  tables: readonly (RawTable | ColumnarRawTable)[],
  config: WaveConfig,
  codebook: Codebook,
  options: NormaliseOptions,
): NormalisedWave {
  const recode = makeAnswerRecoder(codebook.scale);
  const competencyIndex = new Map(options.competencyOrder.map((id, i) => [id, i]));
  checkCodebookCompetencies(codebook, competencyIndex);

  const respondents: Respondent[] = [];
  const audit: AuditRow[] = [];
  const warnings: Warning[] = [];
  // Upper bound of the answer count, so the columnar table is allocated once (a large wave has tens of millions).
  let capacity = 0;
  const columnarTables = tables.map((table) => ('rows' in table ? columnarFromRows(table) : table));
  for (const table of columnarTables) capacity += table.rowCount * (codebook.sources.find((s) => s.source === table.sourceId)?.items.length ?? 0);
  const answers = allocateAnswerTable(capacity, [...options.competencyOrder]);
  let answerCount = 0;

  for (const table of columnarTables) {
    const source = config.sources.find((s) => s.id === table.sourceId);
    const sourceCodebook = codebook.sources.find((s) => s.source === table.sourceId);
    if (!source || !sourceCodebook) {
      throw new ValidationError(normaliseMessages.sourceNotInCodebook(table.sourceId), { file: table.sourceFile });
    }
    const columns = resolveColumns(table, sourceCodebook);
    for (const missing of columns.missingItems) {
      warnings.push({ code: 'missing_item_column', message: normaliseMessages.missingItemColumn(missing), file: table.sourceFile, column: missing });
    }
    const itemCount = columns.items.length;
    const rowCount = table.rowCount;
    const cell = (row: number, index: number) => (index >= 0 ? cellText(table.cells[index], row) : '');

    // Recode every rating once per distinct text of its column; unknown labels become `invalid`
    // and one warning per label and column.
    // Every row's answers are recoded straight into the answer table, at this source's end of it
    // (row-major: row r's items at r × itemCount); the kept rows are then moved down over the
    // excluded ones (below). No separate grid of the source's values is allocated (≈ 0.5 GB at
    // a million rows). The table has room for every row of every source (`capacity`).
    const gridStart = answerCount;
    const values = answers.value.subarray(gridStart, gridStart + rowCount * itemCount);
    const missing = answers.missingReason.subarray(gridStart, gridStart + rowCount * itemCount);
    const unknownLabels = new Map<string, { column: string; label: string; rows: number[] }>();
    const blank = blankRows(table);
    const finished = new Int8Array(rowCount).fill(-1);
    const progress = new Float64Array(rowCount).fill(NaN);
    const duration = new Float64Array(rowCount).fill(NaN);
    const weights = new Float64Array(rowCount).fill(1);
    const answeredAny = new Uint8Array(rowCount);
    const responseIds: string[] = new Array(rowCount);
    const weightProblems: { message: string; where: { file: string; row: number; column: string } }[] = [];
    const itemColumns = columns.items.map((item) => recodeColumn(table.cells[item.index], spssAwareRecoder(spssColumnInfo(table, item.index), recode)));

    for (let r = 0; r < rowCount; r++) {
      responseIds[r] = cell(r, columns.respondentId).trim();
      if (columns.finished >= 0) finished[r] = parseFinished(cell(r, columns.finished));
      if (columns.progress >= 0) progress[r] = parseNumber(cell(r, columns.progress));
      if (columns.durationSeconds >= 0) duration[r] = parseNumber(cell(r, columns.durationSeconds));
      if (columns.weight >= 0 && !blank[r]) {
        const weight = parseNumber(cell(r, columns.weight));
        if (!(weight > 0)) {
          weightProblems.push({ message: normaliseMessages.badWeight(), where: { file: table.sourceFile, row: table.sourceRows[r], column: table.columns[columns.weight].key } });
        } else weights[r] = weight;
      }
      let answered = 0;
      for (let item = 0; item < itemCount; item++) {
        const answer = itemColumns[item](r);
        const at = r * itemCount + item;
        if (answer.missing === null) {
          values[at] = answer.value;
          missing[at] = 0;
          answered++;
        } else {
          values[at] = NaN;
          missing[at] = MISSING_REASONS.indexOf(answer.missing) + 1;
          if (answer.missing === 'invalid' && !blank[r]) {
            const text = cell(r, columns.items[item].index);
            const column = columns.items[item].column;
            const key = `${column}\u0000${text}`;
            const entry = unknownLabels.get(key) ?? { column, label: text, rows: [] };
            entry.rows.push(table.sourceRows[r]);
            unknownLabels.set(key, entry);
          }
        }
      }
      answeredAny[r] = answered > 0 ? 1 : 0;
    }
    if (weightProblems.length > 0) throw ValidationError.many(weightProblems);
    for (const { column, label, rows } of unknownLabels.values()) {
      warnings.push({ code: 'unknown_label', message: normaliseMessages.unknownLabel(label, rows), file: table.sourceFile, row: rows[0], column });
    }

    // Quality rules.
    const rules = config.quality;
    const duplicates = rules.dropDuplicates
      ? findDuplicates(responseIds, gridRowKeys(
        internedIds(table, columns.country, normaliseCountryKey),
        internedIds(table, columns.organisationType, (text) => text),
        values, itemCount, answeredAny,
      ), blank)
      : { byId: new Uint8Array(rowCount), byAnswers: new Uint8Array(rowCount) };
    const speedLimit = speederThreshold(duration, invert(blank), rules.speederFraction);
    const itemDimensions = columns.items.map((item) => item.dimension);
    const itemDimension = Uint8Array.from(itemDimensions, (dimension) => DIMENSIONS.indexOf(dimension));
    const itemCompetency = Uint16Array.from(columns.items, (item) => competencyIndex.get(item.competency)!);
    const unknownCountries = new Map<string, number[]>();

    for (let r = 0; r < rowCount; r++) {
      const reasons: QualityReason[] = [];
      if (blank[r]) reasons.push('blank_row');
      else {
        if (duplicates.byId[r]) reasons.push('duplicate_response_id');
        if (duplicates.byAnswers[r]) reasons.push('duplicate_answers');
        if (columns.status >= 0 && isTestResponse(cell(r, columns.status))) reasons.push('test_response');
        if (rules.attentionChecks !== false && failsAttentionCheck(columns.attentionChecks, (index) => cell(r, index))) reasons.push('failed_attention_check');
        if (isIncomplete(finished[r], progress[r], rules.minProgress)) reasons.push('incomplete');
        if (Number.isFinite(speedLimit) && duration[r] < speedLimit) reasons.push('speeder');
        if (isStraightLiner(values, r * itemCount, itemDimensions, rules.straightLineMinItems)) reasons.push('straight_liner');
        if (countAnswered(values, r * itemCount, itemCount) < Math.max(1, rules.minAnsweredItems)) reasons.push('no_ratings');
      }
      audit.push({
        sourceFile: table.sourceFile,
        sourceRow: table.sourceRows[r],
        responseId: responseIds[r],
        status: reasons.length === 0 ? 'kept' : 'excluded',
        reasons,
      });
      if (reasons.length > 0) continue;

      const countryText = cell(r, columns.country);
      const country = resolveCountry(countryText);
      if (country.alpha2 === null) {
        const key = countryText.trim();
        unknownCountries.set(key, [...(unknownCountries.get(key) ?? []), table.sourceRows[r]]);
      }
      const respondentIndex = respondents.length;
      respondents.push({
        respondentId: `${table.sourceId}:${responseIds[r] || `row${table.sourceRows[r]}`}`,
        population: source.population,
        country: country.alpha2 ?? '',
        region: country.alpha2 ? regionOf(country.alpha2, config.regionScheme) : 'Unknown',
        organisationType: cell(r, columns.organisationType).trim(),
        weight: weights[r],
        wave: config.wave,
        sourceFile: table.sourceFile,
        sourceRow: table.sourceRows[r],
      });
      // Moving down: answerCount ≤ gridStart + at, so a cell is read before anything overwrites it.
      for (let item = 0; item < itemCount; item++) {
        const at = r * itemCount + item;
        answers.respondentIndex[answerCount] = respondentIndex;
        answers.competencyIndex[answerCount] = itemCompetency[item];
        answers.dimension[answerCount] = itemDimension[item];
        answers.value[answerCount] = values[at];
        answers.missingReason[answerCount] = missing[at];
        answerCount++;
      }
    }
    for (const [text, rows] of unknownCountries) {
      warnings.push({
        code: 'unknown_country',
        message: normaliseMessages.unknownCountry(countryMessages.unknownCountry(text, suggestCountries(text).map((s) => s.name)), rows),
        file: table.sourceFile,
        row: rows[0],
        column: table.columns[columns.country].key,
      });
    }
  }

  return {
    wave: config.wave,
    scale: { min: codebook.scale.min, max: codebook.scale.max },
    regionScheme: config.regionScheme,
    respondents,
    answers: truncateAnswerTable(answers, answerCount),
    audit,
    warnings,
  };
}

function allocateAnswerTable(capacity: number, competencies: string[]): AnswerTable {
  return {
    length: capacity,
    competencies,
    respondentIndex: new Int32Array(capacity),
    competencyIndex: new Uint16Array(capacity),
    dimension: new Uint8Array(capacity),
    value: new Float64Array(capacity),
    missingReason: new Uint8Array(capacity),
  };
}

/** Views of the first `length` entries (no copy). */
function truncateAnswerTable(table: AnswerTable, length: number): AnswerTable {
  return {
    length,
    competencies: table.competencies,
    respondentIndex: table.respondentIndex.subarray(0, length),
    competencyIndex: table.competencyIndex.subarray(0, length),
    dimension: table.dimension.subarray(0, length),
    value: table.value.subarray(0, length),
    missingReason: table.missingReason.subarray(0, length),
  };
}

function checkCodebookCompetencies(codebook: Codebook, known: Map<string, number>): void {
  const problems = [];
  for (const source of codebook.sources) {
    for (const item of source.items) {
      if (!known.has(item.competency)) {
        problems.push({ message: normaliseMessages.unknownCompetency(item.competency), where: { file: `codebook (source ${source.source})`, column: item.column } });
      }
    }
  }
  if (problems.length > 0) throw ValidationError.many(problems);
}

function parseNumber(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? NaN : Number(trimmed);
}

function countAnswered(values: Float64Array, offset: number, count: number): number {
  let answered = 0;
  for (let i = 0; i < count; i++) if (!Number.isNaN(values[offset + i])) answered++;
  return answered;
}

function invert(flags: Uint8Array): Uint8Array {
  const inverted = new Uint8Array(flags.length);
  for (let i = 0; i < flags.length; i++) inverted[i] = flags[i] ? 0 : 1;
  return inverted;
}

/**
 * The recoded answers of one rating column as a row → answer function: a dictionary column is
 * recoded once per distinct text, a plain column cell by cell (through the recoder's memo).
 */
function recodeColumn(column: ColumnCells, recode: (cell: string) => RecodedAnswer): (row: number) => RecodedAnswer {
  if (column.kind === 'skipped') throw new Error('normaliseWave: a rating column was skipped when the table was read');
  if (column.kind === 'plain') return (row) => recode(column.values[row]);
  const byCode = column.dictionary.map(recode);
  const codes = column.codes;
  return (row) => byCode[codes[row]];
}

/** Rows whose every cell is empty or white space (isBlankRow, decided once per distinct text). */
function blankRows(table: ColumnarRawTable): Uint8Array {
  const blank = new Uint8Array(table.rowCount).fill(1);
  if (table.textInSkipped) for (let r = 0; r < table.rowCount; r++) if (table.textInSkipped[r]) blank[r] = 0;
  for (const column of table.cells) {
    if (column.kind === 'skipped') continue;
    if (column.kind === 'plain') {
      for (let r = 0; r < table.rowCount; r++) if (blank[r] && column.values[r].trim() !== '') blank[r] = 0;
    } else {
      const emptyCode = Uint8Array.from(column.dictionary, (text) => (text.trim() === '' ? 1 : 0));
      for (let r = 0; r < table.rowCount; r++) if (blank[r] && !emptyCode[column.codes[r]]) blank[r] = 0;
    }
  }
  return blank;
}

/**
 * One integer per row standing for `key(text of the cell)`: equal keys, equal ids (the row keys of
 * duplicate detection compare these instead of texts). A dictionary column computes the key once
 * per distinct text; an absent column (index < 0) gives every row the key of ''.
 */
function internedIds(table: ColumnarRawTable, columnIndex: number, key: (text: string) => string): Int32Array {
  const ids = new Int32Array(table.rowCount);
  if (columnIndex < 0) return ids;
  const idOfKey = new Map<string, number>();
  const intern = (text: string) => {
    const k = key(text);
    let id = idOfKey.get(k);
    if (id === undefined) idOfKey.set(k, (id = idOfKey.size));
    return id;
  };
  const column = table.cells[columnIndex];
  if (column.kind === 'dictionary') {
    const idOfCode = Int32Array.from(column.dictionary, intern);
    for (let r = 0; r < table.rowCount; r++) ids[r] = idOfCode[column.codes[r]];
  } else for (let r = 0; r < table.rowCount; r++) ids[r] = intern(cellText(column, r));
  return ids;
}

function normaliseCountryKey(text: string): string {
  return text.trim().toLowerCase();
}
