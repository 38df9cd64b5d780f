/**
 * `loadWave`: the tables a wave's run left in its out folder, for exploratory work in a notebook
 * or a script. It reads the stage outputs (it never reruns a stage): the normalised tables as the
 * Arrow tables of normalised/respondents.arrow and answers.arrow (apache-arrow `Table`s, the
 * files R, pandas, polars and DuckDB open too), quality/audit.csv and analysis/analysis.json as
 * typed rows.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Table } from 'apache-arrow';
import type {
  AnalysisResult,
  AuditRow,
  Codebook,
  EstimateRow,
  RankingRow,
  RegionScheme,
  TestRow,
  Warning,
  WaveConfig,
} from '../contracts/types.ts';
import { UsageError } from '../contracts/errors.ts';
import { auditFromCsv } from '../io/table-files.ts';
import { normalisedFiles } from '../stages/normalise/normalise-stage.ts';
import { readRespondentsArrowTable } from '../io/respondents-arrow.ts';
import { readAnswerTableArrowTable } from '../io/answer-table-arrow.ts';
import { readAnalysis } from '../io/read-analysis.ts';
import { contextFor, type WaveSelection } from './wave-selection.ts';
import { rememberAnswerRespondents } from './answer-respondents.ts';

/** Everything a run wrote about one wave, as typed rows. */
export interface WaveData {
  /** Wave id, e.g. `2022`. */
  wave: string;
  /** `<out>/<wave>`, the folder the tables were read from. */
  outDir: string;
  /** The wave's configuration with defaults filled (data/raw/<wave>/wave.json). */
  waveConfig: WaveConfig;
  codebook: Codebook;
  scale: { min: number; max: number };
  regionScheme: RegionScheme;
  /**
   * Kept respondents: the Arrow table of normalised/respondents.arrow (the columns of
   * respondents.csv; `respondentsFromArrow` gives Respondent objects, `toDataFrame` the CSV's frame).
   */
  respondents: Table;
  /**
   * The answers: the Arrow table of normalised/answers.arrow, one row per respondent (in the order
   * of `respondents`), one uint8 column of AnswerTable codes per competency × dimension
   * (`answerTableFromArrow` gives the AnswerTable; `toDataFrame(answers)` one row per answer, as answers.csv).
   */
  answers: Table;
  /** One row per input data row, kept or excluded with reasons (quality/audit.csv). */
  audit: AuditRow[];
  estimates: EstimateRow[];
  /** Country rows (country as a domain of the design: `country` = ISO code, `region` = its region); estimates.csv holds `estimates` then these. */
  countryEstimates: EstimateRow[];
  tests: TestRow[];
  rankings: RankingRow[];
  weighting: AnalysisResult['weighting'];
  /** Warnings of the normalise and analyse stages. */
  warnings: Warning[];
  /** How this wave was selected, so it can be passed on (e.g. to `buildFigureSpec`). */
  selection: WaveSelection;
}

/**
 * Reads the normalised tables and analysis outputs of a wave already run into `out`.
 * Throws UsageError, saying which command to run, when the wave has not been run there.
 *
 * @example
 * ```ts
 * const wave2022 = loadWave({ wave: '2022', out: 'out' });
 * wave2022.respondents.numRows;           // kept respondents, e.g. 790
 * wave2022.estimates.filter((e) => e.region === 'Global' && e.measure === 'gap_preparedness');
 * ```
 */
export function loadWave(selection: WaveSelection = {}): WaveData {
  const ctx = contextFor(selection);
  const waveId = ctx.wave.config.wave;
  const files = normalisedFiles(ctx);
  for (const file of [files.respondentsArrow, files.answersArrow, files.meta, files.audit]) {
    if (!existsSync(file)) throw new UsageError(notRunYet(waveId, ctx.outDir, file));
  }
  if (![files.answersArrow, files.answers].some((file) => existsSync(file))) throw new UsageError(notRunYet(waveId, ctx.outDir, files.answersArrow));
  const analysis = readAnalysis(ctx.outDir);
  if (!analysis) throw new UsageError(notRunYet(waveId, ctx.outDir, 'analysis/analysis.json'));
  const meta = JSON.parse(readFileSync(files.meta, 'utf8')) as { scale: WaveData['scale']; regionScheme: RegionScheme; warnings: Warning[] };
  const respondents = readRespondentsArrowTable(files.respondentsArrow);
  const answers = readAnswerTableArrowTable(files.answersArrow);
  rememberAnswerRespondents(answers, respondents);
  return {
    wave: waveId,
    outDir: ctx.outDir,
    waveConfig: ctx.wave.config,
    codebook: ctx.wave.codebook,
    scale: meta.scale,
    regionScheme: meta.regionScheme,
    respondents,
    answers,
    audit: auditFromCsv(readFileSync(files.audit, 'utf8')),
    estimates: analysis.estimates,
    countryEstimates: analysis.countries?.estimates ?? [],
    tests: analysis.tests,
    rankings: analysis.rankings,
    weighting: analysis.weighting,
    warnings: [...meta.warnings, ...analysis.warnings],
    selection: { wave: waveId, config: selection.config, out: selection.out, log: selection.log },
  };
}

function notRunYet(wave: string, outDir: string, missing: string): string {
  return `wave ${wave} has not been run into ${outDir} (${missing} is missing): run \`skillgap run --wave ${wave} --out <folder>\` or \`await runWave({ wave: '${wave}', out })\` first`;
}
