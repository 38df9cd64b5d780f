/**
 * The normalise stage: raw export tables → the data model (respondents, long answers) and an
 * audit row for every input row. Pure: no file access; the runner passes tables in and writes
 * the result out.
 *
 *   per source: resolve codebook columns → recode answers → quality rules → country & region
 *   then: concatenate kept respondents, gather their answer codes into the wide answer table
 *   (contracts/answer-table.ts), collect warnings
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
} from '../../contracts/types.ts';
import { DIMENSIONS } from '../../contracts/types.ts';
import { ABSENT_CODE, DIMENSION_COUNT, MISSING_CODE_BASE, levelCodeOf, missingCode, scaleLevels } from '../../contracts/answer-table.ts';
import { ValidationError } from '../../contracts/errors.ts';
import { resolveColumns, type ResolvedColumns } from './resolve-columns.ts';
import { checkWeights } from './check-weights.ts';
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
import { countryResolver, suggestCountries } from './countries.ts';
import { regionOf } from './regions.ts';
import { countryMessages, normaliseMessages } from '../../contracts/messages/index.ts';

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
  // The levels (values) of the wave's answer codes: the scale points first, shared by the sources.
  const levels: Pick<AnswerTable, 'levelValues'> = { levelValues: scaleLevels(codebook.scale) };

  const respondents: Respondent[] = [];
  const audit: AuditRow[] = [];
  const warnings: Warning[] = [];
  const keptGrids: KeptGrid[] = [];
  const columnarTables = tables.map((table) => ('rows' in table ? columnarFromRows(table) : table));

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
    const itemSlot = itemSlots(columns.items, competencyIndex, table.sourceFile);
    const resolveCountry = countryResolver({ aliases: config.countryAliases, missingMarkers: source.missingMarkers });

    // Every rating is recoded once per distinct text of its column into a one-byte answer code
    // (contracts/answer-table.ts), in a grid of this source's rows × items (row-major; ≈ 64 MB at a
    // million rows of 60 ratings). Unknown labels become `invalid`, with one warning per label and column.
    const grid = new Uint8Array(rowCount * itemCount);
    const unknownLabels = new Map<string, { column: string; label: string; rows: number[] }>();
    const blank = blankRows(table);
    const finished = new Int8Array(rowCount).fill(-1);
    const progress = new Float64Array(rowCount).fill(NaN);
    const duration = new Float64Array(rowCount).fill(NaN);
    const weights = new Float64Array(rowCount).fill(1);
    const answeredAny = new Uint8Array(rowCount);
    const responseIds: string[] = new Array(rowCount);
    const weightProblems: { message: string; where: { file: string; row: number; column: string } }[] = [];
    const itemColumns = columns.items.map((item) => codeColumn(table.cells[item.index], spssAwareRecoder(spssColumnInfo(table, item.index), recode), levels));

    for (let r = 0; r < rowCount; r++) {
      responseIds[r] = cell(r, columns.respondentId).trim();
      if (columns.finished >= 0) finished[r] = parseFinished(cell(r, columns.finished));
      if (columns.progress >= 0) progress[r] = parseNumber(cell(r, columns.progress));
      if (columns.durationSeconds >= 0) duration[r] = parseNumber(cell(r, columns.durationSeconds));
      let answered = 0;
      const rowStart = r * itemCount;
      for (let item = 0; item < itemCount; item++) {
        const code = itemColumns[item](r);
        grid[rowStart + item] = code;
        if (code < MISSING_CODE_BASE) answered++;
        else if (code === INVALID_CODE && !blank[r]) {
          const text = cell(r, columns.items[item].index);
          const column = columns.items[item].column;
          const key = `${column}\u0000${text}`;
          const entry = unknownLabels.get(key) ?? { column, label: text, rows: [] };
          entry.rows.push(table.sourceRows[r]);
          unknownLabels.set(key, entry);
        }
      }
      answeredAny[r] = answered > 0 ? 1 : 0;
    }
    if (columns.weight >= 0) {
      // The rules of check-weights.ts, over the non-blank rows (as `skillgap validate` applies them).
      const weighted = [...Array(rowCount).keys()].filter((r) => !blank[r]);
      const checked = checkWeights(weighted.map((r) => cell(r, columns.weight)));
      for (const problem of checked.problems) {
        const r = weighted[problem.index];
        weightProblems.push({ message: problem.message, where: { file: table.sourceFile, row: table.sourceRows[r], column: table.columns[columns.weight].key } });
      }
      weighted.forEach((r, i) => { if (checked.weights[i] > 0) weights[r] = checked.weights[i]; });
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
        grid, itemCount, answeredAny,
      ), blank)
      : { byId: new Uint8Array(rowCount), byAnswers: new Uint8Array(rowCount) };
    const speedLimit = speederThreshold(duration, invert(blank), rules.speederFraction);
    const itemDimension = Uint8Array.from(columns.items, (item) => DIMENSIONS.indexOf(item.dimension));
    const unknownCountries = new Map<string, number[]>();
    const keptRows: number[] = [];

    for (let r = 0; r < rowCount; r++) {
      let reasons = NO_REASONS;
      if (blank[r]) reasons = withReason(reasons, 'blank_row');
      else {
        if (duplicates.byId[r]) reasons = withReason(reasons, 'duplicate_response_id');
        if (duplicates.byAnswers[r]) reasons = withReason(reasons, 'duplicate_answers');
        if (columns.status >= 0 && isTestResponse(cell(r, columns.status))) reasons = withReason(reasons, 'test_response');
        if (rules.attentionChecks !== false && columns.attentionChecks.length > 0 && failsAttentionCheck(columns.attentionChecks, (index) => cell(r, index))) reasons = withReason(reasons, 'failed_attention_check');
        if (isIncomplete(finished[r], progress[r], rules.minProgress)) reasons = withReason(reasons, 'incomplete');
        if (Number.isFinite(speedLimit) && duration[r] < speedLimit) reasons = withReason(reasons, 'speeder');
        if (isStraightLiner(grid, r * itemCount, itemDimension, rules.straightLineMinItems)) reasons = withReason(reasons, 'straight_liner');
        if (countAnswered(grid, r * itemCount, itemCount) < Math.max(1, rules.minAnsweredItems)) reasons = withReason(reasons, 'no_ratings');
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
      if (country.alpha2 === null && country.reason === 'unknown') {
        const key = countryText.trim();
        unknownCountries.set(key, [...(unknownCountries.get(key) ?? []), table.sourceRows[r]]);
      }
      keptRows.push(r);
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
    }
    keptGrids.push({ grid, itemCount, itemSlot, keptRows: Int32Array.from(keptRows) });
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
    answers: gatherAnswerTable(keptGrids, respondents.length, options.competencyOrder, levels.levelValues),
    audit,
    warnings,
  };
}

/** A source's answer codes (rows × items) and which rows were kept, in respondent order. */
interface KeptGrid {
  grid: Uint8Array;
  itemCount: number;
  /** Item → its cell within a respondent's row of the answer table (competency × dimensions + dimension). */
  itemSlot: Int32Array;
  keptRows: Int32Array;
}

/** The wide answer table of the kept respondents: each source's kept rows, in order, their items in their cells. */
function gatherAnswerTable(grids: readonly KeptGrid[], respondentCount: number, competencies: readonly string[], levelValues: number[]): AnswerTable {
  const rowWidth = competencies.length * DIMENSION_COUNT;
  const codes = new Uint8Array(respondentCount * rowWidth).fill(ABSENT_CODE);
  let respondent = 0;
  for (const { grid, itemCount, itemSlot, keptRows } of grids) {
    for (let k = 0; k < keptRows.length; k++, respondent++) {
      const from = keptRows[k] * itemCount;
      const to = respondent * rowWidth;
      for (let item = 0; item < itemCount; item++) codes[to + itemSlot[item]] = grid[from + item];
    }
  }
  return { respondentCount, competencies: [...competencies], levelValues, codes };
}

/**
 * Item → cell within a respondent's row (competency × dimensions + dimension). Two rating columns
 * of one source for the same competency and dimension would give a respondent two answers for
 * one cell: a codebook error, reported with both columns.
 */
function itemSlots(items: ResolvedColumns['items'], competencyIndex: Map<string, number>, sourceFile: string): Int32Array {
  const slots = new Int32Array(items.length);
  const columnOfSlot = new Map<number, string>();
  const problems: { message: string; where: { file: string; column: string } }[] = [];
  items.forEach((item, i) => {
    const slot = competencyIndex.get(item.competency)! * DIMENSION_COUNT + DIMENSIONS.indexOf(item.dimension);
    const first = columnOfSlot.get(slot);
    if (first !== undefined) problems.push({ message: normaliseMessages.itemSlotTwice(item.competency, item.dimension, first, item.column), where: { file: sourceFile, column: item.column } });
    else columnOfSlot.set(slot, item.column);
    slots[i] = slot;
  });
  if (problems.length > 0) throw ValidationError.many(problems);
  return slots;
}

const INVALID_CODE = missingCode('invalid');
/** The reasons of every kept row: one shared empty list rather than two million (withReason never appends to it). */
const NO_REASONS: QualityReason[] = Object.freeze([]) as unknown as QualityReason[];

function withReason(reasons: QualityReason[], reason: QualityReason): QualityReason[] {
  if (reasons === NO_REASONS) return [reason];
  reasons.push(reason);
  return reasons;
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

function countAnswered(codes: Uint8Array, offset: number, count: number): number {
  let answered = 0;
  for (let i = 0; i < count; i++) if (codes[offset + i] < MISSING_CODE_BASE) answered++;
  return answered;
}

function invert(flags: Uint8Array): Uint8Array {
  const inverted = new Uint8Array(flags.length);
  for (let i = 0; i < flags.length; i++) inverted[i] = flags[i] ? 0 : 1;
  return inverted;
}

/**
 * The answer codes of one rating column as a row → code function: a dictionary column is recoded
 * once per distinct text (a lookup table of codes), a plain column cell by cell (through the
 * recoder's memo). A value's code comes from the wave's levels (levelCodeOf).
 */
function codeColumn(column: ColumnCells, recode: (cell: string) => RecodedAnswer, levels: Pick<AnswerTable, 'levelValues'>): (row: number) => number {
  if (column.kind === 'skipped') throw new Error('normaliseWave: a rating column was skipped when the table was read');
  const codeOf = (answer: RecodedAnswer) => (answer.missing === null ? levelCodeOf(levels, answer.value) : missingCode(answer.missing));
  if (column.kind === 'plain') return (row) => codeOf(recode(column.values[row]));
  const byCode = Uint8Array.from(column.dictionary, (text) => codeOf(recode(text)));
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
