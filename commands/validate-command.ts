/**
 * `skillgap validate [--wave ID] [--config FILE] [--input FILE …]`: checks exports before anything
 * runs and reports every problem of every file at once.
 *
 *   wave (default)    each source of the wave against its codebook source
 *   --input only      each file's format and structure (no codebook)
 *   --input + --wave  each file against the codebook source it fits best
 *
 * Per file: format and the evidence for it, encoding, header and data rows, personal-data columns
 * dropped, codebook columns found, rating-like columns no entry maps, unknown answer labels and
 * out-of-range values (with counts and first rows). Unknown labels and the like are warnings (the
 * run would treat those answers as missing); a file that cannot be used at all (unreadable,
 * required column missing, another survey) is a problem: after reporting everything the command
 * throws ValidationError.many (exit 1). Otherwise it returns the report (exit 0).
 */
import { basename, extname, resolve } from 'node:path';
import { ValidationError, type InputLocation } from '../contracts/errors.ts';
import { loadFramework, loadWave, type LoadedWave } from '../contracts/config.ts';
import { loadFrameworks } from '../contracts/frameworks/load-frameworks.ts';
import { latestWave, REPO_ROOT } from '../runner/context.ts';
import { readExport } from '../stages/ingest/read-export.ts';
import type { IngestedTable } from '../stages/ingest/ingest-types.ts';
import { checkExport, type ExportCheck } from './codebook/check-export.ts';
import { ratingColumnIndices } from './codebook/rating-columns.ts';
import { answerBatteries } from './codebook/answer-batteries.ts';
import * as messages from '../contracts/messages/validate.ts';
import type { DroppedColumn, ExportFormat, Population, SourceCodebook } from '../contracts/types.ts';
import { selectColumns } from '../stages/ingest/select-columns.ts';

export interface ValidateOptions {
  wave?: string;
  config?: string;
  inputs?: string[];
  log?: (line: string) => void;
  root?: string;
}

type Problem = { message: string; where: InputLocation };

export interface FileReport {
  file: string;
  sourceId: string;
  population?: Population;
  usable: boolean;
  format?: ExportFormat;
  formatEvidence?: string[];
  encoding?: string;
  delimiter?: string;
  headerRows?: number;
  dataRows?: number;
  droppedPersonalColumns?: string[];
  /**
   * Data minimisation: the columns a run would keep in its ingest cache and those it would drop,
   * with the reason (with a codebook; without one, only personal-data columns are dropped).
   */
  keptColumns?: string[];
  droppedColumns?: DroppedColumn[];
  /** Against the codebook (wave mode, or --input with --wave). */
  codebook?: ExportCheck;
  /** Structure-only mode: columns whose answers look like ratings. */
  ratingLikeColumns?: string[];
  warnings: string[];
  problems: Problem[];
}

export interface ValidationReport {
  wave?: string;
  files: FileReport[];
}

interface Target {
  path: string;
  sourceId: string;
  population?: Population;
  format?: ExportFormat;
  /** Codebook sources to check against: exactly one in wave mode, all of the wave's with --input. */
  candidates: SourceCodebook[];
  /** Wave mode: the source has no codebook entry. */
  missingCodebook?: boolean;
}

export async function validateCommand(options: ValidateOptions): Promise<ValidationReport> {
  const root = options.root ?? REPO_ROOT;
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const inputs = options.inputs ?? [];
  const useWave = inputs.length === 0 || options.wave !== undefined || options.config !== undefined;
  const wave = useWave ? loadWave(root, options.config ? options.wave : (options.wave ?? latestWave(root)), options.config) : undefined;
  const targets = inputs.length > 0 ? inputTargets(inputs, wave) : waveTargets(wave!);
  const problemsOfWave = wave ? [...codebookProblems(wave, root), ...frameworkProblems(wave, root)] : [];

  const files: FileReport[] = [];
  for (const target of targets) files.push(await checkTarget(target, wave));
  for (const file of files) printFile(file, log);
  for (const problem of problemsOfWave) log(`problem: ${problem.message}`);

  const unusable = files.filter((file) => !file.usable).length;
  log(messages.summary(files.length, unusable, files.reduce((sum, file) => sum + file.warnings.length, 0)));
  const problems = [...problemsOfWave, ...files.flatMap((file) => file.problems)];
  if (problems.length > 0) throw ValidationError.many(problems);
  return { wave: wave?.config.wave, files };
}

function waveTargets(wave: LoadedWave): Target[] {
  return wave.config.sources.map((source, i) => {
    const sourceCodebook = wave.codebook.sources?.find((entry) => entry.source === source.id);
    return {
      path: wave.sourcePaths[i],
      sourceId: source.id,
      population: source.population,
      format: source.format,
      candidates: sourceCodebook ? [sourceCodebook] : [],
      missingCodebook: !sourceCodebook,
    };
  });
}

function inputTargets(inputs: string[], wave: LoadedWave | undefined): Target[] {
  return inputs.map((input) => ({ path: resolve(input), sourceId: basename(input, extname(input)), candidates: wave?.codebook.sources ?? [] }));
}

/** Codebook competencies the framework does not know would stop the run: report them now. */
function codebookProblems(wave: LoadedWave, root: string): Problem[] {
  const known = new Set(loadFramework(root).competencies.map((competency) => competency.id));
  const unknown = new Set((wave.codebook.sources ?? []).flatMap((source) => source.items.map((item) => item.competency)).filter((id) => !known.has(id)));
  return [...unknown].map((id) => ({ message: messages.unknownCompetency(id), where: { file: wave.codebookPath } }));
}

/** The wave's framework files and their crosswalks (docs/frameworks.md) would stop the analysis: report them now. */
function frameworkProblems(wave: LoadedWave, root: string): Problem[] {
  try {
    loadFrameworks(root, wave.waveDir, wave.config.frameworks, loadFramework(root));
    return [];
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return error.problems;
  }
}

async function checkTarget(target: Target, wave: LoadedWave | undefined): Promise<FileReport> {
  const report: FileReport = { file: target.path, sourceId: target.sourceId, usable: false, warnings: [], problems: [] };
  if (target.population) report.population = target.population;
  let table: IngestedTable;
  try {
    table = await readExport({ path: target.path, sourceId: target.sourceId, format: target.format });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    report.problems.push(...error.problems.map((problem) => ({ ...problem, where: { file: target.path, ...problem.where } })));
    return report;
  }
  Object.assign(report, {
    format: table.format,
    formatEvidence: table.detection?.evidence ?? [],
    encoding: table.encoding,
    delimiter: table.delimiter,
    headerRows: table.headerRows,
    dataRows: table.rows.length,
    droppedPersonalColumns: table.droppedPersonalColumns,
  });
  report.warnings.push(...table.warnings);

  if (target.missingCodebook) {
    report.problems.push({ message: messages.noCodebookSource(target.sourceId), where: { file: wave?.codebookPath ?? target.path } });
    return report;
  }
  // Without a codebook only the personal-data columns are known to go; a run keeps only what the codebook names.
  report.droppedColumns = [...(table.droppedColumns ?? [])];
  if (target.candidates.length === 0) {
    const ratingLike = new Set(ratingColumnIndices(table));
    for (const battery of answerBatteries(table)) for (const index of battery.columnIndices) ratingLike.add(index);
    report.ratingLikeColumns = [...ratingLike].sort((a, b) => a - b).map((index) => table.columns[index].key);
    report.usable = true;
    return report;
  }
  const outcome = bestFit(table, target.candidates, wave!);
  if ('problems' in outcome) {
    report.problems.push(...outcome.problems);
    return report;
  }
  const check = outcome.check;
  report.codebook = check;
  const source = target.candidates.find((candidate) => candidate.source === check.source)!;
  try {
    const selection = selectColumns(table.columns, table.rows.slice(0, 100), source, table.sourceFile);
    report.keptColumns = selection.kept.map((index) => table.columns[index].key);
    report.droppedColumns = [...(table.droppedColumns ?? []), ...selection.dropped];
    report.warnings.push(...selection.warnings);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    report.problems.push(...error.problems);
    return report;
  }
  // Weights the run would stop on make the file unusable (every bad row listed).
  report.problems.push(...check.weightProblems.map(({ row, column, message }) => ({ message, where: { file: target.path, row, column } })));
  report.usable = check.weightProblems.length === 0;
  for (const column of check.missingItems) report.warnings.push(messages.missingItem(column));
  if (check.unmappedRatingColumns.length > 0) report.warnings.push(messages.unmappedRatingColumns(check.unmappedRatingColumns));
  for (const battery of check.unmappedBatteries) {
    const known = new Set(check.unmappedRatingColumns);
    const columns = battery.columns.filter((column) => !known.has(column));
    if (columns.length > 0) report.warnings.push(messages.unmappedBattery(columns, battery.labels));
  }
  for (const finding of check.unknownLabels) report.warnings.push(`column "${finding.column}": ${messages.unknownLabel(finding.label, finding.count, finding.firstRows)}`);
  const { min, max } = wave!.codebook.scale;
  for (const finding of check.outOfRange) report.warnings.push(`column "${finding.column}": ${messages.outOfRange(finding.label, min, max, finding.count, finding.firstRows)}`);
  return report;
}

/**
 * The codebook source the export fits: the one whose columns all resolve with the most rating
 * columns found; when none resolves, the problems of the one that came closest (fewest problems).
 */
function bestFit(table: IngestedTable, candidates: SourceCodebook[], wave: LoadedWave): { check: ExportCheck } | { problems: Problem[] } {
  let best: ExportCheck | undefined;
  let closest: Problem[] | undefined;
  for (const candidate of candidates) {
    try {
      const check = checkExport(table, candidate, wave.codebook.scale);
      if (!best || check.itemsFound > best.itemsFound) best = check;
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      if (!closest || error.problems.length < closest.length) closest = error.problems;
    }
  }
  if (best) return { check: best };
  if (candidates.length === 1 || !closest) return { problems: closest ?? [] };
  return { problems: [{ message: messages.noSourceFits(candidates.map((c) => c.source)), where: { file: table.sourceFile } }, ...closest] };
}

function printFile(file: FileReport, log: (line: string) => void): void {
  if (file.format) {
    log(messages.fileLine(file.file, file.format, file.formatEvidence ?? [], file.encoding ?? '', file.headerRows ?? 0, file.dataRows ?? 0));
    log(`  ${messages.personalDropped(file.droppedPersonalColumns ?? [])}`);
    if (file.keptColumns) log(`  ${messages.columnsKept(file.keptColumns)}`);
    if (file.keptColumns && file.droppedColumns) log(`  ${messages.columnsDropped(file.droppedColumns)}`);
  } else {
    log(`${file.file}: cannot be read`);
  }
  if (file.codebook) {
    const metadata = Object.entries(file.codebook.metadata).map(([role, column]) => `${role}=${column}`).join(', ');
    log(`  ${messages.codebookColumns(file.codebook.source, file.codebook.itemsFound, file.codebook.itemsInCodebook, metadata)}`);
  }
  if (file.ratingLikeColumns) log(`  ${messages.ratingLikeColumns(file.ratingLikeColumns.length, file.ratingLikeColumns.slice(0, 5))}`);
  for (const warning of file.warnings) log(`  warning: ${warning}`);
  for (const problem of file.problems) {
    const where = [problem.where.row !== undefined ? `row ${problem.where.row}` : '', problem.where.column !== undefined ? `column "${problem.where.column}"` : ''].filter(Boolean).join(', ');
    log(`  problem: ${where ? `${where}: ` : ''}${problem.message}`);
  }
}
